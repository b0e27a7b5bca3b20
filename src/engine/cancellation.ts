/**
 * Cancelling a line with a refund, and replacing it with a substitute (ENGINE.md section 5,
 * `cancel-line` and `accept-substitute`).
 */
import { releaseUnits } from './allocation';
import { openQty, roundMoney, withOrder, type EngineState, type OrderLine } from './state';
import { refuse, type Outcome } from './outcome';

/**
 * Cancel everything of the order's lines for `sku` not yet shipped, releasing any
 * reservation, and refund it at the line price.
 */
export function cancelLine(state: EngineState, orderId: string, sku: string): Outcome {
  const order = state.orders.find((candidate) => candidate.id === orderId);
  if (!order) return refuse('unknown-order', `There is no order ${orderId}.`);
  const indexes = order.lines.flatMap((line, index) => (line.sku === sku ? [index] : []));
  if (indexes.length === 0)
    return refuse('no-such-line', `Order ${orderId} has no line for ${sku}.`);
  const cancellable = indexes.reduce(
    (sum, i) => sum + order.lines[i]!.allocated + openQty(order.lines[i]!),
    0,
  );
  if (cancellable === 0)
    return refuse(
      'nothing-to-cancel',
      `Everything of ${sku} on order ${orderId} has shipped or is cancelled.`,
    );
  let next = state;
  const refunds = [...state.refunds];
  for (const index of indexes) {
    next = releaseUnits(
      next,
      orderId,
      index,
      next.orders.find((o) => o.id === orderId)!.lines[index]!.allocated,
    );
    const current = next.orders.find((o) => o.id === orderId)!;
    const line = current.lines[index]!;
    const qty = openQty(line);
    if (qty === 0) continue;
    const lines = [...current.lines];
    lines[index] = { ...line, cancelled: line.cancelled + qty };
    next = withOrder(next, { ...current, lines });
    refunds.push({ order: orderId, sku, qty, amount: roundMoney(qty * line.price), at: state.now });
  }
  return { state: { ...next, refunds } };
}

/**
 * Replace the open quantity of `sku` with a substitute at the original price, as an ERP
 * does: the old line keeps its history with the units marked cancelled-for-substitution
 * (no refund), and a new line for the substitute takes them. Reserved units of the
 * original stay reserved and ship as ordered.
 */
export function substituteLine(
  state: EngineState,
  orderId: string,
  sku: string,
  replacement?: string,
): Outcome {
  const order = state.orders.find((candidate) => candidate.id === orderId);
  if (!order) return refuse('unknown-order', `There is no order ${orderId}.`);
  const item = state.skus[sku];
  const substitute = replacement ?? item?.substitutes[0];
  if (!substitute || !state.skus[substitute])
    return refuse('no-substitute', `${sku} has no substitute in the catalog.`);
  if (item && !item.substitutes.includes(substitute))
    return refuse('not-a-substitute', `${substitute} is not a listed substitute for ${sku}.`);
  const lines: OrderLine[] = [...order.lines];
  let moved = 0;
  let price = 0;
  order.lines.forEach((line, index) => {
    if (line.sku !== sku) return;
    const qty = openQty(line);
    if (qty === 0) return;
    moved += qty;
    price = line.price;
    lines[index] = {
      ...line,
      cancelled: line.cancelled + qty,
      substituted: line.substituted + qty,
    };
  });
  if (moved === 0)
    return refuse(
      'nothing-to-substitute',
      `Nothing of ${sku} on order ${orderId} is waiting for stock.`,
    );
  lines.push({
    sku: substitute,
    ordered: moved,
    price,
    shipped: 0,
    allocated: 0,
    cancelled: 0,
    substituted: 0,
    picks: [],
    substituteFor: sku,
  });
  return { state: withOrder(state, { ...order, lines }) };
}
