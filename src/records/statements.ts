/**
 * The xAPI statements for the records an imported bundle added (issue 15): the same
 * statements, with the same ids, as the trainee's own browser sends for them, so where both
 * reach a learning record store it keeps each record once. Only what verified is sent: a
 * flagged record stays the bundle's word and never reaches the LRS from here.
 */
import type { Question } from '../course/schema';
import {
  checkAttemptStatements,
  lessonCompleted,
  lessonExperienced,
  roleplayStatements,
  runAttempted,
  runVerdict,
  type Statement,
  type Who,
} from '../xapi';
import { checkAttemptKey } from './flags';
import type { BundleRows, CheckedBundle, References } from './import';

/** The questions an attempt was asked, in the order it drew them, from this build's check. */
function questionsOf(
  attempt: BundleRows['checks'][number],
  refs: References,
): readonly Question[] | null {
  const check = refs.checksByCourse
    .get(attempt.course)
    ?.checks.find((c) => c.module === attempt.module);
  if (!check) return null;
  if (!attempt.questions) return check.questions;
  const bank = new Map(check.questions.map((q) => [q.id, q]));
  return attempt.questions.flatMap(({ id }) => bank.get(id) ?? []);
}

export function importedStatements(
  who: Who,
  rows: BundleRows,
  checked: CheckedBundle,
  refs: References,
): Statement[] {
  const runFlags = new Map(checked.verifications.map((v) => [v.runId, v.flag]));
  const roleplayFlags = new Map(checked.roleplayVerifications.map((v) => [v.resultId, v.flag]));
  const checkFlags = new Map(checked.checkVerifications.map((v) => [v.key, v.flag]));
  const logs = new Map(rows.logs.map((l) => [l.runId, l]));
  const out: (Statement | null)[] = [];
  for (const visit of rows.visits) {
    out.push(lessonExperienced(who, visit));
    if (visit.completedAt)
      out.push(lessonCompleted(who, { ...visit, completedAt: visit.completedAt }));
  }
  for (const attempt of rows.checks) {
    const questions = questionsOf(attempt, refs);
    if (questions && !checkFlags.get(checkAttemptKey(attempt)))
      out.push(...checkAttemptStatements(who, attempt, { questions }));
  }
  for (const run of rows.runs) {
    if (runFlags.get(run.id)) continue;
    out.push(runAttempted(who, run), runVerdict(who, run, logs.get(run.id)));
  }
  for (const result of rows.roleplays)
    if (!roleplayFlags.get(result.id)) out.push(...roleplayStatements(who, result, 0));
  return out.filter((s): s is Statement => s !== null);
}
