import { describe, expect, it } from 'vitest';
import { makeScenario, order } from '../../tests/fixtures/scenario';
import type { Action } from './actions';
import { runAutopilot } from './autopilot';
import type { LogEntry } from './log';
import { scoreLog, type Score } from './scoring';

// A standard web customer's 4 elbows placed first, a contractor's 8 later, 10 on hand,
// 20 more due on 4 March. The reference gives the contractor 8, the web customer 2, and
// tells the web customer (by email) that 2 follow on 4 March.
const scenario = makeScenario({
  competencies: ['prioritization', 'communication', 'partial-shipments'],
  catalog: [
    {
      sku: 'CU-ELB-15',
      name: 'Copper elbow 15 mm',
      price: 2.5,
      onHand: 10,
      bin: 'A-01-1',
      lookalikes: ['CU-ELB-22'],
      incoming: [{ po: 'PO-1', qty: 20, eta: '2026-03-04T08:00' }],
    },
    { sku: 'CU-ELB-22', name: 'Copper elbow 22 mm', price: 3.1, onHand: 10, bin: 'A-01-2' },
  ],
  orders: [
    order('SO-WEB', 'WEB', '07:00', [['CU-ELB-15', 4]]),
    order('SO-KMP', 'KMP', '07:30', [['CU-ELB-15', 8]]),
  ],
});
const reference = runAutopilot(scenario).log;

function score(log: readonly LogEntry[]): Score {
  const result = scoreLog(scenario, log);
  if (!result.ok) throw new Error(result.error.message);
  return result.score;
}
const rules = (s: Score) => s.deductions.map((d) => d.rule);
const isNotice = (e: LogEntry): e is Extract<Action, { type: 'notify-customer' }> =>
  e.type === 'notify-customer';

/** The reference log with its notice to the web customer changed. */
function withNotice(
  change: (notice: Extract<Action, { type: 'notify-customer' }>) => LogEntry | null,
): LogEntry[] {
  return reference.flatMap((entry) => {
    if (!isNotice(entry) || entry.order !== 'SO-WEB') return [entry];
    const changed = change(entry);
    return changed ? [changed] : [];
  });
}

describe('the reference', () => {
  it('allocates by rank and scores 100', () => {
    const allocations = reference.filter((e) => e.type === 'allocate');
    expect(allocations.map((e) => e.type === 'allocate' && [e.order, e.lines])).toEqual([
      ['SO-KMP', [{ sku: 'CU-ELB-15', qty: 8 }]],
      ['SO-WEB', [{ sku: 'CU-ELB-15', qty: 2 }]],
    ]);
    expect(score(reference)).toMatchObject({ total: 100, passed: true, deductions: [] });
  });
});

