import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { rankOrders } from './ranking';
import { initialState } from './state';

function ranked(
  orders: ReturnType<typeof order>[],
  rankBy?: ('flagged' | 'urgency' | 'tier' | 'value' | 'placedAt')[],
) {
  const state = initialState(makeScenario({ orders, ...(rankBy ? { policy: { rankBy } } : {}) }));
  return rankOrders(state.orders, state.policy, state.customers).map((o) => o.id);
}

describe('ranking keys (docs/engine.md section 2)', () => {
  it.each([
    {
      key: 'flagged: true first',
      orders: [
        order('A', 'WEB', '07:00', [['CU-ELB-15', 1]]),
        order('B', 'WEB', '07:30', [['CU-ELB-15', 1]], { flagged: true }),
      ],
      expected: ['B', 'A'],
    },
    {
      key: 'urgency: critical > high > normal > low',
      orders: [
        order('LOW', 'WEB', '07:00', [['CU-ELB-15', 1]], { urgency: 'low' }),
        order('NORM', 'WEB', '07:00', [['CU-ELB-15', 1]]),
        order('HIGH', 'WEB', '07:00', [['CU-ELB-15', 1]], { urgency: 'high' }),
        order('CRIT', 'WEB', '07:00', [['CU-ELB-15', 1]], { urgency: 'critical' }),
      ],
      expected: ['CRIT', 'HIGH', 'NORM', 'LOW'],
    },
    {
      key: 'tier: strategic > contractor > repeat > standard',
      orders: [
        order('STD', 'WEB', '07:00', [['CU-ELB-15', 1]]),
        order('REP', 'REP', '07:00', [['CU-ELB-15', 1]]),
        order('CON', 'KMP', '07:00', [['CU-ELB-15', 1]]),
        order('STR', 'HSP', '07:00', [['CU-ELB-15', 1]]),
      ],
      expected: ['STR', 'CON', 'REP', 'STD'],
    },
    {
      key: 'value: higher order total first (qty x price)',
      orders: [
        order('SMALL', 'WEB', '07:00', [['CU-ELB-15', 4]]),
        order('BIG', 'WEB', '07:00', [['CU-ELB-22', 4]]),
      ],
      expected: ['BIG', 'SMALL'],
    },
    {
      key: 'ties fall to placedAt, then id',
      orders: [
        order('B', 'WEB', '07:00', [['CU-ELB-15', 1]]),
        order('A', 'WEB', '07:00', [['CU-ELB-15', 1]]),
        order('EARLY', 'WEB', '06:00', [['CU-ELB-15', 1]]),
      ],
      expected: ['EARLY', 'A', 'B'],
    },
  ])('$key', ({ orders, expected }) => {
    expect(ranked(orders)).toEqual(expected);
  });

  it('FIFO (rankBy: [placedAt]) ignores tier and urgency', () => {
    const orders = [
      order('LATE-CRIT', 'HSP', '07:30', [['CU-ELB-15', 1]], {
        urgency: 'critical',
        flagged: true,
      }),
      order('EARLY-STD', 'WEB', '07:00', [['CU-ELB-15', 1]]),
    ];
    expect(ranked(orders, ['placedAt'])).toEqual(['EARLY-STD', 'LATE-CRIT']);
  });

  it('keys apply in the order the policy lists them', () => {
    const orders = [
      order('CONTRACTOR', 'KMP', '07:00', [['CU-ELB-15', 1]]),
      order('URGENT', 'WEB', '07:00', [['CU-ELB-15', 1]], { urgency: 'critical' }),
    ];
    expect(ranked(orders, ['tier', 'urgency'])).toEqual(['CONTRACTOR', 'URGENT']);
    expect(ranked(orders, ['urgency', 'tier'])).toEqual(['URGENT', 'CONTRACTOR']);
  });

  it('does not reorder its input', () => {
    const state = initialState(
      makeScenario({
        orders: [
          order('B', 'WEB', '07:00', [['CU-ELB-15', 1]]),
          order('A', 'HSP', '07:00', [['CU-ELB-15', 1]]),
        ],
      }),
    );
    rankOrders(state.orders, state.policy, state.customers);
    expect(state.orders.map((o) => o.id)).toEqual(['B', 'A']);
  });
});
