/**
 * The yardstick for an allocation run: sorting every open order line by its order's rank
 * keys with a plain comparator. An allocation run has to rank the same lines and then walk
 * them once, so within about twice this time it is doing no needless work.
 */
import { TIERS, URGENCIES, type EngineState } from '../src/engine/index';

interface RankedLine {
  flagged: number;
  urgency: number;
  tier: number;
  /** Negated order value: higher value ranks first. */
  value: number;
  placedAt: string;
  order: string;
  line: number;
  sku: string;
  qty: number;
}

const URGENCY_RANK = new Map<string, number>(URGENCIES.map((urgency, i) => [urgency, i]));
const TIER_RANK = new Map<string, number>(TIERS.map((tier, i) => [tier, i]));

/**
 * Every line decorated with its order's keys in the default `rankBy` of docs/engine.md section 2
 * (flagged, urgency, tier, value, placedAt), then order id, then line position, and sorted.
 * Decoration is part of the timed work, as key computation is part of a run's ranking.
 */
export function sortLinesByRank(state: EngineState): RankedLine[] {
  const lines: RankedLine[] = [];
  for (const order of state.orders) {
    const flagged = order.flagged ? 0 : 1;
    const urgency = URGENCY_RANK.get(order.urgency) ?? URGENCIES.length;
    const tier = TIER_RANK.get(state.customers[order.customer]?.tier ?? 'standard') ?? TIERS.length;
    order.lines.forEach((line, index) => {
      lines.push({
        flagged,
        urgency,
        tier,
        value: -order.value,
        placedAt: order.placedAt,
        order: order.id,
        line: index,
        sku: line.sku,
        qty: line.ordered,
      });
    });
  }
  return lines.sort(
    (a, b) =>
      a.flagged - b.flagged ||
      a.urgency - b.urgency ||
      a.tier - b.tier ||
      a.value - b.value ||
      (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0) ||
      (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) ||
      a.line - b.line,
  );
}
