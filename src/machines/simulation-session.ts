/**
 * A shift at the order desk: briefing, running (with pauses), ended, debrief. The machine
 * holds the engine state and the log; every trainee action and every clock step becomes log
 * entries that the engine applies. It decides nothing about fulfilment: what is allowed,
 * refused or owed is the engine's. Entries are saved (the `persist` actor) before the
 * state moves on, so a reload resumes exactly the saved shift.
 *
 * The clock moves when the trainee advances it, or by itself once they start it: a delayed
 * transition (the `clockTick` timer, which XState schedules on the actor system's clock, so
 * tests drive it with a `SimulatedClock`) advances the shift by `CLOCK_STEP_MINUTES` of
 * shift time every `clockTick` milliseconds of real time, bringing due events as it goes.
 * Pausing, saving and the debrief stop it; a reload resumes with the clock stopped at the
 * same shift time.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { Action } from '../engine/actions';
import {
  advanceEntries,
  applyEntries as applyLogEntries,
  replay,
  type LogEntry,
  type StepOutcome,
} from '../engine/log';
import { injectionProblem, type InjectedEvent } from '../engine/injection';
import type { Scenario, ScenarioEvent } from '../engine/schema';
import { isScoredRefusal } from '../engine/rule-checks';
import { scoreLog, type Score } from '../engine/scoring';
import { initialState, type EngineState } from '../engine/state';
import { fromMinutes, toMinutes } from '../engine/time';

/**
 * What the `persist` actor rejects with when storage holds a later state of the run than
 * this session: another tab of the same browser moved it on (or ended it). Saving can work
 * perfectly well, so the trainee is told what happened instead of being asked to check it.
 */
export class StaleRunError extends Error {
  constructor() {
    super(STALE_RUN_MESSAGE);
    this.name = 'StaleRunError';
  }
}

export const STALE_RUN_MESSAGE = 'This run continued in another tab; reload to continue.';

/** Shift time one tick of the running clock moves, and the real time between ticks. */
export const CLOCK_STEP_MINUTES = 15;
export const CLOCK_TICK_MS = 4000;

/**
 * An action as the trainee asks for it; the machine stamps the time and the person. Only a
 * verification names someone else (`by`): the second person who checks the parcel.
 */
export type TraineeAction = Action extends infer A
  ? A extends Action
    ? A extends { type: 'verify' }
      ? Omit<A, 'at'>
      : Omit<A, 'at' | 'by'>
    : never
  : never;

export interface SessionInput {
  scenario: Scenario;
  /** Who acts: the profile's name or id, booked on every entry. */
  actor: string;
  /** A saved log to resume from; empty for a new shift. */
  log?: LogEntry[];
}

export interface SessionContext {
  scenario: Scenario;
  actor: string;
  state: EngineState;
  log: LogEntry[];
  outcomes: StepOutcome[];
  eventsApplied: number;
  /** Entries waiting to be saved, and the state they lead to. */
  pending: {
    entries: LogEntry[];
    state: EngineState;
    outcomes: StepOutcome[];
    eventsApplied: number;
  } | null;
  /** What the last step did, for the live region: refusals, notes, new events. */
  announcements: string[];
  /** Why the last step could not be saved. */
  saveError: string | null;
  score: Score | null;
  /** Whether the clock moves by itself (the `clockTick` timer). */
  clockRunning: boolean;
}

export type SessionEvent =
  | { type: 'START' }
  | { type: 'ACT'; action: TraineeAction }
  | { type: 'ADVANCE'; to?: string }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'CLOCK_START' }
  | { type: 'CLOCK_STOP' }
  | { type: 'END' }
  | { type: 'INJECT'; event: InjectedEvent };

/** Apply entries with the engine, counting events against the scenario's schedule as replay does. */
export function applyEntries(
  context: Pick<SessionContext, 'scenario' | 'state' | 'eventsApplied'>,
  entries: readonly LogEntry[],
): { state: EngineState; outcomes: StepOutcome[]; eventsApplied: number } {
  return applyLogEntries(context.scenario, context, entries);
}

