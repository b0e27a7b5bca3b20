/**
 * Scoring (docs/engine.md section 8): a trainee's log judged against the duties the autopilot
 * fulfils, per competency. Each deduction names the rule, the moment, and what the
 * reference would have done. The score is a pure function of scenario and log.
 *
 * Choices where the contract is silent:
 * - Each competency starts at 100 and loses the points of its deductions (floor 0). The
 *   total is the mean over the competencies the scenario trains plus any other competency
 *   that lost points, rounded to a whole number.
 * - Passing needs a total of at least 80 and no critical error. Critical errors are the ones
 *   the training guide names as the costly ones: a customer never told of a backorder, and
 *   a wrong item shipped. Certification assessments commonly fail such errors outright,
 *   whatever else went right.
 * - A duty is due `notifyWithinHours` after it arose; what is still undone when the log ends
 *   counts as missed (the shift ended with it undone).
 */
import { allocateOrder, availableBySku, type AllocationGrant } from './allocation';
import {
  checkNotice,
  checkRecord,
  checkRefusal,
  checkShipment,
  checkStockChecked,
  outOfRank,
  type Finding,
} from './rule-checks';
import { DutyBook, eventDuty, missedDutyFinding, type Duty } from './duty-book';
import { mayBeGranted, teamsToInform } from './duties';
import { isAction, replay, type LogEntry, type ReplayHooks, type StepOutcome } from './log';
import { rankedOrders } from './ranking';
import { RULES, type Rule } from './rules';
import { COMPETENCIES, type Competency, type Scenario } from './schema';
import { stockChangedBy } from './autopilot';
import { findOrder, openQty, type EngineState, type OrderState } from './state';

export { RULES, type Rule } from './rules';

export interface Deduction {
  competency: Competency;
  /** Stable rule id, e.g. `customer-not-told` (see `rules.ts`). */
  rule: Rule;
  points: number;
  /** The simulated moment the rule was broken. */
  at: string;
  /** Index of the log entry that broke it, or that was next when a deadline passed. */
  entry: number | null;
  order?: string;
  sku?: string;
  critical: boolean;
  /** What went wrong, in words. */
  message: string;
  /** What the reference (autopilot) would have done. */
  reference: string;
}

/** A duty still open when the shift ended, due after it: the next shift's, not a deduction. */
export interface Handover {
  rule: Rule;
  /** When it falls due, after the end of the shift. */
  deadline: string;
  order?: string;
  message: string;
  reference: string;
}

export interface Score {
  total: number;
  passed: boolean;
  competencies: Record<Competency, number>;
  deductions: Deduction[];
  /** Still open at the end of the shift: hand over. No points. */
  handover: Handover[];
}

export const PASS_MARK = 80;

/** What most actions are found to have broken: nothing (shared, never changed). */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** Entry types that can change a duty's condition; others need no recomputation. */
const QUIET: ReadonlySet<string> = new Set([
  'check-stock',
  'pick',
  'pack',
  'request-verification',
  'verify',
  'advance-clock',
]);

/**
 * The judge of one log: replay hooks that note what each entry did and deduct by the
 * rules, and `finish` to close the shift. `scoreLog` and `reviewRun` share it, so a run
 * is folded once however much is asked of it.
 */
export class Judge {
  readonly deductions: Deduction[] = [];
  readonly handover: Handover[] = [];
  private readonly duties: DutyBook;
  private readonly lastStockChange = new Map<string, number>();
  private readonly lastCheck = new Map<string, number>();
  private readonly warned = new Set<string>();
  private restockPending = false;
  // Duties are read at the end of each simulated minute: what is put right within the same
  // minute (as the reference does) was never owed. The duties of startsAt exist before any
  // entry, so the first minute starts dirty.
  private dirty = true;
  private minute: string;
  private readonly pre: PreFacts = { shipments: 0 };
  private reservedBefore = 0;

  constructor(private readonly scenario: Scenario) {
    this.duties = new DutyBook(scenario.policy.notifyWithinHours);
    this.minute = scenario.startsAt;
  }

