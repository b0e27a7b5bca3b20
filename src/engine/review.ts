/**
 * A finished (or stopped) run read back: the log folded once through the engine and the
 * judge together, giving the final desk, the score, the reference run beside it (meeting
 * the same trainer-injected events) and each step in words. The debrief, the trainer's and
 * the manager's replays all read a run through this, so they cannot disagree.
 */
import { runAutopilot } from './autopilot';
import { orderStatus, orderViews, type OrderView } from './backorders';
import { describeEntry } from './describe-entry';
import {
  isAction,
  parseLog,
  replay,
  type LogEntry,
  type ReplayError,
  type StepOutcome,
} from './log';
import type { Problem } from './problems';
import type { Scenario, ScenarioEvent } from './schema';
import { Judge, type Score } from './scoring';
import type { EngineState } from './state';

/** A run is tied to the scenario version it was played on by that scenario's hash. */
export { scenarioHash } from './report';

export interface ReviewStep {
  at: string;
  /** The entry in words, e.g. `Allocate, order SO-1, 2 × CU-ELB-15`. */
  what: string;
  by: string;
  /** What the engine said: done, refused (and why), a note, or injected by a trainer. */
  outcome: string;
  /** Every order's status after the step. */
  statuses: string;
}

export interface RunReview {
  state: EngineState;
  outcomes: StepOutcome[];
  eventsApplied: number;
  score: Score;
  /** Events a trainer injected: the reference meets them too. */
  injected: ScenarioEvent[];
  /** The reference's desk at the end, for the side-by-side comparison. */
  reference: EngineState;
  steps: ReviewStep[];
}

const words = (code: string) => code.replace(/-/g, ' ');
function describeOutcome(outcome: StepOutcome): string {
  if (outcome.refused) return `Refused: ${outcome.refused.message}`;
  return outcome.note ?? (outcome.injected ? 'Injected by a trainer.' : 'Done.');
}

export function reviewRun(
  scenario: Scenario,
  log: readonly LogEntry[],
): { ok: true; review: RunReview } | { ok: false; error: ReplayError } {
  const judge = new Judge(scenario);
  const steps: ReviewStep[] = [];
  const injected: ScenarioEvent[] = [];
  const replayed = replay(scenario, log, {
    before: judge.hooks.before,
    after: (state, entry, outcome, index) => {
      judge.hooks.after(state, entry, outcome, index);
      if (!isAction(entry) && outcome.injected) injected.push(entry);
      steps.push({
        at: state.now,
        what: describeEntry(entry),
        by: 'by' in entry && entry.by ? entry.by : 'the system',
        outcome: describeOutcome(outcome),
        statuses: state.orders.map((o) => `${o.id} ${words(orderStatus(o))}`).join('; '),
      });
    },
  });
  if (!replayed.ok) return replayed;
  const { state, outcomes, eventsApplied } = replayed.result;
  return {
    ok: true,
    review: {
      state,
      outcomes,
      eventsApplied,
      score: judge.finish(state),
      injected,
      reference: runAutopilot(scenario, injected).state,
      steps,
    },
  };
}

/** A saved run read back: its log as stored, checked, then reviewed. */
export type SavedRunReview =
  | { ok: true; log: LogEntry[]; review: RunReview }
  | { ok: false; reason: 'invalid-log'; problems: Problem[] }
  | { ok: false; reason: 'does-not-replay'; error: ReplayError };

/** Review a log as it was stored (a manager's or trainer's copy may come from an import). */
export function reviewSavedRun(scenario: Scenario, stored: unknown): SavedRunReview {
  const parsed = parseLog(stored);
  if (!parsed.ok) return { ok: false, reason: 'invalid-log', problems: parsed.problems };
  const reviewed = reviewRun(scenario, parsed.log);
  if (!reviewed.ok) return { ok: false, reason: 'does-not-replay', error: reviewed.error };
  return { ok: true, log: parsed.log, review: reviewed.review };
}

/** One order at the end of a run: the trainee's beside the reference's. */
export interface OrderComparison {
  id: string;
  theirs: OrderView;
  /** Undefined when the order had not been placed yet when the trainee's shift ended. */
  mine: OrderView | undefined;
}

/** The trainee's final orders beside the reference's, in the reference's order. */
export function compareOrders(review: RunReview): OrderComparison[] {
  const mine = new Map(orderViews(review.state).map((view) => [view.id, view]));
  return orderViews(review.reference).map((theirs) => ({
    id: theirs.id,
    theirs,
    mine: mine.get(theirs.id),
  }));
}
