import { describe, expect, it } from 'vitest';
import { makeScenario, order, type Step } from '../../tests/fixtures/scenario';
import { runAllocation } from './allocation';
import { orderStatus } from './backorders';
import { applyEntry, type LogEntry } from './log';
import { NO_DATE_TEXT } from './shipping';
import { initialState, type EngineState } from './state';
import type { ScenarioInput } from './schema';

const AT = '2026-03-02T08:00';
const catalog: ScenarioInput['catalog'] = [
  {
    sku: 'CU-ELB-15',
    name: 'Copper elbow 15 mm',
    price: 2.5,
    onHand: 6,
    bin: 'A-01-1',
    lookalikes: ['CU-ELB-22'],
    incoming: [{ po: 'PO-1', qty: 4, eta: '2026-03-04T08:00' }],
  },
  { sku: 'CU-ELB-22', name: 'Copper elbow 22 mm', price: 3.1, onHand: 10, bin: 'A-01-2' },
  { sku: 'PTFE-12', name: 'PTFE tape 12 mm', price: 0.9, onHand: 0, bin: 'B-02-1' },
];

function start(
  policy: ScenarioInput['policy'] = {},
  extra: Record<string, unknown> = {},
): EngineState {
  const scenario = makeScenario({
    catalog,
    policy,
    orders: [
      order(
        'SO-1',
        'WEB',
        '07:00',
        [
          ['CU-ELB-15', 10],
          ['PTFE-12', 2],
        ],
        extra,
      ),
    ],
  });
  return runAllocation(initialState(scenario)).state;
}

function run(state: EngineState, entries: Step[]) {
  const refusals: string[] = [];
  for (const entry of entries) {
    const applied = applyEntry(state, { at: AT, ...entry } as LogEntry);
    if (applied.refused) refusals.push(applied.refused.code);
    state = applied.state;
  }
  return { state, refusals };
}

const pickPackShip = [
  { type: 'pick', order: 'SO-1', sku: 'CU-ELB-15', qty: 6 },
  { type: 'pack', order: 'SO-1' },
  { type: 'ship', order: 'SO-1' },
] as Step[];

describe('shipping a partial order', () => {
  const { state, refusals } = run(start(), pickPackShip);
  const shipment = state.shipments[0]!;

  it('moves reserved units out of the warehouse', () => {
    expect(refusals).toEqual([]);
    expect(state.skus['CU-ELB-15']).toMatchObject({ onHand: 0, allocated: 0 });
    expect(state.orders[0]!.lines[0]).toMatchObject({ shipped: 6, allocated: 0 });
    expect(orderStatus(state.orders[0]!)).toBe('partially-shipped');
  });

  it('gets a tracking number and lists what went in the box', () => {
    expect(shipment).toMatchObject({
      id: 'SHP-00001',
      order: 'SO-1',
      at: AT,
      tracking: 'BA000000001',
      lines: [{ sku: 'CU-ELB-15', qty: 6 }],
    });
  });

  it('prints a packing slip with shipped and backordered lines and their promise dates', () => {
    expect(shipment.packingSlip.lines).toEqual([
      {
        sku: 'CU-ELB-15',
        name: 'Copper elbow 15 mm',
        ordered: 10,
        shippedNow: 6,
        shippedBefore: 0,
        backordered: 4,
        promiseDate: '2026-03-04T08:00',
        promiseText: '2026-03-04T08:00',
        cancelled: 0,
        refund: 0,
      },
      {
        sku: 'PTFE-12',
        name: 'PTFE tape 12 mm',
        ordered: 2,
        shippedNow: 0,
        shippedBefore: 0,
        backordered: 2,
        promiseDate: null,
        promiseText: NO_DATE_TEXT,
        cancelled: 0,
        refund: 0,
      },
    ]);
  });

  it('shows units shipped before and cancelled units with their refund on the next slip', () => {
    const next = run(state, [
      { type: 'stock-received', po: 'PO-1', qty: 4 },
      { type: 'allocate', order: 'SO-1' },
      { type: 'cancel-line', order: 'SO-1', sku: 'PTFE-12' },
      ...pickPackShip.map((e) => (e.type === 'pick' ? { ...e, qty: 4 } : e)),
    ]);
    expect(next.refusals).toEqual([]);
    expect(next.state.shipments[1]!.packingSlip.lines).toEqual([
      expect.objectContaining({
        shippedNow: 4,
        shippedBefore: 6,
        backordered: 0,
        promiseText: null,
      }),
      expect.objectContaining({ cancelled: 2, refund: 1.8, backordered: 0 }),
    ]);
    expect(orderStatus(next.state.orders[0]!)).toBe('closed');
  });
});

