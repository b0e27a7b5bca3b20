/**
 * The checks behind the rule catalogue (`rules.ts`), each a small pure function of the
 * state and one action, testable alone. They return findings: which rule, what went wrong
 * and what the reference would have done. `scoring.ts` dates them and adds the points.
 */
import type { Action } from './actions';
import {
  backorderPicture,
  noticeSituation,
  requiredOptions,
  type BackorderPicture,
} from './duties';
import { promiseTable } from './promise';
import { rankReasons } from './ranking';
import type { Rule } from './rules';
import { NO_DATE_TEXT } from './shipping';
import type { EngineState, OrderState, Shipment } from './state';

export interface Finding {
  rule: Rule;
  /** What went wrong, in words. */
  message: string;
  /** What the reference (autopilot) would have done. */
  reference: string;
  order?: string;
  sku?: string;
}

type ActionOf<T extends Action['type']> = Extract<Action, { type: T }>;

export function customerName(state: EngineState, order: OrderState): string {
  return state.customers[order.customer]?.name ?? order.customer;
}

/** `2 x CU-ELB-15 active backorder, 2026-03-04T08:00; ...` */
export function describeItems(picture: BackorderPicture): string {
  return picture.backordered
    .map(
      (item) =>
        `${item.qty} x ${item.sku} ${item.backorderType} backorder, ${item.promiseDate ?? NO_DATE_TEXT}`,
    )
    .join('; ');
}

/** The notice the reference would send, as an instruction. */
export function describeNotice(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture,
  deadline: string,
): string {
  const customer = state.customers[order.customer];
  return `Notify ${customer?.name ?? order.customer} by ${customer?.contact ?? 'email'} by ${deadline}: ${describeItems(picture)}; promise date ${picture.promiseDate ?? NO_DATE_TEXT}; offer ${requiredOptions(state, order, picture).join(' or ')}; apologise.`;
}

/** A notice to the customer, judged against the order's backorder picture at that moment. */
export function checkNotice(
  state: EngineState,
  order: OrderState,
  action: ActionOf<'notify-customer'>,
): Finding[] {
  const findings: Finding[] = [];
  const about = { order: order.id };
  const contact = state.customers[order.customer]?.contact;
  if (contact && action.channel !== contact)
    findings.push({
      rule: 'notice-wrong-channel',
      message: `Notice to ${customerName(state, order)} went by ${action.channel}.`,
      reference: `Send it by ${contact}, the channel the customer chose.`,
      ...about,
    });
  const picture = backorderPicture(state, order, promiseTable(state));
  if (!picture) return findings;
  const { content } = action;
  if (content.promiseDate !== picture.promiseDate)
    findings.push({
      rule: 'notice-wrong-date',
      message: `Notice on order ${order.id} promised ${content.promiseDate ?? NO_DATE_TEXT}.`,
      reference: `Promise ${picture.promiseDate ?? `no date ("${NO_DATE_TEXT}") and offer alternatives`}, as incoming supply allows.`,
      ...about,
    });
  const missing = picture.backordered.filter(
    (item) => !content.backordered.some((b) => b.sku === item.sku && b.qty === item.qty),
  );
  if (missing.length > 0)
    findings.push({
      rule: 'notice-missing-items',
      message: `Notice on order ${order.id} left out or miscounted ${missing.map((m) => m.sku).join(', ')}.`,
      reference: `List every backordered item: ${describeItems(picture)}.`,
      ...about,
    });
  const required = requiredOptions(state, order, picture);
  const needed = required.filter((option) => !content.options.includes(option));
  if (needed.length > 0)
    findings.push({
      rule: 'notice-missing-options',
      message: `Notice on order ${order.id} did not offer: ${needed.join(', ')}.`,
      reference: `${noticeSituation(state, order, picture).when} Offer the customer the choice: ${required.join(' or ')}.`,
      ...about,
    });
  if (!content.apology)
    findings.push({
      rule: 'notice-no-apology',
      message: `Notice on order ${order.id} had no apology.`,
      reference: `Apologise sincerely for the wait.`,
      ...about,
    });
  return findings;
}

