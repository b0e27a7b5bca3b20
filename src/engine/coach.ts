/**
 * The coach of practice mode: what the desk owes right now, by when and under which rule,
 * and every deduction so far with its explanation. It reads the judge's own duties (the
 * scorer's), so its advice and the score cannot disagree. It only advises; it never acts.
 *
 * The list is in the order a trainee should work it, so following it from the top never
 * earns a deduction, and every duty stays on it until met:
 * - allocation comes first, with the stock checks it needs: until stock is reserved, the
 *   notices and records of the orders it will serve would describe a backorder that is
 *   about to shrink or vanish, so those come last and say they wait for it;
 * - a flag comes next, because it changes the ranking that promise dates are read from;
 * - a shipment waits until the customer has been told of any part left behind;
 * - everything else by deadline, soonest first.
 *
 * Only the first `limit` duties are put into words (a shift of 500 orders can owe 1,000
 * things at once, and the desk shows a handful); `more` counts the rest.
 */
import { planAllocation, type AllocationGrant } from './allocation';
import type { Duty } from './duty-book';
import type { LogEntry } from './log';
import { Replay, replay } from './log';
import { RULES, type Rule } from './rules';
import type { Scenario } from './schema';
import { Judge, type Deduction } from './scoring';
import { pickedQty, type EngineState } from './state';

export interface Advice {
  rule: Rule;
  /** The rule's title, e.g. "Tell every customer whose order is backordered". */
  title: string;
  order?: string;
  since: string;
  deadline: string;
  /** What to do, as the reference would do it. */
  advice: string;
  /** The deadline falls after the shift: it will be handed over, not deducted. */
  afterShift: boolean;
}

export interface Coaching {
  /** The first duties to work, in order. */
  due: Advice[];
  /** How many more are owed after those (not put into words). */
  more: number;
  /** Deductions so far, newest first. */
  deductions: Deduction[];
}

/** Duties about an order's backorder that an allocation about to happen would change. */
const CHANGED_BY_ALLOCATION = new Set<Duty['kind']>(['notice', 'record', 'reply', 'escalate']);
const FIRST: Partial<Record<Duty['kind'], number>> = { allocate: 0, flag: 1 };
/** Duties that wait for another one on the list come after everything else. */
const LAST = 3;
const AFTER_ALLOCATION: Partial<Record<Duty['kind'], string>> = {
  notice: 'tell the customer what is still backordered',
  reply: 'answer the customer with the new status',
  record: 'record what is still backordered',
  escalate: 'escalate what no incoming purchase order covers',
};

/** The coach's list for a log, read by a full replay (see `LiveCoach` for a growing log). */
export function coach(
  scenario: Scenario,
  log: readonly LogEntry[],
  limit = Infinity,
): Coaching | null {
  const judge = new Judge(scenario);
  const replayed = replay(scenario, log, judge.hooks);
  if (!replayed.ok) return null;
  return coaching(scenario, judge, replayed.result.state, limit);
}

/**
 * The coach beside a shift in play: it keeps its judge between actions and folds only the
 * entries the log gained since it last looked, instead of replaying the whole shift on every
 * action. Its answers are those of `coach` for the same log (the judge reads duties without
 * changing itself, so looking in the middle of a minute changes nothing). A log that is not
 * the last one plus new entries (a restarted run, another tab's) is replayed from the start.
 */
export class LiveCoach {
  private judge!: Judge;
  private folding!: Replay;
  private seen: readonly LogEntry[] = [];
  private failed = false;

  constructor(private readonly scenario: Scenario) {
    this.restart();
  }

  advise(log: readonly LogEntry[], limit = Infinity): Coaching | null {
    if (!this.extends(log)) this.restart();
    for (let index = this.folding.length; index < log.length && !this.failed; index++)
      this.failed = this.folding.fold(log[index]!) !== null;
    this.seen = log;
    if (this.failed) return null;
    return coaching(this.scenario, this.judge, this.folding.state, limit);
  }

  private restart(): void {
    this.judge = new Judge(this.scenario);
    this.folding = new Replay(this.scenario, this.judge.hooks);
    this.seen = [];
    this.failed = false;
  }

  /** Whether `log` is the log last seen (every entry the same), perhaps with more after it. */
  private extends(log: readonly LogEntry[]): boolean {
    const seen = this.seen;
    if (log.length < seen.length || this.folding.length !== seen.length) return false;
    for (let i = 0; i < seen.length; i++) if (log[i] !== seen[i]) return false;
    return true;
  }
}

/** The order to work the owed duties in, and the allocation plan it rests on. */
interface WorkOrder {
  plan: AllocationGrant[];
  ordered: { duty: Duty; waits: boolean }[];
}

/**
 * Work orders already worked out, per list of owed duties: the judge keeps that list (the
 * same array) while nothing that can change a duty happens, such as a stock check or a pick,
 * and neither can those change the allocation plan.
 */
const workOrders = new WeakMap<readonly Duty[], WorkOrder>();