/** Words for the live region about what just happened. */
export function describeStep(
  entries: readonly LogEntry[],
  outcomes: readonly StepOutcome[],
): string[] {
  return entries.flatMap((entry, i) => {
    const outcome = outcomes[i];
    // A refusal that is an error of practice is scored; one that changed nothing is not.
    if (outcome?.refused)
      return [
        isScoredRefusal(outcome.refused.code)
          ? `Refused: ${outcome.refused.message}`
          : `Nothing changed: ${outcome.refused.message}`,
      ];
    if (outcome?.note) return [outcome.note];
    switch (entry.type) {
      case 'order-placed':
        return [`New order ${entry.order.id} at ${entry.at}.`];
      case 'stock-received':
        return [`Delivery on ${entry.po}: ${entry.qty} unit(s) at ${entry.at}.`];
      case 'po-delayed':
        return [`${entry.po} is delayed to ${entry.eta}.`];
      case 'sku-discontinued':
        return [`${entry.sku} is discontinued.`];
      case 'stock-count':
        return [`Cycle count of ${entry.sku}: ${entry.onHand} on hand.`];
      case 'customer-message':
        return [`Message from the customer on order ${entry.order}.`];
      case 'advance-clock':
        return [`The clock is now ${entry.at}.`];
      default:
        return [];
    }
  });
}

function resumeFrom(
  input: SessionInput,
): Pick<SessionContext, 'state' | 'log' | 'outcomes' | 'eventsApplied'> {
  if (!input.log || input.log.length === 0)
    return { state: initialState(input.scenario), log: [], outcomes: [], eventsApplied: 0 };
  const replayed = replay(input.scenario, input.log);
  if (!replayed.ok) throw new Error(`The saved shift does not replay: ${replayed.error.message}`);
  return {
    state: replayed.result.state,
    log: [...input.log],
    outcomes: replayed.result.outcomes,
    eventsApplied: replayed.result.eventsApplied,
  };
}

