/**
 * Every record the site keeps, as xAPI 1.0.3 statements (issue 15). Pure functions of the
 * record: the same record always gives the same statements, ids included (./ids), so a
 * retry or a rebuilt statement is the same statement to a learning record store.
 * Interactions follow xAPI-Data.md §2.4.4.1 (cmi.interaction, correctResponsesPattern).
 */
import { markQuestion, type Answer } from '../course/grading';
import type { Question } from '../course/schema';
import { isoDuration, secondsBetween } from './duration';
import { inCourse, plain, round, statement } from './build';
import { activity, activityId, type Who } from './identity';
import { checkInteraction } from './interactions';
import type { Activity, Statement } from './types';
import { ACTIVITY_TYPES, VERBS, extensionKeys } from './vocabulary';

/** A lesson as the site records it (src/db LessonVisit). */
export interface LessonRecord {
  course: string;
  lesson: string;
  openedAt: Date;
  completedAt?: Date;
  seconds: number;
}

const lessonActivity = (who: Who, v: { course: string; lesson: string }) =>
  activity(activityId(who.activityBase, 'courses', v.course, v.lesson), ACTIVITY_TYPES.lesson);

/** The visit as a bundle holds it, in the lesson statements' context. */
const visitContext = (who: Who, visit: LessonRecord) => ({
  ...inCourse(who, visit.course),
  extensions: {
    [extensionKeys(who.activityBase).lessonVisit]: plain({
      course: visit.course,
      lesson: visit.lesson,
      openedAt: visit.openedAt,
      ...(visit.completedAt ? { completedAt: visit.completedAt } : {}),
      seconds: visit.seconds,
    }),
  },
});

/** `experienced` when a lesson is first opened. */
export function lessonExperienced(who: Who, visit: LessonRecord): Statement {
  const key = `lesson-experienced|${who.profileId}|${visit.course}|${visit.lesson}`;
  const opened = { ...visit, completedAt: undefined, seconds: 0 };
  return statement(who, key, VERBS.experienced, lessonActivity(who, visit), visit.openedAt, {
    context: visitContext(who, opened),
  });
}

/** `completed` when a lesson is marked done, with the reading time so far as its duration. */
export function lessonCompleted(who: Who, visit: LessonRecord & { completedAt: Date }): Statement {
  const key = `lesson-completed|${who.profileId}|${visit.course}|${visit.lesson}`;
  return statement(who, key, VERBS.completed, lessonActivity(who, visit), visit.completedAt, {
    result: { completion: true, duration: isoDuration(visit.seconds) },
    context: visitContext(who, visit),
  });
}

/** One attempt at a module's check (src/db CheckAttempt), with the questions it was asked. */
export interface CheckRecord {
  course: string;
  module: string;
  at: Date;
  answers: Record<string, unknown>;
  score: number;
  passed: boolean;
  /** The questions drawn and the order their choices were shown, when the check drew them. */
  questions?: { id: string; order: string[] }[];
  checkHash?: string;
}

/** The attempt as a bundle holds it, for the verdict's context. */
const attemptRecord = (a: CheckRecord) =>
  plain({
    course: a.course,
    module: a.module,
    at: a.at,
    answers: a.answers,
    score: a.score,
    passed: a.passed,
    ...(a.questions ? { questions: a.questions } : {}),
    ...(a.checkHash ? { checkHash: a.checkHash } : {}),
  });

export interface CheckContent {
  questions: readonly Question[];
  /** When the learner started the check, for the duration; the attempt time when unknown. */
  startedAt?: Date;
  title?: string;
}

/**
 * An attempt at a check: one `answered` per question (a cmi.interaction with its correct
 * responses), then `passed` or `failed` for the check, with score and duration.
 */
export function checkAttemptStatements(
  who: Who,
  attempt: CheckRecord,
  content: CheckContent,
): Statement[] {
  const checkId = activityId(who.activityBase, 'courses', attempt.course, attempt.module, 'check');
  const check = activity(checkId, ACTIVITY_TYPES.assessment, content.title);
  const attemptKey = `${who.profileId}|${attempt.course}|${attempt.module}|${attempt.at.toISOString()}`;
  const answered = content.questions.map((question) => {
    const answer = attempt.answers[question.id] as Answer | undefined;
    const { definition, response } = checkInteraction(question, answer);
    const object: Activity = {
      objectType: 'Activity',
      id: `${checkId}/${encodeURIComponent(question.id)}`,
      definition,
    };
    const success = markQuestion(question, answer).correct;
    return statement(
      who,
      `check-answered|${attemptKey}|${question.id}`,
      VERBS.answered,
      object,
      attempt.at,
      {
        result: { success, response },
        context: inCourse(who, attempt.course, check),
      },
    );
  });
  const right = content.questions.filter(
    (q) => markQuestion(q, attempt.answers[q.id] as Answer | undefined).correct,
  ).length;
  const seconds = content.startedAt ? secondsBetween(content.startedAt, attempt.at) : 0;
  const verdict = statement(
    who,
    `check-verdict|${attemptKey}`,
    attempt.passed ? VERBS.passed : VERBS.failed,
    check,
    attempt.at,
    {
      result: {
        score: { scaled: round(attempt.score), raw: right, min: 0, max: content.questions.length },
        success: attempt.passed,
        completion: true,
        duration: isoDuration(seconds),
      },
      context: {
        ...inCourse(who, attempt.course),
        extensions: { [extensionKeys(who.activityBase).checkAttempt]: attemptRecord(attempt) },
      },
    },
  );
  return [...answered, verdict];
}
