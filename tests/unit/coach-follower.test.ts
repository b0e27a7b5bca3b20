/**
 * Practice mode's promise: a trainee who works only from the coach's list, top item first,
 * and otherwise lets the clock run, passes every bundled shift with at least 95. The
 * advice is read as words (tests/fixtures/coach-reader.ts), as a person reads it, so advice
 * that leaves out what the desk needs, or that comes in an order that earns a deduction,
 * fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coach } from '../../src/engine/coach';
import { parseScenario } from '../../src/engine/load';
import { advanceEntries, replay, type LogEntry } from '../../src/engine/log';
import type { Scenario } from '../../src/engine/schema';
import { scoreLog } from '../../src/engine/scoring';
import { stepsFor } from '../fixtures/coach-reader';

const bundled: Scenario[] = readdirSync('simulations')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const parsed = parseScenario(readFileSync(`simulations/${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    return parsed.value;
  });

/** Play a shift doing only what the coach's first item says; returns the log. */
export function followTheCoach(scenario: Scenario): LogEntry[] {
  const log: LogEntry[] = [];
  for (let turn = 0; turn < 500; turn++) {
    const replayed = replay(scenario, log);
    if (!replayed.ok) throw new Error(replayed.error.message);
    const { state, eventsApplied } = replayed.result;
    const next = coach(scenario, log)!.due.find((item) => !item.afterShift);
    if (next) {
      for (const step of stepsFor(next, (text) => text))
        log.push({
          ...step,
          at: state.now,
          by: step.type === 'verify' ? 'supervisor' : 'trainee',
        } as LogEntry);
      continue;
    }
    if (state.now >= scenario.endsAt) return log;
    // Nothing due: let the clock run to the next event, or to the end of the shift.
    const until = scenario.events[eventsApplied]?.at ?? scenario.endsAt;
    log.push(...advanceEntries(scenario, eventsApplied, state.now, until, 'trainee'));
  }
  throw new Error('the coach kept asking for more after 500 turns');
}

describe.each(bundled.map((s) => [s.id, s] as const))('%s', (_, scenario) => {
  it('following only the coach, top item first, passes with at least 95', () => {
    const log = followTheCoach(scenario);
    const scored = scoreLog(scenario, log);
    if (!scored.ok) throw new Error(scored.error.message);
    expect(scored.score.deductions.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    expect(scored.score.total).toBeGreaterThanOrEqual(95);
  });
});