describe('each mistake costs exactly its rule', () => {
  it('never telling a backordered customer is a critical communication failure', () => {
    const s = score(withNotice(() => null));
    // The reference also ships the available 2 after telling them, so that shipment now
    // goes out unannounced too.
    expect(rules(s).sort()).toEqual(['customer-not-told', 'partial-not-announced']);
    expect(s.deductions.find((d) => d.rule === 'customer-not-told')).toMatchObject({
      competency: 'communication',
      critical: true,
      order: 'SO-WEB',
      at: '2026-03-02T12:00',
    });
    expect(s.deductions.find((d) => d.rule === 'customer-not-told')!.reference).toMatch(
      /Dana Webb by email by 2026-03-02T12:00: 2 x CU-ELB-15/,
    );
    expect(s.passed).toBe(false);
  });

  it('telling them after the deadline is late, not never', () => {
    const withoutNotice = withNotice(() => null);
    const notice = reference.filter(isNotice).find((e) => e.order === 'SO-WEB')!;
    const end = withoutNotice.pop()!; // the final advance-clock
    // Once the first parcel has left, nothing is ready now: the late notice offers what the
    // situation then calls for, to wait for the rest or cancel it.
    const late: LogEntry = {
      ...notice,
      at: '2026-03-02T13:00',
      content: { ...notice.content, options: ['wait', 'cancel'] },
    };
    const s = score([...withoutNotice, late, end]);
    expect(rules(s).sort()).toEqual(['notice-late', 'partial-not-announced']);
    expect(s.deductions.every((d) => !d.critical)).toBe(true);
  });

  it.each([
    { change: { channel: 'sms' as const }, rule: 'notice-wrong-channel' },
    { change: { content: { promiseDate: '2026-03-03T08:00' } }, rule: 'notice-wrong-date' },
    { change: { content: { options: [] } }, rule: 'notice-missing-options' },
    { change: { content: { apology: false } }, rule: 'notice-no-apology' },
  ])('a notice with $rule', ({ change, rule }) => {
    const s = score(
      withNotice((n) => ({
        ...n,
        ...('channel' in change ? change : {}),
        content: { ...n.content, ...('content' in change ? change.content : {}) },
      })),
    );
    expect(rules(s)).toContain(rule);
  });

  it('allocating out of rank order names the order that should have come first', () => {
    const trainee = reference.map((entry): LogEntry => {
      if (entry.type !== 'allocate') return entry;
      return entry.order === 'SO-KMP'
        ? { ...entry, order: 'SO-WEB', lines: [{ sku: 'CU-ELB-15', qty: 4 }] }
        : { ...entry, order: 'SO-KMP', lines: [{ sku: 'CU-ELB-15', qty: 6 }] };
    });
    const s = score(trainee);
    const deduction = s.deductions.find((d) => d.rule === 'out-of-rank-order');
    expect(deduction).toMatchObject({
      competency: 'prioritization',
      order: 'SO-WEB',
      sku: 'CU-ELB-15',
    });
    expect(deduction!.reference).toMatch(
      /to order SO-KMP first \(not flagged, normal urgency, contractor customer/,
    );
  });

  it('picking a look-alike and shipping it is a critical error-prevention failure', () => {
    const trainee = reference.map((entry): LogEntry =>
      entry.type === 'pick' && entry.order === 'SO-WEB' ? { ...entry, picked: 'CU-ELB-22' } : entry,
    );
    const s = score(trainee);
    expect(rules(s)).toEqual(['wrong-item-shipped']);
    expect(s.deductions[0]).toMatchObject({ competency: 'error-prevention', critical: true });
    expect(s.deductions[0]!.message).toBe(
      'Order SO-WEB shipped 2 x CU-ELB-22 instead of CU-ELB-15.',
    );
    expect(s.passed).toBe(false);
  });

  it('reserving without checking stock first', () => {
    expect(rules(score(reference.filter((e) => e.type !== 'check-stock')))).toEqual([
      'stock-not-checked',
    ]);
  });

  it('recording a backorder as the wrong type is a basics mistake', () => {
    const trainee = reference.map((entry): LogEntry =>
      entry.type === 'record-backorder'
        ? {
            ...entry,
            lines: entry.lines.map((l) => ({ ...l, backorderType: 'cancelled' as const })),
          }
        : entry,
    );
    const s = score(trainee);
    expect(rules(s)).toContain('wrong-backorder-type');
    expect(s.competencies.basics).toBeLessThan(100);
  });

  it('leaving reserved stock on the shelf all shift', () => {
    const trainee = reference.filter((e) => !['pick', 'pack', 'ship'].includes(e.type));
    expect(new Set(rules(score(trainee)))).toEqual(new Set(['shipment-late']));
  });

  it('shipping part of an order before telling the customer', () => {
    const notice = reference.filter(isNotice).find((e) => e.order === 'SO-WEB')!;
    const rest = reference.filter((e) => e !== notice);
    const end = rest.pop()!;
    const after: LogEntry = {
      ...notice,
      content: { ...notice.content, options: ['wait', 'cancel'] },
    };
    const s = score([...rest, after, end]);
    expect(rules(s)).toEqual(['partial-not-announced']);
  });
});

describe('scores', () => {
  it('are out of 100 over the trained competencies and pass at 80 without a critical error', () => {
    const s = score(withNotice((n) => ({ ...n, content: { ...n.content, apology: false } })));
    expect(s.competencies.communication).toBe(95);
    expect(s.total).toBe(Math.round((100 + 95 + 100) / 3));
    expect(s.passed).toBe(true);
  });

  it('a log that does not replay is an error, not a score', () => {
    const result = scoreLog(scenario, [{ type: 'advance-clock', at: '2026-03-03T08:00' }]);
    expect(result.ok).toBe(false);
  });
});
