/**
 * The allocation run (ENGINE.md section 3): stock on hand goes to open order lines in rank
 * order. A run only adds reservations; it never takes one away from an order that already
 * holds it (no redistribution), just as an ERP's batch allocation leaves confirmed
 * reservations alone.
 */
import type { Policy } from './schema';
import { rankedOrders } from './ranking';
import {
  findOrder,
  isCompleteOnly,
  openQty,
  orderPosition,
  type EngineState,
  type OrderState,
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
  const plan: AllocationGrant[] = [];
  for (const order of rankedOrders(state)) {
    if (!hasOpenQuantity(order)) continue;
    const lines = allocateOrder(order, available, state.policy);
    if (lines.length > 0) plan.push({ order: order.id, lines });
  }
  return plan;
}

/**
 * Reserve the granted units, in place on a draft (see `cloneState`). The caller has checked
 * the grants against the rules (`planAllocation` or the allocate action); this books them.
 */
export function bookGrants(draft: EngineState, grants: readonly AllocationGrant[]): void {
  for (const grant of grants) {
    const order = findOrder(draft, grant.order)!;
    for (const { line, sku, qty } of grant.lines) {
      order.lines[line]!.allocated += qty;
      draft.skus[sku]!.allocated += qty;
    }
  }
}

/** Reserve the granted units and return a new state (copy-on-write: untouched orders are shared). */
export function applyGrants(state: EngineState, grants: readonly AllocationGrant[]): EngineState {
  if (grants.length === 0) return state;
  const orders = state.orders.slice();
  const skus = { ...state.skus };
  const copiedSkus = new Set<string>();
  for (const grant of grants) {
    const position = orderPosition(state, grant.order);
    const order = orders[position]!;
    const lines = order.lines.slice();
    for (const { line: index, sku, qty } of grant.lines) {
      const line = lines[index]!;
      lines[index] = { ...line, allocated: line.allocated + qty };
      if (!copiedSkus.has(sku)) {
        skus[sku] = { ...skus[sku]! };
        copiedSkus.add(sku);
      }
      skus[sku]!.allocated += qty;
    }
    orders[position] = { ...order, lines };
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
 * Give back `qty` reserved units of one line, in place. Picks beyond the new reservation go
 * back to the shelf and any packed parcel is opened again, since its contents no longer match.
 */
export function releaseUnits(
  draft: EngineState,
  order: OrderState,
  lineIndex: number,
  qty: number,
): void {
  if (qty <= 0) return;
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
  draft.skus[line.sku]!.allocated -= qty;
}
