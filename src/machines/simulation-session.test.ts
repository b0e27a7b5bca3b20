import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromPromise, waitFor } from 'xstate';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { canonicalJson } from '../engine/canonical';
import type { LogEntry } from '../engine/log';
import { replay } from '../engine/log';
import {
  CLOCK_STEP_MINUTES,
  CLOCK_TICK_MS,
  STALE_RUN_MESSAGE,
  StaleRunError,
  simulationSessionMachine,
  type SessionInput,
} from './simulation-session';

const scenario = makeScenario({
  competencies: ['prioritization', 'communication'],
  orders: [
    order('SO-WEB', 'WEB', '07:00', [['CU-ELB-15', 4]]),
    order('SO-KMP', 'KMP', '07:30', [['CU-ELB-15', 8]]),
  ],
  events: [{ type: 'stock-count', at: '2026-03-02T10:00', sku: 'CU-ELB-22', onHand: 9 }],
});

function session(
  input: Partial<SessionInput> = {},
  persist = async (_: { from: number; entries: LogEntry[] }) => {},
  clock?: SimulatedClock,
) {
  const saved: LogEntry[][] = [];
  const actor = createActor(
    simulationSessionMachine.provide({
      actors: {
        persist: fromPromise(async ({ input: step }) => {
          await persist(step);
          saved.push(step.entries);
        }),
      },
    }),
    { input: { scenario, actor: 'Ana Ruiz', ...input }, ...(clock ? { clock } : {}) },
  ).start();
  return { actor, saved };
}

const settle = (actor: ReturnType<typeof session>['actor']) =>
  waitFor(actor, (s) => !s.matches('saving'));