function workOrder(owed: readonly Duty[], state: EngineState): WorkOrder {
  let work = workOrders.get(owed);
  if (work) return work;
  const plan = owed.some((duty) => duty.kind === 'allocate') ? planAllocation(state) : [];
  const served = new Set(plan.map((grant) => grant.order));
  const untold = new Set(owed.filter((duty) => duty.kind === 'notice').map((duty) => duty.order));
  const waits = (duty: Duty) =>
    (duty.order !== undefined && served.has(duty.order) && CHANGED_BY_ALLOCATION.has(duty.kind)) ||
    (duty.kind === 'ship' && untold.has(duty.order));
  const ordered = owed
    .map((duty, index) => {
      const waiting = waits(duty);
      return {
        duty,
        waits: waiting,
        index,
        place: waiting ? LAST : (FIRST[duty.kind] ?? LAST - 1),
      };
    })
    .sort((a, b) => a.place - b.place || a.index - b.index);
  work = { plan, ordered };
  workOrders.set(owed, work);
  return work;
}

function coaching(scenario: Scenario, judge: Judge, state: EngineState, limit: number): Coaching {
  const { plan, ordered } = workOrder(judge.owed(state), state);
  const due: Advice[] = [];
  let more = 0;
  for (const { duty, waits } of ordered) {
    if (due.length >= limit) {
      more++;
      continue;
    }
    // A duty whose condition has gone (null) is not owed; it is dropped at the next entry.
    const finding = judge.findingFor(duty, state, duty.kind === 'allocate' ? plan : undefined);
    if (!finding) continue;
    due.push({
      rule: finding.rule,
      title: RULES[finding.rule].title,
      ...(finding.order ? { order: finding.order } : {}),
      since: duty.since,
      deadline: duty.deadline,
      advice: adviceFor(duty, finding.reference, state, plan, judge, waits),
      afterShift: duty.deadline > scenario.endsAt,
    });
  }
  // Copies: the judge may still rewrite a deduction it keeps (a notice that came late).
  const deductions = judge.deductions.map((deduction) => ({ ...deduction })).reverse();
  return { due, more, deductions };
}

function adviceFor(
  duty: Duty,
  reference: string,
  state: EngineState,
  plan: readonly AllocationGrant[],
  judge: Judge,
  waiting: boolean,
): string {
  if (waiting && duty.kind !== 'ship')
    return `Once the allocation above is done, ${AFTER_ALLOCATION[duty.kind]} on order ${duty.order} by ${duty.deadline}: what it still lacks then, not what it lacks now.`;
  if (duty.kind === 'allocate') return allocationAdvice(state, plan, judge, duty.deadline);
  if (duty.kind === 'ship')
    return `${waiting ? 'Once the customer has been told what stays behind: ' : ''}${shippingAdvice(state, duty.order!, duty.deadline)}`;
  return reference;
}

function plannedSkus(plan: readonly AllocationGrant[]): string[] {
  return [...new Set(plan.flatMap((grant) => grant.lines.map((line) => line.sku)))];
}

/** "a, b and c" */
function list(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How many orders one piece of allocation advice names; the rest follow as it is worked. */
const ORDERS_NAMED = 5;

/**
 * Which orders to allocate, highest rank first, and the stock checks that must come before.
 * A long plan names its first few orders; once they are served the advice moves on.
 */
function allocationAdvice(
  state: EngineState,
  plan: readonly AllocationGrant[],
  judge: Judge,
  deadline: string,
): string {
  const named = plan.slice(0, ORDERS_NAMED);
  const unchecked = judge.uncheckedAmong(plannedSkus(named));
  const check =
    unchecked.length > 0 ? `First check stock of ${list(unchecked)}. Then allocate` : 'Allocate';
  const grants = named
    .map(
      (grant) =>
        `${grant.lines.map((line) => `${line.qty} x ${line.sku}`).join(', ')} to ${grant.order}`,
    )
    .join('; ');
  const rest = plan.length - named.length;
  return `${check} by the rules on ${list(named.map((grant) => grant.order))}, in that order, by ${deadline}: ${grants}.${
    rest > 0 ? ` Then ${rest} more order(s), highest rank first.` : ''
  }${state.orders.length > plan.length ? ' The notices and records of these orders come after.' : ''}`;
}

/** What to pick from which bin, the look-alike to leave, and the steps to the door. */
function shippingAdvice(state: EngineState, orderId: string, deadline: string): string {
  const order = state.orders.find((o) => o.id === orderId);
  if (!order) return `Pick, pack and ship order ${orderId} by ${deadline}.`;
  const perSku = new Map<string, number>();
  for (const line of order.lines) {
    const qty = line.allocated - pickedQty(line);
    if (qty > 0) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + qty);
  }
  const picks = [...perSku].map(([sku, qty]) => {
    const item = state.skus[sku];
    const lookalikes = item?.lookalikes ?? [];
    return `${qty} x ${sku} from bin ${item?.bin ?? '?'}${
      lookalikes.length > 0 ? ` (not the look-alike ${list(lookalikes)})` : ''
    }`;
  });
  const verify = state.policy.verifyShipments ? ', ask a second person to verify it' : '';
  return `${picks.length > 0 ? `Pick ${list(picks)}, then pack` : 'Pack'}${verify} and ship order ${orderId} by ${deadline}.`;
}
