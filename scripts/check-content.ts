/**
 * `npm run content:check`: validate the course content without building the site: every
 * file against its schema, plus the links between them (glossary terms to lessons, lessons
 * to scenarios, template placeholders), and the role-plays in simulations/roleplays/ with
 * their graph checks. Prints one problem a line, exits 1 if any.
 */
import { readdirSync } from 'node:fs';
import { formatProblem } from '../src/engine/problems';
import { contentLinkProblems } from '../src/course/content-links';
import { readCourseFiles } from '../src/files/course-files';
import { readRoleplayFiles } from '../src/files/roleplays';
import { maxScore } from '../src/roleplay/graph';

const files = readCourseFiles('content');
const scenarios = new Set(
  readdirSync('simulations')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, '')),
);
const roleplays = readRoleplayFiles('simulations/roleplays');
const problems = [
  ...files.problems,
  ...contentLinkProblems(files, scenarios),
  ...roleplays.problems,
];
for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
const lessons = files.courses.flatMap((c) => c.modules.flatMap((m) => m.lessons)).length;
process.stderr.write(
  problems.length > 0
    ? `${problems.length} problem(s) in content/\n`
    : `content/ is valid: ${files.courses.length} course(s), ${lessons} lesson(s), ${files.templates.length} template(s), ${files.glossary.length} glossary term(s)\n`,
);
if (problems.length === 0)
  for (const { slug, modules } of files.courses)
    process.stderr.write(
      `${slug} question banks: ${modules
        .map((m) =>
          m.check ? `${m.slug} ${m.check.questions.length} (draws ${m.check.draw})` : null,
        )
        .filter(Boolean)
        .join(', ')}\n`,
    );
if (roleplays.problems.length === 0)
  process.stderr.write(
    `simulations/roleplays/ is valid: ${roleplays.roleplays
      .map(({ roleplay }) => `${roleplay.id} (best path ${maxScore(roleplay)} points)`)
      .join(', ')}\n`,
  );
process.exitCode = problems.length > 0 ? 1 : 0;
