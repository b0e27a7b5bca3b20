/**
 * The coach: every duty-based deduction is advised before its deadline, with the deadline
 * it is judged by, so a trainee who reads the coach can avoid it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAutopilot } from './autopilot';
import { coach } from './coach';
import { parseScenario } from './load';
import { isAction } from './log';
import type { Scenario } from './schema';
import { scoreLog } from './scoring';

const bundled: Scenario[] = readdirSync('simulations')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const parsed = parseScenario(readFileSync(`simulations/${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    return parsed.value;
  });

describe.each(bundled.map((s) => [s.id, s] as const))('%s', (_, scenario) => {
  const reference = runAutopilot(scenario).log;

  it('advises the first duties before anything is done', () => {
    const first = coach(scenario, [])!;
    expect(first.due.length).toBeGreaterThan(0);
    for (const item of first.due) {
      expect(item.since).toBe(scenario.startsAt);
      expect(item.advice.length).toBeGreaterThan(10);
    }
  });

  it('has nothing to add for the reference, which owes nothing at the end', () => {
    const end = coach(scenario, reference)!;
    expect(end.deductions).toEqual([]);
    expect(end.due.filter((item) => !item.afterShift)).toEqual([]);
  });

  it('advised each deduction of a trainee who does nothing, with the deadline it was judged by', () => {
    const idle = reference.filter((entry) => !isAction(entry));
    const advised = new Set<string>();
    for (let n = 0; n <= idle.length; n++)
      for (const item of coach(scenario, idle.slice(0, n))!.due)
        advised.add(`${item.order ?? ''}@${item.deadline}`);
    const scored = scoreLog(scenario, idle);
    if (!scored.ok) throw new Error(scored.error.message);
    expect(scored.score.deductions.length).toBeGreaterThan(0);
    for (const deduction of scored.score.deductions)
      expect(advised, deduction.message).toContain(`${deduction.order ?? ''}@${deduction.at}`);
  });
});

describe('the order of the list', () => {
  const scenario = bundled.find((s) => s.id === 'three-backorder-types')!;

  it('starts with the allocation and the stock checks it needs; orders it will fill wait, saying so', () => {
    const [first, ...rest] = coach(scenario, [])!.due;
    expect(first!.rule).toBe('stock-not-allocated');
    expect(first!.advice).toMatch(
      /^First check stock of PLB-CU15-EL90, PLB-PTFE-12 and PLB-TRV15-ANG4\./,
    );
    expect(first!.advice).toContain(
      'allocate by the rules on SO-51117 and SO-51119, in that order',
    );
    // SO-51119 ships complete once stock is reserved: telling its customer of a backorder
    // now would be untrue. SO-51117 will ship in part, so its notice waits for the picture.
    // Both stay on the list, last, saying what they wait for.
    const waiting = rest.filter((item) => ['SO-51119', 'SO-51117'].includes(item.order!));
    expect(waiting.length).toBeGreaterThan(0);
    for (const item of waiting) expect(item.advice).toMatch(/^Once the allocation above is done/);
    expect(rest.slice(-waiting.length)).toEqual(waiting);
    expect(rest[0]!.order).toBe('SO-51108');
  });

  it('once stock is reserved, names what to pick from which bin, after the customer is told of the rest', () => {
    const at = scenario.startsAt;
    const checks = ['PLB-CU15-EL90', 'PLB-PTFE-12', 'PLB-TRV15-ANG4'].map((sku) => ({
      type: 'check-stock' as const,
      sku,
      at,
      by: 't',
    }));
    const due = coach(scenario, [
      ...checks,
      { type: 'allocate', order: 'SO-51117', at, by: 't' },
      { type: 'allocate', order: 'SO-51119', at, by: 't' },
    ])!.due;
    const ship = due.find((item) => item.order === 'SO-51119' && item.rule === 'shipment-late');
    expect(ship!.advice).toBe(
      'Pick 10 x PLB-CU15-EL90 from bin A-03-2 (not the look-alike PLB-CU22-EL90) and 1 x PLB-TRV15-ANG4 from bin B-11-2, then pack and ship order SO-51119 by 2026-03-02T12:00.',
    );
    // SO-51117 ships in part: its customer hears first, so its shipping comes after, and says so.
    const partial = due.findIndex((i) => i.order === 'SO-51117' && i.rule === 'shipment-late');
    const notice = due.findIndex((i) => i.order === 'SO-51117' && i.rule === 'customer-not-told');
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(partial).toBeGreaterThan(notice);
    expect(due[partial]!.advice).toMatch(
      /^Once the customer has been told what stays behind: Pick /,
    );
  });
});
