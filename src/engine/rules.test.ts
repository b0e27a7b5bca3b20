/**
 * The rule catalogue and the bundled scenarios' objectives: every rule is written down,
 * every objective names the rules that score it, and a trainee is never deducted under a
 * rule no objective names, nor for a deadline after the shift.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { runAutopilot } from './autopilot';
import { parseScenario, validateScenario } from './load';
import { isAction, replay, type LogEntry } from './log';
import { checkNotice, checkRefusal } from './rule-checks';
import { RULE_CATALOGUE, RULES, publicCatalogue } from './rules';
import { rulesInPlay } from './rules-in-play';
import { COMPETENCIES, objectiveParts, type Scenario } from './schema';
import { scoreLog, type Score } from './scoring';

const bundled: Scenario[] = readdirSync('simulations')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const parsed = parseScenario(readFileSync(`simulations/${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    return parsed.value;
  });

function score(scenario: Scenario, log: readonly LogEntry[]): Score {
  const result = scoreLog(scenario, log);
  if (!result.ok) throw new Error(result.error.message);
  return result.score;
}

/** Logs of trainees who skip one kind of work, each in turn, or pick the look-alike. */
function mistakes(log: readonly LogEntry[]): LogEntry[][] {
  const kinds = [...new Set(log.filter(isAction).map((entry) => entry.type))];
  const skipping = kinds
    .filter((kind) => kind !== 'advance-clock')
    .map((kind) => log.filter((entry) => entry.type !== kind));
  let picked = false;
  const lookalike = log.map((entry) => {
    if (picked || entry.type !== 'pick') return entry;
    picked = true;
    return { ...entry, picked: 'LOOKALIKE' };
  });
  return [...skipping, lookalike, log.filter((entry) => !isAction(entry))];
}

describe('the rule catalogue', () => {
  it('gives every rule a unique id, a competency, points, a title and a description', () => {
    const ids = RULE_CATALOGUE.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULE_CATALOGUE) {
      expect(COMPETENCIES).toContain(rule.competency);
      expect(rule.points).toBeGreaterThan(0);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.description.length).toBeGreaterThan(40);
      expect(rule.applies.length).toBeGreaterThan(10);
    }
  });

  it('prints exactly the public fields for `sim rules`', () => {
    for (const rule of publicCatalogue())
      expect(Object.keys(rule)).toEqual([
        'id',
        'competency',
        'points',
        'critical',
        'title',
        'description',
      ]);
  });

  it('marks as critical exactly the costly errors the guide names', () => {
    expect(RULE_CATALOGUE.filter((r) => r.critical).map((r) => r.id)).toEqual([
      'customer-not-told',
      'wrong-item-shipped',
    ]);
  });
});

describe.each(bundled.map((scenario) => [scenario.id, scenario] as const))('%s', (_, scenario) => {
  const reference = runAutopilot(scenario).log;
  const named = new Set(scenario.objectives.flatMap((o) => objectiveParts(o).rules));

  it('the reference scores 100', () => {
    expect(score(scenario, reference)).toMatchObject({ total: 100, deductions: [] });
  });

  it('its objectives name exactly the rules that can score it', () => {
    expect([...named].sort()).toEqual([...rulesInPlay(scenario)].sort());
    for (const objective of scenario.objectives)
      expect(objectiveParts(objective).rules.length, JSON.stringify(objective)).toBeGreaterThan(0);
  });

  it('a trainee who skips any one kind of work is deducted only under rules an objective names, and never after the end', () => {
    for (const log of mistakes(reference)) {
      const result = score(scenario, log);
      for (const deduction of result.deductions) {
        expect(named, deduction.message).toContain(deduction.rule);
        expect(deduction.at <= scenario.endsAt, deduction.message).toBe(true);
      }
      for (const item of result.handover) expect(item.deadline > scenario.endsAt).toBe(true);
    }
  });
});

describe('fair timing', () => {
  // A backorder arises at 11:00 in a shift that ends at 12:00, with four hours to tell.
  const scenario = makeScenario({
    startsAt: '2026-03-02T08:00',
    endsAt: '2026-03-02T12:00',
    catalog: [
      {
        sku: 'A',
        name: 'Item A',
        price: 2,
        onHand: 0,
        bin: 'A-1',
        incoming: [{ po: 'PO-1', qty: 5, eta: '2026-03-05T08:00' }],
      },
    ],
    orders: [],
    events: [
      {
        type: 'order-placed',
        at: '2026-03-02T11:00',
        order: {
          id: 'SO-LATE',
          customer: 'WEB',
          placedAt: '2026-03-02T11:00',
          lines: [{ sku: 'A', qty: 2 }],
        },
      },
    ],
  });

  it('hands over a duty due after the shift instead of deducting it', () => {
    const idle = runAutopilot(scenario).log.filter((entry) => !isAction(entry));
    const result = score(scenario, idle);
    expect(result.deductions).toEqual([]);
    expect(result.handover.map((h) => [h.rule, h.order, h.deadline])).toEqual([
      ['customer-not-told', 'SO-LATE', '2026-03-02T15:00'],
      ['backorder-not-recorded', 'SO-LATE', '2026-03-02T15:00'],
    ]);
  });
});