describe('simulation session', () => {
  it('starts at the briefing, then every action is saved before the state moves', async () => {
    const { actor, saved } = session();
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send({ type: 'START' });
    actor.send({ type: 'ACT', action: { type: 'check-stock', sku: 'CU-ELB-15' } });
    expect(actor.getSnapshot().value).toBe('saving');
    expect(actor.getSnapshot().context.log).toEqual([]);
    const snapshot = await settle(actor);
    expect(saved).toEqual([
      [{ type: 'check-stock', sku: 'CU-ELB-15', at: '2026-03-02T08:00', by: 'Ana Ruiz' }],
    ]);
    expect(snapshot.context.log).toHaveLength(1);
  });

  it("logs a refused action with the engine's reason and announces it", async () => {
    const { actor } = session();
    actor.send({ type: 'START' });
    actor.send({ type: 'ACT', action: { type: 'allocate', order: 'SO-KMP' } });
    await settle(actor);
    actor.send({
      type: 'ACT',
      action: { type: 'allocate', order: 'SO-WEB', lines: [{ sku: 'CU-ELB-15', qty: 4 }] },
    });
    const snapshot = await settle(actor);
    expect(snapshot.context.outcomes[1]?.refused?.code).toBe('exceeds-available');
    // Asking for more than is there changes nothing and costs nothing: information.
    expect(snapshot.context.announcements[0]).toMatch(
      /^Nothing changed: Only 2 of CU-ELB-15 are available/,
    );
    expect(snapshot.context.log).toHaveLength(2);
  });

  it('advancing the clock brings the next event, and the shift ends at endsAt with a score', async () => {
    const { actor } = session();
    actor.send({ type: 'START' });
    actor.send({ type: 'ADVANCE' });
    let snapshot = await settle(actor);
    expect(snapshot.context.state.now).toBe('2026-03-02T10:00');
    expect(snapshot.context.eventsApplied).toBe(1);
    expect(snapshot.context.announcements).toEqual(['Cycle count of CU-ELB-22: 9 on hand.']);
    actor.send({ type: 'ADVANCE' });
    snapshot = await waitFor(actor, (s) => s.matches('debrief'));
    expect(snapshot.context.state.now).toBe('2026-03-02T17:00');
    expect(snapshot.context.score?.passed).toBe(false); // nothing was allocated or told all shift
    expect(snapshot.context.score?.deductions.map((d) => d.rule)).toContain('customer-not-told');
  });

  it('a step that cannot be saved is not made', async () => {
    const { actor } = session({}, async () => {
      throw new Error('QuotaExceeded');
    });
    actor.send({ type: 'START' });
    actor.send({ type: 'ACT', action: { type: 'check-stock', sku: 'CU-ELB-15' } });
    const snapshot = await settle(actor);
    expect(snapshot.context.log).toEqual([]);
    expect(snapshot.context.saveError).toMatch(/could not be saved/);
  });

  it('a step refused because another tab moved the run says so, not that saving failed', async () => {
    const { actor } = session({}, async () => {
      throw new StaleRunError();
    });
    actor.send({ type: 'START' });
    actor.send({ type: 'ACT', action: { type: 'check-stock', sku: 'CU-ELB-15' } });
    const snapshot = await settle(actor);
    expect(snapshot.context.log).toEqual([]);
    expect(snapshot.context.saveError).toBe(STALE_RUN_MESSAGE);
    expect(snapshot.context.saveError).not.toMatch(/can save/);
  });

  it('resumes a saved log at the desk with the identical state', async () => {
    const first = session();
    first.actor.send({ type: 'START' });
    first.actor.send({ type: 'ACT', action: { type: 'allocate', order: 'SO-KMP' } });
    await settle(first.actor);
    first.actor.send({ type: 'ADVANCE', to: '2026-03-02T11:30' });
    const before = await settle(first.actor);
    const log = first.saved.flat();
    const resumed = session({ log }).actor.getSnapshot();
    expect(resumed.value).toBe('running');
    expect(canonicalJson(resumed.context.state)).toBe(canonicalJson(before.context.state));
    expect(resumed.context.eventsApplied).toBe(1);
    expect(replay(scenario, log).ok).toBe(true);
  });

  it('books a verification to the second person who makes it, everything else to the trainee', async () => {
    const { actor, saved } = session();
    actor.send({ type: 'START' });
    actor.send({ type: 'ACT', action: { type: 'verify', order: 'SO-WEB', by: 'Supervisor' } });
    await settle(actor);
    actor.send({ type: 'ACT', action: { type: 'check-stock', sku: 'CU-ELB-15' } });
    await settle(actor);
    expect(saved.flat().map((entry) => ('by' in entry ? entry.by : undefined))).toEqual([
      'Supervisor',
      'Ana Ruiz',
    ]);
  });

  it('pausing stops actions until resumed; ending early goes to the debrief', async () => {
    const { actor } = session();
    actor.send({ type: 'START' });
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'ACT', action: { type: 'check-stock', sku: 'CU-ELB-15' } });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'RESUME' });
    actor.send({ type: 'END' });
    expect(actor.getSnapshot().value).toBe('debrief');
  });

  describe('the running clock', () => {
    function clocked() {
      const clock = new SimulatedClock();
      const run = session({}, async () => {}, clock);
      run.actor.send({ type: 'START' });
      return { ...run, clock };
    }

    it('stands still until started, then moves the shift on by a step per tick', async () => {
      const { actor, clock, saved } = clocked();
      clock.increment(CLOCK_TICK_MS * 3);
      expect(actor.getSnapshot().context.state.now).toBe('2026-03-02T08:00');
      actor.send({ type: 'CLOCK_START' });
      clock.increment(CLOCK_TICK_MS - 1);
      expect(actor.getSnapshot().value).toBe('running');
      clock.increment(1);
      let snapshot = await settle(actor);
      expect(snapshot.context.state.now).toBe(`2026-03-02T08:${CLOCK_STEP_MINUTES}`);
      clock.increment(CLOCK_TICK_MS);
      snapshot = await settle(actor);
      expect(snapshot.context.state.now).toBe(`2026-03-02T08:${2 * CLOCK_STEP_MINUTES}`);
      // Every tick is an ordinary saved log entry, so a reload finds the same time.
      expect(saved.flat().map((entry) => entry.type)).toEqual(['advance-clock', 'advance-clock']);
    });

    it('brings scenario events due within a tick, in order, and ends the shift at endsAt', async () => {
      const { actor, clock } = clocked();
      actor.send({ type: 'CLOCK_START' });
      let snapshot = actor.getSnapshot();
      // 08:00 to 10:00 is eight ticks; the cycle count at 10:00 arrives with the eighth.
      for (let tick = 0; tick < 8; tick++) {
        clock.increment(CLOCK_TICK_MS);
        snapshot = await settle(actor);
      }
      expect(snapshot.context.state.now).toBe('2026-03-02T10:00');
      expect(snapshot.context.eventsApplied).toBe(1);
      expect(replay(scenario, snapshot.context.log).ok).toBe(true);
      for (let tick = 0; tick < 28 && !snapshot.matches('debrief'); tick++) {
        clock.increment(CLOCK_TICK_MS);
        snapshot = await waitFor(actor, (s) => !s.matches('saving'));
      }
      expect(snapshot.matches('debrief')).toBe(true);
      expect(snapshot.context.state.now).toBe('2026-03-02T17:00');
    });

    it('a pause stops it, resuming restarts it, and stopping it keeps the time', async () => {
      const { actor, clock } = clocked();
      actor.send({ type: 'CLOCK_START' });
      actor.send({ type: 'PAUSE' });
      clock.increment(CLOCK_TICK_MS * 5);
      expect(actor.getSnapshot().context.state.now).toBe('2026-03-02T08:00');
      actor.send({ type: 'RESUME' });
      clock.increment(CLOCK_TICK_MS);
      await settle(actor);
      actor.send({ type: 'CLOCK_STOP' });
      clock.increment(CLOCK_TICK_MS * 5);
      const snapshot = await settle(actor);
      expect(snapshot.context.state.now).toBe(`2026-03-02T08:${CLOCK_STEP_MINUTES}`);
      expect(snapshot.context.clockRunning).toBe(false);
    });

    it('an action between ticks is saved on its own and the clock keeps going after it', async () => {
      const { actor, clock, saved } = clocked();
      actor.send({ type: 'CLOCK_START' });
      clock.increment(CLOCK_TICK_MS / 2);
      actor.send({ type: 'ACT', action: { type: 'check-stock', sku: 'CU-ELB-15' } });
      await settle(actor);
      clock.increment(CLOCK_TICK_MS);
      const snapshot = await settle(actor);
      expect(saved.flat().map((entry) => entry.type)).toEqual(['check-stock', 'advance-clock']);
      expect(snapshot.context.state.now).toBe(`2026-03-02T08:${CLOCK_STEP_MINUTES}`);
    });
  });
});
