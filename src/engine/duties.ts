/**
 * Duties: what the person at the order desk owes at a given moment under the policy (tell
 * the customer, keep the backorder record true, escalate, flag, allocate, ship). The
 * autopilot fulfils them at once; scoring checks a trainee's log against them. Keeping both
 * on these functions means the reference and the judge can never disagree on a rule.
 */
import { allocateOrder, availableBySku } from './allocation';
import { backorderType } from './backorders';
import { orderPromiseDate, type PromiseTable } from './promise';
import type {
  BackorderRecord,
  BackorderType,
  CustomerOption,
  EngineState,
  OrderState,
} from './state';
import { isCompleteOnly, latestFor, openQty } from './state';
import type { LocalDateTime } from './time';
import type { Policy, ScenarioEvent } from './schema';

/** What is backordered on one SKU of an order, as the customer and the record must see it. */
export interface BackorderedSku {
  sku: string;
  qty: number;
  backorderType: BackorderType;
  /** Latest promise date over the order's lines for this SKU; null when any has none. */
  promiseDate: LocalDateTime | null;
}

/** The backorder situation of one order right now. */
export interface BackorderPicture {
  order: string;
  backordered: BackorderedSku[];
  promiseDate: LocalDateTime | null;
  /** Part of the order ships (or shipped) while the rest waits. */
  partial: boolean;
}

export function backorderPicture(
  state: EngineState,
  order: OrderState,
  table: PromiseTable,
): BackorderPicture | null {
  const lines = order.lines;
  // Most orders have nothing open at most moments: those are answered without building
  // anything, and the dates are only looked up once a line is open.
  let dates: readonly (LocalDateTime | null | undefined)[] | undefined;
  let backordered: BackorderedSku[] | null = null;
  // An order has a few SKUs: they are found by a look along the list, and by a map past that.
  let bySku: Map<string, BackorderedSku> | null = null;
  let shipped = 0;
  let allocated = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    shipped += line.shipped;
    allocated += line.allocated;
    const qty = openQty(line);
    if (qty === 0) continue;
    if (!backordered) {
      backordered = [];
      dates = table.get(order.id);
    }
    const date = dates?.[index] ?? null;
    const type = backorderType(state, line, date) ?? 'active';
    const current = bySku ? bySku.get(line.sku) : findSku(backordered, line.sku);
    if (!current) {
      const item = { sku: line.sku, qty, backorderType: type, promiseDate: date };
      backordered.push(item);
      if (bySku) bySku.set(item.sku, item);
      else if (backordered.length === SKUS_LOOKED_ALONG)
        bySku = new Map(backordered.map((known) => [known.sku, known]));
      continue;
    }
    current.qty += qty;
    if (type === 'cancelled') current.backorderType = 'cancelled';
    current.promiseDate =
      current.promiseDate === null || date === null
        ? null
        : date > current.promiseDate
          ? date
          : current.promiseDate;
  }
  if (!backordered) return null;
  // Reserved units of a complete-only order are held, not on their way: it is not partial
  // until something actually ships.
  const moving = shipped + (isCompleteOnly(order, state.policy) ? 0 : allocated);
  return {
    order: order.id,
    backordered,
    promiseDate: orderPromiseDate(dates),
    partial: moving > 0,
  };
}

/** Past this many SKUs on one order, `backorderPicture` finds them by a map. */
const SKUS_LOOKED_ALONG = 8;

function findSku(items: readonly BackorderedSku[], sku: string): BackorderedSku | undefined {
  for (const item of items) if (item.sku === sku) return item;
  return undefined;
}

/** Whether the customer's latest notice describes this picture: every backordered SKU and quantity, and the date. */
export function isTold(state: EngineState, picture: BackorderPicture): boolean {
  const last = latestFor(state.notifications, picture.order);
  if (!last || last.promiseDate !== picture.promiseDate) return false;
  for (const item of picture.backordered) if (!listsItem(last.backordered, item)) return false;
  return true;
}

function listsItem(told: readonly { sku: string; qty: number }[], item: BackorderedSku): boolean {
  for (const b of told) if (b.sku === item.sku && b.qty === item.qty) return true;
  return false;
}

