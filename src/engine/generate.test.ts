import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAutopilot } from './autopilot';
import { canonicalJson } from './canonical';
import { generateScenario, generateScenarioInput, randomScenarioId } from './generate';
import { validateScenario } from './load';
import { replay } from './log';
import { scenarioHash } from './report';
import { policySchema, TIERS, type Scenario, type ScenarioEvent } from './schema';
import { scoreLog } from './scoring';

const LEVELS = [1, 2, 3] as const;
/** Small, large, round and past 32 bits: the seed mixer must keep them all apart. */
const SEEDS = [0, 1, 7, 42, 2026, 99_991, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER];
const CASES = LEVELS.flatMap((level) => SEEDS.map((seed) => ({ level, seed })));
/** A wider sweep for the promises every shift makes (valid, backorders, reference scores 100). */
const SWEEP = LEVELS.flatMap((level) => Array.from({ length: 40 }, (_, seed) => ({ level, seed })));

const allOrders = (s: Scenario) => [
  ...s.orders,
  ...s.events.flatMap((e) => (e.type === 'order-placed' ? [e.order] : [])),
];
const eventsOf = <T extends ScenarioEvent['type']>(s: Scenario, type: T) =>
  s.events.filter((e): e is Extract<ScenarioEvent, { type: T }> => e.type === type);
const poOf = (s: Scenario, po: string) =>
  s.catalog.flatMap((item) => item.incoming).find((p) => p.po === po)!;

/** The autopilot's run and whether any order is ever backordered on the way. */
function reference(scenario: Scenario) {
  const { state, log } = runAutopilot(scenario);
  const backordered = new Set(
    log.flatMap((entry) => (entry.type === 'record-backorder' ? [entry.order] : [])),
  );
  return { state, log, backordered };
}

/** The warehouse just before the scenario's first event of a type, as the reference has it. */
function stateBefore(scenario: Scenario, type: ScenarioEvent['type']) {
  const { log } = runAutopilot(scenario);
  const index = log.findIndex((entry) => entry.type === type);
  const replayed = replay(scenario, log.slice(0, index));
  if (!replayed.ok) throw new Error(replayed.error.message);
  return { state: replayed.result.state, event: log[index] as ScenarioEvent };
}

describe.each(CASES)('level $level, seed $seed', ({ level, seed }) => {
  const scenario = generateScenario({ seed, level });

  it('is a valid scenario named random-<level>-<seed>', () => {
    const id = `random-${level}-${seed}`;
    expect(randomScenarioId({ seed, level })).toBe(id);
    expect(scenario).toMatchObject({ id, level });
    // The author form validates under the file name it must be saved as.
    const result = validateScenario(generateScenarioInput({ seed, level }), `${id}.yaml`);
    expect(result.ok && canonicalJson(result.value)).toBe(canonicalJson(scenario));
  });

  it('is the same shift every time', () => {
    expect(canonicalJson(generateScenario({ seed, level }))).toBe(canonicalJson(scenario));
  });

  it('has customers of every tier, each with an order, and look-alikes on neighbouring bins', () => {
    expect(new Set(scenario.customers.map((c) => c.tier))).toEqual(new Set(TIERS));
    const ordering = new Set(allOrders(scenario).map((o) => o.customer));
    for (const customer of scenario.customers) expect(ordering, customer.id).toContain(customer.id);
    const bins = new Map(scenario.catalog.map((item) => [item.sku, item.bin]));
    const pairs = scenario.catalog.flatMap((item) =>
      item.lookalikes.map((twin) => [item.bin, bins.get(twin)!]),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const [bin, twinBin] of pairs) {
      const [aisle, slot] = [bin!.slice(0, -2), Number(bin!.slice(-1))];
      expect(twinBin!.slice(0, -2), `${bin} and ${twinBin}`).toBe(aisle);
      expect(Math.abs(Number(twinBin!.slice(-1)) - slot), `${bin} and ${twinBin}`).toBe(1);
    }
  });

  it('creates backorders, and the reference scores 100 on it', () => {
    const { log, backordered } = reference(scenario);
    expect(backordered.size).toBeGreaterThan(0);
    const result = scoreLog(scenario, log);
    expect(result.ok && result.score).toMatchObject({ total: 100, passed: true, deductions: [] });
  });
});

describe('content hashes', () => {
  // A stored run keeps its scenario's content hash; a generated shift is found again by
  // generating it. A refactor of the generator must leave these exactly as they are.
  it.each([
    [0, 1, 'df8bffc7c5095e5d491bdbddec3f7ced29fbec4e6451d6a381ccb48f5ba016d2'],
    [7, 2, '76518c34c31b8e16c322a9ca49b271cd2e14230ccea05d485f85dadf8220d493'],
    [42, 3, '4bdac5e6653517662cdd17417eee7fa21c8e1aeab40e493bd753b4fdb449c60b'],
    [99_999, 1, '4d49f46559564a183577103e99462c1ddc54237cba94c5fdf0893be58223ebcf'],
    [
      Number.MAX_SAFE_INTEGER,
      3,
      '72c8a4aa538d53d40cac58dd7f252def103de572bcc4768393f35cd51fc47acc',
    ],
  ] as const)('seed %i, level %i: %s', (seed, level, hash) => {
    expect(scenarioHash(generateScenario({ seed, level }))).toBe(hash);
  });
});

