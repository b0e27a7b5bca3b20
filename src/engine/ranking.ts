/**
 * Ranking (ENGINE.md section 2): which order gets stock first.
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
 * Keys are computed once per order (not per comparison) because a run ranks tens of
 * thousands of orders.
 */
export function rankOrders<T extends OrderState>(
  orders: readonly T[],
  policy: Policy,
  customers: Record<string, Customer>,
): T[] {
  const keys = policy.rankBy.filter((key) => key !== 'placedAt');
  const placedAtIndex = policy.rankBy.indexOf('placedAt');
  // placedAt is compared at its place in rankBy; if absent it is the first tie-break.
  const before =
    placedAtIndex === -1 ? keys : keys.filter((k) => policy.rankBy.indexOf(k) < placedAtIndex);
  const after =
    placedAtIndex === -1 ? [] : keys.filter((k) => policy.rankBy.indexOf(k) > placedAtIndex);
  const decorated = orders.map((order) => ({
    order,
    head: before.map((key) => keyOf(order, key, customers)),
    tail: after.map((key) => keyOf(order, key, customers)),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < a.head.length; i++) {
      const d = a.head[i]! - b.head[i]!;
      if (d !== 0) return d;
    }
    if (a.order.placedAt !== b.order.placedAt) return a.order.placedAt < b.order.placedAt ? -1 : 1;
    for (let i = 0; i < a.tail.length; i++) {
      const d = a.tail[i]! - b.tail[i]!;
      if (d !== 0) return d;
    }
    return a.order.id < b.order.id ? -1 : a.order.id > b.order.id ? 1 : 0;
  });
  return decorated.map((entry) => entry.order);
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

export function forgetRanking(state: EngineState): void {
  rankings.delete(state);
}
