/**
 * The coach beside a shift in play keeps its judge between actions and folds only the new
 * entries (LiveCoach). Its advice must be exactly what a full replay of the log gives
 * (`coach`), after every single entry: in the middle of a minute, across minutes, after
 * refused actions and events, on every bundled shift and on a generated 500-order one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWarehouse } from '../../bench/generated-warehouse';
import { runAutopilot } from '../../src/engine/autopilot';
import { coach, LiveCoach } from '../../src/engine/coach';
import { parseScenario } from '../../src/engine/load';
import { isAction, type LogEntry } from '../../src/engine/log';
import { scenarioSchema, type Scenario } from '../../src/engine/schema';
import { chance, pick, rngFrom, type Rng } from '../../src/engine/seeded-random';

const bundled: Scenario[] = readdirSync('simulations')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const parsed = parseScenario(readFileSync(`simulations/${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    return parsed.value;
  });

/**
 * A careless trainee: the reference's log with some actions left out (so duties are missed
 * and later actions refused), stock checks and actions on the wrong order put in, all at the
 * time of the entry they precede, so several land in the same minute.
 */
function carelessLog(scenario: Scenario, reference: readonly LogEntry[], rng: Rng): LogEntry[] {
  const skus = scenario.catalog.map((item) => item.sku);
  const orders = (scenario.orders ?? []).map((order) => order.id);
  const log: LogEntry[] = [];
  for (const entry of reference) {
    const by = 'trainee';
    if (chance(rng, 0.2))
      log.push({ type: 'check-stock', sku: pick(rng, skus), at: entry.at, by } as LogEntry);
    if (orders.length > 0 && chance(rng, 0.1))
      log.push({ type: 'ship', order: pick(rng, orders), at: entry.at, by } as LogEntry);
    if (orders.length > 0 && chance(rng, 0.05))
      log.push({ type: 'allocate', order: pick(rng, orders), at: entry.at, by } as LogEntry);
    if (isAction(entry) && entry.type !== 'advance-clock' && chance(rng, 0.3)) continue;
    log.push(entry);
  }
  return log;
}

/** The live coach, fed the log one entry longer each time, against a full replay. */
function expectSameAtEveryStep(scenario: Scenario, log: readonly LogEntry[], limit: number) {
  const live = new LiveCoach(scenario);
  for (let length = 0; length <= log.length; length++) {
    const prefix = log.slice(0, length);
    expect(live.advise(prefix, limit), `after entry ${length - 1}`).toEqual(
      coach(scenario, prefix, limit),
    );
  }
}

describe.each(bundled.map((s) => [s.id, s] as const))('%s', (_, scenario) => {
  const reference = runAutopilot(scenario).log;

  it('advises as a full replay after every entry of the reference', () => {
    expectSameAtEveryStep(scenario, reference, Infinity);
  });

  it('advises as a full replay after every entry of a careless trainee', () => {
    expectSameAtEveryStep(scenario, carelessLog(scenario, reference, rngFrom(12)), Infinity);
  });

  it('starts again when the log is not the last one plus more (a restarted run)', () => {
    const live = new LiveCoach(scenario);
    live.advise(reference);
    const other = carelessLog(scenario, reference, rngFrom(7)).slice(0, 20);
    expect(live.advise(other)).toEqual(coach(scenario, other));
    expect(live.advise([])).toEqual(coach(scenario, []));
  });
});

describe('a generated shift of 500 orders', () => {
  const scenario = scenarioSchema.parse(
    generateWarehouse({
      id: 'live-coach-500',
      seed: 500,
      orders: 500,
      linesPerOrder: [1, 4],
      skus: 120,
      customers: 80,
      stockCoverage: 0.6,
      events: 6,
    }),
  );

  it('advises as a full replay after every entry of a careless trainee', () => {
    // The first entries of the shift: the reference at work among the first events.
    const reference = runAutopilot(scenario).log.slice(0, 60);
    expectSameAtEveryStep(scenario, carelessLog(scenario, reference, rngFrom(500)), 6);
  });
});
