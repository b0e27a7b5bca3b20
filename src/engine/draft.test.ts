/**
 * The engine's contract with copy-on-write drafts (./draft.ts): every public step takes plain
 * data and returns new data, and the state it started from stays exactly as it was, however
 * many orders, SKUs and lists the two share.
 */
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../tests/fixtures/freeze';
import { applyAction } from './actions';
import { runAutopilot } from './autopilot';
import { applyEvent, countStock } from './events';
import { generateScenario } from './generate';
import { applyEntry, isAction, Replay, type LogEntry } from './log';
import { findOrder, initialState, type EngineState } from './state';

/** Shifts whose reference logs use every kind of action and event between them. */
const shifts = [1, 2, 3].map((level) => {
  const scenario = generateScenario({ seed: 11, level: level as 1 | 2 | 3 });
  return { scenario, log: runAutopilot(scenario).log };
});

describe('a step leaves the state it started from exactly as it was', () => {
  it('covers every action and event of the reference logs', () => {
    const types = new Set(shifts.flatMap(({ log }) => log.map((entry) => entry.type)));
    for (const type of [
      'allocate',
      'pick',
      'pack',
      'verify',
      'ship',
      'record-backorder',
      'notify-customer',
      'inform-team',
      'flag-priority',
      'escalate',
      'order-placed',
      'stock-received',
      'customer-message',
    ])
      expect(types).toContain(type);
  });

  it.each(shifts.map((shift, i) => [i + 1, shift] as const))(
    'applyEntry, over a level %i reference shift, with every earlier state frozen',
    (_level, { scenario, log }) => {
      let state = deepFreeze(initialState(scenario));
      for (const entry of log) {
        const before = structuredClone(state);
        const next = applyEntry(state, entry);
        expect(next.refused).toBeUndefined();
        expect(state).toEqual(before);
        state = deepFreeze(next.state);
      }
      expect(state.shipments.length).toBeGreaterThan(0);
    },
  );

  it('applyAction, applyEvent and countStock, one after another on shared states', () => {
    const { scenario, log } = shifts[2]!;
    let state = deepFreeze(initialState(scenario));
    for (const entry of log) {
      const before = structuredClone(state);
      let next: EngineState;
      if (isAction(entry)) {
        const outcome = applyAction({ ...state, now: entry.at }, entry);
        if (outcome.refused) throw new Error(outcome.refused.message);
        next = outcome.state;
      } else next = applyEvent(state, entry);
      expect(state).toEqual(before);
      state = deepFreeze(next);
    }
    const sku = Object.values(state.skus).find((item) => item.allocated > 0)!;
    const before = structuredClone(state);
    const counted = countStock(state, sku.sku, 0);
    expect(counted.skus[sku.sku]!.allocated).toBe(0);
    expect(state).toEqual(before);
  });
});

describe('a step copies only what it changes', () => {
  const { scenario, log } = shifts[0]!;
  const allocation = log.findIndex((entry) => entry.type === 'allocate');

  it('shares every order and SKU the step did not touch', () => {
    let state = initialState(scenario);
    for (const entry of log.slice(0, allocation)) state = applyEntry(state, entry).state;
    const entry = log[allocation] as Extract<LogEntry, { type: 'allocate' }>;
    const next = applyEntry(state, entry).state;
    const skus = new Set(entry.lines!.map((line) => line.sku));
    next.orders.forEach((order, index) => {
      if (order.id === entry.order) expect(order).not.toBe(state.orders[index]);
      else expect(order).toBe(state.orders[index]);
    });
    for (const [id, sku] of Object.entries(next.skus))
      if (skus.has(id)) expect(sku).not.toBe(state.skus[id]);
      else expect(sku).toBe(state.skus[id]);
    expect(next.notifications).toBe(state.notifications);
    expect(findOrder(next, entry.order)).toBe(next.orders.find((o) => o.id === entry.order));
  });

  it('keeps a state drafted from a replay apart from the replay that goes on in place', () => {
    const replay = new Replay(scenario);
    for (const entry of log.slice(0, allocation)) expect(replay.fold(entry)).toBeNull();
    const branch = applyEntry(replay.state, log[allocation]!).state;
    const kept = structuredClone(branch);
    for (const entry of log.slice(allocation)) expect(replay.fold(entry)).toBeNull();
    expect(replay.state.shipments.length).toBeGreaterThan(0);
    expect(branch).toEqual(kept);
  });
});
