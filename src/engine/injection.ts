/**
 * Whether an event a trainer injects during a live session fits the shift as it stands. A
 * scenario file's events are checked against the file before it runs (./load.ts); an
 * injected one arrives mid-shift, so it is checked against the state it lands in: the PO
 * must still be open, the order and the line must exist, a new order's number must be new.
 */
import type { ScenarioEvent } from './schema';
import { findOrder, openQty, type EngineState } from './state';

/** An event as a trainer injects it: the desk stamps it with its own clock (`at`). */
export type InjectedEvent = ScenarioEvent extends infer E
  ? E extends ScenarioEvent
    ? Omit<E, 'at'>
    : never
  : never;

/** What is wrong with applying `event` now, in words for the trainer, or null when it fits. */
export function injectionProblem(state: EngineState, event: ScenarioEvent): string | null {
  if (event.at < state.now)
    return `It is dated ${event.at}, before the desk's clock (${state.now}).`;
  switch (event.type) {
    case 'po-delayed':
    case 'stock-received': {
      const po = Object.values(state.skus)
        .flatMap((sku) => sku.incoming)
        .find((p) => p.po === event.po);
      if (!po) return `There is no purchase order ${event.po}.`;
      if (po.status !== 'open') return `Purchase order ${event.po} is ${po.status}.`;
      return null;
    }
    case 'sku-discontinued': {
      const sku = state.skus[event.sku];
      if (!sku) return `There is no item ${event.sku}.`;
      return sku.lifecycle === 'discontinued' ? `${event.sku} is already discontinued.` : null;
    }
    case 'stock-count':
      return state.skus[event.sku] ? null : `There is no item ${event.sku}.`;
    case 'customer-message': {
      const order = findOrder(state, event.order);
      if (!order) return `There is no order ${event.order}.`;
      if (event.intent !== 'cancel-line' && event.intent !== 'accept-substitute') return null;
      if (!event.sku) return `Say which item of order ${event.order} the message is about.`;
      const line = order.lines.find((l) => l.sku === event.sku);
      if (!line) return `Order ${event.order} has no line of ${event.sku}.`;
      if (line.ordered - line.shipped - line.cancelled <= 0)
        return `Nothing of ${event.sku} on order ${event.order} is left to change.`;
      if (
        event.intent === 'accept-substitute' &&
        (openQty(line) === 0 || !state.skus[event.sku]?.substitutes.length)
      )
        return `${event.sku} on order ${event.order} has no open quantity with a substitute.`;
      return null;
    }
    case 'order-placed': {
      if (findOrder(state, event.order.id)) return `Order ${event.order.id} already exists.`;
      if (!state.customers[event.order.customer])
        return `There is no customer ${event.order.customer}.`;
      const unknown = event.order.lines.find((line) => !state.skus[line.sku]);
      return unknown ? `There is no item ${unknown.sku}.` : null;
    }
  }
}