  readonly hooks: Required<ReplayHooks> = {
    before: (state, entry, index) => this.before(state, entry, index),
    after: (state, entry, outcome, index) => this.after(state, entry, outcome, index),
  };

  /**
   * The duties owed right now and not yet late, soonest deadline first: the coach's list.
   * Reads the duties as the minute stands, like the judge does at the next entry, but
   * without changing the judge: entries later in the same minute may still put things right,
   * and a judge that follows a growing log must then judge them as a full replay would.
   * Their findings (what missing each would cost, in words) are left to `findingFor`, so a
   * coach showing the first few of 1,000 duties words only those.
   */
  owed(state: EngineState): Duty[] {
    this.owedNow ??= (
      this.dirty ? this.duties.peek(state, this.restockPending) : [...this.duties.open.values()]
    )
      .filter((duty) => !duty.missed)
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
    return this.owedNow;
  }

  /**
   * The last answer of `owed`, kept while nothing that can change it has happened: an entry
   * of a new minute (duties are read, and some missed), or one that can change a duty's
   * condition. A quiet entry (a stock check, a pick) within the same minute changes none.
   */
  private owedNow: Duty[] | null = null;

  /**
   * What missing an owed duty would cost, in words; null when it no longer applies. `plan`
   * is the allocation plan of `state`, when the caller has it already.
   */
  findingFor(duty: Duty, state: EngineState, plan?: readonly AllocationGrant[]): Finding | null {
    return missedDutyFinding(duty, state, plan);
  }

  /**
   * Of these SKUs, the ones whose stock changed since it was last checked: reserving them
   * now would be deducted (stock-not-checked). The coach names them before an allocation.
   */
  uncheckedAmong(skus: readonly string[]): string[] {
    return skus.filter(
      (sku) => (this.lastCheck.get(sku) ?? -2) < (this.lastStockChange.get(sku) ?? -1),
    );
  }

  /** Close the shift: what is still undone is missed, or handed over when due after the end. */
  finish(state: EngineState): Score {
    if (this.dirty) this.refresh(state);
    for (const duty of this.duties.missBefore(null)) {
      if (duty.deadline > this.scenario.endsAt) this.handOver(duty, state);
      else this.miss(duty, state, null);
    }
    return summarise(this.scenario, this.deductions, this.handover);
  }

  private before(state: EngineState, entry: LogEntry, index: number): void {
    if (entry.at > this.minute) {
      this.owedNow = null;
      if (this.dirty) this.refresh(state);
      this.dirty = false;
      this.minute = entry.at;
      for (const duty of this.duties.missBefore(entry.at)) this.miss(duty, state, index);
    }
    const pre = this.pre;
    pre.shipments = state.shipments.length;
    pre.allocated = undefined;
    pre.starved = undefined;
    if (entry.type === 'allocate') {
      const order = findOrder(state, entry.order);
      if (order) {
        pre.allocated = order.lines.map((line) => line.allocated);
        pre.starved = starvationCheck(state, order);
      }
    }
    if (entry.type === 'stock-count') this.reservedBefore = state.skus[entry.sku]?.allocated ?? 0;
  }

  private after(state: EngineState, entry: LogEntry, outcome: StepOutcome, index: number): void {
    if (!isAction(entry) || !QUIET.has(entry.type)) this.owedNow = null;
    if (isAction(entry)) {
      if (outcome.refused) {
        const finding = checkRefusal(
          outcome.refused.code,
          outcome.refused.message,
          'order' in entry ? entry.order : undefined,
        );
        if (finding) this.deduct(finding, entry.at, index);
        return;
      }
      for (const finding of this.checkAction(state, entry, index))
        this.deduct(finding, entry.at, index);
      if (!QUIET.has(entry.type)) this.dirty = true;
      return;
    }
    this.dirty = true;
    const sku = stockChangedBy(entry, state);
    if (sku) this.lastStockChange.set(sku, index);
    if (entry.type === 'stock-received') this.restockPending = true;
    const released =
      entry.type === 'stock-count' && (state.skus[entry.sku]?.allocated ?? 0) < this.reservedBefore;
    for (const duty of eventDuty(entry, index, teamsToInform(state, entry, released)))
      this.duties.add(duty);
  }

