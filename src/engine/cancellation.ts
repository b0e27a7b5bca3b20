/**
 * Cancelling a line with a refund, and replacing it with a substitute (docs/engine.md section 5,
 * `cancel-line` and `accept-substitute`). Both change a draft in place (./draft.ts)
 * and check everything before they change anything.
 */
import { releaseUnits } from './allocation';
import { append, writableOrder } from './draft';
import { openQty, roundMoney, type EngineState, type OrderState } from './state';
import { refusal, type Effect } from './outcome';

/**
 * Cancel everything of the order's lines for `sku` not yet shipped, releasing any
 * reservation, and refund it at the line price.
 */
export function cancelLine(draft: EngineState, given: OrderState, sku: string): Effect {
  const indexes = given.lines.flatMap((line, index) => (line.sku === sku ? [index] : []));
  if (indexes.length === 0)
    return refusal('no-such-line', `Order ${given.id} has no line for ${sku}.`);
  const cancellable = indexes.reduce(
    (sum, i) => sum + given.lines[i]!.allocated + openQty(given.lines[i]!),
    0,
  );
  if (cancellable === 0)
    return refusal(
      'nothing-to-cancel',
      `Everything of ${sku} on order ${given.id} has shipped or is cancelled.`,
    );
  const order = writableOrder(draft, given);
  for (const index of indexes) {
    const line = order.lines[index]!;
    releaseUnits(draft, order, index, line.allocated);
    const qty = openQty(line);
    if (qty === 0) continue;
    line.cancelled += qty;
    append(draft, 'refunds', {
      order: order.id,
      sku,
      qty,
      amount: roundMoney(qty * line.price),
      at: draft.now,
    });
  }
  return {};
}

/**
 * Replace the open quantity of `sku` with a substitute at the original price, as an ERP
 * does: the old line keeps its history with the units marked cancelled-for-substitution
 * (no refund), and a new line for the substitute takes them. Reserved units of the
 * original stay reserved and ship as ordered.
 */
export function substituteLine(
  draft: EngineState,
  given: OrderState,
  sku: string,
  replacement?: string,
): Effect {
  const item = draft.skus[sku];
  const substitute = replacement ?? item?.substitutes[0];
  if (!substitute || !draft.skus[substitute])
    return refusal('no-substitute', `${sku} has no substitute in the catalog.`);
  if (item && !item.substitutes.includes(substitute))
    return refusal('not-a-substitute', `${substitute} is not a listed substitute for ${sku}.`);
  if (!given.lines.some((line) => line.sku === sku && openQty(line) > 0))
    return refusal(
      'nothing-to-substitute',
      `Nothing of ${sku} on order ${given.id} is waiting for stock.`,
    );
  const order = writableOrder(draft, given);
  const waiting = order.lines.filter((line) => line.sku === sku && openQty(line) > 0);
  let moved = 0;
  for (const line of waiting) {
    const qty = openQty(line);
    moved += qty;
    line.cancelled += qty;
    line.substituted += qty;
  }
  order.lines.push({
    sku: substitute,
    ordered: moved,
    price: waiting[0]!.price,
    shipped: 0,
    allocated: 0,
    cancelled: 0,
    substituted: 0,
    picks: [],
    substituteFor: sku,
  });
  return {};
}
