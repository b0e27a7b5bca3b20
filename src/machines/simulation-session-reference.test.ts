/**
 * Every bundled shift, played whole through the session machine the way the desk drives it
 * (one ACT per action, ADVANCE to each event and to the end), lands on the autopilot's own
 * log and scores 100. The browser suite serves one order by keyboard; the full length of
 * every shift is proven here, where it costs milliseconds instead of minutes.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { runAutopilot } from '../engine/autopilot';
import { canonicalJson } from '../engine/canonical';
import { isAction } from '../engine/log';
import { readScenarioFiles } from '../files/scenarios';
import { simulationSessionMachine, type TraineeAction } from './simulation-session';

const { scenarios } = readScenarioFiles('simulations');

describe.each(scenarios.map(({ scenario }) => [scenario.id, scenario] as const))(
  'the whole of %s through the session machine',
  (_, scenario) => {
    it("replays the reference's log entry for entry and scores 100", async () => {
      const reference = runAutopilot(scenario).log;
      const actor = createActor(
        simulationSessionMachine.provide({
          actors: { persist: fromPromise(async () => {}) },
        }),
        { input: { scenario, actor: 'autopilot' } },
      ).start();
      actor.send({ type: 'START' });
      for (const entry of reference) {
        const snapshot = await waitFor(actor, (s) => !s.matches('saving'));
        if (snapshot.matches('debrief')) break;
        if (!isAction(entry) || entry.type === 'advance-clock') {
          if (snapshot.context.state.now < entry.at) actor.send({ type: 'ADVANCE' });
          continue;
        }
        const { at: _at, by: _by, ...action } = entry as typeof entry & { by?: string };
        actor.send({
          type: 'ACT',
          action: (entry.type === 'verify' ? { ...action, by: entry.by } : action) as TraineeAction,
        });
      }
      const done = await waitFor(actor, (s) => s.matches('debrief'));
      expect(canonicalJson(done.context.log)).toBe(canonicalJson(reference));
      expect(done.context.score?.deductions).toEqual([]);
      expect(done.context.score?.total).toBe(100);
    });
  },
);
