import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../engine/problems';
import { readCourseFiles } from './course-files';

const COURSE = 'courses/backorders-and-partial-shipments';

/** A copy of the real content folder with one file changed. */
function contentWith(file: string, change: (text: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync('content', root, { recursive: true });
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
  return root;
}

describe('readCourseFiles', () => {
  it('reads the real course: eight modules in syllabus order, each with lessons and a check', () => {
    const { courses, templates, glossary, problems } = readCourseFiles('content');
    expect(problems.map(formatProblem)).toEqual([]);
    const [course] = courses;
    expect(course!.modules.map((m) => m.module.topic)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const module of course!.modules) {
      expect(module.lessons.length, module.slug).toBeGreaterThan(0);
      // Every bank holds at least twice what one attempt draws (issue 14).
      expect(module.check?.questions.length ?? 0, module.slug).toBeGreaterThanOrEqual(
        2 * (module.check?.draw ?? 2),
      );
    }
    const kinds = new Set(
      course!.modules.flatMap((m) => m.check?.questions.map((q) => q.kind) ?? []),
    );
    expect(kinds).toEqual(new Set(['single', 'multiple', 'order', 'classify', 'message']));
    // One plain template per kind, plus the variants for later moments.
    expect(
      templates
        .filter((t) => !t.template.when)
        .map((t) => t.template.kind)
        .sort(),
    ).toEqual([
      'apology-remedy',
      'backorder-notice',
      'cancellation-refund',
      'delay-update',
      'partial-shipment',
      'status-update',
      'substitute-offer',
    ]);
    expect(
      templates.filter((t) => t.template.when).map((t) => [t.template.kind, t.template.when]),
    ).toEqual([
      ['cancellation-refund', 'before-cancelling'],
      ['partial-shipment', 'after-shipping'],
    ]);
    expect(glossary.length).toBeGreaterThan(20);
  });

  it.each([
    {
      label: 'a lesson with a bad field',
      file: `${COURSE}/01-basics/02-three-types.mdx`,
      change: (text: string) => text.replace(/^minutes: \d+$/m, 'minutes: ten'),
      path: 'minutes',
    },
    {
      label: 'a template with a bad field',
      file: 'templates/partial-shipment.md',
      change: (text: string) => text.replace(/^channel: .*$/m, 'channel: fax'),
      path: 'channel',
    },
    {
      label: 'a check whose single-choice question has no right answer',
      file: `${COURSE}/02-inventory-tracking/check.yaml`,
      change: (text: string) => text.replaceAll('correct: true', 'correct: false'),
      path: 'questions',
    },
    {
      label: 'a bank smaller than twice its draw',
      file: `${COURSE}/03-partial-shipments/check.yaml`,
      change: (text: string) => text.replace(/^draw: \d+$/m, 'draw: 5'),
      path: 'questions',
    },
    {
      label: 'an option without feedback',
      file: `${COURSE}/03-partial-shipments/check.yaml`,
      change: (text: string) => text.replace(/^( {8})feedback:/m, '$1feedbak:'),
      path: 'questions[0].options[0]',
    },
  ])('names the file and field of $label', ({ file, change, path }) => {
    const { problems } = readCourseFiles(contentWith(file, change));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.file.endsWith(file)).toBe(true);
    expect(problems[0]!.path.startsWith(path)).toBe(true);
  });
});

describe('content links', () => {
  it('finds every question pointing at a real lesson section, and names one that does not', async () => {
    const { contentLinkProblems } = await import('../course/content-links');
    const scenarios = new Set(['three-backorder-types', 'late-purchase-order']);
    const good = contentLinkProblems(readCourseFiles('content'), scenarios).filter((p) =>
      p.path.endsWith('.see'),
    );
    expect(good).toEqual([]);
    const file = `${COURSE}/01-basics/check.yaml`;
    const root = contentWith(file, (text) =>
      text.replace(/see: 01-what-is-a-backorder#[a-z-]+/, 'see: 01-what-is-a-backorder#nowhere'),
    );
    const bad = contentLinkProblems(readCourseFiles(root), scenarios).filter((p) =>
      p.path.endsWith('.see'),
    );
    expect(bad.map((p) => p.message)).toEqual([
      expect.stringMatching(/^no section "#nowhere" in 01-what-is-a-backorder; its sections are #/),
    ]);
  });
});

describe('readCourseFiles on hostile files', () => {
  /** Anchors of nine times the one before: a "billion laughs" under the key `laughs`. */
  const bomb = `laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${[...'bcdefgh']
    .map((name, i) => `  ${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)
    .join('\n')}\n`;

  it.each([
    { label: 'a check file', file: `${COURSE}/02-inventory-tracking/check.yaml` },
    { label: "a lesson's frontmatter", file: `${COURSE}/01-basics/02-three-types.mdx` },
  ])('refuses an alias bomb in $label, naming the file, without throwing', ({ file }) => {
    const root = contentWith(file, (text) => text.replace(/^(---\n)?/, `$1${bomb}`));
    let result: ReturnType<typeof readCourseFiles> | undefined;
    expect(() => (result = readCourseFiles(root))).not.toThrow();
    const problem = result!.problems.find((p) => /expand too far/.test(p.message));
    expect(problem, JSON.stringify(result!.problems)).toBeDefined();
    expect(problem!.file.endsWith(file)).toBe(true);
    expect(problem!.line).toBeGreaterThan(0);
  });
});