/** Whether the order's latest backorder record matches the picture line for line. */
export function isRecorded(state: EngineState, picture: BackorderPicture): boolean {
  const last = latestFor(state.backorderRecords, picture.order);
  if (!last || last.partial !== picture.partial || last.lines.length !== picture.backordered.length)
    return false;
  for (const item of picture.backordered) if (!recordsItem(last.lines, item)) return false;
  return true;
}

function recordsItem(lines: BackorderRecord['lines'], item: BackorderedSku): boolean {
  for (const line of lines)
    if (
      line.sku === item.sku &&
      line.qty === item.qty &&
      line.backorderType === item.backorderType &&
      line.promiseDate === item.promiseDate
    )
      return true;
  return false;
}

/** A situation a backorder notice can be in, and the choices it must offer (syllabus 3, 4). */
export interface NoticeSituation {
  id: 'no-date' | 'partial-allowed' | 'wait-or-cancel';
  /** When it applies, in words. */
  when: string;
  /** What the notice must offer; `substitute` only where the catalog lists one. */
  options: readonly CustomerOption[];
  /** Why, in words. */
  why: string;
}

/** The situations, in the order they are tried: the first that fits decides. */
export const NOTICE_SITUATIONS: readonly NoticeSituation[] = [
  {
    id: 'no-date',
    when: 'An item has no date (no purchase order covers it) or is discontinued.',
    options: ['substitute', 'cancel'],
    why: 'Waiting for a date nobody can give is no choice: offer a substitute where the catalog lists one, and cancelling those items with a refund.',
  },
  {
    id: 'partial-allowed',
    when: 'Part of the order is reserved and ready to go now, and the order may ship in parts.',
    options: ['wait', 'ship-available'],
    why: 'The customer chooses between one complete delivery later (wait) and receiving what is ready now, with the rest to follow (ship what is available).',
  },
  {
    id: 'wait-or-cancel',
    when: 'The customer wants one complete delivery, nothing of the order is ready to go, or what was ready has already left.',
    options: ['wait', 'cancel'],
    why: 'The customer chooses between waiting for the date given and cancelling the backordered items. Once the first parcel has left there is nothing left to send now: the choice is about the rest.',
  },
];

/** Which situation a backordered order is in. */
export function noticeSituation(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture,
): NoticeSituation {
  const undated = picture.backordered.some(
    (item) => item.promiseDate === null || item.backorderType === 'cancelled',
  );
  const id = undated
    ? 'no-date'
    : picture.partial && readyNow(order) && !isCompleteOnly(order, state.policy)
      ? 'partial-allowed'
      : 'wait-or-cancel';
  return NOTICE_SITUATIONS.find((situation) => situation.id === id)!;
}

/** Units reserved and not yet shipped: something the customer could receive now. */
function readyNow(order: OrderState): boolean {
  return order.lines.some((line) => line.allocated > 0);
}

/**
 * The choices a notice must offer: those of the order's situation (`NOTICE_SITUATIONS`),
 * with a substitute only where the catalog lists one for an undated item.
 */
export function requiredOptions(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture,
): CustomerOption[] {
  const situation = noticeSituation(state, order, picture);
  if (situation.id !== 'no-date') return [...situation.options];
  const substitutable = picture.backordered.some(
    (item) =>
      (item.promiseDate === null || item.backorderType === 'cancelled') &&
      (state.skus[item.sku]?.substitutes.length ?? 0) > 0,
  );
  return substitutable ? ['substitute', 'cancel'] : ['cancel'];
}

/** A backorder that needs a supervisor: no date can be promised on an important order. */
export function escalationDue(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture | null,
): boolean {
  if (!picture || order.escalated) return false;
  if (!picture.backordered.some((item) => item.promiseDate === null)) return false;
  return isHighPriority(state, order);
}

/** Flagged, critical or high urgency, or a strategic or contractor customer. */
export function isHighPriority(state: EngineState, order: OrderState): boolean {
  const tier = state.customers[order.customer]?.tier;
  return (
    order.flagged ||
    order.urgency === 'critical' ||
    order.urgency === 'high' ||
    tier === 'strategic' ||
    tier === 'contractor'
  );
}

