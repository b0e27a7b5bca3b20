import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { injectionProblem } from '../engine/injection';
import type { ScenarioEvent } from '../engine/schema';
import { initialState } from '../engine/state';
import { injectableEventSchema } from './live-protocol';
import {
  angryCall,
  cancelLine,
  discontinue,
  injectionChoices,
  poDelay,
  shortDelivery,
  urgentOrder,
} from './injection-menu';

const scenario = makeScenario({
  catalog: [
    {
      sku: 'CU-ELB-15',
      name: 'Copper elbow 15 mm',
      price: 2.5,
      onHand: 2,
      bin: 'A-01-1',
      incoming: [{ po: 'PO-1', qty: 20, eta: '2026-03-04T08:00' }],
    },
    { sku: 'CU-ELB-22', name: 'Copper elbow 22 mm', price: 3.1, onHand: 10, bin: 'A-01-2' },
  ],
  orders: [
    order('SO-WEB', 'WEB', '07:00', [['CU-ELB-15', 4]]),
    order('SO-LIVE-1', 'KMP', '07:00', [['CU-ELB-22', 1]]),
  ],
});
const state = initialState(scenario);
const choices = injectionChoices(state);

describe('the injection menu', () => {
  it('offers the open POs, the orders with lines to serve, the active items and the customers', () => {
    expect(choices.purchaseOrders).toEqual([
      { po: 'PO-1', sku: 'CU-ELB-15', qty: 20, eta: '2026-03-04T08:00' },
    ]);
    expect(choices.orders.map((o) => [o.id, o.customer])).toEqual([
      ['SO-WEB', 'Dana Webb'],
      ['SO-LIVE-1', 'Kemp Plumbing'],
    ]);
    expect(choices.activeSkus.map((s) => s.sku)).toEqual(['CU-ELB-15', 'CU-ELB-22']);
    expect(choices.customers).toHaveLength(4);
  });

  it('delays a PO by whole days from its current ETA', () => {
    expect(poDelay(choices, 'PO-1', 3)).toEqual({
      type: 'po-delayed',
      po: 'PO-1',
      eta: '2026-03-07T08:00',
    });
    expect(() => poDelay(choices, 'PO-1', 0)).toThrow(/one day/);
  });

  it('keeps a short delivery short', () => {
    expect(shortDelivery(choices, 'PO-1', 12)).toEqual({
      type: 'stock-received',
      po: 'PO-1',
      qty: 12,
    });
    expect(() => shortDelivery(choices, 'PO-1', 20)).toThrow(/0 to 19/);
  });

  it('numbers a new urgent order after the ones the desk has', () => {
    const event = urgentOrder(state, 'HSP', 'CU-ELB-22', 3);
    expect(event).toMatchObject({
      type: 'order-placed',
      order: { id: 'SO-LIVE-2', urgency: 'critical', placedAt: state.now },
    });
  });

  it('gives a customer words when the trainer types none', () => {
    expect(angryCall('SO-WEB', '  ')).toMatchObject({
      intent: 'ask-status',
      text: expect.stringContaining('SO-WEB'),
    });
    expect(cancelLine('SO-WEB', 'CU-ELB-15', 'Stop it.')).toMatchObject({
      intent: 'cancel-line',
      text: 'Stop it.',
    });
  });

  it.each([
    ['po-delay', poDelay(choices, 'PO-1', 2)],
    ['short-delivery', shortDelivery(choices, 'PO-1', 5)],
    ['cancel-line', cancelLine('SO-WEB', 'CU-ELB-15', '')],
    ['discontinue', discontinue('CU-ELB-22')],
    ['urgent-order', urgentOrder(state, 'HSP', 'CU-ELB-22', 3)],
    ['angry-call', angryCall('SO-WEB', '')],
  ])('builds a %s the channel carries and the desk accepts', (_kind, event) => {
    expect(injectableEventSchema.safeParse(event).success).toBe(true);
    expect(injectionProblem(state, { ...event, at: state.now } as ScenarioEvent)).toBeNull();
  });
});
