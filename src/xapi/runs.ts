/**
 * A simulation run as statements: `attempted` when the shift starts, then `passed` or
 * `failed` when it ends, with the total as `score.scaled`, the per-competency scores as a
 * result extension, and the scenario hash, engine version, run id and mode as context
 * extensions, so a report can tell which scenario and engine gave the score.
 */
import { isoDuration, secondsBetween } from './duration';
import { plain, round, statement } from './build';
import { activity, activityId, type Who } from './identity';
import type { Context, Statement } from './types';
import { ACTIVITY_TYPES, VERBS, extensionKeys } from './vocabulary';

/** A run as the site stores it (src/db Run), without its log. */
export interface RunRecord {
  id: string;
  scenario: string;
  scenarioHash: string;
  engineVersion: string;
  startedAt: Date;
  updatedAt: Date;
  status: 'running' | 'ended' | 'abandoned';
  mode?: 'practice' | 'assessment';
  score?: { total: number; passed: boolean; competencies: Record<string, number> };
}

const scenarioActivity = (who: Who, run: RunRecord) =>
  activity(activityId(who.activityBase, 'simulations', run.scenario), ACTIVITY_TYPES.simulation);

function runContext(who: Who, run: RunRecord): Context {
  const keys = extensionKeys(who.activityBase);
  return {
    extensions: {
      [keys.scenarioHash]: run.scenarioHash,
      [keys.engineVersion]: run.engineVersion,
      [keys.runId]: run.id,
      // Runs stored before modes existed were played without a coach, as an assessment.
      [keys.mode]: run.mode ?? 'assessment',
    },
  };
}

const withRecord = (context: Context, record: Record<string, unknown> | undefined): Context =>
  record ? { ...context, extensions: { ...context.extensions, ...record } } : context;

export function runAttempted(who: Who, run: RunRecord): Statement {
  return statement(
    who,
    `run-attempted|${run.id}`,
    VERBS.attempted,
    scenarioActivity(who, run),
    run.startedAt,
    {
      context: runContext(who, run),
    },
  );
}

/** A run's log as stored, with the desk's time of each entry where times were kept. */
export interface RunLogRecord {
  log: readonly unknown[];
  actedAt?: readonly (number | null)[];
}

/** The run as a bundle holds it, log included, so a reader can replay and verify it. */
const runRecord = (run: RunRecord, { log, actedAt }: RunLogRecord) =>
  plain({
    id: run.id,
    scenario: run.scenario,
    scenarioHash: run.scenarioHash,
    engineVersion: run.engineVersion,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    status: run.status,
    ...(run.mode ? { mode: run.mode } : {}),
    ...(run.score ? { score: run.score } : {}),
    log,
    ...(actedAt ? { actedAt } : {}),
  });

/**
 * `passed` or `failed` for an ended run with a score; null for any other run. With the
 * run's log, the whole run rides along in a context extension.
 */
export function runVerdict(who: Who, run: RunRecord, log?: RunLogRecord): Statement | null {
  if (run.status !== 'ended' || !run.score) return null;
  const { total, passed, competencies } = run.score;
  const keys = extensionKeys(who.activityBase);
  return statement(
    who,
    `run-verdict|${run.id}`,
    passed ? VERBS.passed : VERBS.failed,
    scenarioActivity(who, run),
    run.updatedAt,
    {
      result: {
        score: { scaled: round(total / 100), raw: total, min: 0, max: 100 },
        success: passed,
        completion: true,
        duration: isoDuration(secondsBetween(run.startedAt, run.updatedAt)),
        extensions: { [extensionKeys(who.activityBase).competencies]: { ...competencies } },
      },
      context: withRecord(runContext(who, run), log && { [keys.run]: runRecord(run, log) }),
    },
  );
}
