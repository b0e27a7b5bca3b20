/**
 * Events a trainer injects during a live session: the reference meets them too, so the
 * score still measures the trainee against what was possible (issue 5).
 */
import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import { runAutopilot } from './autopilot';
import { injectedEvents, replay, type LogEntry } from './log';
import type { ScenarioEvent } from './schema';
import { scoreLog, type Score } from './scoring';

// The web customer gets 2 of 4 elbows now; 2 wait for PO-1, due on 4 March. The contractor
// is served in full.
const scenario = makeScenario({
  competencies: ['prioritization', 'communication', 'partial-shipments'],
  policy: { notifyWithinHours: 2 },
  catalog: [
    {
      sku: 'CU-ELB-15',
      name: 'Copper elbow 15 mm',
      price: 2.5,
      onHand: 10,
      bin: 'A-01-1',
      incoming: [{ po: 'PO-1', qty: 20, eta: '2026-03-04T08:00' }],
    },
    { sku: 'CU-ELB-22', name: 'Copper elbow 22 mm', price: 3.1, onHand: 10, bin: 'A-01-2' },
  ],
  orders: [
    order('SO-WEB', 'WEB', '07:00', [['CU-ELB-15', 4]]),
    order('SO-KMP', 'KMP', '07:30', [['CU-ELB-15', 8]]),
  ],
  events: [{ type: 'stock-count', at: '2026-03-02T12:00', sku: 'CU-ELB-22', onHand: 10 }],
});

/** The trainer delays PO-1 by three days at 10:00. */
const delay: ScenarioEvent = {
  type: 'po-delayed',
  at: '2026-03-02T10:00',
  po: 'PO-1',
  eta: '2026-03-07T08:00',
};

function score(log: readonly LogEntry[]): Score {
  const result = scoreLog(scenario, log);
  if (!result.ok) throw new Error(result.error.message);
  return result.score;
}
const rules = (s: Score) => s.deductions.map((d) => d.rule);

/** A log with `event` put in at its time, before the first entry that comes later. */
function withInjected(log: readonly LogEntry[], event: ScenarioEvent): LogEntry[] {
  const index = log.findIndex((entry) => entry.at > event.at);
  const at = index === -1 ? log.length : index;
  return [...log.slice(0, at), event, ...log.slice(at)];
}

describe('a reference that meets injected events', () => {
  const plain = runAutopilot(scenario).log;
  const reacting = runAutopilot(scenario, [delay]).log;

  it('replays with the injected event marked as injected, and scores 100', () => {
    const replayed = replay(scenario, reacting);
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    const index = reacting.indexOf(delay);
    expect(replayed.result.outcomes[index]?.injected).toBe(true);
    expect(score(reacting)).toMatchObject({ total: 100, passed: true, deductions: [] });
  });

  it('tells the waiting customer the new date, with a remedy for the slip', () => {
    const after = reacting.slice(reacting.indexOf(delay) + 1);
    const update = after.find((e) => e.type === 'notify-customer' && e.order === 'SO-WEB');
    expect(update).toMatchObject({
      at: delay.at,
      kind: 'delay-update',
      content: { promiseDate: '2026-03-07T08:00', compensation: 'free-expedited-shipping' },
    });
  });

  it('keeps the scenario events in place: at equal times the scenario comes first', () => {
    const sameMinute: ScenarioEvent = { ...delay, at: '2026-03-02T12:00' };
    const log = runAutopilot(scenario, [sameMinute]).log;
    const count = log.findIndex((e) => e.type === 'stock-count');
    expect(count).toBeGreaterThan(-1);
    expect(log.indexOf(sameMinute)).toBeGreaterThan(count);
    expect(score(log).total).toBe(100);
  });

  it('without injections is the plain reference, entry for entry', () => {
    expect(runAutopilot(scenario, []).log).toEqual(plain);
  });

  it('finds the injected events of a log, not the scenario’s own', () => {
    expect(injectedEvents(scenario, reacting)).toEqual([delay]);
    expect(injectedEvents(scenario, plain)).toEqual([]);
  });
});

describe('a trainee after an injected delay', () => {
  const plain = runAutopilot(scenario).log;

  it('who tells the customer the new date loses nothing', () => {
    expect(score(runAutopilot(scenario, [delay]).log).deductions).toEqual([]);
  });

  it('who does everything else but does not tell the customer loses the update points', () => {
    const reacting = runAutopilot(scenario, [delay]).log;
    const silent = reacting.filter(
      (e) => !(e.type === 'notify-customer' && e.order === 'SO-WEB' && e.at === delay.at),
    );
    const result = score(silent);
    expect(rules(result)).toEqual(['update-overdue']);
    expect(result.deductions[0]).toMatchObject({ order: 'SO-WEB', at: '2026-03-02T12:00' });
    expect(result.competencies.communication).toBe(85);
  });

  it('who ignores it entirely is marked for the customer, the record and the team', () => {
    const result = score(withInjected(plain, delay));
    expect(rules(result).sort()).toEqual([
      'backorder-record-stale',
      'team-not-informed',
      'update-overdue',
    ]);
  });
});

describe.each<[string, ScenarioEvent]>([
  ['a short delivery', { type: 'stock-received', at: '2026-03-02T09:00', po: 'PO-1', qty: 1 }],
  [
    'a customer cancelling a line',
    {
      type: 'customer-message',
      at: '2026-03-02T09:00',
      order: 'SO-WEB',
      intent: 'cancel-line',
      sku: 'CU-ELB-15',
      text: 'Please cancel the elbows still to come.',
    },
  ],
  ['an item discontinued', { type: 'sku-discontinued', at: '2026-03-02T09:00', sku: 'CU-ELB-15' }],
  [
    'a new urgent order',
    {
      type: 'order-placed',
      at: '2026-03-02T09:00',
      order: {
        id: 'SO-URGENT',
        customer: 'HSP',
        placedAt: '2026-03-02T09:00',
        urgency: 'critical',
        shipPreference: 'ship-available',
        flagged: false,
        lines: [{ sku: 'CU-ELB-15', qty: 5 }],
      },
    },
  ],
  [
    'an angry customer call',
    {
      type: 'customer-message',
      at: '2026-03-02T09:00',
      order: 'SO-WEB',
      intent: 'ask-status',
      text: 'This is the third time I am calling. Where are my elbows?',
    },
  ],
])('the reference after %s', (_name, event) => {
  it('reacts and still scores 100', () => {
    const log = runAutopilot(scenario, [event]).log;
    expect(log).toContain(event);
    expect(score(log)).toMatchObject({ total: 100, passed: true, deductions: [] });
  });
});
