/**
 * The run log and replay (ENGINE.md section 7). Every change of state comes from one ordered
 * log of actions and events; folding the log over the scenario's initial state gives the
 * same state, byte for byte, every time.
 */
import { z } from 'zod';
import { ACTION_TYPES, actionSchema, applyAction, type Action } from './actions';
import { canonicalJson } from './canonical';
import { applyEvent } from './events';
import type { Refusal } from './outcome';
import { eventSchema, type Scenario, type ScenarioEvent } from './schema';
import { initialState, type EngineState } from './state';
import { formatPath, type Problem } from './problems';

export type LogEntry = Action | ScenarioEvent;

const actionTypes = new Set<string>(ACTION_TYPES);

export function isAction(entry: LogEntry): entry is Action {
  return actionTypes.has(entry.type);
}

/** The result of applying one entry, kept for debriefs and step-through replays. */
export interface StepOutcome {
  refused?: Refusal;
  note?: string;
  /** An event that is not the scenario's next one: injected by a trainer during a live session. */
  injected?: boolean;
}

/**
 * Parse a log read from a file: an array of entries, or an object with a `log` array (the
 * output of `sim run`). Every problem is listed with its path, e.g. `log[3].qty`.
 */
export function parseLog(
  data: unknown,
  file = 'log',
): { ok: true; log: LogEntry[] } | { ok: false; problems: Problem[] } {
  const entries = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { log?: unknown }).log)
      ? (data as { log: unknown[] }).log
      : null;
  if (!entries)
    return {
      ok: false,
      problems: [
        {
          file,
          path: '',
          message: 'expected an array of log entries, or an object with a "log" array',
        },
      ],
    };
  const problems: Problem[] = [];
  const log: LogEntry[] = [];
  entries.forEach((raw, index) => {
    const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
    const schema: z.ZodTypeAny =
      typeof type === 'string' && actionTypes.has(type) ? actionSchema : eventSchema;
    const parsed = schema.safeParse(raw);
    if (parsed.success) log.push(parsed.data as LogEntry);
    else
      for (const issue of parsed.error.issues)
        problems.push({
          file,
          path: formatPath(['log', index, ...issue.path]),
          message: issue.message,
        });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, log };
}

/** Apply one entry: move the clock to its time, then apply the event or the action. */
export function applyEntry(
  state: EngineState,
  entry: LogEntry,
): { state: EngineState } & StepOutcome {
  const moved = entry.at === state.now ? state : { ...state, now: entry.at };
  if (!isAction(entry)) return { state: applyEvent(moved, entry) };
  const outcome = applyAction(moved, entry);
  if (outcome.refused) return { state: moved, refused: outcome.refused };
  return outcome.note ? { state: outcome.state, note: outcome.note } : { state: outcome.state };
}

export interface ReplayResult {
  state: EngineState;
  outcomes: StepOutcome[];
}

export type ReplayError = { index: number; message: string };

/**
 * Fold a log over a scenario. The log must keep time order, stay within the shift, and
 * contain the scenario's own events in order, none left out once the clock has passed them
 * (a log that skips an inconvenient delivery does not replay). Events that are not the
 * scenario's next one are accepted as injected by a trainer.
 *
 * `onStep` sees the state after every entry (the debrief's step-through replay).
 */
export function replay(
  scenario: Scenario,
  log: readonly LogEntry[],
  onStep?: (state: EngineState, entry: LogEntry, outcome: StepOutcome, index: number) => void,
): { ok: true; result: ReplayResult } | { ok: false; error: ReplayError } {
  let state = initialState(scenario);
  const outcomes: StepOutcome[] = [];
  const scheduled = scenario.events.map((event) => canonicalJson(event));
  let next = 0;
  for (let index = 0; index < log.length; index++) {
    const entry = log[index]!;
    if (entry.at < state.now)
      return {
        ok: false,
        error: {
          index,
          message: `entry ${index} at ${entry.at} is earlier than the clock (${state.now})`,
        },
      };
    if (entry.at > scenario.endsAt)
      return {
        ok: false,
        error: {
          index,
          message: `entry ${index} at ${entry.at} is after the end of the shift (${scenario.endsAt})`,
        },
      };
    const due = scenario.events[next];
    if (due && entry.at > due.at)
      return {
        ok: false,
        error: {
          index,
          message: `the scenario's ${due.type} event at ${due.at} is missing before entry ${index}`,
        },
      };
    let injected = false;
    if (!isAction(entry)) {
      if (next < scheduled.length && canonicalJson(entry) === scheduled[next]) next++;
      else injected = true;
    }
    const applied = applyEntry(state, entry);
    state = applied.state;
    const outcome: StepOutcome = {
      ...(applied.refused ? { refused: applied.refused } : {}),
      ...(applied.note ? { note: applied.note } : {}),
      ...(injected ? { injected } : {}),
    };
    outcomes.push(outcome);
    onStep?.(state, entry, outcome, index);
  }
  return { ok: true, result: { state, outcomes } };
}
