/**
 * Re-marking a knowledge-check attempt brought in a bundle (issues 11 and 14). A bundle
 * says which questions were drawn, which answers were given and whether they passed; only
 * the draw and the answers are evidence. They are marked again against this build's check
 * with the same content hash (src/course/grading.ts, the marking the quiz itself uses), and
 * a pass or a score the answers do not earn is flagged and never counts, the way a run
 * whose log does not give its score is flagged. Attempts saved before question banks
 * (no draw, no hash) are still read and marked on the questions they answered.
 */
import { z } from 'zod';
import { markCheck, type Answer } from '../course/grading';
import type { CheckData } from '../course/outline';
import { refresherCheck } from '../course/refresher';
import type { Question } from '../course/schema';
import { checkAttemptKey, type CheckVerification } from './flags';

/** Every check of one course, as the build has them (`/manager/checks.json`). */
export interface CourseChecks {
  course: string;
  /** How many questions a refresher quiz asks (course.yaml `refresherQuestions`). */
  refresherQuestions: number;
  checks: CheckData[];
}

/** The refresher's pass mark (src/course/progress.ts). */
export { REFRESHER_PASS_MARK } from '../course/refresher';

export { CHECK_FLAG_LABELS, CHECK_FLAGS, checkAttemptKey } from './flags';
export type { CheckFlag, CheckVerification } from './flags';

const id = z.string().max(200);
/** An answer as the quiz stores it; any other shape counts as no answer. */
const answerSchema: z.ZodType<Answer> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), option: id }),
  z.object({ kind: z.literal('multiple'), options: z.array(id).max(50) }),
  z.object({ kind: z.literal('order'), items: z.array(id).max(50) }),
  z.object({ kind: z.literal('classify'), categories: z.record(id, id) }),
  z.object({ kind: z.literal('message'), elements: z.array(id).max(50) }),
]);

function readAnswers(answers: Record<string, unknown>): Record<string, Answer> {
  const read: Record<string, Answer> = {};
  for (const [question, answer] of Object.entries(answers)) {
    const parsed = answerSchema.safeParse(answer);
    if (parsed.success) read[question] = parsed.data;
  }
  return read;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** An attempt as a bundle or the database holds it. */
export interface StoredCheckAttempt {
  course: string;
  module: string;
  at: Date;
  answers: Record<string, unknown>;
  score: number;
  passed: boolean;
  /** The questions drawn (issue 14); absent on attempts made before question banks. */
  questions?: { id: string; order: string[] }[];
  /** The check's content hash when the attempt was made; absent on older attempts. */
  checkHash?: string;
}

/** The check an attempt answered, as this build has it: a module's, or the refresher's. */
function checkFor(attempt: StoredCheckAttempt, course: CourseChecks | undefined): CheckData | null {
  if (!course || course.course !== attempt.course) return null;
  if (attempt.module === 'refresher')
    return course.checks.length > 0
      ? refresherCheck(course.course, course.checks, course.refresherQuestions)
      : null;
  return course.checks.find((c) => c.module === attempt.module) ?? null;
}

/**
 * The questions an attempt was asked and how many it is marked out of. With a recorded draw,
 * the draw must be one the check can make (its size, no repeats, every id in the bank). An
 * older attempt without one is marked on the bank questions it answered, out of at least a
 * draw's worth, so leaving questions out cannot raise the share.
 */
function askedQuestions(
  attempt: StoredCheckAttempt,
  check: CheckData,
  answers: Record<string, Answer>,
): { questions: Question[]; outOf: number } | { problem: string } {
  const bank = new Map(check.questions.map((q) => [q.id, q]));
  if (attempt.questions) {
    const ids = attempt.questions.map((q) => q.id);
    const unknown = ids.filter((id) => !bank.has(id));
    if (unknown.length > 0)
      return {
        problem: `it lists questions the check does not have (${unknown.slice(0, 3).join(', ')})`,
      };
    if (new Set(ids).size !== ids.length || ids.length !== check.draw)
      return {
        problem: `it lists ${ids.length} questions; an attempt at this check draws ${check.draw} different ones`,
      };
    return { questions: ids.map((id) => bank.get(id)!), outOf: check.draw };
  }
  const answered = Object.keys(answers)
    .map((id) => bank.get(id))
    .filter((q): q is Question => q !== undefined);
  return { questions: answered, outOf: Math.max(answered.length, check.draw) };
}

/**
 * Mark one attempt again, against the check its content hash names: a module's check, or
 * the refresher (every module's bank, ids `module--question`). Partial credit counts, as in
 * the quiz (src/course/grading.ts).
 */
export function verifyCheckAttempt(
  attempt: StoredCheckAttempt,
  course: CourseChecks | undefined,
): CheckVerification {
  const key = checkAttemptKey(attempt);
  const claims = attempt.passed || attempt.score > 0;
  const check = checkFor(attempt, course);
  const notMarked = (reason: string): CheckVerification =>
    claims ? { key, flag: 'unknown-check', reason } : { key, flag: null, reason: 'Not passed.' };
  if (!check)
    return notMarked(
      `No check "${attempt.module}" of course "${attempt.course}" is known here, so its answers cannot be marked.`,
    );
  if (attempt.checkHash && attempt.checkHash !== check.hash)
    return notMarked(
      `The check "${attempt.module}" has changed since this attempt (its content hash differs), so its answers cannot be marked against it.`,
    );
  const answers = readAnswers(attempt.answers);
  const asked = askedQuestions(attempt, check, answers);
  if ('problem' in asked)
    return claims
      ? {
          key,
          flag: 'not-earned',
          reason: `The attempt's draw is not one this check makes: ${asked.problem}.`,
        }
      : { key, flag: null, reason: 'Not passed.' };
  const marked = markCheck(asked.questions, answers, check.passMark);
  const earned = marked.results.reduce((sum, r) => sum + r.credit, 0);
  const score = asked.outOf === 0 ? 0 : earned / asked.outOf;
  return verdict(key, attempt, score, Math.round(score * 100) >= Math.round(check.passMark * 100));
}

function verdict(
  key: string,
  attempt: { score: number; passed: boolean },
  score: number,
  passed: boolean,
): CheckVerification {
  if ((attempt.passed && !passed) || attempt.score > score + 0.005)
    return {
      key,
      flag: 'not-earned',
      reason: `The file says ${percent(attempt.score)}${attempt.passed ? ' (passed)' : ''}; marking its answers gives ${percent(score)}${passed ? ' (passed)' : ' (not passed)'}.`,
    };
  return { key, flag: null, reason: 'Marked again; the answers earn the result.' };
}
