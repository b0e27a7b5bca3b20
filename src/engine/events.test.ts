import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { runAllocation } from './allocation';
import { orderViews } from './backorders';
import { applyEvent } from './events';
import { initialState, openQty, type EngineState } from './state';

const AT = '2026-03-02T10:00';
const catalog = [
  {
    sku: 'CU-ELB-15',
    name: 'Copper elbow 15 mm',
    price: 2.5,
    onHand: 10,
    bin: 'A-01-1',
    incoming: [{ po: 'PO-1', qty: 20, eta: '2026-03-04T08:00' }],
    substitutes: ['CU-ELB-15-PF'],
  },
  { sku: 'CU-ELB-15-PF', name: 'Press-fit elbow 15 mm', price: 3.4, onHand: 30, bin: 'A-01-3' },
];

function allocated(orders: ReturnType<typeof order>[]): EngineState {
  return runAllocation(initialState(makeScenario({ catalog, orders }))).state;
}

describe('stock-received', () => {
  it.each([
    { label: 'a full receipt', qty: 20, onHand: 30 },
    { label: 'a short receipt', qty: 12, onHand: 22 },
  ])('$label adds to on hand and closes the PO', ({ qty, onHand }) => {
    const state = applyEvent(allocated([]), { type: 'stock-received', at: AT, po: 'PO-1', qty });
    expect(state.skus['CU-ELB-15']!.onHand).toBe(onHand);
    expect(state.skus['CU-ELB-15']!.incoming[0]).toMatchObject({ status: 'closed', qty: 20 - qty });
    expect(state.now).toBe(AT);
  });

  it('after a short receipt the uncovered backorder has no date', () => {
    let state = allocated([order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 25]])]);
    expect(orderViews(state)[0]!.promiseDate).toBe('2026-03-04T08:00');
    state = applyEvent(state, { type: 'stock-received', at: AT, po: 'PO-1', qty: 12 });
    state = runAllocation(state).state;
    expect(orderViews(state)[0]!.lines[0]).toMatchObject({
      allocated: 22,
      backordered: 3,
      promiseDate: null,
    });
  });
});

describe('sku-discontinued', () => {
  it('cancels open POs and turns uncovered backorders into cancelled backorders', () => {
    let state = allocated([order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 14]])]);
    expect(orderViews(state)[0]!.lines[0]!.backorderType).toBe('active');
    state = applyEvent(state, { type: 'sku-discontinued', at: AT, sku: 'CU-ELB-15' });
    expect(state.skus['CU-ELB-15']!.incoming[0]!.status).toBe('cancelled');
    expect(orderViews(state)[0]!.lines[0]).toMatchObject({
      backordered: 4,
      backorderType: 'cancelled',
      promiseDate: null,
    });
  });
});

describe('stock-count', () => {
  it('releases the lowest-ranked reservations first', () => {
    // 10 on hand: the hospital (strategic) holds 6, the web customer 4. The count finds 7.
    let state = allocated([
      order('SO-WEB', 'WEB', '06:00', [['CU-ELB-15', 4]]),
      order('SO-HSP', 'HSP', '07:00', [['CU-ELB-15', 6]]),
    ]);
    state = applyEvent(state, { type: 'stock-count', at: AT, sku: 'CU-ELB-15', onHand: 7 });
    expect(state.orders.map((o) => [o.id, o.lines[0]!.allocated])).toEqual([
      ['SO-WEB', 1],
      ['SO-HSP', 6],
    ]);
    expect(state.skus['CU-ELB-15']).toMatchObject({ onHand: 7, allocated: 7 });
  });

  it('a count above what is reserved releases nothing', () => {
    let state = allocated([order('SO-WEB', 'WEB', '06:00', [['CU-ELB-15', 4]])]);
    state = applyEvent(state, { type: 'stock-count', at: AT, sku: 'CU-ELB-15', onHand: 5 });
    expect(state.orders[0]!.lines[0]!.allocated).toBe(4);
  });
});

describe('customer-message', () => {
  const base = () =>
    allocated([
      order('SO-1', 'WEB', '07:00', [
        ['CU-ELB-15', 14],
        ['CU-ELB-15-PF', 2],
      ]),
    ]);
  const message = (
    intent: 'ask-status' | 'cancel-line' | 'accept-partial' | 'wait-for-full' | 'accept-substitute',
    sku?: string,
  ) => ({
    type: 'customer-message' as const,
    at: AT,
    order: 'SO-1',
    intent,
    text: 'Hi, what is happening with my elbows?',
    ...(sku ? { sku } : {}),
  });

  it('ask-status is kept in the inbox and changes nothing else', () => {
    const before = base();
    const after = applyEvent(before, message('ask-status'));
    expect(after.messages).toHaveLength(1);
    expect(after.orders).toEqual(before.orders);
  });

  it('cancel-line cancels everything not shipped, releases reservations and refunds at the line price', () => {
    const after = applyEvent(base(), message('cancel-line', 'CU-ELB-15'));
    expect(after.orders[0]!.lines[0]).toMatchObject({ allocated: 0, cancelled: 14 });
    expect(after.skus['CU-ELB-15']!.allocated).toBe(0);
    expect(after.refunds).toEqual([
      { order: 'SO-1', sku: 'CU-ELB-15', qty: 14, amount: 35, at: AT },
    ]);
  });

  it.each([
    { intent: 'wait-for-full' as const, preference: 'ship-complete' },
    { intent: 'accept-partial' as const, preference: 'ship-available' },
  ])('$intent sets the shipping preference to $preference', ({ intent, preference }) => {
    expect(applyEvent(base(), message(intent)).orders[0]!.shipPreference).toBe(preference);
  });

  it('accept-substitute moves the open quantity to the first substitute at the original price', () => {
    const after = applyEvent(base(), message('accept-substitute', 'CU-ELB-15'));
    const [original, , substitute] = after.orders[0]!.lines;
    expect(original).toMatchObject({ allocated: 10, cancelled: 4, substituted: 4 });
    expect(openQty(original!)).toBe(0);
    expect(substitute).toMatchObject({
      sku: 'CU-ELB-15-PF',
      ordered: 4,
      price: 2.5,
      substituteFor: 'CU-ELB-15',
    });
    expect(after.refunds).toEqual([]);
  });
});