describe('what the system refuses', () => {
  it.each([
    {
      label: 'picking more than is reserved',
      entries: [{ type: 'pick', order: 'SO-1', sku: 'CU-ELB-15', qty: 7 }],
      code: 'pick-exceeds-allocation',
    },
    {
      label: 'packing nothing',
      entries: [{ type: 'pack', order: 'SO-1' }],
      code: 'nothing-picked',
    },
    {
      label: 'shipping what is not packed',
      entries: [{ type: 'ship', order: 'SO-1' }],
      code: 'not-packed',
    },
    {
      label: 'picking for a SKU the order does not have',
      entries: [{ type: 'pick', order: 'SO-1', sku: 'CU-ELB-22', qty: 1 }],
      code: 'no-such-line',
    },
  ])('$label', ({ entries, code }) => {
    const { state, refusals } = run(start(), entries as Step[]);
    expect(refusals).toEqual([code]);
    expect(state.shipments).toEqual([]);
  });

  it('a complete-only order does not pack or ship while anything waits for stock', () => {
    const { refusals } = run(
      start({ shipComplete: 'reserve-partial' }, { shipPreference: 'ship-complete' }),
      pickPackShip,
    );
    expect(refusals).toEqual(['ship-complete-incomplete', 'not-packed']);
  });

  it('with verification required, a parcel ships only after a second person verifies it', () => {
    const policy = { verifyShipments: true };
    const unverified = run(start(policy), pickPackShip);
    expect(unverified.refusals).toEqual(['not-verified']);
    const selfVerified = run(unverified.state, [{ type: 'verify', order: 'SO-1' }]);
    expect(selfVerified.refusals).toEqual(['self-verification']);
    const verified = run(unverified.state, [
      { type: 'verify', order: 'SO-1', by: 'supervisor' },
      { type: 'ship', order: 'SO-1' },
    ]);
    expect(verified.refusals).toEqual([]);
    expect(verified.state.shipments).toHaveLength(1);
  });
});

describe('look-alike picks', () => {
  const wrongPick = [
    { type: 'pick', order: 'SO-1', sku: 'CU-ELB-15', qty: 6, picked: 'CU-ELB-22' },
    { type: 'pack', order: 'SO-1' },
  ] as Step[];

  it('ship unnoticed without a check, and the shipment records what was really in the box', () => {
    const { state } = run(start(), [...wrongPick, { type: 'ship', order: 'SO-1' }]);
    expect(state.shipments[0]!.lines).toEqual([
      { sku: 'CU-ELB-15', qty: 6, pickedSku: 'CU-ELB-22' },
    ]);
  });

  it('are caught by verification, which sends the picks back to the shelf', () => {
    const { state } = run(start(), [...wrongPick, { type: 'request-verification', order: 'SO-1' }]);
    const applied = applyEntry(state, { type: 'verify', at: AT, order: 'SO-1', by: 'supervisor' });
    expect(applied.note).toMatch(/CU-ELB-22 was packed for CU-ELB-15/);
    expect(applied.state.orders[0]!.parcel).toBeNull();
    expect(applied.state.orders[0]!.lines[0]!.picks).toEqual([]);
    expect(applied.state.orders[0]!.lines[0]!.allocated).toBe(6);
  });
});
