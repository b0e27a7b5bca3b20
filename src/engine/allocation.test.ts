import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { runAllocation } from './allocation';
import { applyAction } from './actions';
import { initialState, openQty, type EngineState } from './state';

function allocatedTo(state: EngineState): Record<string, number[]> {
  return Object.fromEntries(state.orders.map((o) => [o.id, o.lines.map((l) => l.allocated)]));
}
function backorderedOf(state: EngineState): Record<string, number[]> {
  return Object.fromEntries(state.orders.map((o) => [o.id, o.lines.map(openQty)]));
}

describe('allocation run: known answers', () => {
  // docs/engine.md / issue 2: 10 on hand, a standard customer's 4 placed first, a contractor's 8 later.
  const orders = [
    order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 4]]),
    order('SO-2', 'KMP', '07:30', [['CU-ELB-15', 8]]),
  ];

  it.each([
    {
      rankBy: undefined,
      label: 'default ranking',
      first: [2],
      contractor: [8],
      backordered: { 'SO-1': [2], 'SO-2': [0] },
    },
    {
      rankBy: ['placedAt'] as const,
      label: 'FIFO',
      first: [4],
      contractor: [6],
      backordered: { 'SO-1': [0], 'SO-2': [2] },
    },
  ])(
    '$label gives the first order $first and the contractor $contractor',
    ({ rankBy, first, contractor, backordered }) => {
      const scenario = makeScenario({
        orders,
        ...(rankBy ? { policy: { rankBy: [...rankBy] } } : {}),
      });
      const { state } = runAllocation(initialState(scenario));
      expect(allocatedTo(state)).toEqual({ 'SO-1': first, 'SO-2': contractor });
      expect(backorderedOf(state)).toEqual(backordered);
    },
  );

  it.each([
    { splitLines: true, allocated: 6, backordered: 4 },
    { splitLines: false, allocated: 0, backordered: 10 },
  ])(
    'a line of 10 with 6 available gets $allocated when splitLines is $splitLines',
    ({ splitLines, allocated, backordered }) => {
      const scenario = makeScenario({
        policy: { splitLines },
        catalog: [
          { sku: 'CU-ELB-15', name: 'Copper elbow 15 mm', price: 2.5, onHand: 6, bin: 'A-01-1' },
        ],
        orders: [order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 10]])],
      });
      const { state } = runAllocation(initialState(scenario));
      expect(state.orders[0]!.lines[0]!.allocated).toBe(allocated);
      expect(openQty(state.orders[0]!.lines[0]!)).toBe(backordered);
      expect(state.skus['CU-ELB-15']!.allocated).toBe(allocated);
    },
  );
});

describe('ship-complete orders', () => {
  // The hospital ranks first (strategic) and wants everything at once; 15 mm is short.
  const orders = [
    order(
      'SO-H',
      'HSP',
      '07:00',
      [
        ['CU-ELB-15', 12],
        ['CU-ELB-22', 4],
      ],
      { shipPreference: 'ship-complete' },
    ),
    order('SO-W', 'WEB', '07:10', [
      ['CU-ELB-15', 3],
      ['CU-ELB-22', 3],
    ]),
  ];

  it.each([
    {
      label: 'all-or-nothing reserves nothing and the next order is served',
      policy: { shipComplete: 'all-or-nothing' as const },
      hospital: [0, 0],
      web: [3, 3],
    },
    {
      label: 'reserve-partial holds what is there',
      policy: { shipComplete: 'reserve-partial' as const },
      hospital: [10, 4],
      web: [0, 3],
    },
    {
      label: 'company-wide no-partial makes every order complete-only',
      policy: { allowPartialShipments: false },
      hospital: [0, 0],
      web: [3, 3],
    },
  ])('$label', ({ policy, hospital, web }) => {
    const { state } = runAllocation(initialState(makeScenario({ orders, policy })));
    expect(allocatedTo(state)).toEqual({ 'SO-H': hospital, 'SO-W': web });
  });

  it("all-or-nothing sums an order's lines of the same SKU before deciding", () => {
    const scenario = makeScenario({
      orders: [
        order(
          'SO-H',
          'HSP',
          '07:00',
          [
            ['CU-ELB-15', 6],
            ['CU-ELB-15', 5],
          ],
          { shipPreference: 'ship-complete' },
        ),
      ],
    });
    const { state } = runAllocation(initialState(scenario));
    expect(allocatedTo(state)).toEqual({ 'SO-H': [0, 0] });
  });
});

describe('runs never take stock back', () => {
  it('a higher-ranked order arriving later waits for new stock instead of taking reservations', () => {
    const scenario = makeScenario({ orders: [order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 10]])] });
    let state = runAllocation(initialState(scenario)).state;
    state = {
      ...state,
      orders: [
        ...state.orders,
        {
          ...state.orders[0]!,
          id: 'SO-2',
          customer: 'HSP',
          lines: [{ ...state.orders[0]!.lines[0]!, allocated: 0 }],
        },
      ],
    };
    const second = runAllocation(state);
    expect(second.grants).toEqual([]);
    expect(allocatedTo(second.state)).toEqual({ 'SO-1': [10], 'SO-2': [0] });
  });

  it('a run on an allocated state changes nothing (a run is idempotent)', () => {
    const scenario = makeScenario({
      orders: [
        order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 7]]),
        order('SO-2', 'KMP', '07:30', [['CU-ELB-15', 8]]),
      ],
    });
    const once = runAllocation(initialState(scenario)).state;
    expect(runAllocation(once).state).toEqual(once);
  });
});

describe('the allocate action refuses what a real system would', () => {
  const scenario = makeScenario({
    orders: [
      order('SO-1', 'WEB', '07:00', [['CU-ELB-15', 12]]),
      order(
        'SO-C',
        'HSP',
        '07:00',
        [
          ['CU-ELB-15', 4],
          ['CU-ELB-22', 2],
        ],
        { shipPreference: 'ship-complete' },
      ),
    ],
  });
  const state = initialState(scenario);
  const at = scenario.startsAt;

  it.each([
    { lines: [{ sku: 'CU-ELB-15', qty: 11 }], order: 'SO-1', code: 'exceeds-available' },
    { lines: [{ sku: 'CU-ELB-15', qty: 13 }], order: 'SO-1', code: 'exceeds-open' },
    { lines: [{ sku: 'CU-ELB-22', qty: 1 }], order: 'SO-1', code: 'no-such-line' },
    {
      lines: [{ sku: 'CU-ELB-15', qty: 4 }],
      order: 'SO-C',
      code: 'ship-complete-partial-reservation',
    },
  ])('$code', ({ lines, order: id, code }) => {
    const outcome = applyAction(state, { type: 'allocate', at, order: id, lines });
    expect(outcome.refused?.code).toBe(code);
  });

  it('allocates exactly what was asked when it is possible', () => {
    const outcome = applyAction(state, {
      type: 'allocate',
      at,
      order: 'SO-1',
      lines: [{ sku: 'CU-ELB-15', qty: 5 }],
    });
    expect(outcome.state?.orders[0]!.lines[0]!.allocated).toBe(5);
    expect(outcome.state?.skus['CU-ELB-15']!.allocated).toBe(5);
  });
});
