/**
 * Backorder classification and order status (docs/engine.md section 4).
 */
import { promiseTable, orderPromiseDate, type PromiseTable } from './promise';
import {
  openQty,
  type BackorderType,
  type EngineState,
  type OrderLine,
  type OrderState,
} from './state';
import type { LocalDateTime } from './time';

export const ORDER_STATUSES = [
  'open',
  'allocated',
  'partially-shipped',
  'shipped',
  'cancelled',
  'closed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Units cancelled with a refund (a substitution moves units to another line, it refunds nothing). */
export function refundedQty(line: OrderLine): number {
  return line.cancelled - line.substituted;
}

/**
 * Status of an order.
 *
 * The contract names six statuses; where it is silent we follow the common ERP reading:
 * - `open`: nothing shipped yet and something still waits for stock (a backorder);
 * - `allocated`: nothing shipped yet and every remaining unit is reserved;
 * - `partially-shipped`: something shipped and something remains (reserved or backordered);
 * - `shipped`: every unit shipped, none cancelled;
 * - `cancelled`: nothing shipped and nothing remains: every unit cancelled;
 * - `closed`: nothing remains, something shipped and at least one unit cancelled. Units
 *   replaced by a substitute count as cancelled on their old line, as the line shows them.
 */
export function orderStatus(order: OrderState): OrderStatus {
  let shipped = 0;
  let remaining = 0;
  let backordered = 0;
  let cancelled = 0;
  for (const line of order.lines) {
    shipped += line.shipped;
    remaining += line.allocated + openQty(line);
    backordered += openQty(line);
    cancelled += line.cancelled;
  }
  if (remaining === 0) {
    if (shipped === 0) return 'cancelled';
    return cancelled > 0 ? 'closed' : 'shipped';
  }
  if (shipped > 0) return 'partially-shipped';
  return backordered > 0 ? 'open' : 'allocated';
}

/**
 * `cancelled` when the SKU is discontinued and no incoming supply covers the line (it must
 * be refunded or substituted), otherwise `active`; null when nothing is backordered.
 */
export function backorderType(
  state: EngineState,
  line: OrderLine,
  promiseDate: LocalDateTime | null | undefined,
): BackorderType | null {
  if (openQty(line) === 0) return null;
  if (promiseDate != null) return 'active';
  return state.skus[line.sku]?.lifecycle === 'discontinued' ? 'cancelled' : 'active';
}

export interface LineView {
  sku: string;
  ordered: number;
  shipped: number;
  allocated: number;
  backordered: number;
  cancelled: number;
  backorderType: BackorderType | null;
  promiseDate: LocalDateTime | null;
}

export interface OrderView {
  id: string;
  status: OrderStatus;
  promiseDate: LocalDateTime | null;
  lines: LineView[];
}

/** Every order as staff see it: status, per-line quantities, backorder type and promise dates. */
export function orderViews(
  state: EngineState,
  table: PromiseTable = promiseTable(state),
): OrderView[] {
  return state.orders.map((order) => orderView(state, order, table));
}

export function orderView(state: EngineState, order: OrderState, table: PromiseTable): OrderView {
  const dates = table.get(order.id);
  return {
    id: order.id,
    status: orderStatus(order),
    promiseDate: orderPromiseDate(dates),
    lines: order.lines.map((line, index) => {
      const promiseDate = dates?.[index];
      return {
        sku: line.sku,
        ordered: line.ordered,
        shipped: line.shipped,
        allocated: line.allocated,
        backordered: openQty(line),
        cancelled: line.cancelled,
        backorderType: backorderType(state, line, promiseDate),
        promiseDate: promiseDate ?? null,
      };
    }),
  };
}