/** A backorder record, judged against the order's backorder picture at that moment. */
export function checkRecord(
  state: EngineState,
  order: OrderState,
  action: ActionOf<'record-backorder'>,
): Finding[] {
  const picture = backorderPicture(state, order, promiseTable(state));
  if (!picture) return [];
  const findings: Finding[] = [];
  for (const line of action.lines) {
    const truth = picture.backordered.find((item) => item.sku === line.sku);
    if (truth && truth.backorderType !== line.backorderType)
      findings.push({
        rule: 'wrong-backorder-type',
        message: `${line.sku} on order ${order.id} was recorded as ${line.backorderType}.`,
        reference: `It is ${truth.backorderType === 'cancelled' ? 'a cancelled backorder: discontinued with no supply coming, so refund or substitute' : 'an active backorder: supply is expected, so it will be filled later'}.`,
        order: order.id,
        sku: line.sku,
      });
  }
  if (action.partial !== picture.partial)
    findings.push({
      rule: 'partial-not-recognised',
      message: `Order ${order.id} was recorded as ${action.partial ? '' : 'not '}a partial backorder.`,
      reference: picture.partial
        ? `Record it as partial: part of it ships now and the rest is backordered.`
        : `Record it as a full backorder: nothing of it ships yet.`,
      order: order.id,
    });
  const wrong = picture.backordered.filter(
    (item) =>
      !action.lines.some(
        (l) => l.sku === item.sku && l.qty === item.qty && l.promiseDate === item.promiseDate,
      ),
  );
  if (wrong.length > 0 || action.lines.length !== picture.backordered.length)
    findings.push({
      rule: 'record-inaccurate',
      message: `The backorder record of order ${order.id} does not match the order.`,
      reference: `Record ${describeItems(picture)}.`,
      order: order.id,
    });
  return findings;
}

/**
 * A shipment that just left: every line the item ordered, and, when it leaves part of the
 * order behind, a customer who was told first. `state` is after the shipment.
 */
export function checkShipment(
  state: EngineState,
  order: OrderState,
  shipment: Shipment,
): Finding[] {
  const findings: Finding[] = [];
  for (const line of shipment.lines)
    if (line.pickedSku)
      findings.push({
        rule: 'wrong-item-shipped',
        message: `Order ${order.id} shipped ${line.qty} x ${line.pickedSku} instead of ${line.sku}.`,
        reference: `Pick ${line.sku} from bin ${state.skus[line.sku]?.bin ?? '?'}; check the item against the pick list${state.policy.verifyShipments ? '' : ' or ask for verification'} before it ships.`,
        order: order.id,
        sku: line.sku,
      });
  const picture = backorderPicture(state, order, promiseTable(state));
  if (picture && !state.notifications.some((n) => n.order === order.id))
    findings.push({
      rule: 'partial-not-announced',
      message: `Order ${order.id} shipped partially before the customer was told the rest is backordered.`,
      reference: `Tell ${customerName(state, order)} before shipping: ${describeItems(picture)}, and offer to wait or receive separate deliveries.`,
      order: order.id,
    });
  return findings;
}

/**
 * Units reserved without a stock check since the item's stock last changed. `changedAt`
 * and `checkedAt` are log indexes (-1 and -2 when never); each change is judged once.
 */
export function checkStockChecked(
  state: EngineState,
  order: OrderState,
  sku: string,
  changedAt: number,
  checkedAt: number,
): Finding | null {
  if (checkedAt >= changedAt) return null;
  return {
    rule: 'stock-not-checked',
    message: `Stock of ${sku} was reserved without checking it first.`,
    reference: `Check stock of ${sku} (bin ${state.skus[sku]?.bin ?? '?'}) before reserving it for order ${order.id}.`,
    order: order.id,
    sku,
  };
}

/** A reservation that left a higher-ranked order (`starved`) short of the same item. */
export function outOfRank(
  state: EngineState,
  order: OrderState,
  sku: string,
  qty: number,
  starved: OrderState,
): Finding {
  return {
    rule: 'out-of-rank-order',
    message: `${qty} x ${sku} went to order ${order.id} (${rankReasons(order, state.policy, state.customers)}) while higher-ranked order ${starved.id} still needed it.`,
    reference: `Allocate ${sku} to order ${starved.id} first (${rankReasons(starved, state.policy, state.customers)}).`,
    order: order.id,
    sku,
  };
}

/**
 * Refusals that are errors of practice, and the rule each breaks. Any other refusal (an
 * allocation with nothing to give, cancelling what is already cancelled) changed nothing
 * and costs nothing: the desk shows it as information.
 */
const REFUSAL_RULES: Readonly<Record<string, Rule>> = {
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

export function checkRefusal(code: string, message: string, order?: string): Finding | null {
  const rule = REFUSAL_RULES[code];
  if (!rule) return null;
  return {
    rule,
    message: `Refused: ${message}`,
    reference:
      rule === 'verification-skipped'
        ? 'Ask a second person to verify the packed parcel before it ships.'
        : 'Pick only reserved units, pack what is picked, and ship complete-only orders whole.',
    ...(order ? { order } : {}),
  };
}

/** Whether a refusal with this code is an error that is scored (else it is information). */
export function isScoredRefusal(code: string): boolean {
  return Object.hasOwn(REFUSAL_RULES, code);
}
