/**
 * Practice mode's promise: a trainee who works only from the coach's list, top item first,
 * and otherwise lets the clock run, passes every bundled shift with at least 95. The
 * advice is read as words (tests/fixtures/coach-reader.ts), as a person reads it, so advice
 * that leaves out what the desk needs, or that comes in an order that earns a deduction,
 * fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/load';
import type { Scenario } from '../../src/engine/schema';
import { scoreLog } from '../../src/engine/scoring';
import { followTheCoach } from '../fixtures/coach-reader';

const bundled: Scenario[] = readdirSync('simulations')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const parsed = parseScenario(readFileSync(`simulations/${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    return parsed.value;
  });

describe.each(bundled.map((s) => [s.id, s] as const))('%s', (_, scenario) => {
  it('following only the coach, top item first, passes with at least 95', () => {
    const log = followTheCoach(scenario);
    const scored = scoreLog(scenario, log);
    if (!scored.ok) throw new Error(scored.error.message);
    expect(scored.score.deductions.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    expect(scored.score.total).toBeGreaterThanOrEqual(95);
  });
});
