import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { applyEntry } from './log';
import { injectionProblem } from './injection';
import type { ScenarioEvent } from './schema';
import { initialState } from './state';

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
  orders: [order('SO-WEB', 'WEB', '07:00', [['CU-ELB-15', 4]])],
});
const state = initialState(scenario);
const at = '2026-03-02T09:00';
const later = applyEntry(state, { type: 'advance-clock', at, by: 'Ana' }).state;
const received = applyEntry(later, { type: 'stock-received', at, po: 'PO-1', qty: 20 }).state;
const discontinued = applyEntry(later, { type: 'sku-discontinued', at, sku: 'CU-ELB-22' }).state;

describe('an injected event', () => {
  it.each<[string, ScenarioEvent]>([
    ['a PO delay', { type: 'po-delayed', at, po: 'PO-1', eta: '2026-03-06T08:00' }],
    ['a short delivery', { type: 'stock-received', at, po: 'PO-1', qty: 5 }],
    ['a discontinuation', { type: 'sku-discontinued', at, sku: 'CU-ELB-22' }],
    [
      'a line cancelled',
      {
        type: 'customer-message',
        at,
        order: 'SO-WEB',
        intent: 'cancel-line',
        sku: 'CU-ELB-15',
        text: 'Cancel it.',
      },
    ],
    [
      'an angry call',
      { type: 'customer-message', at, order: 'SO-WEB', intent: 'ask-status', text: 'Where is it?' },
    ],
    [
      'a new order',
      {
        type: 'order-placed',
        at,
        order: {
          id: 'SO-NEW',
          customer: 'HSP',
          placedAt: at,
          urgency: 'critical',
          shipPreference: 'ship-available',
          flagged: false,
          lines: [{ sku: 'CU-ELB-22', qty: 1 }],
        },
      },
    ],
  ])('fits when it names what exists: %s', (_name, event) => {
    expect(injectionProblem(later, event)).toBeNull();
  });

  it.each<[string, typeof state, ScenarioEvent, RegExp]>([
    [
      'before the clock',
      later,
      { type: 'sku-discontinued', at: '2026-03-02T08:30', sku: 'CU-ELB-22' },
      /before the desk's clock/,
    ],
    [
      'an unknown PO',
      later,
      { type: 'po-delayed', at, po: 'PO-9', eta: at },
      /no purchase order PO-9/,
    ],
    [
      'a PO already received',
      received,
      { type: 'po-delayed', at, po: 'PO-1', eta: at },
      /PO-1 is closed/,
    ],
    ['an unknown item', later, { type: 'sku-discontinued', at, sku: 'NOPE' }, /no item NOPE/],
    [
      'an item discontinued twice',
      discontinued,
      { type: 'sku-discontinued', at, sku: 'CU-ELB-22' },
      /already discontinued/,
    ],
    [
      'an unknown order',
      later,
      { type: 'customer-message', at, order: 'SO-X', intent: 'ask-status', text: 'Hi' },
      /no order SO-X/,
    ],
    [
      'a cancel without an item',
      later,
      { type: 'customer-message', at, order: 'SO-WEB', intent: 'cancel-line', text: 'Cancel' },
      /which item/,
    ],
    [
      'a cancel of an item not on the order',
      later,
      {
        type: 'customer-message',
        at,
        order: 'SO-WEB',
        intent: 'cancel-line',
        sku: 'CU-ELB-22',
        text: 'Cancel',
      },
      /no line of CU-ELB-22/,
    ],
    [
      'an order number in use',
      later,
      {
        type: 'order-placed',
        at,
        order: {
          id: 'SO-WEB',
          customer: 'HSP',
          placedAt: at,
          urgency: 'critical',
          shipPreference: 'ship-available',
          flagged: false,
          lines: [{ sku: 'CU-ELB-22', qty: 1 }],
        },
      },
      /SO-WEB already exists/,
    ],
    [
      'an order for an unknown customer',
      later,
      {
        type: 'order-placed',
        at,
        order: {
          id: 'SO-N',
          customer: 'ZZZ',
          placedAt: at,
          urgency: 'critical',
          shipPreference: 'ship-available',
          flagged: false,
          lines: [{ sku: 'CU-ELB-22', qty: 1 }],
        },
      },
      /no customer ZZZ/,
    ],
  ])('is refused when it does not fit: %s', (_name, desk, event, problem) => {
    expect(injectionProblem(desk, event)).toMatch(problem);
  });
});
