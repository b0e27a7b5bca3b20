/**
 * The course as pages read it: the content collections of src/content.config.ts put
 * through src/course/courses.ts, once per build. A problem the schemas cannot see (a lesson in
 * a folder without module.yaml, a scenario or a glossary lesson that does not exist) stops
 * the build with every problem listed, one a line, naming the file and the field.
 */
import { getCollection, getEntry } from 'astro:content';
import { formatProblem, type Problem } from '../engine/problems';
import type { LessonRef } from '../course/outline';
import { buildCourses, unknownScenarioProblems, type CourseContent } from '../course/courses';
import { glossaryLetters, type GlossaryLetter } from '../course/glossary';

function fail(problems: readonly Problem[]): never {
  throw new Error(`Invalid course content:\n${problems.map(formatProblem).join('\n')}`);
}

let loading: Promise<CourseContent[]> | undefined;

/** Every course, modules and lessons in numbered order. */
export function getCourses(): Promise<CourseContent[]> {
  loading ??= (async () => {
    const [courses, modules, checks, lessons, scenarios] = await Promise.all([
      getCollection('courses'),
      getCollection('modules'),
      getCollection('checks'),
      getCollection('lessons'),
      getCollection('scenarios'),
    ]);
    const built = buildCourses({ courses, modules, checks, lessons });
    const problems = [
      ...built.problems,
      ...unknownScenarioProblems(built.courses, new Set(scenarios.map(({ id }) => id))),
    ];
    if (problems.length > 0) fail(problems);
    return built.courses;
  })();
  return loading;
}

/** Every lesson by its `<course>/<module>/<lesson>` path, the form glossary.yaml uses. */
export async function getLessonsByPath(): Promise<Map<string, LessonRef>> {
  const courses = await getCourses();
  return new Map(
    courses.flatMap(({ outline, modules }) =>
      modules.flatMap(({ lessons }) =>
        lessons.map(({ ref }) => [`${outline.slug}/${ref.key}`, ref] as const),
      ),
    ),
  );
}

/** The glossary grouped by letter; no glossary file yet means no terms. */
export async function getGlossary(): Promise<GlossaryLetter[]> {
  const entry = await getEntry('glossary', 'glossary');
  const { letters, problems } = glossaryLetters(entry?.data ?? [], await getLessonsByPath());
  if (problems.length > 0) fail(problems);
  return letters;
}
