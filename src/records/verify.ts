/**
 * Verifying a run brought from another device: its log is replayed through this engine on
 * the scenario with the same content hash, and its score recomputed. A record is trusted
 * only when both agree with what the file says; anything else is flagged, with a reason a
 * manager can read.
 */
import { parseLog } from '../engine/log';
import { isAction, replay, type LogEntry, type StepOutcome } from '../engine/log';
import { formatProblem } from '../engine/problems';
import type { Scenario, ScenarioEvent } from '../engine/schema';
import { generateScenario } from '../engine/generate';
import { scenarioHash } from '../engine/report';
import { Judge, type Score } from '../engine/scoring';
import { ENGINE_VERSION } from '../engine/state';
import type { RunVerification } from './flags';
import { inhumanTiming } from './timing';

export { FLAG_LABELS, RUN_FLAGS } from './flags';
export type { RunFlag, RunVerification } from './flags';

/** The part of a run verification needs. */
export interface RunToVerify {
  id: string;
  scenario: string;
  scenarioHash: string;
  status: 'running' | 'ended' | 'abandoned';
  /** The engine that scored it; an older one may have scored by older rules. */
  engineVersion?: string;
  score?: { total: number; passed: boolean; competencies: Record<string, number> };
  /** The wall-clock time (epoch ms) the desk saved each log entry; absent on old runs. */
  actedAt?: readonly (number | null)[];
}

/**
 * The scenario a run was played on: one this app ships or a trainer saved (by content
 * hash), or a random practice shift rebuilt from the seed and level its id records
 * (`random-<level>-<seed>`), accepted only when the rebuilt shift has the same hash.
 */
export function knownScenario(
  run: Pick<RunToVerify, 'scenario' | 'scenarioHash'>,
  scenariosByHash: ReadonlyMap<string, Scenario>,
): Scenario | null {
  const known = scenariosByHash.get(run.scenarioHash);
  if (known) return known.id === run.scenario ? known : null;
  const random = /^random-([123])-(\d{1,16})$/.exec(run.scenario);
  if (!random) return null;
  const seed = Number(random[2]);
  if (!Number.isSafeInteger(seed)) return null;
  const rebuilt = generateScenario({ seed, level: Number(random[1]) as 1 | 2 | 3 });
  return scenarioHash(rebuilt) === run.scenarioHash ? rebuilt : null;
}

/** Verify one run against the scenarios this app knows, by content hash. */
export function verifyRun(
  run: RunToVerify,
  log: readonly unknown[],
  scenariosByHash: ReadonlyMap<string, Scenario>,
): RunVerification {
  return verifyParsedRun(run, parseLog([...log], `run ${run.id}`), scenariosByHash);
}

/** What `parseLog` made of a run's log. */
export type ParsedLog = ReturnType<typeof parseLog>;

/** `verifyRun` on a log already parsed (the import keeps the parsed log to store it). */
export function verifyParsedRun(
  run: RunToVerify,
  parsed: ParsedLog,
  scenariosByHash: ReadonlyMap<string, Scenario>,
): RunVerification {
  const runId = run.id;
  const scenario = knownScenario(run, scenariosByHash);
  if (!scenario)
    return {
      runId,
      flag: 'unknown-scenario',
      reason: `No version of scenario "${run.scenario}" with content hash ${run.scenarioHash.slice(0, 12)}… is known here, so the run cannot be replayed.`,
    };
  if (!parsed.ok)
    return {
      runId,
      flag: 'does-not-replay',
      reason: `The log is not a valid log: ${parsed.problems.slice(0, 3).map(formatProblem).join('; ')}`,
    };
  // One pass: the judge scores the log as it replays (scoreLog would replay it again).
  const judge = new Judge(scenario);
  const replayed = replay(scenario, parsed.log, judge.hooks);
  if (!replayed.ok)
    return {
      runId,
      flag: 'does-not-replay',
      reason: `The log does not replay: ${replayed.error.message}.`,
    };
  if (run.status !== 'ended') {
    if (run.score)
      return {
        runId,
        flag: 'score-differs',
        reason: 'The run did not end, yet it carries a score.',
      };
    return { runId, flag: null, reason: 'Replays; the shift was not finished.' };
  }
  const score = judge.finish(replayed.result.state);
  return judgeEndedRun(run, scenario, parsed.log, replayed.result.outcomes, score);
}

/** The part of a run's score that differs from the replay's, named (issue 11, item 9). */
function scoreDifference(
  stored: NonNullable<RunToVerify['score']>,
  recomputed: NonNullable<RunToVerify['score']>,
): string {
  const passed = (score: typeof stored) => `${score.total}${score.passed ? ' (passed)' : ''}`;
  if (stored.total !== recomputed.total || stored.passed !== recomputed.passed)
    return `The file says ${passed(stored)}; replaying the log gives ${passed(recomputed)}.`;
  const fields = Object.entries(recomputed.competencies)
    .filter(([c, points]) => stored.competencies[c] !== points)
    .map(
      ([c, points]) =>
        `competencies.${c}: the file says ${stored.competencies[c] ?? 'nothing'}, the replay ${points}`,
    );
  return `The total matches, but ${fields.join('; ')}.`;
}

/** Score a replayed run that ended, and judge its stored score and its timing. */
function judgeEndedRun(
  run: RunToVerify,
  scenario: Scenario,
  log: LogEntry[],
  outcomes: readonly StepOutcome[],
  score: Score,
): RunVerification {
  const runId = run.id;
  const recomputed = {
    total: score.total,
    passed: score.passed,
    competencies: score.competencies as Record<string, number>,
  };
  const stored = run.score;
  if (!stored)
    return {
      runId,
      flag: 'score-differs',
      reason: 'The run ended but carries no score.',
      recomputed,
    };
  const differs =
    stored.total !== recomputed.total ||
    stored.passed !== recomputed.passed ||
    Object.entries(recomputed.competencies).some(
      ([c, points]) => stored.competencies[c] !== points,
    );
  const rescored = differs && run.engineVersion && run.engineVersion !== ENGINE_VERSION;
  if (!differs || rescored) {
    // A consistent log proves nothing about who played it: it must carry a person's timing.
    const injected = log.filter(
      (entry, i): entry is ScenarioEvent => !isAction(entry) && outcomes[i]?.injected === true,
    );
    const inhuman = inhumanTiming(scenario, log, run.actedAt, injected);
    if (inhuman)
      return {
        runId,
        flag: 'not-played-by-person',
        reason: `Replays, but nothing shows a person played it. ${inhuman}`,
        recomputed,
      };
  }
  // The rules changed since the run was scored (a new engine version): the log still
  // replays, so today's score stands, and the note says why it moved. Not a tampered file.
  if (rescored)
    return {
      runId,
      flag: null,
      reason: `Replayed. Scored ${stored.total} by engine ${run.engineVersion}; today's rules (engine ${ENGINE_VERSION}) give ${recomputed.total}${recomputed.passed ? ' (passed)' : ''}.`,
      recomputed,
    };
  if (differs)
    return {
      runId,
      flag: 'score-differs',
      reason: scoreDifference(stored, recomputed),
      recomputed,
    };
  return { runId, flag: null, reason: 'Replayed; the score matches.', recomputed };
}
