import type { Problem } from '../../engine/problems';

/** Where a problem is, in words: "line 17, catalog[0].onHand", or "the file" when it has no place. */
export function problemPlace(problem: Pick<Problem, 'line' | 'path'>): string {
  return [problem.line ? `line ${problem.line}` : '', problem.path || 'the file']
    .filter(Boolean)
    .join(', ');
}