describe('teams the policy names', () => {
  const late = bundled.find((s) => s.id === 'late-purchase-order')!;
  const reference = runAutopilot(late).log;

  it('count a note to sales alone for a delayed purchase order', () => {
    const salesOnly = reference.filter(
      (entry) => !(entry.type === 'inform-team' && entry.team === 'customer-service'),
    );
    expect(salesOnly.length).toBeLessThan(reference.length);
    expect(score(late, salesOnly).deductions).toEqual([]);
  });

  it('deduct once per event when no named team hears of it', () => {
    const silent = reference.filter((entry) => entry.type !== 'inform-team');
    const deducted = score(late, silent).deductions.filter((d) => d.rule === 'team-not-informed');
    expect(deducted.length).toBeGreaterThan(0);
    expect(deducted[0]!.reference).toMatch(/customer-service or sales/);
  });
});

describe('refusals', () => {
  it('cost nothing when they changed nothing (allocating with nothing to give)', () => {
    const scenario = makeScenario({
      catalog: [{ sku: 'A', name: 'Item A', price: 2, onHand: 0, bin: 'A-1' }],
      orders: [order('SO-1', 'WEB', '07:00', [['A', 2]])],
    });
    const reference = runAutopilot(scenario).log;
    const press: LogEntry = { type: 'allocate', at: scenario.startsAt, order: 'SO-1' };
    const replayed = replay(scenario, [press]);
    expect(replayed.ok && replayed.result.outcomes[0]?.refused?.code).toBe('nothing-to-allocate');
    expect(score(scenario, [press, ...reference]).deductions).toEqual([]);
  });

  it('keep their rule when they are errors of practice', () => {
    expect(checkRefusal('not-verified', 'Not verified.', 'SO-1')?.rule).toBe(
      'verification-skipped',
    );
    expect(checkRefusal('pick-exceeds-allocation', 'Too many.')?.rule).toBe(
      'refused-shipping-step',
    );
    expect(checkRefusal('nothing-to-allocate', 'Nothing.')).toBeNull();
  });
});

describe('checkNotice alone', () => {
  const scenario = makeScenario({
    catalog: [
      {
        sku: 'A',
        name: 'Item A',
        price: 2,
        onHand: 2,
        bin: 'A-1',
        incoming: [{ po: 'PO-1', qty: 5, eta: '2026-03-05T08:00' }],
      },
    ],
    orders: [order('SO-1', 'WEB', '07:00', [['A', 4]])],
  });
  const { state } = (() => {
    const r = replay(scenario, [{ type: 'allocate', at: scenario.startsAt, order: 'SO-1' }]);
    if (!r.ok) throw new Error(r.error.message);
    return r.result;
  })();
  const orderState = state.orders[0]!;

  it('asks for what is ready now or waiting, when part of the order can go', () => {
    const findings = checkNotice(state, orderState, {
      type: 'notify-customer',
      at: scenario.startsAt,
      order: 'SO-1',
      channel: 'email',
      kind: 'partial-shipment',
      content: {
        shipped: [{ sku: 'A', qty: 2 }],
        backordered: [{ sku: 'A', qty: 2 }],
        promiseDate: '2026-03-05T08:00',
        options: ['wait', 'ship-available'],
        apology: true,
        compensation: 'none',
      },
    });
    expect(findings).toEqual([]);
  });

  it('names the missing option and the situation', () => {
    const [finding] = checkNotice(state, orderState, {
      type: 'notify-customer',
      at: scenario.startsAt,
      order: 'SO-1',
      channel: 'email',
      kind: 'partial-shipment',
      content: {
        shipped: [{ sku: 'A', qty: 2 }],
        backordered: [{ sku: 'A', qty: 2 }],
        promiseDate: '2026-03-05T08:00',
        options: ['wait'],
        apology: true,
        compensation: 'none',
      },
    });
    expect(finding?.rule).toBe('notice-missing-options');
    expect(finding?.reference).toMatch(/ready to go now.*wait or ship-available/);
  });
});

describe('objectives in a scenario file', () => {
  it('refuse a rule id the catalogue does not have, naming where', () => {
    const input = {
      ...makeScenario({}),
      objectives: [{ text: 'Do it well.', rules: ['be-nice'] }],
    };
    const result = validateScenario(JSON.parse(JSON.stringify(input)), 'x.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        path: 'objectives[0].rules[0]',
        message: expect.stringMatching(/unknown rule "be-nice"/),
      }),
    );
  });

  it('accept plain strings and rule-naming objects alike', () => {
    const input = {
      ...makeScenario({}),
      objectives: [
        'Words only.',
        { text: 'Tell customers.', rules: [RULES['customer-not-told'].id] },
      ],
    };
    const result = validateScenario(JSON.parse(JSON.stringify(input)), 'x.yaml');
    expect(result.ok ? [] : result.problems.filter((p) => p.path.startsWith('objectives'))).toEqual(
      [],
    );
  });
});
