/**
 * The run log and replay (docs/engine.md section 7). Every change of state comes from one ordered
 * log of actions and events; folding the log over the scenario's initial state gives the
 * same state, byte for byte, every time.
 */
import { z } from 'zod';
import { ACTION_TYPES, actionSchema, applyActionInPlace, type Action } from './actions';
import { sameCanonical } from './canonical';
import { draftState } from './draft';
import { applyEventInPlace } from './events';
import { injectionProblem } from './injection';
import { carryPromises, forgetPromises } from './promise';
import { carryRanking, forgetRanking } from './ranking';
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

/** Entries after which promise dates cannot have changed (no quantity, rank or supply moved). */
const PROMISE_NEUTRAL: ReadonlySet<string> = new Set([
  'check-stock',
  'pick',
  'pack',
  'request-verification',
  'verify',
  'ship', // on hand and reserved drop together: free stock and open quantities stay
  'record-backorder',
  'notify-customer',
  'inform-team',
  'escalate',
  'advance-clock',
]);

/** Apply one entry and return the new state; the input is untouched. A refused action only moves the clock. */
export function applyEntry(
  state: EngineState,
  entry: LogEntry,
): { state: EngineState } & StepOutcome {
  const draft = draftState(state);
  const outcome = applyEntryInPlace(draft, entry);
  if (outcome.refused) {
    const next = { ...state, now: entry.at };
    carryWorkedOut(state, next, entry, true);
    return { state: next, refused: outcome.refused };
  }
  carryWorkedOut(state, draft, entry, false);
  return { state: draft, ...outcome };
}

/**
 * A live session applies each entry to a copy: the copy keeps the ranking and promise dates
 * worked out for the state before, where the entry cannot have changed them (as a replay,
 * changing one state in place, keeps them), instead of working them out again for all orders.
 */
function carryWorkedOut(
  state: EngineState,
  next: EngineState,
  entry: LogEntry,
  refused: boolean,
): void {
  if (refused || !(entry.type === 'order-placed' || entry.type === 'flag-priority'))
    carryRanking(state, next);
  if (entry.at === state.now && (refused || (isAction(entry) && PROMISE_NEUTRAL.has(entry.type))))
    carryPromises(state, next);
}

/** Apply one entry to a draft (./draft.ts): move the clock to its time, then apply the event or the action. */
export function applyEntryInPlace(draft: EngineState, entry: LogEntry): StepOutcome {
  draft.now = entry.at;
  if (!isAction(entry)) {
    applyEventInPlace(draft, entry);
    forgetPromises(draft);
    if (entry.type === 'order-placed') forgetRanking(draft);
    return {};
  }
  const effect = applyActionInPlace(draft, entry);
  if (effect.refused) return effect;
  if (!PROMISE_NEUTRAL.has(entry.type)) forgetPromises(draft);
  if (entry.type === 'flag-priority') forgetRanking(draft);
  return effect;
}

export interface ReplayResult {
  state: EngineState;
  outcomes: StepOutcome[];
  /** How many of the scenario's events the log has applied; the rest are still to come. */
  eventsApplied: number;
}

export type ReplayError = { index: number; message: string };

/** Watchers of a replay. The state they see is the live working copy: copy what you keep. */
export interface ReplayHooks {
  /** Before an entry is applied: the state as it stands when the entry happens. */
  before?: (state: EngineState, entry: LogEntry, index: number) => void;
  /** After an entry is applied (the debrief's step-through replay). */
  after?: (state: EngineState, entry: LogEntry, outcome: StepOutcome, index: number) => void;
}

/**
 * Fold a log over a scenario. The log must keep time order, stay within the shift, and
 * contain the scenario's own events in order, none left out once the clock has passed them
 * (a log that skips an inconvenient delivery does not replay). Events that are not the
 * scenario's next one are taken as injected by a trainer, and must pass the checks the live
 * console makes before it injects one (./injection.ts): an order for a customer or an item
 * that does not exist, or under a number already taken, never happened, so a log with one
 * does not replay.
 */
export function replay(
  scenario: Scenario,
  log: readonly LogEntry[],
  hooks: ReplayHooks = {},
): { ok: true; result: ReplayResult } | { ok: false; error: ReplayError } {
  const folding = new Replay(scenario, hooks);
  for (const entry of log) {
    const error = folding.fold(entry);
    if (error) return { ok: false, error };
  }
  return { ok: true, result: folding.result };
}

/**
 * A replay taken one entry at a time: `replay` folds a whole log with it, and a watcher that
 * follows a growing log (the coach) folds only the entries it has not seen. The state is
 * changed in place; after an error the replay must not be used again.
 */