describe('level shapes', () => {
  const at = (level: 1 | 2 | 3) => SEEDS.map((seed) => generateScenario({ seed, level }));

  it.each(at(1))(
    'level 1 ($id): a few SKUs and orders, default policy, one or two simple events',
    (s) => {
      expect(s.catalog).toHaveLength(3);
      expect(allOrders(s)).toHaveLength(4);
      expect(s.policy).toEqual(policySchema.parse({}));
      expect(s.events.length).toBeGreaterThanOrEqual(1);
      expect(s.events.length).toBeLessThanOrEqual(2);
      for (const event of s.events) {
        expect(['order-placed', 'stock-received', 'customer-message']).toContain(event.type);
        if (event.type === 'customer-message') expect(event.intent).toBe('ask-status');
        // A delivery in full, against a PO that covers the shortage.
        if (event.type === 'stock-received') expect(event.qty).toBe(poOf(s, event.po).qty);
      }
      expect(allOrders(s).every((o) => o.shipPreference === 'ship-available')).toBe(true);
      expect(s.estimatedMinutes).toBe(15);
    },
  );

  it.each(at(2))(
    'level 2 ($id): more orders, ship-complete customers, a PO delay, a message',
    (s) => {
      expect(s.catalog).toHaveLength(5);
      expect(allOrders(s).length).toBeGreaterThanOrEqual(6);
      expect(s.orders.some((o) => o.shipPreference === 'ship-complete')).toBe(true);
      const [delay, ...more] = eventsOf(s, 'po-delayed');
      expect(more).toEqual([]);
      expect(delay!.eta > poOf(s, delay!.po).eta).toBe(true);
      expect(eventsOf(s, 'customer-message').length).toBeGreaterThanOrEqual(1);
      expect(eventsOf(s, 'order-placed').length).toBeGreaterThanOrEqual(1);
      expect(s.policy.notifyWithinHours).toBeLessThanOrEqual(4);
      expect(s.estimatedMinutes).toBe(25);
    },
  );

  it.each(at(3))(
    'level 3 ($id): a discontinued line, a count below reserved, a short receipt, harder rules',
    (s) => {
      expect(s.catalog).toHaveLength(8);
      expect(allOrders(s).length).toBeGreaterThanOrEqual(8);

      // The line that ends has a substitute; one customer takes it, another cancels.
      const [ended] = eventsOf(s, 'sku-discontinued');
      const item = s.catalog.find((i) => i.sku === ended!.sku)!;
      expect(item.substitutes).toHaveLength(1);
      const choices = eventsOf(s, 'customer-message').filter((m) => m.sku === item.sku);
      expect(choices.map((m) => m.intent).sort()).toEqual(['accept-substitute', 'cancel-line']);
      expect(new Set(choices.map((m) => m.order)).size).toBe(2);

      // The count finds fewer units than the reference has reserved at that moment.
      const { state, event } = stateBefore(s, 'stock-count');
      if (event.type !== 'stock-count') throw new Error('no stock count');
      expect(state.skus[event.sku]!.allocated).toBeGreaterThan(event.onHand);

      // A delivery arrives short, and another PO for the same SKU is already on order.
      const shortReceipts = eventsOf(s, 'stock-received').filter((e) => e.qty < poOf(s, e.po).qty);
      expect(shortReceipts).toHaveLength(1);
      const sku = s.catalog.find((i) => i.incoming.some((p) => p.po === shortReceipts[0]!.po))!;
      expect(sku.incoming.length).toBeGreaterThanOrEqual(2);

      expect(s.policy.verifyShipments || !s.policy.splitLines).toBe(true);
      expect(s.policy.notifyWithinHours).toBeLessThan(4);
      expect(s.policy.shipComplete).toBe('reserve-partial');
      expect(s.estimatedMinutes).toBe(40);
    },
  );

  it('grows with the level: more SKUs, orders, events and minutes', () => {
    const mean = (level: 1 | 2 | 3, measure: (s: Scenario) => number) =>
      at(level).reduce((sum, s) => sum + measure(s), 0) / SEEDS.length;
    for (const measure of [
      (s: Scenario) => s.catalog.length,
      (s: Scenario) => allOrders(s).length,
      (s: Scenario) => s.events.length,
      (s: Scenario) => s.estimatedMinutes,
    ]) {
      expect(mean(2, measure)).toBeGreaterThan(mean(1, measure));
      expect(mean(3, measure)).toBeGreaterThan(mean(2, measure));
    }
  });
});

describe('seeds', () => {
  it.each(LEVELS)('different seeds give different shifts at level %i', (level) => {
    const shifts = SEEDS.map((seed) => {
      const {
        id: _id,
        title: _title,
        summary: _summary,
        ...rest
      } = generateScenario({
        seed,
        level,
      });
      return canonicalJson(rest);
    });
    expect(new Set(shifts).size).toBe(SEEDS.length);
  });

  it.each(SWEEP)(
    'level $level, seed $seed: valid, with backorders, and the reference scores 100',
    ({ level, seed }) => {
      const scenario = generateScenario({ seed, level });
      const { log, backordered } = reference(scenario);
      expect(backordered.size).toBeGreaterThan(0);
      const result = scoreLog(scenario, log);
      expect(result.ok && result.score.total).toBe(100);
    },
  );

  it.each([
    { seed: -1, level: 1 },
    { seed: 1.5, level: 1 },
    { seed: Number.NaN, level: 2 },
    { seed: 2 ** 53, level: 2 },
    { seed: 7, level: 0 },
    { seed: 7, level: 4 },
  ])('seed $seed, level $level is refused as a programmer error', ({ seed, level }) => {
    expect(() => generateScenario({ seed, level: level as 1 })).toThrow(RangeError);
  });
});

describe('purity', () => {
  afterEach(() => vi.restoreAllMocks());

  it('draws on neither Math.random nor the wall clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    for (const level of LEVELS) generateScenario({ seed: 11, level });
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });
});
