/**
 * The allocation run (docs/engine.md section 3): stock on hand goes to open order lines in rank
 * order. A run only adds reservations; it never takes one away from an order that already
 * holds it (no redistribution), just as an ERP's batch allocation leaves confirmed
 * reservations alone.
 */
import type { Policy } from './schema';
import { writableOrder, writableSku } from './draft';
import { disown } from './ownership';
import { rankedOrders } from './ranking';
import {
  findOrder,
  isCompleteOnly,
  openQty,
  type EngineState,
  type OrderState,
  type SkuState,
} from './state';

/** Units granted to one line of an order (`line` is the index in `order.lines`). */
export interface LineGrant {
  line: number;
  sku: string;
  qty: number;
}

export interface AllocationGrant {
  order: string;
  lines: LineGrant[];
}

/** Units of a SKU free to allocate: on hand minus already reserved. */
export function availableOf(sku: Pick<SkuState, 'onHand' | 'allocated'>): number {
  return sku.onHand - sku.allocated;
}

/** Units free to allocate per SKU. */
export function availableBySku(state: EngineState): Map<string, number> {
  const available = new Map<string, number>();
  for (const sku of Object.values(state.skus)) available.set(sku.sku, availableOf(sku));
  return available;
}

/**
 * What the rules give one order out of `available` (which is decreased by the grant).
 *
 * - A complete-only order under `all-or-nothing` gets all its open quantity if, for every
 *   SKU, its open quantity summed over its lines fits what is available; otherwise nothing.
 * - Any other order (including complete-only under `reserve-partial`) gets, line by line in
 *   line order, `min(open, available)`; with `splitLines: false` a line that cannot be
 *   covered whole gets nothing.
 */
export function allocateOrder(
  order: OrderState,
  available: Map<string, number>,
  policy: Policy,
): LineGrant[] {
  const grants: LineGrant[] = [];
  const lines = order.lines;
  if (isCompleteOnly(order, policy) && policy.shipComplete === 'all-or-nothing') {
    const need = new Map<string, number>();
    for (const line of lines) {
      const open = openQty(line);
      if (open > 0) need.set(line.sku, (need.get(line.sku) ?? 0) + open);
    }
    for (const [sku, qty] of need) if (qty > (available.get(sku) ?? 0)) return grants;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      const open = openQty(line);
      if (open === 0) continue;
      grants.push({ line: index, sku: line.sku, qty: open });
      available.set(line.sku, (available.get(line.sku) ?? 0) - open);
    }
    return grants;
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const open = openQty(line);
    if (open === 0) continue;
    const free = available.get(line.sku) ?? 0;
    let qty = open < free ? open : free;
    if (!policy.splitLines && qty < open) qty = 0;
    if (qty === 0) continue;
    grants.push({ line: index, sku: line.sku, qty });
    available.set(line.sku, free - qty);
  }
  return grants;
}

function hasOpenQuantity(order: OrderState): boolean {
  for (const line of order.lines) if (openQty(line) > 0) return true;
  return false;
}

/** The grants an allocation run would make now, in rank order. Pure: the state is not changed. */
export function planAllocation(state: EngineState): AllocationGrant[] {
  const available = availableBySku(state);
  const plan: AllocationGrant[] = [];
  for (const order of rankedOrders(state)) {
    if (!hasOpenQuantity(order)) continue;
    const lines = allocateOrder(order, available, state.policy);
    if (lines.length > 0) plan.push({ order: order.id, lines });
  }
  return plan;
}

/**
 * Reserve the granted units, in place on a draft (./draft.ts). The caller has checked the
 * grants against the rules (`planAllocation` or the allocate action); this books them.
 */
export function bookGrants(draft: EngineState, grants: readonly AllocationGrant[]): void {
  for (const grant of grants) {
    const order = writableOrder(draft, findOrder(draft, grant.order)!);
    for (const { line, sku, qty } of grant.lines) {
      order.lines[line]!.allocated += qty;
      writableSku(draft, sku)!.allocated += qty;
    }
  }
}

/**
 * Bookings on a copy of a state: each booked order is copied with its changed lines, every
 * other order and SKU is shared with the original (copy-on-write).
 */
function copyOnWriteBooking(state: EngineState) {
  const replaced = new Map<OrderState, OrderState>();
  const reserved = new Map<string, number>();
  return {
    book(order: OrderState, lines: readonly LineGrant[]) {
      const copy = order.lines.slice();
      for (const { line: index, sku, qty } of lines) {
        copy[index] = { ...copy[index]!, allocated: copy[index]!.allocated + qty };
        reserved.set(sku, (reserved.get(sku) ?? 0) + qty);
      }
      replaced.set(order, { ...order, lines: copy });
    },
    finish(): EngineState {
      const orders = state.orders.map((order) => replaced.get(order) ?? order);
      const skus = { ...state.skus };
      for (const [sku, qty] of reserved)
        skus[sku] = { ...skus[sku]!, allocated: skus[sku]!.allocated + qty };
      // The new state shares the other orders and SKUs: neither may change them in place now.
      disown(state);
      return { ...state, orders, skus };
    },
  };
}

/** Reserve the granted units and return a new state; the input is untouched. */
export function applyGrants(state: EngineState, grants: readonly AllocationGrant[]): EngineState {
  if (grants.length === 0) return state;
  const booking = copyOnWriteBooking(state);
  for (const grant of grants) booking.book(findOrder(state, grant.order)!, grant.lines);
  return booking.finish();
}

/**
 * One allocation run, returning the new state and the grants in rank order. Planning and
 * booking go in one pass over the ranked orders: a run over 100,000 lines is dominated by
 * touching each order once.
 */
export function runAllocation(state: EngineState): {
  state: EngineState;
  grants: AllocationGrant[];
} {
  const available = availableBySku(state);
  const booking = copyOnWriteBooking(state);
  const grants: AllocationGrant[] = [];
  for (const order of rankedOrders(state)) {
    if (!hasOpenQuantity(order)) continue;
    const lines = allocateOrder(order, available, state.policy);
    if (lines.length === 0) continue;
    grants.push({ order: order.id, lines });
    booking.book(order, lines);
  }
  return { state: grants.length === 0 ? state : booking.finish(), grants };
}

/**
 * Give back `qty` reserved units of one line of a draft's order (ask for the draft's own copy
 * of the order first, `writableOrder`, and keep using that). Picks beyond the new reservation
 * go back to the shelf and any packed parcel is opened again, since its contents no longer match.
 */
export function releaseUnits(
  draft: EngineState,
  given: OrderState,
  lineIndex: number,
  qty: number,
): void {
  if (qty <= 0) return;
  const order = writableOrder(draft, given);
  const line = order.lines[lineIndex]!;
  line.allocated -= qty;
  let room = line.allocated;
  const picks = [];
  for (const p of line.picks) {
    if (room <= 0) break;
    const keep = Math.min(room, p.qty);
    picks.push({ ...p, qty: keep });
    room -= keep;
  }
  line.picks = picks;
  order.parcel = null;
  writableSku(draft, line.sku)!.allocated -= qty;
}
