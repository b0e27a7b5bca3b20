import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { runAllocation } from './allocation';
import { orderViews } from './backorders';
import { applyEvent } from './events';
import { initialState } from './state';

const catalog = [
  {
    sku: 'CU-ELB-15',
    name: 'Copper elbow 15 mm',
    price: 2.5,
    onHand: 0,
    bin: 'A-01-1',
    incoming: [
      { po: 'PO-LATE', qty: 10, eta: '2026-03-09T08:00' },
      { po: 'PO-SOON', qty: 5, eta: '2026-03-04T08:00' },
    ],
  },
  { sku: 'CU-ELB-22', name: 'Copper elbow 22 mm', price: 3.1, onHand: 0, bin: 'A-01-2' },
];

function views(orders: ReturnType<typeof order>[]) {
  return orderViews(runAllocation(initialState(makeScenario({ catalog, orders }))).state);
}

describe('promise dates walk backorders in rank order against POs in eta order', () => {
  it.each([
    {
      label: 'first in rank is covered by the earliest PO',
      ids: ['SO-HSP'],
      dates: ['2026-03-04T08:00'],
    },
    {
      label: 'the next needs the later PO for its last unit',
      ids: ['SO-KMP'],
      dates: ['2026-03-09T08:00'],
    },
    // 15 units incoming: 3 to the hospital, 8 to the contractor, 4 of the web customer's 5.
    { label: 'what no PO covers has no date', ids: ['SO-WEB'], dates: [null] },
  ])('$label', ({ ids, dates }) => {
    const result = views([
      order('SO-WEB', 'WEB', '06:00', [['CU-ELB-15', 5]]),
      order('SO-KMP', 'KMP', '07:00', [['CU-ELB-15', 8]]),
      order('SO-HSP', 'HSP', '07:30', [['CU-ELB-15', 3]]),
    ]);
    expect(ids.map((id) => result.find((o) => o.id === id)!.promiseDate)).toEqual(dates);
  });

  it("an order's date is its latest line, and null if any backordered line has none", () => {
    const [view] = views([
      order('SO-1', 'WEB', '07:00', [
        ['CU-ELB-15', 2],
        ['CU-ELB-22', 1],
      ]),
    ]);
    expect(view!.lines.map((l) => l.promiseDate)).toEqual(['2026-03-04T08:00', null]);
    expect(view!.promiseDate).toBeNull();
  });

  it('a delayed PO moves the promise date', () => {
    const scenario = makeScenario({
      catalog,
      orders: [order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 2]])],
    });
    let state = runAllocation(initialState(scenario)).state;
    expect(orderViews(state)[0]!.promiseDate).toBe('2026-03-04T08:00');
    state = applyEvent(state, {
      type: 'po-delayed',
      at: '2026-03-02T09:00',
      po: 'PO-SOON',
      eta: '2026-03-11T08:00',
    });
    expect(orderViews(state)[0]!.promiseDate).toBe('2026-03-09T08:00');
  });
});
