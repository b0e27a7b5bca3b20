/** A trainer's injected events in the session machine (issue 5, live sessions). */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { replay, type LogEntry } from '../engine/log';
import { simulationSessionMachine } from './simulation-session';

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
  ],
  orders: [order('SO-WEB', 'WEB', '07:00', [['CU-ELB-15', 4]])],
  events: [{ type: 'sku-discontinued', at: '2026-03-02T12:00', sku: 'CU-ELB-15' }],
});

function session(fail = false) {
  const actor = createActor(
    simulationSessionMachine.provide({
      actors: {
        persist: fromPromise<void, { from: number; entries: LogEntry[] }>(async () => {
          if (fail) throw new Error('disk full');
        }),
      },
    }),
    { input: { scenario, actor: 'Ana Ruiz' } },
  ).start();
  actor.send({ type: 'START' });
  return actor;
}
const settle = (actor: ReturnType<typeof session>) =>
  waitFor(actor, (s) => s.matches('running') || s.matches('paused'));
const delay = { type: 'po-delayed', po: 'PO-1', eta: '2026-03-06T08:00' } as const;

describe('an injected event', () => {
  it('enters the log at the desk clock, moves the promise date, and replays as injected', async () => {
    const actor = session();
    actor.send({ type: 'ADVANCE', to: '2026-03-02T09:00' });
    await settle(actor);
    actor.send({ type: 'INJECT', event: delay });
    const { context } = await settle(actor);
    expect(context.log.at(-1)).toEqual({ ...delay, at: '2026-03-02T09:00' });
    expect(context.state.skus['CU-ELB-15']!.incoming[0]!.eta).toBe('2026-03-06T08:00');
    expect(context.announcements).toEqual(['PO-1 is delayed to 2026-03-06T08:00.']);
    // The scenario's own event is still to come.
    expect(context.eventsApplied).toBe(0);
    const replayed = replay(scenario, context.log);
    expect(replayed.ok && replayed.result.outcomes.at(-1)?.injected).toBe(true);
  });

  it('is marked injected live exactly as replay marks it, so the debrief is the same before and after a reload', async () => {
    const actor = session();
    actor.send({ type: 'ADVANCE', to: '2026-03-02T09:00' });
    await settle(actor);
    actor.send({ type: 'INJECT', event: delay });
    await settle(actor);
    actor.send({ type: 'ADVANCE', to: '2026-03-02T13:00' });
    const { context } = await settle(actor);
    const replayed = replay(scenario, context.log);
    if (!replayed.ok) throw new Error(replayed.error.message);
    expect(context.outcomes).toEqual(replayed.result.outcomes);
    expect(context.eventsApplied).toBe(replayed.result.eventsApplied);
    expect(context.outcomes.filter((o) => o.injected)).toHaveLength(1);
  });

  it('while the trainer holds the clock: saved, and the shift stays paused', async () => {
    const actor = session();
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'INJECT', event: delay });
    expect(actor.getSnapshot().value).toBe('savingWhilePaused');
    const snapshot = await settle(actor);
    expect(snapshot.value).toBe('paused');
    expect(snapshot.context.log).toHaveLength(1);
  });

  it('that does not fit the desk is ignored', async () => {
    const actor = session();
    actor.send({
      type: 'INJECT',
      event: { type: 'po-delayed', po: 'PO-9', eta: '2026-03-06T08:00' },
    });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.log).toEqual([]);
  });

  it('that cannot be saved is not made, and the pause holds', async () => {
    const actor = session(true);
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'INJECT', event: delay });
    const snapshot = await settle(actor);
    expect(snapshot.value).toBe('paused');
    expect(snapshot.context.log).toEqual([]);
    expect(snapshot.context.saveError).toMatch(/could not be saved/);
  });

  it('is not taken at the briefing, before the shift started', () => {
    const actor = createActor(simulationSessionMachine, {
      input: { scenario, actor: 'Ana' },
    }).start();
    actor.send({ type: 'INJECT', event: delay });
    expect(actor.getSnapshot().value).toBe('briefing');
  });
});
