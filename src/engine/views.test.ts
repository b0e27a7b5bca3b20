/**
 * The views' entry point answers as the engine does: the queue in ranked order, statuses,
 * an order's picture and notice duty, the composer's starting notice and the trainer's
 * replayed desk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAutopilot } from './autopilot';
import { orderStatus } from './backorders';
import { backorderPicture, noticeSituation, requiredOptions } from './duties';
import { parseScenario } from './load';
import { replay } from './log';
import { rankedOrders } from './ranking';
import type { Scenario } from './schema';
import { initialState } from './state';
import { deskAfter, deskView, noticeDuty, orderPanel, statusOf, suggestedNotice } from './views';

function bundled(id: string): Scenario {
  const parsed = parseScenario(readFileSync(`simulations/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if (!parsed.ok) throw new Error(`${id} is invalid`);
  return parsed.value;
}

const scenario = bundled('ship-complete-or-partial');
const reference = runAutopilot(scenario);

/** Every state the reference passes through, in order. */
function statesOf(s: Scenario) {
  const states = [initialState(s)];
  replay(s, runAutopilot(s).log, { after: (state) => void states.push(state) });
  return states;
}

describe('deskView', () => {
  it('ranks the queue as the engine does, and numbers each order by its place', () => {
    for (const state of statesOf(scenario)) {
      const view = deskView(state);
      expect(view.ranked.map((o) => o.id)).toEqual(rankedOrders(state).map((o) => o.id));
      view.ranked.forEach((order, index) => expect(view.ranks.get(order.id)).toBe(index));
    }
  });

  it('keeps the same places for the same ranking, so the queue is not redrawn for nothing', () => {
    const state = initialState(scenario);
    expect(deskView(state).ranks).toBe(deskView(state).ranks);
  });
});

describe('statusOf', () => {
  it('gives every order the status the engine gives it, at every step', () => {
    for (const state of statesOf(scenario))
      for (const order of state.orders) expect(statusOf(order)).toBe(orderStatus(order));
  });
});

describe('orderPanel and noticeDuty', () => {
  it('show the engine’s picture of each order and the options its notice must offer', () => {
    let withPicture = 0;
    for (const state of statesOf(scenario)) {
      const { table } = deskView(state);
      for (const order of state.orders) {
        const panel = orderPanel(state, order, table);
        const picture = backorderPicture(state, order, table);
        expect(panel.view.id).toBe(order.id);
        expect(panel.picture).toEqual(picture);
        const duty = noticeDuty(state, order, panel.picture);
        if (!picture) {
          expect(duty).toEqual({ situation: null, required: [] });
          continue;
        }
        withPicture++;
        expect(duty.situation).toEqual(noticeSituation(state, order, picture));
        expect(duty.required).toEqual(requiredOptions(state, order, picture));
      }
    }
    expect(withPicture).toBeGreaterThan(0);
  });
});

describe('suggestedNotice', () => {
  it('suggests the kind of notice the reference sends, by the customer’s own channel', () => {
    const sent = reference.log.filter((entry) => entry.type === 'notify-customer');
    expect(sent.length).toBeGreaterThan(0);
    let matched = 0;
    replay(scenario, reference.log, {
      before: (state, entry) => {
        if (entry.type !== 'notify-customer') return;
        const order = state.orders.find((o) => o.id === entry.order)!;
        const picture = orderPanel(state, order, deskView(state).table).picture;
        const suggested = suggestedNotice(state, order, picture);
        expect(suggested.channel).toBe(entry.channel);
        if (suggested.kind === entry.kind) matched++;
        expect(suggested.promiseDate).toBe(picture?.promiseDate ?? null);
        expect(suggested.noDate).toBe(picture !== null && picture.promiseDate === null);
      },
    });
    // The reference also sends kinds the desk cannot guess (a delay update after a PO moves).
    expect(matched).toBeGreaterThan(0);
  });

  it('suggests a status update when nothing on the order waits', () => {
    const state = initialState(scenario);
    const order = state.orders[0]!;
    const suggested = suggestedNotice(state, order, null);
    expect(suggested.kind).toBe('status-update');
    expect(Object.values(suggested.backordered).every((qty) => qty === 0)).toBe(true);
    expect(suggested.noDate).toBe(false);
  });
});

describe('deskAfter', () => {
  it('is the opening desk for an empty log and the replayed desk after one', () => {
    expect(deskAfter(scenario, [])).toEqual(initialState(scenario));
    const replayed = replay(scenario, reference.log);
    if (!replayed.ok) throw new Error(replayed.error.message);
    expect(deskAfter(scenario, reference.log)).toEqual(replayed.result.state);
  });

  it('is null for a log that does not replay on this scenario', () => {
    const late = { ...reference.log[0]!, at: '1999-01-01T00:00' };
    expect(deskAfter(scenario, [late, ...reference.log])).toBeNull();
  });
});