/** A critical order that is backordered must carry the high-priority flag. */
export function flagDue(order: OrderState, picture: BackorderPicture | null): boolean {
  return picture !== null && order.urgency === 'critical' && !order.flagged;
}

/** Reserved units that the rules let leave now. */
export function isShippable(state: EngineState, order: OrderState): boolean {
  let allocated = 0;
  for (const line of order.lines) allocated += line.allocated;
  if (allocated === 0) return false;
  return !isCompleteOnly(order, state.policy) || order.lines.every((line) => openQty(line) === 0);
}

/**
 * Stock that the allocation rules would give to waiting orders right now: whether the
 * allocation plan (`planAllocation`) has a grant. The plan takes orders in rank order and
 * each grant only takes from what the grants before it left; until the first grant nothing
 * has been taken, so the plan has one exactly when some order, measured against the stock
 * free now, would be granted something. Ranking is not needed to know that.
 */
export function allocationDue(state: EngineState): boolean {
  let available: Map<string, number> | null = null;
  for (const order of state.orders) {
    if (!mayBeGranted(state, order)) continue;
    available ??= availableBySku(state);
    if (allocateOrder(order, available, state.policy).length > 0) return true;
  }
  return false;
}

/**
 * Whether the allocation rules could give the order anything now: some line still waits
 * for a SKU with stock free. Without one, every rule grants it nothing (a grant never
 * exceeds what is free), so `allocateOrder` need not be asked.
 */
export function mayBeGranted(state: EngineState, order: OrderState): boolean {
  for (const line of order.lines) {
    if (openQty(line) <= 0) continue;
    const sku = state.skus[line.sku];
    if (sku && sku.onHand - sku.allocated > 0) return true;
  }
  return false;
}

export type Team = 'warehouse' | 'sales' | 'customer-service';

/** Events that teams must hear of, when they matter (see `teamsToInform`). */
export type TeamEvent = 'po-delayed' | 'sku-discontinued' | 'stock-count';

/**
 * Which teams hear of which event when the scenario's policy does not say (syllabus 5,
 * "informing warehouse, sales and customer service"): customer service of a delayed PO
 * that customers are waiting on (they take the calls), sales of a discontinued item that
 * is on open orders (they must stop selling it and offer substitutes), the warehouse of a
 * count that took reservations away (pickers must not pick what is not there).
 */
export const DEFAULT_INFORM_TEAMS: Readonly<Record<TeamEvent, readonly Team[]>> = {
  'po-delayed': ['customer-service'],
  'sku-discontinued': ['sales'],
  'stock-count': ['warehouse'],
};

/** The teams the policy names for an event; a note to any one of them tells the business. */
export function informTeamsFor(policy: Policy, event: TeamEvent): readonly Team[] {
  return policy.informTeams?.[event] ?? DEFAULT_INFORM_TEAMS[event];
}

/**
 * The teams that must hear of an event, when it matters: a delayed PO that customers wait
 * on, a discontinued item on open orders, a count that released reservations. Empty when
 * the event touches nobody.
 */
export function teamsToInform(
  state: EngineState,
  event: ScenarioEvent,
  countReleased: boolean,
): readonly Team[] {
  switch (event.type) {
    case 'po-delayed': {
      const sku = Object.values(state.skus).find((item) =>
        item.incoming.some((po) => po.po === event.po),
      );
      const waiting =
        sku &&
        state.orders.some((order) =>
          order.lines.some((line) => line.sku === sku.sku && openQty(line) > 0),
        );
      return waiting ? informTeamsFor(state.policy, 'po-delayed') : [];
    }
    case 'sku-discontinued': {
      const onOrder = state.orders.some((order) =>
        order.lines.some((line) => line.sku === event.sku && openQty(line) + line.allocated > 0),
      );
      return onOrder ? informTeamsFor(state.policy, 'sku-discontinued') : [];
    }
    case 'stock-count':
      return countReleased ? informTeamsFor(state.policy, 'stock-count') : [];
    default:
      return [];
  }
}
