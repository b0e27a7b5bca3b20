/**
 * The allocation run (ENGINE.md section 3): stock on hand goes to open order lines in rank
 * order. A run only adds reservations; it never takes one away from an order that already
 * holds it (no redistribution), just as an ERP's batch allocation leaves confirmed
 * reservations alone.
 */
import type { Policy } from './schema';
import { rankOrders } from './ranking';
import { isCompleteOnly, openQty, type EngineState, type OrderState } from './state';

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

/** Units free to allocate per SKU: on hand minus already reserved. */
export function availableBySku(state: EngineState): Map<string, number> {
  const available = new Map<string, number>();
  for (const sku of Object.values(state.skus)) available.set(sku.sku, sku.onHand - sku.allocated);
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
  if (isCompleteOnly(order, policy) && policy.shipComplete === 'all-or-nothing') {
    const need = new Map<string, number>();
    for (const line of order.lines) {
      const open = openQty(line);
      if (open > 0) need.set(line.sku, (need.get(line.sku) ?? 0) + open);
    }
    for (const [sku, qty] of need) if (qty > (available.get(sku) ?? 0)) return grants;
    order.lines.forEach((line, index) => {
      const open = openQty(line);
      if (open === 0) return;
      grants.push({ line: index, sku: line.sku, qty: open });
      available.set(line.sku, (available.get(line.sku) ?? 0) - open);
    });
    return grants;
  }
  order.lines.forEach((line, index) => {
    const open = openQty(line);
    if (open === 0) return;
    const free = available.get(line.sku) ?? 0;
    let qty = Math.min(open, free);
    if (!policy.splitLines && qty < open) qty = 0;
    if (qty === 0) return;
    grants.push({ line: index, sku: line.sku, qty });
    available.set(line.sku, free - qty);
  });
  return grants;
}

function hasOpenQuantity(order: OrderState): boolean {
  for (const line of order.lines) if (openQty(line) > 0) return true;
  return false;
}

/** The grants an allocation run would make now, in rank order. Pure: the state is not changed. */
export function planAllocation(state: EngineState): AllocationGrant[] {
  const available = availableBySku(state);
  const waiting = state.orders.filter(hasOpenQuantity);
  const plan: AllocationGrant[] = [];
  for (const order of rankOrders(waiting, state.policy, state.customers)) {
    const lines = allocateOrder(order, available, state.policy);
    if (lines.length > 0) plan.push({ order: order.id, lines });
  }
  return plan;
}

/**
 * Reserve the granted units. The caller has checked the grants against the rules
 * (`planAllocation` or the allocate action); this only books them, copy-on-write.
 */
export function applyGrants(state: EngineState, grants: readonly AllocationGrant[]): EngineState {
  if (grants.length === 0) return state;
  const byOrder = new Map(grants.map((grant) => [grant.order, grant]));
  const skuDelta = new Map<string, number>();
  const orders = state.orders.map((order) => {
    const grant = byOrder.get(order.id);
    if (!grant) return order;
    const lines = [...order.lines];
    for (const { line: index, sku, qty } of grant.lines) {
      const line = lines[index]!;
      lines[index] = { ...line, allocated: line.allocated + qty };
      skuDelta.set(sku, (skuDelta.get(sku) ?? 0) + qty);
    }
    return { ...order, lines };
  });
  const skus = { ...state.skus };
  for (const [sku, delta] of skuDelta) {
    const current = skus[sku]!;
    skus[sku] = { ...current, allocated: current.allocated + delta };
  }
  return { ...state, orders, skus };
}

/** One allocation run: plan, then book. */
export function runAllocation(state: EngineState): {
  state: EngineState;
  grants: AllocationGrant[];
} {
  const grants = planAllocation(state);
  return { state: applyGrants(state, grants), grants };
}

/**
 * Give back `qty` reserved units of one line. Picks beyond the new reservation go back to
 * the shelf and any packed parcel is opened again, since its contents no longer match.
 */
export function releaseUnits(
  state: EngineState,
  orderId: string,
  lineIndex: number,
  qty: number,
): EngineState {
  if (qty <= 0) return state;
  const orderIndex = state.orders.findIndex((order) => order.id === orderId);
  const order = state.orders[orderIndex]!;
  const line = order.lines[lineIndex]!;
  const allocated = line.allocated - qty;
  const picks = [];
  let room = allocated;
  for (const p of line.picks) {
    if (room <= 0) break;
    const keep = Math.min(room, p.qty);
    picks.push({ ...p, qty: keep });
    room -= keep;
  }
  const lines = [...order.lines];
  lines[lineIndex] = { ...line, allocated, picks };
  const orders = [...state.orders];
  orders[orderIndex] = { ...order, lines, parcel: null };
  const sku = state.skus[line.sku]!;
  return {
    ...state,
    orders,
    skus: { ...state.skus, [sku.sku]: { ...sku, allocated: sku.allocated - qty } },
  };
}
