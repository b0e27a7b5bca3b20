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