  /** Checks of one applied action; `state` is after it. */
  private checkAction(
    state: EngineState,
    action: LogEntry & { type: string },
    index: number,
  ): readonly Finding[] {
    if (!isAction(action)) return NO_FINDINGS;
    const order = 'order' in action && action.order ? findOrder(state, action.order) : undefined;
    switch (action.type) {
      case 'check-stock':
        this.lastCheck.set(action.sku, index);
        return NO_FINDINGS;
      case 'allocate':
        return order ? this.checkReservation(state, order) : NO_FINDINGS;
      case 'notify-customer':
        if (!order) return NO_FINDINGS;
        this.duties.meet((duty) => duty.kind === 'reply' && duty.order === order.id);
        return checkNotice(state, order, action);
      case 'record-backorder':
        return order ? checkRecord(state, order, action) : NO_FINDINGS;
      case 'inform-team':
        this.duties.meet((duty) => duty.kind === 'team' && !!duty.teams?.includes(action.team));
        return NO_FINDINGS;
      case 'ship': {
        const shipment = state.shipments.at(-1);
        if (!order || !shipment || state.shipments.length === this.pre.shipments)
          return NO_FINDINGS;
        return checkShipment(state, order, shipment);
      }
      default:
        return NO_FINDINGS;
    }
  }

  private checkReservation(state: EngineState, order: OrderState): Finding[] {
    const findings: Finding[] = [];
    for (const [sku, qty] of grantedSkus(this.pre.allocated ?? [], order)) {
      const changed = this.lastStockChange.get(sku) ?? -1;
      const key = `check:${sku}:${changed}`;
      if (!this.warned.has(key)) {
        const unchecked = checkStockChecked(
          state,
          order,
          sku,
          changed,
          this.lastCheck.get(sku) ?? -2,
        );
        if (unchecked) {
          this.warned.add(key);
          findings.push(unchecked);
        }
      }
      const starved = this.pre.starved?.(sku, qty) ?? null;
      if (starved) findings.push(outOfRank(state, order, sku, qty, starved));
    }
    return findings;
  }

  private refresh(state: EngineState): void {
    for (const duty of this.duties.refresh(state, this.restockPending))
      this.softenIfToldLate(duty, state);
    if (!this.duties.open.has('allocate')) this.restockPending = false;
  }

  /**
   * Told after the deadline: the customer did hear, late. Not the critical error of never
   * telling them.
   */
  private softenIfToldLate(duty: Duty, state: EngineState): void {
    const late = this.missedBy.get(duty);
    if (
      late?.rule !== 'customer-not-told' ||
      !state.notifications.some((n) => n.order === duty.order && n.at > duty.since)
    )
      return;
    const told = state.notifications.filter((n) => n.order === duty.order).at(-1)!;
    const { competency, points, critical } = RULES['notice-late'];
    Object.assign(late, {
      rule: 'notice-late',
      competency,
      points,
      critical,
      message: `The customer on order ${duty.order} was told at ${told.at}, after the deadline of ${duty.deadline}.`,
    });
  }

  private readonly missedBy = new Map<Duty, Deduction>();

  private miss(duty: Duty, state: EngineState, entry: number | null): void {
    const finding = missedDutyFinding(duty, state);
    if (finding) this.missedBy.set(duty, this.deduct(finding, duty.deadline, entry));
  }

  private handOver(duty: Duty, state: EngineState): void {
    const finding = missedDutyFinding(duty, state);
    if (!finding) return;
    this.handover.push({
      rule: finding.rule,
      deadline: duty.deadline,
      ...(finding.order ? { order: finding.order } : {}),
      message: finding.message,
      reference: finding.reference,
    });
  }

  private deduct(finding: Finding, at: string, entry: number | null): Deduction {
    const { competency, points, critical } = RULES[finding.rule];
    const { rule, message, reference, ...where } = finding;
    const deduction: Deduction = {
      competency,
      rule,
      points,
      at,
      entry,
      critical,
      message,
      reference,
      ...where,
    };
    this.deductions.push(deduction);
    return deduction;
  }
}

