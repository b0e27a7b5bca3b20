/**
 * Ranking (docs/engine.md section 2): which order gets stock first.
 *
 * Keys, most important first, come from `policy.rankBy`; ties after them fall to
 * `placedAt`, then to the order id in ascending string order, so the ranking is a total
 * order and every run is deterministic.
 */
import { TIERS, URGENCIES, type Policy } from './schema';
import type { Customer } from './schema';
import type { EngineState, OrderState } from './state';

const URGENCY_RANK: Record<string, number> = Object.fromEntries(URGENCIES.map((u, i) => [u, i]));
const TIER_RANK: Record<string, number> = Object.fromEntries(TIERS.map((t, i) => [t, i]));

type RankKey = Policy['rankBy'][number];

/** One numeric key per ranking key, smaller first, so a comparison is a few number compares. */
function keyOf(order: OrderState, key: RankKey, customers: Record<string, Customer>): number {
  switch (key) {
    case 'flagged':
      return order.flagged ? 0 : 1;
    case 'urgency':
      return URGENCY_RANK[order.urgency] ?? URGENCIES.length;
    case 'tier':
      return TIER_RANK[customers[order.customer]?.tier ?? 'standard'] ?? TIERS.length;
    case 'value':
      return -order.value;
    case 'placedAt':
      return 0; // compared as a string below, where it always ends the key list
  }
}

/**
 * Orders sorted most important first. Returns a new array; the input is untouched.
 * Keys are computed once per order into one flat typed array (not per comparison, and not
 * as an object per order) because a run ranks tens of thousands of orders.
 */
export function rankOrders<T extends OrderState>(
  orders: readonly T[],
  policy: Policy,
  customers: Record<string, Customer>,
): T[] {
  const placedAtIndex = policy.rankBy.indexOf('placedAt');
  // placedAt is compared at its place in rankBy; if absent it is the first tie-break.
  const listed = policy.rankBy.filter((key) => key !== 'placedAt');
  const before = placedAtIndex === -1 ? listed : policy.rankBy.slice(0, placedAtIndex);
  const after = placedAtIndex === -1 ? [] : policy.rankBy.slice(placedAtIndex + 1);
  const n = orders.length;
  const width = before.length + after.length;
  const keys = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const order = orders[i]!;
    for (let j = 0; j < before.length; j++)
      keys[i * width + j] = keyOf(order, before[j]!, customers);
    for (let j = 0; j < after.length; j++)
      keys[i * width + before.length + j] = keyOf(order, after[j]!, customers);
  }
  const positions = Array.from({ length: n }, (_, i) => i);
  positions.sort((a, b) => {
    const ka = a * width;
    const kb = b * width;
    for (let j = 0; j < before.length; j++) {
      const d = keys[ka + j]! - keys[kb + j]!;
      if (d !== 0) return d;
    }
    const pa = orders[a]!.placedAt;
    const pb = orders[b]!.placedAt;
    if (pa !== pb) return pa < pb ? -1 : 1;
    for (let j = before.length; j < width; j++) {
      const d = keys[ka + j]! - keys[kb + j]!;
      if (d !== 0) return d;
    }
    const ia = orders[a]!.id;
    const ib = orders[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return positions.map((i) => orders[i]!);
}

/** Rank position of every order id (0 is served first). */
export function rankIndex(
  orders: readonly OrderState[],
  policy: Policy,
  customers: Record<string, Customer>,
): Map<string, number> {
  const index = new Map<string, number>();
  rankOrders(orders, policy, customers).forEach((order, position) => index.set(order.id, position));
  return index;
}

/** Why an order ranks where it does, in words, for debriefs: "flagged, critical, contractor". */
export function rankReasons(
  order: OrderState,
  policy: Policy,
  customers: Record<string, Customer>,
): string {
  return policy.rankBy
    .map((key) => {
      switch (key) {
        case 'flagged':
          return order.flagged ? 'flagged' : 'not flagged';
        case 'urgency':
          return `${order.urgency} urgency`;
        case 'tier':
          return `${customers[order.customer]?.tier ?? 'standard'} customer`;
        case 'value':
          return `value ${order.value.toFixed(2)}`;
        case 'placedAt':
          return `placed ${order.placedAt}`;
      }
    })
    .join(', ');
}

/**
 * Every order of a state, ranked; worked out once per state object. A draft being changed
 * in place drops it when an order arrives or a flag changes (`forgetRanking`): the other
 * keys never change after an order is placed.
 */
const rankings = new WeakMap<EngineState, OrderState[]>();

export function rankedOrders(state: EngineState): OrderState[] {
  let ranked = rankings.get(state);
  if (!ranked) {
    ranked = rankOrders(state.orders, state.policy, state.customers);
    rankings.set(state, ranked);
  }
  return ranked;
}

/**
 * Give the state a step made from `state` (the same orders in the same places, some of them
 * the step's own copies, ./draft.ts) the ranking already worked out for `state`, when no
 * order arrived and no flag changed between them.
 */
export function carryRanking(state: EngineState, next: EngineState): void {
  const ranked = rankings.get(state);
  if (!ranked || next.orders.length !== state.orders.length) return;
  if (next.orders === state.orders) {
    rankings.set(next, ranked);
    return;
  }
  const copies = new Map<OrderState, OrderState>();
  state.orders.forEach((order, index) => {
    if (next.orders[index] !== order) copies.set(order, next.orders[index]!);
  });
  rankings.set(
    next,
    copies.size === 0 ? ranked : ranked.map((order) => copies.get(order) ?? order),
  );
}

export function forgetRanking(state: EngineState): void {
  rankings.delete(state);
}
