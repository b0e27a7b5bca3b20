/**
 * Scoring (ENGINE.md section 8): a trainee's log judged against the duties the autopilot
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
import { planAllocation } from './allocation';
import type { Action } from './actions';
import {
  allocationDue,
  backorderPicture,
  escalationDue,
  flagDue,
  isRecorded,
  isShippable,
  isTold,
  requiredOptions,
  teamsToInform,
  type BackorderPicture,
  type Team,
} from './duties';
import { isAction, replay, type LogEntry } from './log';
import { promiseTable } from './promise';
import { rankedOrders, rankReasons } from './ranking';
import { COMPETENCIES, type Competency, type Scenario } from './schema';
import { stockChangedBy } from './autopilot';
import { findOrder, openQty, type EngineState, type OrderState } from './state';
import { NO_DATE_TEXT } from './shipping';
import { addHours } from './time';

export interface Deduction {
  competency: Competency;
  /** Stable rule id, e.g. `customer-not-told`. */
  rule: string;
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

export interface Score {
  total: number;
  passed: boolean;
  competencies: Record<Competency, number>;
  deductions: Deduction[];
}

export const PASS_MARK = 80;

/** Points per rule; the competency each rule belongs to. */
export const RULES = {
  'customer-not-told': { competency: 'communication', points: 30, critical: true },
  'notice-late': { competency: 'communication', points: 15, critical: false },
  'update-overdue': { competency: 'communication', points: 15, critical: false },
  'status-request-unanswered': { competency: 'communication', points: 10, critical: false },
  'notice-wrong-channel': { competency: 'communication', points: 5, critical: false },
  'notice-wrong-date': { competency: 'communication', points: 10, critical: false },
  'notice-missing-items': { competency: 'communication', points: 10, critical: false },
  'notice-missing-options': { competency: 'communication', points: 5, critical: false },
  'notice-no-apology': { competency: 'communication', points: 5, critical: false },
  'wrong-backorder-type': { competency: 'basics', points: 15, critical: false },
  'partial-not-recognised': { competency: 'basics', points: 10, critical: false },
  'stock-not-checked': { competency: 'tracking', points: 5, critical: false },
  'restocked-backorder-lost': { competency: 'tracking', points: 20, critical: false },
  'backorder-record-stale': { competency: 'tracking', points: 10, critical: false },
  'refused-action': { competency: 'tracking', points: 5, critical: false },
  'partial-not-announced': { competency: 'partial-shipments', points: 15, critical: false },
  'shipment-late': { competency: 'partial-shipments', points: 10, critical: false },
  'refused-shipping-step': { competency: 'partial-shipments', points: 5, critical: false },
  'backorder-not-recorded': { competency: 'documentation', points: 15, critical: false },
  'record-inaccurate': { competency: 'documentation', points: 5, critical: false },
  'team-not-informed': { competency: 'documentation', points: 10, critical: false },
  'out-of-rank-order': { competency: 'prioritization', points: 20, critical: false },
  'stock-not-allocated': { competency: 'prioritization', points: 15, critical: false },
  'escalation-missed': { competency: 'prioritization', points: 15, critical: false },
  'flag-missed': { competency: 'prioritization', points: 10, critical: false },
  'wrong-item-shipped': { competency: 'error-prevention', points: 40, critical: true },
  'verification-skipped': { competency: 'error-prevention', points: 10, critical: false },
} as const satisfies Record<string, { competency: Competency; points: number; critical: boolean }>;
export type Rule = keyof typeof RULES;

/** Which refusals point at which skill. */
const REFUSAL_RULE: Record<string, Rule> = {
  'pick-exceeds-allocation': 'refused-shipping-step',
  'ship-complete-incomplete': 'refused-shipping-step',
  'ship-complete-partial-reservation': 'refused-shipping-step',
  'split-line': 'refused-shipping-step',
  'nothing-picked': 'refused-shipping-step',
  'not-packed': 'refused-shipping-step',
  'already-packed': 'refused-shipping-step',
  'not-verified': 'verification-skipped',
  'self-verification': 'verification-skipped',
};