export const simulationSessionMachine = setup({
  types: {
    input: {} as SessionInput,
    context: {} as SessionContext,
    events: {} as SessionEvent,
  },
  actors: {
    /** Replaced by the island with one that appends the entries to IndexedDB. */
    persist: fromPromise<void, { from: number; entries: LogEntry[] }>(async () => {}),
  },
  delays: { clockTick: CLOCK_TICK_MS },
  guards: {
    shiftOver: ({ context }) => context.state.now >= context.scenario.endsAt,
    hasLog: ({ context }) => context.log.length > 0,
    clockRunning: ({ context }) => context.clockRunning,
    injectionFits: ({ context, event }) =>
      event.type === 'INJECT' &&
      injectionProblem(context.state, {
        ...event.event,
        at: context.state.now,
      } as ScenarioEvent) === null,
  },
  actions: {
    queueAction: assign({
      pending: ({ context, event }) => {
        if (event.type !== 'ACT') return context.pending;
        const by = ('by' in event.action && event.action.by) || context.actor;
        const entry = { ...event.action, at: context.state.now, by } as LogEntry;
        return { entries: [entry], ...applyEntries(context, [entry]) };
      },
    }),
    queueAdvance: assign({
      pending: ({ context, event }) => {
        if (event.type !== 'ADVANCE') return context.pending;
        const next = context.scenario.events[context.eventsApplied]?.at ?? context.scenario.endsAt;
        const entries = advanceEntries(
          context.scenario,
          context.eventsApplied,
          context.state.now,
          event.to ?? next,
          context.actor,
        );
        return { entries, ...applyEntries(context, entries) };
      },
    }),
    queueTick: assign({
      pending: ({ context }) => {
        const step = fromMinutes(toMinutes(context.state.now) + CLOCK_STEP_MINUTES);
        const to = step < context.scenario.endsAt ? step : context.scenario.endsAt;
        const entries = advanceEntries(
          context.scenario,
          context.eventsApplied,
          context.state.now,
          to,
          context.actor,
        );
        return { entries, ...applyEntries(context, entries) };
      },
    }),
    startClock: assign({ clockRunning: true }),
    stopClock: assign({ clockRunning: false }),
    queueInjection: assign({
      pending: ({ context, event }) => {
        if (event.type !== 'INJECT') return context.pending;
        const entry = { ...event.event, at: context.state.now } as LogEntry;
        return { entries: [entry], ...applyEntries(context, [entry]) };
      },
    }),
    commit: assign(({ context }) => {
      const pending = context.pending!;
      return {
        state: pending.state,
        log: [...context.log, ...pending.entries],
        outcomes: [...context.outcomes, ...pending.outcomes],
        eventsApplied: pending.eventsApplied,
        announcements: describeStep(pending.entries, pending.outcomes),
        pending: null,
        saveError: null,
      };
    }),
    dropPending: assign({
      pending: null,
      saveError: ({ event }) =>
        (event as { error?: unknown }).error instanceof StaleRunError
          ? STALE_RUN_MESSAGE
          : 'This step could not be saved, so it was not made. Check that this browser can save, then try again.',
    }),
    score: assign({
      score: ({ context }) => {
        const result = scoreLog(context.scenario, context.log);
        return result.ok ? result.score : null;
      },
    }),
  },
}).createMachine({
  id: 'simulationSession',
  context: ({ input }) => ({
    scenario: input.scenario,
    actor: input.actor,
    ...resumeFrom(input),
    pending: null,
    announcements: [],
    saveError: null,
    score: null,
    clockRunning: false,
  }),
  initial: 'opening',
  states: {
    // A resumed shift goes straight back to the desk; a new one starts at the briefing.
    opening: { always: [{ guard: 'hasLog', target: 'running' }, { target: 'briefing' }] },
    briefing: { on: { START: 'running' } },
    running: {
      always: { guard: 'shiftOver', target: 'ended' },
      // Entering `running` again (after each saved step) restarts the wait for the next tick.
      after: { clockTick: { guard: 'clockRunning', target: 'saving', actions: 'queueTick' } },
      on: {
        ACT: { target: 'saving', actions: 'queueAction' },
        ADVANCE: { target: 'saving', actions: 'queueAdvance' },
        CLOCK_START: { target: 'running', reenter: true, actions: 'startClock' },
        CLOCK_STOP: { actions: 'stopClock' },
        PAUSE: 'paused',
        END: 'ended',
        // A trainer's event in a live session (issue 5): logged like the scenario's own.
        INJECT: { guard: 'injectionFits', target: 'saving', actions: 'queueInjection' },
      },
    },
    paused: {
      on: {
        RESUME: 'running',
        END: 'ended',
        CLOCK_STOP: { actions: 'stopClock' },
        INJECT: { guard: 'injectionFits', target: 'savingWhilePaused', actions: 'queueInjection' },
      },
    },
    // A trainer may pause the clock, inject an event and let the trainee read it before resuming.
    savingWhilePaused: {
      invoke: {
        src: 'persist',
        input: ({ context }) => ({ from: context.log.length, entries: context.pending!.entries }),
        onDone: { target: 'paused', actions: 'commit' },
        onError: { target: 'paused', actions: 'dropPending' },
      },
    },
    saving: {
      invoke: {
        src: 'persist',
        input: ({ context }) => ({ from: context.log.length, entries: context.pending!.entries }),
        onDone: { target: 'running', actions: 'commit' },
        onError: { target: 'running', actions: 'dropPending' },
      },
    },
    ended: { entry: ['stopClock', 'score'], always: 'debrief' },
    debrief: { type: 'final' },
  },
});
