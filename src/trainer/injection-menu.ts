/**
 * The trainer's menu of events to inject into a live shift (issue 5): a purchase order
 * delayed by N days, a short delivery, a customer cancelling a line, an item discontinued,
 * a new urgent order, an angry customer call. Each builds an ordinary scenario event from
 * the trainee's desk as it stands; the trainee's window stamps it with its clock, checks it
 * (src/engine/injection.ts) and the engine applies it.
 */
import type { EngineState } from '../engine/state';
import { addHours } from '../engine/time';
import type { InjectableEvent } from './live-protocol';

export const INJECTION_KINDS = [
  'po-delay',
  'short-delivery',
  'cancel-line',
  'discontinue',
  'urgent-order',
  'angry-call',
] as const;
export type InjectionKind = (typeof INJECTION_KINDS)[number];

export const INJECTION_LABELS: Record<InjectionKind, string> = {
  'po-delay': 'Purchase order delayed',
  'short-delivery': 'Short delivery',
  'cancel-line': 'Customer cancels a line',
  discontinue: 'Item discontinued',
  'urgent-order': 'New urgent order',
  'angry-call': 'Angry customer call',
};

/** What the desk offers to inject against: open POs, orders with lines still to serve, items, customers. */
export interface InjectionChoices {
  purchaseOrders: { po: string; sku: string; qty: number; eta: string }[];
  orders: { id: string; customer: string; lines: { sku: string; remaining: number }[] }[];
  activeSkus: { sku: string; name: string }[];
  customers: { id: string; name: string }[];
}

export function injectionChoices(state: EngineState): InjectionChoices {
  const skus = Object.values(state.skus);
  return {
    purchaseOrders: skus.flatMap((sku) =>
      sku.incoming
        .filter((po) => po.status === 'open')
        .map((po) => ({ po: po.po, sku: sku.sku, qty: po.qty, eta: po.eta })),
    ),
    orders: state.orders
      .map((order) => ({
        id: order.id,
        customer: state.customers[order.customer]?.name ?? order.customer,
        lines: order.lines
          .map((line) => ({
            sku: line.sku,
            remaining: line.ordered - line.shipped - line.cancelled,
          }))
          .filter((line) => line.remaining > 0),
      }))
      .filter((order) => order.lines.length > 0),
    activeSkus: skus
      .filter((sku) => sku.lifecycle === 'active')
      .map(({ sku, name }) => ({ sku, name })),
    customers: Object.values(state.customers).map(({ id, name }) => ({ id, name })),
  };
}

/** A PO's arrival pushed back by whole days. */
export function poDelay(choices: InjectionChoices, po: string, days: number): InjectableEvent {
  const order = choices.purchaseOrders.find((p) => p.po === po);
  if (!order) throw new Error(`No open purchase order ${po}.`);
  if (!Number.isInteger(days) || days < 1) throw new Error('Delay by one day or more.');
  return { type: 'po-delayed', po, eta: addHours(order.eta, 24 * days) };
}

/** The supplier sends fewer units than expected; the PO closes short (docs/engine.md section 5). */
export function shortDelivery(choices: InjectionChoices, po: string, qty: number): InjectableEvent {
  const order = choices.purchaseOrders.find((p) => p.po === po);
  if (!order) throw new Error(`No open purchase order ${po}.`);
  if (!Number.isInteger(qty) || qty < 0 || qty >= order.qty)
    throw new Error(`A short delivery of ${po} is 0 to ${order.qty - 1} units.`);
  return { type: 'stock-received', po, qty };
}

export function cancelLine(order: string, sku: string, text: string): InjectableEvent {
  return {
    type: 'customer-message',
    order,
    intent: 'cancel-line',
    sku,
    text: text.trim() || `Please cancel the ${sku} on order ${order}.`,
  };
}

export function discontinue(sku: string): InjectableEvent {
  return { type: 'sku-discontinued', sku };
}

/** A critical order from a customer, numbered after the orders the desk already has. */
export function urgentOrder(
  state: EngineState,
  customer: string,
  sku: string,
  qty: number,
): InjectableEvent {
  if (!Number.isInteger(qty) || qty < 1) throw new Error('Order one unit or more.');
  let n = 1;
  while (state.orders.some((o) => o.id === `SO-LIVE-${n}`)) n++;
  return {
    type: 'order-placed',
    order: {
      id: `SO-LIVE-${n}`,
      customer,
      placedAt: state.now,
      urgency: 'critical',
      shipPreference: 'ship-available',
      flagged: false,
      lines: [{ sku, qty }],
    },
  };
}

/** A customer on the phone, unhappy and asking where their order is: they are owed an answer. */
export function angryCall(order: string, text: string): InjectableEvent {
  return {
    type: 'customer-message',
    order,
    intent: 'ask-status',
    text:
      text.trim() ||
      `I was promised order ${order} and nothing has come. I want to know today when it arrives.`,
  };
}