interface Duty {
  key: string;
  kind: 'notice' | 'record' | 'escalate' | 'flag' | 'allocate' | 'ship' | 'team' | 'reply';
  since: string;
  deadline: string;
  order?: string;
  team?: Team;
  cause?: string;
  /** Whether a stock receipt made this allocation due (restocked backorders). */
  restock?: boolean;
  missed: boolean;
  /** The deduction made when the deadline passed, so a late notice can soften it. */
  deduction?: Deduction;
}

/** Entry types that can change a duty's condition; others need no recomputation. */
const QUIET: ReadonlySet<string> = new Set([
  'check-stock',
  'pick',
  'pack',
  'request-verification',
  'verify',
  'advance-clock',
]);

export function scoreLog(
  scenario: Scenario,
  log: readonly LogEntry[],
): { ok: true; score: Score } | { ok: false; error: { index: number; message: string } } {
  const hours = scenario.policy.notifyWithinHours;
  const deductions: Deduction[] = [];
  const duties = new Map<string, Duty>();
  const lastStockChange = new Map<string, number>();
  const lastCheck = new Map<string, number>();
  const warned = new Set<string>();
  let restockPending = false;

  const deduct = (
    rule: Rule,
    at: string,
    entry: number | null,
    message: string,
    reference: string,
    extra: { order?: string; sku?: string } = {},
  ) => {
    const { competency, points, critical } = RULES[rule];
    const deduction: Deduction = {
      competency,
      rule,
      points,
      at,
      entry,
      critical,
      message,
      reference,
      ...extra,
    };
    deductions.push(deduction);
    return deduction;
  };

  const customerName = (state: EngineState, order: OrderState) =>
    state.customers[order.customer]?.name ?? order.customer;

  const missDuty = (duty: Duty, state: EngineState, entry: number | null) => {
    duty.missed = true;
    const order = duty.order ? state.orders.find((o) => o.id === duty.order) : undefined;
    const table = promiseTable(state);
    const picture = order ? backorderPicture(state, order, table) : null;
    const at = duty.deadline;
    const ref = { ...(duty.order ? { order: duty.order } : {}) };
    switch (duty.kind) {
      case 'notice': {
        if (!order || !picture) return;
        const everTold = state.notifications.some((n) => n.order === order.id);
        duty.deduction = deduct(
          everTold ? 'update-overdue' : 'customer-not-told',
          at,
          entry,
          everTold
            ? `${customerName(state, order)} was not told of the new situation on order ${order.id} within ${hours} h.`
            : `${customerName(state, order)} was never told that order ${order.id} is backordered (backordered since ${duty.since}).`,
          describeNotice(state, order, picture, duty.deadline),
          ref,
        );
        return;
      }
      case 'record': {
        if (!order || !picture) return;
        const everRecorded = state.backorderRecords.some((r) => r.order === order.id);
        deduct(
          everRecorded ? 'backorder-record-stale' : 'backorder-not-recorded',
          at,
          entry,
          everRecorded
            ? `The backorder record of order ${order.id} no longer matched the order after ${duty.since}.`
            : `No backorder record was made for order ${order.id}.`,
          `Record the backorder on order ${order.id} by ${duty.deadline}: ${describeItems(picture)}${picture.partial ? ' (a partial backorder)' : ''}.`,
          ref,
        );
        return;
      }
      case 'escalate':
        deduct(
          'escalation-missed',
          at,
          entry,
          `Order ${duty.order} has a backordered line no supply covers and was not escalated.`,
          `Escalate order ${duty.order} to a supervisor by ${duty.deadline}: no incoming purchase order covers it.`,
          ref,
        );
        return;
      case 'flag':
        deduct(
          'flag-missed',
          at,
          entry,
          `Critical order ${duty.order} was backordered but not flagged as high priority.`,
          `Flag order ${duty.order} as high priority by ${duty.deadline} so it is served first.`,
          ref,
        );
        return;
      case 'allocate': {
        const plan = planAllocation(state);
        const what = plan
          .slice(0, 3)
          .map((g) => `${g.lines.map((l) => `${l.qty} x ${l.sku}`).join(', ')} to ${g.order}`)
          .join('; ');
        deduct(
          duty.restock ? 'restocked-backorder-lost' : 'stock-not-allocated',
          at,
          entry,
          duty.restock
            ? `Stock received at ${duty.since} was left on the shelf while backorders waited for it.`
            : `Stock available since ${duty.since} was not allocated to waiting orders.`,
          `Run allocation by ${duty.deadline}: ${what}${plan.length > 3 ? ` and ${plan.length - 3} more order(s)` : ''}.`,
        );
        return;
      }
      case 'ship':
        deduct(
          'shipment-late',
          at,
          entry,
          `Order ${duty.order} had stock reserved and ready since ${duty.since} but did not ship.`,
          `Pick, pack and ship order ${duty.order} by ${duty.deadline}.`,
          ref,
        );
        return;
      case 'team':
        deduct(
          'team-not-informed',
          at,
          entry,
          `The ${duty.team} team was not told of ${duty.cause}.`,
          `Send a note to ${duty.team} by ${duty.deadline} about ${duty.cause}.`,
        );
        return;
      case 'reply': {
        if (!order) return;
        deduct(
          'status-request-unanswered',
          at,
          entry,
          `${customerName(state, order)} asked about order ${order.id} at ${duty.since} and got no answer.`,
          picture
            ? describeNotice(state, order, picture, duty.deadline)
            : `Reply to ${customerName(state, order)} by ${duty.deadline} with the order's status.`,
          ref,
        );
        return;
      }
    }
  };

  const passDeadlines = (state: EngineState, until: string | null, entry: number | null) => {
    for (const duty of duties.values())
      if (!duty.missed && (until === null || duty.deadline < until)) missDuty(duty, state, entry);
  };

  const open = (duty: Omit<Duty, 'deadline' | 'missed'>) => {
    if (!duties.has(duty.key))
      duties.set(duty.key, { ...duty, deadline: addHours(duty.since, hours), missed: false });
  };

  const refreshConditions = (state: EngineState) => {
    const table = promiseTable(state);
    const unmet = new Set<string>();
    const now = state.now;
    for (const order of state.orders) {
      const picture = backorderPicture(state, order, table);
      if (picture && !isTold(state, picture)) {
        unmet.add(`notice:${order.id}`);
        open({ key: `notice:${order.id}`, kind: 'notice', since: now, order: order.id });
      }
      if (picture && !isRecorded(state, picture)) {
        unmet.add(`record:${order.id}`);
        open({ key: `record:${order.id}`, kind: 'record', since: now, order: order.id });
      }
      if (escalationDue(state, order, picture)) {
        unmet.add(`escalate:${order.id}`);
        open({ key: `escalate:${order.id}`, kind: 'escalate', since: now, order: order.id });
      }
      if (flagDue(order, picture)) {
        unmet.add(`flag:${order.id}`);
        open({ key: `flag:${order.id}`, kind: 'flag', since: now, order: order.id });
      }
      if (isShippable(state, order)) {
        unmet.add(`ship:${order.id}`);
        open({ key: `ship:${order.id}`, kind: 'ship', since: now, order: order.id });
      }
    }
    if (allocationDue(state)) {
      unmet.add('allocate');
      open({ key: 'allocate', kind: 'allocate', since: now, restock: restockPending });
    } else restockPending = false;
    for (const [key, duty] of duties) {
      if (duty.kind === 'team' || duty.kind === 'reply' || unmet.has(key)) continue;
      duties.delete(key);
      // Told after the deadline: the customer did hear, late. Not the critical error of
      // never telling them.
      const late = duty.deduction;
      if (
        late?.rule === 'customer-not-told' &&
        state.notifications.some((n) => n.order === duty.order && n.at > duty.since)
      ) {
        const told = state.notifications.filter((n) => n.order === duty.order).at(-1)!;
        Object.assign(late, {
          rule: 'notice-late',
          ...RULES['notice-late'],
          message: `The customer on order ${duty.order} was told at ${told.at}, after the deadline of ${duty.deadline}.`,
        });
      }
    }
  };

  /** Checks of one applied action; `state` is after it, `pre` what was true just before. */
  const checkAction = (state: EngineState, action: Action, index: number, pre: PreFacts) => {
    const before = state; // what the checks below read of it did not change with the action
    const after = state;
    const order = 'order' in action && action.order ? findOrder(state, action.order) : undefined;
    const table = () => promiseTable(state);
    switch (action.type) {
      case 'check-stock':
        lastCheck.set(action.sku, index);
        return;
      case 'allocate': {
        if (!order) return;
        const granted = grantedSkus(pre.allocated ?? [], order);
        for (const [sku, qty] of granted) {
          const changed = lastStockChange.get(sku) ?? -1;
          const checked = lastCheck.get(sku) ?? -2;
          const key = `check:${sku}:${changed}`;
          if (checked < changed && !warned.has(key)) {
            warned.add(key);
            deduct(
              'stock-not-checked',
              action.at,
              index,
              `Stock of ${sku} was reserved without checking it first.`,
              `Check stock of ${sku} (bin ${before.skus[sku]?.bin ?? '?'}) before reserving it for order ${order.id}.`,
              { order: order.id, sku },
            );
          }
          const starved = pre.starved?.(sku, qty) ?? null;
          if (starved)
            deduct(
              'out-of-rank-order',
              action.at,
              index,
              `${qty} x ${sku} went to order ${order.id} (${rankReasons(order, before.policy, before.customers)}) while higher-ranked order ${starved.id} still needed it.`,
              `Allocate ${sku} to order ${starved.id} first (${rankReasons(starved, before.policy, before.customers)}).`,
              { order: order.id, sku },
            );
        }
        return;
      }
      case 'notify-customer': {
        if (!order) return;
        for (const duty of duties.values())
          if (duty.kind === 'reply' && duty.order === order.id) duties.delete(duty.key);
        const picture = backorderPicture(before, order, table());
        const contact = before.customers[order.customer]?.contact;
        if (contact && action.channel !== contact)
          deduct(
            'notice-wrong-channel',
            action.at,
            index,
            `Notice to ${customerName(before, order)} went by ${action.channel}.`,
            `Send it by ${contact}, the channel the customer chose.`,
            { order: order.id },
          );
        if (!picture) return;
        const { content } = action;
        if (content.promiseDate !== picture.promiseDate)
          deduct(
            'notice-wrong-date',
            action.at,
            index,
            `Notice on order ${order.id} promised ${content.promiseDate ?? NO_DATE_TEXT}.`,
            `Promise ${picture.promiseDate ?? `no date ("${NO_DATE_TEXT}") and offer alternatives`}, as incoming supply allows.`,
            { order: order.id },
          );
        const missing = picture.backordered.filter(
          (item) => !content.backordered.some((b) => b.sku === item.sku && b.qty === item.qty),
        );
        if (missing.length > 0)
          deduct(
            'notice-missing-items',
            action.at,
            index,
            `Notice on order ${order.id} left out or miscounted ${missing.map((m) => m.sku).join(', ')}.`,
            `List every backordered item: ${describeItems(picture)}.`,
            { order: order.id },
          );
        const needed = requiredOptions(before, order, picture).filter(
          (option) => !content.options.includes(option),
        );
        if (needed.length > 0)
          deduct(
            'notice-missing-options',
            action.at,
            index,
            `Notice on order ${order.id} did not offer: ${needed.join(', ')}.`,
            `Offer the customer the choice: ${requiredOptions(before, order, picture).join(' / ')}.`,
            { order: order.id },
          );
        if (!content.apology)
          deduct(
            'notice-no-apology',
            action.at,
            index,
            `Notice on order ${order.id} had no apology.`,
            `Apologise sincerely for the wait.`,
            { order: order.id },
          );
        return;
      }
      case 'record-backorder': {
        if (!order) return;
        const picture = backorderPicture(before, order, table());
        if (!picture) return;
        for (const line of action.lines) {
          const truth = picture.backordered.find((item) => item.sku === line.sku);
          if (truth && truth.backorderType !== line.backorderType)
            deduct(
              'wrong-backorder-type',
              action.at,
              index,
              `${line.sku} on order ${order.id} was recorded as ${line.backorderType}.`,
              `It is ${truth.backorderType === 'cancelled' ? 'a cancelled backorder: discontinued with no supply coming, so refund or substitute' : 'an active backorder: supply is expected, so it will be filled later'}.`,
              { order: order.id, sku: line.sku },
            );
        }
        if (action.partial !== picture.partial)
          deduct(
            'partial-not-recognised',
            action.at,
            index,
            `Order ${order.id} was recorded as ${action.partial ? '' : 'not '}a partial backorder.`,
            picture.partial
              ? `Record it as partial: part of it ships now and the rest is backordered.`
              : `Record it as a full backorder: nothing of it ships yet.`,
            { order: order.id },
          );
        const wrong = picture.backordered.filter(
          (item) =>
            !action.lines.some(
              (l) => l.sku === item.sku && l.qty === item.qty && l.promiseDate === item.promiseDate,
            ),
        );
        if (wrong.length > 0 || action.lines.length !== picture.backordered.length)
          deduct(
            'record-inaccurate',
            action.at,
            index,
            `The backorder record of order ${order.id} does not match the order.`,
            `Record ${describeItems(picture)}.`,
            { order: order.id },
          );
        return;
      }
      case 'inform-team':
        for (const duty of duties.values())
          if (duty.kind === 'team' && duty.team === action.team) duties.delete(duty.key);
        return;
      case 'ship': {
        const shipment = after.shipments.at(-1);
        if (!order || !shipment || after.shipments.length === pre.shipments) return;
        for (const line of shipment.lines)
          if (line.pickedSku)
            deduct(
              'wrong-item-shipped',
              action.at,
              index,
              `Order ${order.id} shipped ${line.qty} x ${line.pickedSku} instead of ${line.sku}.`,
              `Pick ${line.sku} from bin ${before.skus[line.sku]?.bin ?? '?'}; check the item against the pick list${before.policy.verifyShipments ? '' : ' or ask for verification'} before it ships.`,
              { order: order.id, sku: line.sku },
            );
        const shipped = order;
        const picture = backorderPicture(after, shipped, promiseTable(after));
        if (picture && !after.notifications.some((n) => n.order === order.id))
          deduct(
            'partial-not-announced',
            action.at,
            index,
            `Order ${order.id} shipped partially before the customer was told the rest is backordered.`,
            `Tell ${customerName(after, shipped)} before shipping: ${describeItems(picture)}, and offer to wait or receive separate deliveries.`,
            { order: order.id },
          );
        return;
      }
      default:
        return;
    }
  };

  // Duties are read at the end of each simulated minute: what is put right within the same
  // minute (as the reference does) was never owed. The duties of startsAt exist before any
  // entry, so the first minute starts dirty.
  let dirty = true;
  let minute = scenario.startsAt;
  let pre: PreFacts = { shipments: 0 };
  let stockBefore = 0;
  const replayed = replay(scenario, log, {
    before: (state, entry, index) => {
      if (entry.at > minute) {
        if (dirty) refreshConditions(state);
        dirty = false;
        minute = entry.at;
        passDeadlines(state, entry.at, index);
      }
      pre = { shipments: state.shipments.length };
      if (entry.type === 'allocate') {
        const order = findOrder(state, entry.order);
        if (order) {
          pre.allocated = order.lines.map((line) => line.allocated);
          pre.starved = starvationCheck(state, order);
        }
      }
      if (entry.type === 'stock-count') stockBefore = state.skus[entry.sku]?.allocated ?? 0;
    },
    after: (state, entry, outcome, index) => {
      if (isAction(entry)) {
        if (outcome.refused) {
          const rule = REFUSAL_RULE[outcome.refused.code] ?? 'refused-action';
          deduct(
            rule,
            entry.at,
            index,
            `Refused: ${outcome.refused.message}`,
            referenceForRefusal(rule),
            'order' in entry ? { order: entry.order } : {},
          );
          return;
        }
        checkAction(state, entry, index, pre);
        if (!QUIET.has(entry.type)) dirty = true;
        return;
      }
      dirty = true;
      const sku = stockChangedBy(entry, state);
      if (sku) lastStockChange.set(sku, index);
      if (entry.type === 'stock-received') restockPending = true;
      const released =
        entry.type === 'stock-count' && (state.skus[entry.sku]?.allocated ?? 0) < stockBefore;
      for (const team of teamsToInform(state, entry, released))
        open({
          key: `team:${team}:${index}`,
          kind: 'team',
          since: entry.at,
          team,
          cause: describeEvent(entry),
        });
      if (entry.type === 'customer-message' && entry.intent === 'ask-status')
        open({
          key: `reply:${entry.order}:${index}`,
          kind: 'reply',
          since: entry.at,
          order: entry.order,
        });
    },
  });
  if (!replayed.ok) return { ok: false, error: replayed.error };
  if (dirty) refreshConditions(replayed.result.state);
  passDeadlines(replayed.result.state, null, null);
  return { ok: true, score: summarise(scenario, deductions) };
}

