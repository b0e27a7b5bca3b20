/**
 * Whether a run's log carries a person's timing (issue 11, item 1). Replaying a log proves
 * it is consistent, not who played it: `sim run` writes a perfect log anyone can copy. The
 * desk stamps each saved step with the wall-clock time (`actedAt`, epoch milliseconds, one
 * per log entry, beside the log so the engine's entries stay as `sim` and replay read them);
 * a run whose actions have no such times, arrive faster than a person works, or are the
 * autopilot's own log with the names changed is not evidence of a person at the desk.
 */
import { runAutopilot } from '../engine/autopilot';
import { canonicalJson } from '../engine/canonical';
import { injectedEvents, isAction, type LogEntry } from '../engine/log';
import type { Scenario, ScenarioEvent } from '../engine/schema';

/**
 * Below this median gap between a trainee's actions, nobody read the desk between them: a
 * person reads an order, picks a control and confirms, which takes seconds (the desk's own
 * saves take a few milliseconds, which is how a script's actions look).
 */
export const MIN_HUMAN_GAP_MS = 300;

/** What a person does at the desk: every action but the clock, which also moves by itself. */
const byPerson = (entry: LogEntry) => isAction(entry) && entry.type !== 'advance-clock';

function withoutNames(log: readonly LogEntry[]): string[] {
  return log.map((entry) => {
    const { by: _, ...rest } = entry as LogEntry & { by?: string };
    return canonicalJson(rest);
  });
}

/** The autopilot's log of a scenario without injections, once per scenario: an import
 * of 1,000 runs meets the same few scenarios again and again. */
const plainReference = new WeakMap<Scenario, string[]>();

/** Whether the log is the autopilot's for this scenario, whoever it is booked to. */
export function isAutopilotLog(
  scenario: Scenario,
  log: readonly LogEntry[],
  injected: readonly ScenarioEvent[] = injectedEvents(scenario, log),
): boolean {
  let reference = injected.length === 0 ? plainReference.get(scenario) : undefined;
  if (!reference) {
    reference = withoutNames(runAutopilot(scenario, injected).log);
    if (injected.length === 0) plainReference.set(scenario, reference);
  }
  if (reference.length !== log.length) return false;
  const mine = withoutNames(log);
  return reference.every((entry, i) => entry === mine[i]);
}

/**
 * Why the run's timing is not a person's, in words, or null when it is. `actedAt` holds
 * one wall-clock time per log entry, as the desk saved them; `injected`, the trainer's
 * events in the log when the caller has already replayed it (found again otherwise).
 */
export function inhumanTiming(
  scenario: Scenario,
  log: readonly LogEntry[],
  actedAt: readonly (number | null)[] | undefined,
  injected?: readonly ScenarioEvent[],
): string | null {
  if (isAutopilotLog(scenario, log, injected))
    return 'The log is the autopilot’s own log for this scenario (as `sim run` writes it), with only the names changed.';
  const actions = log.flatMap((entry, i) => (byPerson(entry) ? [i] : []));
  if (actions.length === 0) return null;
  if (!actedAt || actedAt.length === 0)
    return 'Its actions carry no times: the run was not saved by the order desk, or the times were removed.';
  if (actedAt.length !== log.length)
    return `It has ${actedAt.length} action times for ${log.length} log entries.`;
  const times = actions.map((i) => actedAt[i]);
  if (times.some((t) => t === null || t === undefined)) return 'Some of its actions carry no time.';
  const stamped = times as number[];
  for (let i = 1; i < actedAt.length; i++)
    if ((actedAt[i] ?? Infinity) < (actedAt[i - 1] ?? -Infinity))
      return `Its times go backwards at entry ${i + 1}.`;
  if (stamped.length < 2) return null;
  const gaps = stamped
    .slice(1)
    .map((t, i) => t - stamped[i]!)
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  if (median < MIN_HUMAN_GAP_MS)
    return `Its ${stamped.length} actions came a median ${median} ms apart; a person at the desk takes seconds.`;
  return null;
}
