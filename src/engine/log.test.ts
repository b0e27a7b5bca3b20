import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { runAutopilot } from './autopilot';
import { parseLog, replay, type LogEntry } from './log';
import type { OrderInput, ScenarioEvent } from './schema';
import { scoreLog } from './scoring';

const at = '2026-03-02T10:00';
/** A scenario with one order of its own placed by an event, so its id can be reused. */
const scenario = makeScenario({
  orders: [order('SO-WEB', 'WEB', '07:00', [['CU-ELB-15', 4]])],
  events: [
    {
      type: 'order-placed',
      at: '2026-03-02T09:00',
      order: order('SO-KMP', 'KMP', '09:00', [['CU-ELB-22', 2]]),
    },
  ],
});

/** A new order at 10:00, as a trainer would inject it, with `changes`. */
function placed(changes: Partial<OrderInput>): ScenarioEvent {
  const fresh: OrderInput = {
    ...order('SO-NEW', 'HSP', '10:00', [['CU-ELB-22', 1]]),
    urgency: 'normal',
    shipPreference: 'ship-available',
    flagged: false,
  };
  return { type: 'order-placed', at, order: { ...fresh, ...changes } };
}

/** The autopilot's own log with `event` injected at 10:00, among the entries of its time. */
function logWith(event: ScenarioEvent): { log: LogEntry[]; index: number } {
  const { log } = runAutopilot(scenario);
  const later = log.findIndex((entry) => entry.at > at);
  const index = later === -1 ? log.length : later;
  return { log: [...log.slice(0, index), event, ...log.slice(index)], index };
}

describe('replaying an injected event', () => {
  it('accepts one that could have happened: a new order for a known customer and item', () => {
    const { log, index } = logWith(placed({}));
    const replayed = replay(scenario, log);
    expect(replayed.ok).toBe(true);
    expect(replayed.ok && replayed.result.outcomes[index]?.injected).toBe(true);
  });

  it.each([
    ['an unknown customer', placed({ customer: 'NOBODY' }), /no customer NOBODY/],
    ['an unknown item', placed({ lines: [{ sku: 'NOPE-1', qty: 1 }] }), /no item NOPE-1/],
    ['an order number that exists at the start', placed({ id: 'SO-WEB' }), /SO-WEB already exists/],
    ["the scenario's own order placed a second time", scenario.events[0]!, /SO-KMP already exists/],
  ])('refuses an order-placed for %s, naming the entry', (_, event, reason) => {
    const { log, index } = logWith({ ...event, at });
    const replayed = replay(scenario, log);
    expect(replayed.ok).toBe(false);
    if (replayed.ok) return;
    expect(replayed.error.index).toBe(index);
    expect(replayed.error.message).toMatch(new RegExp(`^entry ${index}\\b`));
    expect(replayed.error.message).toMatch(reason);
  });

  it('is not scored when it could not have happened', () => {
    const { log, index } = logWith(placed({ customer: 'NOBODY' }));
    const scored = scoreLog(scenario, log);
    expect(scored.ok).toBe(false);
    expect(!scored.ok && scored.error.index).toBe(index);
  });
});

describe('parseLog', () => {
  it.each([
    [
      'an allocate of 1e308 units',
      { type: 'allocate', order: 'SO-WEB', lines: [{ sku: 'CU-ELB-15', qty: 1e308 }] },
      'log[0].lines[0].qty',
    ],
    [
      'a count of 2^53 + 1 units',
      { type: 'stock-count', sku: 'CU-ELB-15', onHand: 2 ** 53 + 1 },
      'log[0].onHand',
    ],
    ['an impossible date', { type: 'advance-clock', at: '2026-02-30T09:00' }, 'log[0].at'],
  ])('refuses %s, naming the field', (_, entry, path) => {
    const parsed = parseLog([{ at, ...entry }]);
    expect(!parsed.ok && parsed.problems.map((p) => p.path)).toEqual([path]);
  });
});