/** What scoring notes just before an action, to judge it once applied. */
interface PreFacts {
  shipments: number;
  /** Reserved units per line of the order being allocated to. */
  allocated?: number[];
  /** Which higher-ranked order an allocation of `qty` of `sku` would leave short. */
  starved?: ((sku: string, qty: number) => OrderState | null) | null;
}

function summarise(scenario: Scenario, deductions: Deduction[]): Score {
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
 */
function starvationCheck(
  state: EngineState,
  order: OrderState,
): ((sku: string, qty: number) => OrderState | null) | null {
  const ranked = rankedOrders(state);
  const skus = new Set(order.lines.map((line) => line.sku));
  let contested = false;
  for (const other of ranked) {
    if (other === order) break;
    if (other.lines.some((line) => skus.has(line.sku) && openQty(line) > 0)) {
      contested = true;
      break;
    }
  }
  if (!contested) return null;
  const position = ranked.indexOf(order);
  const rank = new Map(ranked.map((o, i) => [o.id, i]));
  const needAbove = new Map<string, { qty: number; first: string }>();
  for (const grant of planAllocation(state)) {
    if ((rank.get(grant.order) ?? Infinity) >= position) continue;
    for (const line of grant.lines) {
      const need = needAbove.get(line.sku);
      if (need) need.qty += line.qty;
      else needAbove.set(line.sku, { qty: line.qty, first: grant.order });
    }
  }
  const available = new Map(
    [...skus].map((sku) => [
      sku,
      (state.skus[sku]?.onHand ?? 0) - (state.skus[sku]?.allocated ?? 0),
    ]),
  );
  return (sku, qty) => {
    const need = needAbove.get(sku);
    if (!need || (available.get(sku) ?? 0) - qty >= need.qty) return null;
    return findOrder(state, need.first) ?? null;
  };
}

function describeItems(picture: BackorderPicture): string {
  return picture.backordered
    .map(
      (item) =>
        `${item.qty} x ${item.sku} ${item.backorderType} backorder, ${item.promiseDate ?? NO_DATE_TEXT}`,
    )
    .join('; ');
}

function describeNotice(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture,
  deadline: string,
): string {
  const customer = state.customers[order.customer];
  return `Notify ${customer?.name ?? order.customer} by ${customer?.contact ?? 'email'} by ${deadline}: ${describeItems(picture)}; promise date ${picture.promiseDate ?? NO_DATE_TEXT}; offer ${requiredOptions(state, order, picture).join(' / ')}; apologise.`;
}

function describeEvent(event: LogEntry): string {
  switch (event.type) {
    case 'po-delayed':
      return `PO ${event.po} delayed to ${event.eta}`;
    case 'sku-discontinued':
      return `${event.sku} discontinued`;
    case 'stock-count':
      return `the count of ${event.sku} (${event.onHand} on hand) that released reservations`;
    default:
      return event.type;
  }
}

function referenceForRefusal(rule: Rule): string {
  switch (rule) {
    case 'verification-skipped':
      return 'Ask a second person to verify the packed parcel before it ships.';
    case 'refused-shipping-step':
      return 'Pick only reserved units, pack what is picked, and ship complete-only orders whole.';
    default:
      return 'Check stock and the order before acting; the system refuses what is not possible.';
  }
}