export function scoreLog(
  scenario: Scenario,
  log: readonly LogEntry[],
): { ok: true; score: Score } | { ok: false; error: { index: number; message: string } } {
  const judge = new Judge(scenario);
  const replayed = replay(scenario, log, judge.hooks);
  if (!replayed.ok) return { ok: false, error: replayed.error };
  return { ok: true, score: judge.finish(replayed.result.state) };
}

/** What scoring notes just before an action, to judge it once applied (one record, rewritten before each entry). */
interface PreFacts {
  shipments: number;
  /** Reserved units per line of the order being allocated to. */
  allocated?: number[] | undefined;
  /** Which higher-ranked order an allocation of `qty` of `sku` would leave short. */
  starved?: ((sku: string, qty: number) => OrderState | null) | null | undefined;
}

function summarise(scenario: Scenario, deductions: Deduction[], handover: Handover[]): Score {
  const competencies = Object.fromEntries(COMPETENCIES.map((c) => [c, 100])) as Record<
    Competency,
    number
  >;
  for (const d of deductions)
    competencies[d.competency] = Math.max(0, competencies[d.competency] - d.points);
  const counted = COMPETENCIES.filter(
    (c) => scenario.competencies.includes(c) || competencies[c] < 100,
  );
  const total = Math.round(counted.reduce((sum, c) => sum + competencies[c], 0) / counted.length);
  return {
    total,
    passed: total >= PASS_MARK && !deductions.some((d) => d.critical),
    competencies,
    deductions,
    handover,
  };
}

/** Units of each SKU an allocate action reserved for the order. */
function grantedSkus(allocatedBefore: readonly number[], order: OrderState): Map<string, number> {
  const granted = new Map<string, number>();
  order.lines.forEach((line, index) => {
    const delta = line.allocated - (allocatedBefore[index] ?? 0);
    if (delta > 0) granted.set(line.sku, (granted.get(line.sku) ?? 0) + delta);
  });
  return granted;
}

/**
 * Before an allocation to `order`: a check of which higher-ranked order the allocation rules
 * would have served first with a SKU, and that an allocation would leave short. Null when no
 * higher-ranked order waits for any of the order's SKUs (the common case, checked cheaply).
 *
 * What the rules would serve first is the allocation plan's grants to the orders ranked
 * above `order`. The plan walks the orders in rank order and a grant only takes from what
 * the orders above it left, so those grants are the plan cut short at `order`: the orders
 * below it are never walked.
 */
function starvationCheck(
  state: EngineState,
  order: OrderState,
): ((sku: string, qty: number) => OrderState | null) | null {
  const ranked = rankedOrders(state);
  const skus = new Set<string>();
  for (const line of order.lines) skus.add(line.sku);
  if (!contestedAbove(ranked, order, skus)) return null;
  const needAbove = new Map<string, { qty: number; first: string }>();
  let free: Map<string, number> | null = null;
  let reached = false;
  for (const other of ranked) {
    if (other === order) {
      reached = true;
      break;
    }
    // Stock only ever runs lower along the plan: an order that could be given nothing from
    // what is free now is given nothing by it.
    if (!mayBeGranted(state, other)) continue;
    free ??= availableBySku(state);
    for (const line of allocateOrder(other, free, state.policy)) {
      const need = needAbove.get(line.sku);
      if (need) need.qty += line.qty;
      else needAbove.set(line.sku, { qty: line.qty, first: other.id });
    }
  }
  if (!reached) return null;
  const available = new Map<string, number>();
  for (const sku of skus)
    available.set(sku, (state.skus[sku]?.onHand ?? 0) - (state.skus[sku]?.allocated ?? 0));
  return (sku, qty) => {
    const need = needAbove.get(sku);
    if (!need || (available.get(sku) ?? 0) - qty >= need.qty) return null;
    return findOrder(state, need.first) ?? null;
  };
}

/** Whether an order ranked above `order` still waits for one of `skus`. */
function contestedAbove(
  ranked: readonly OrderState[],
  order: OrderState,
  skus: ReadonlySet<string>,
): boolean {
  for (const other of ranked) {
    if (other === order) return false;
    for (const line of other.lines) if (skus.has(line.sku) && openQty(line) > 0) return true;
  }
  return false;
}
