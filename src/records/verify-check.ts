/**
 * Re-marking a knowledge-check attempt brought in a bundle (issue 11, item 1). A bundle
 * says which answers were given and whether they passed; only the answers are evidence.
 * They are marked again against this build's checks (src/course/grading.ts, the marking the
 * quiz itself uses), and a pass or a score the answers do not earn is flagged and never
 * counts, the way a run whose log does not give its score is flagged.
 */
import { z } from 'zod';
import { markCheck, type Answer } from '../course/grading';
import type { CheckData } from '../course/outline';
import type { Question } from '../course/schema';
import { checkAttemptKey, type CheckVerification } from './flags';

/** Every check of one course, as the build has them (`/manager/checks.json`). */
export interface CourseChecks {
  course: string;
  /** How many questions a refresher quiz asks (course.yaml `refresherQuestions`). */
  refresherQuestions: number;
  checks: CheckData[];
}

/** The refresher's pass mark, as src/components/course/Refresher.svelte sets it. */
export const REFRESHER_PASS_MARK = 0.8;

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

/**
 * Mark one attempt again. A module's check is marked against its questions; a refresher,
 * whose questions were drawn from every module (ids `module--question`), against the
 * questions it answered, out of the number a refresher asks, so leaving questions out
 * cannot raise the share.
 */
export function verifyCheckAttempt(
  attempt: {
    course: string;
    module: string;
    at: Date;
    answers: Record<string, unknown>;
    score: number;
    passed: boolean;
  },
  course: CourseChecks | undefined,
): CheckVerification {
  const key = checkAttemptKey(attempt);
  const claims = attempt.passed || attempt.score > 0;
  const known =
    course?.course === attempt.course
      ? attempt.module === 'refresher'
        ? course.checks.length > 0
        : course.checks.some((c) => c.module === attempt.module)
      : false;
  if (!known || !course)
    return claims
      ? {
          key,
          flag: 'unknown-check',
          reason: `No check "${attempt.module}" of course "${attempt.course}" is known here, so its answers cannot be marked.`,
        }
      : { key, flag: null, reason: 'Not passed.' };
  const answers = readAnswers(attempt.answers);
  if (attempt.module === 'refresher') {
    const all = new Map<string, Question>(
      course.checks.flatMap((check) =>
        check.questions.map((q) => {
          const qualified = `${check.module}--${q.id}`;
          return [qualified, { ...q, id: qualified }] as const;
        }),
      ),
    );
    const asked = Math.min(course.refresherQuestions, all.size);
    const answered = Object.keys(answers)
      .map((question) => all.get(question))
      .filter((q): q is Question => q !== undefined)
      .slice(0, asked);
    // Questions left unanswered count as wrong: the share is out of the quiz's length.
    const right = markCheck(answered, answers).results.filter((r) => r.correct).length;
    const score = asked === 0 ? 0 : right / asked;
    return verdict(key, attempt, score, Math.round(score * 100) >= REFRESHER_PASS_MARK * 100);
  }
  const check = course.checks.find((c) => c.module === attempt.module)!;
  const marked = markCheck(check.questions, answers, check.passMark);
  return verdict(key, attempt, marked.score, marked.passed);
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