export class Replay {
  readonly state: EngineState;
  readonly outcomes: StepOutcome[] = [];
  private next = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly hooks: ReplayHooks = {},
  ) {
    this.state = initialState(scenario);
  }

  /** How many entries have been folded. */
  get length(): number {
    return this.outcomes.length;
  }

  get result(): ReplayResult {
    return { state: this.state, outcomes: this.outcomes, eventsApplied: this.next };
  }

  /** Apply the next entry of the log; an error when the log cannot go on with it. */
  fold(entry: LogEntry): ReplayError | null {
    const { scenario, state, hooks } = this;
    const index = this.outcomes.length;
    if (entry.at < state.now)
      return {
        index,
        message: `entry ${index} at ${entry.at} is earlier than the clock (${state.now})`,
      };
    if (entry.at > scenario.endsAt)
      return {
        index,
        message: `entry ${index} at ${entry.at} is after the end of the shift (${scenario.endsAt})`,
      };
    const due = scenario.events[this.next];
    if (due && entry.at > due.at)
      return {
        index,
        message: `the scenario's ${due.type} event at ${due.at} is missing before entry ${index}`,
      };
    const injected = !isAction(entry) && !isScheduled(entry, this.next, this.scenario.events);
    if (!isAction(entry) && !injected) this.next++;
    const impossible = injected && !isAction(entry) ? injectionProblem(state, entry) : null;
    if (impossible)
      return {
        index,
        message: `entry ${index}, an injected ${entry.type} event, could not have happened: ${impossible.replace(/\.$/, '')}`,
      };
    hooks.before?.(state, entry, index);
    const outcome = applyEntryInPlace(state, entry);
    if (injected) outcome.injected = true;
    this.outcomes.push(outcome);
    hooks.after?.(state, entry, outcome, index);
    return null;
  }
}

/**
 * Whether an event is the scenario's next scheduled one, equal to it as data (the same
 * canonical JSON); any other event was injected by a trainer. Replay and the live session
 * both ask this, so a shift counts its events the same way live and replayed.
 */
function isScheduled(entry: LogEntry, next: number, scheduled: readonly ScenarioEvent[]): boolean {
  const due = scheduled[next];
  // Time and type first: most entries differ there, and need not be compared further.
  return (
    due !== undefined && due.at === entry.at && due.type === entry.type && sameCanonical(entry, due)
  );
}

/**
 * Apply entries to a state as a live session does, one at a time and without touching the
 * input: the same outcomes replay gives, `injected` included, and the count of the
 * scenario's events applied so far.
 */
export function applyEntries(
  scenario: Scenario,
  from: { state: EngineState; eventsApplied: number },
  entries: readonly LogEntry[],
): { state: EngineState; outcomes: StepOutcome[]; eventsApplied: number } {
  let { state, eventsApplied } = from;
  const outcomes: StepOutcome[] = [];
  for (const entry of entries) {
    const injected = !isAction(entry) && !isScheduled(entry, eventsApplied, scenario.events);
    if (!isAction(entry) && !injected) eventsApplied++;
    const { state: next, ...outcome } = applyEntry(state, entry);
    outcomes.push(injected ? { ...outcome, injected } : outcome);
    state = next;
  }
  return { state, outcomes, eventsApplied };
}

/**
 * The events of a log that a trainer injected (not the scenario's own), in order: what the
 * reference must also meet to be a fair comparison. Empty when the log does not replay.
 */
export function injectedEvents(scenario: Scenario, log: readonly LogEntry[]): ScenarioEvent[] {
  const replayed = replay(scenario, log);
  if (!replayed.ok) return [];
  return log.filter(
    (entry, index): entry is ScenarioEvent =>
      !isAction(entry) && replayed.result.outcomes[index]?.injected === true,
  );
}

/**
 * The entries that move the clock to `until`: the scenario's events due by then (from
 * `eventsApplied` on, each at its own time), then an `advance-clock` to `until` itself.
 */
export function advanceEntries(
  scenario: Scenario,
  eventsApplied: number,
  now: string,
  until: string,
  by?: string,
): LogEntry[] {
  const target = until > scenario.endsAt ? scenario.endsAt : until;
  const entries: LogEntry[] = scenario.events
    .slice(eventsApplied)
    .filter((event) => event.at <= target);
  const reached = entries.at(-1)?.at ?? now;
  if (target > reached) entries.push({ type: 'advance-clock', at: target, ...(by ? { by } : {}) });
  return entries;
}
