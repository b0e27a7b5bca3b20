/**
 * The refresher quiz (syllabus 8, issue 14) as a check of its own, drawn from every
 * module's bank. Kept apart from progress.ts so lesson pages, which read progress, do not
 * carry the hashing the refresher needs.
 */
import { sha256 } from '../engine/canonical';
import type { CheckData } from './outline';

/** The refresher quiz's pass mark. */
export const REFRESHER_PASS_MARK = 0.8;

/**
 * The refresher quiz as a check of its own (syllabus 8, issue 14): its bank is every
 * module's bank, question ids qualified by module (`01-basics--cause-of-backorder`, since
 * ids are unique only within a module), and each attempt draws `count` questions spread
 * over the modules (src/course/draw.ts), a different draw each attempt.
 */
export function refresherCheck(
  course: string,
  checks: readonly CheckData[],
  count: number,
  passMark = REFRESHER_PASS_MARK,
): CheckData {
  const qualify = (module: string, id: string) => `${module}--${id}`;
  return {
    course,
    module: 'refresher',
    moduleTitle: 'Refresher',
    passMark,
    draw: count,
    questions: checks.flatMap((check) =>
      check.questions.map((q) => ({
        ...q,
        id: qualify(check.module, q.id),
        see: qualify(check.module, q.see),
      })),
    ),
    hash: sha256(checks.map((c) => c.hash).join()),
    sections: Object.fromEntries(
      checks.flatMap((check) =>
        Object.entries(check.sections).map(([see, link]) => [qualify(check.module, see), link]),
      ),
    ),
  };
}
