import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAutopilot } from '../engine/autopilot';
import { parseScenario } from '../engine/load';
import { replay, type LogEntry } from '../engine/log';
import { guideProgress, parseGuide, type Guide } from './guide';

const guide: Guide = {
  scenario: 'x',
  steps: [
    { title: 'a', text: 'a', panel: 'inventory', control: 'c', done: { type: 'check-stock' } },
    {
      title: 'b',
      text: 'b',
      panel: 'order',
      control: 'c',
      done: { type: 'allocate', order: 'SO-1' },
    },
    {
      title: 'c',
      text: 'c',
      panel: 'messages',
      control: 'c',
      done: { type: 'inform-team', team: 'sales', after: 'po-delayed' },
    },
  ],
};
const at = '2026-03-02T08:00';
const entry = (fields: Record<string, unknown>) => ({ at, by: 'trainee', ...fields }) as LogEntry;

describe('guide progress', () => {
  it('starts at the first step and moves on as the log completes steps, in any order', () => {
    expect(guideProgress(guide, [], [])).toEqual({ done: [false, false, false], current: 0 });
    const log = [entry({ type: 'allocate', order: 'SO-1' })];
    expect(guideProgress(guide, log, [{}])).toEqual({ done: [false, true, false], current: 0 });
    log.push(entry({ type: 'check-stock', sku: 'A' }));
    expect(guideProgress(guide, log, [{}, {}]).current).toBe(2);
  });

  it('does not count a refused action, another order, or a step taken before its event', () => {
    const refused = { refused: { code: 'x', message: 'no' } } as never;
    const log = [
      entry({ type: 'check-stock', sku: 'A' }),
      entry({ type: 'allocate', order: 'SO-1' }),
      entry({ type: 'allocate', order: 'SO-2' }),
      entry({ type: 'inform-team', team: 'sales', note: 'early' }),
    ];
    expect(guideProgress(guide, log, [{}, refused, {}, {}]).done).toEqual([true, false, false]);
    log.push({ type: 'po-delayed', at, po: 'PO-1', eta: at } as LogEntry);
    log.push(entry({ type: 'inform-team', team: 'sales', note: 'after' }));
    expect(guideProgress(guide, log, [{}, {}, {}, {}, {}, {}])).toEqual({
      done: [true, true, true],
      current: null,
    });
  });
});

describe('guide files', () => {
  it('name the file, field and line of a mistake', () => {
    const parsed = parseGuide('scenario: x\nsteps:\n  - title: a\n    panel: garage\n', 'g.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({ file: 'g.yaml', path: 'steps[0].panel', line: 4 }),
    );
  });

  it('refuse a YAML alias bomb with a message, not a crash', () => {
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    const parsed = parseGuide(bomb, 'bomb.yaml');
    expect(parsed.ok).toBe(false);
  });

  // A trainer who edits a scenario must keep its guide walkable: the reference's own log
  // completes every step.
  for (const name of readdirSync('simulations/guides')) {
    it(`${name}: every step is completed by its scenario's reference log`, () => {
      const parsed = parseGuide(readFileSync(`simulations/guides/${name}`, 'utf8'), name);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const id = parsed.value.scenario;
      const scenario = parseScenario(readFileSync(`simulations/${id}.yaml`, 'utf8'), `${id}.yaml`);
      if (!scenario.ok) throw new Error(`${id} does not load`);
      const { log } = runAutopilot(scenario.value);
      const replayed = replay(scenario.value, log);
      if (!replayed.ok) throw new Error(replayed.error.message);
      expect(guideProgress(parsed.value, log, replayed.result.outcomes).done).toEqual(
        parsed.value.steps.map(() => true),
      );
    });
  }
});
