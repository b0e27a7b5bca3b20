/** A saved run read back: checked, replayed, judged, and set beside the reference. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAutopilot } from './autopilot';
import { parseScenario } from './load';
import { compareOrders, reviewRun, reviewSavedRun } from './review';
import type { Scenario } from './schema';

function bundled(id: string): Scenario {
  const parsed = parseScenario(readFileSync(`simulations/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if (!parsed.ok) throw new Error(`${id} is invalid`);
  return parsed.value;
}

const scenario = bundled('late-purchase-order');
const { log } = runAutopilot(scenario);

describe('reviewSavedRun', () => {
  it('reviews a stored log as reviewRun does, and hands back the log it read', () => {
    const saved = reviewSavedRun(scenario, JSON.parse(JSON.stringify(log)));
    const direct = reviewRun(scenario, log);
    if (!saved.ok || !direct.ok) throw new Error('the reference run should review');
    expect(saved.log).toEqual(log);
    expect(saved.review.score).toEqual(direct.review.score);
    expect(saved.review.score.total).toBe(100);
  });

  it('names a stored log that is not a log, without replaying it', () => {
    const saved = reviewSavedRun(scenario, { entries: 'nothing' });
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.reason).toBe('invalid-log');
  });

  it('says why a well-formed log does not replay on this scenario', () => {
    const saved = reviewSavedRun(scenario, [{ ...log[0]!, at: '1999-01-01T00:00' }]);
    expect(saved.ok).toBe(false);
    if (saved.ok || saved.reason !== 'does-not-replay') throw new Error('expected a replay error');
    expect(saved.error.message).toMatch(/\S/);
  });
});

describe('compareOrders', () => {
  it('sets each of the trainee’s final orders beside the reference’s', () => {
    const reviewed = reviewRun(scenario, log);
    if (!reviewed.ok) throw new Error(reviewed.error.message);
    const rows = compareOrders(reviewed.review);
    expect(rows.map((row) => row.id)).toEqual(reviewed.review.reference.orders.map((o) => o.id));
    // The trainee here is the reference, so each side matches line for line.
    for (const row of rows) expect(row.mine).toEqual(row.theirs);
  });

  it('leaves an order placed after the trainee stopped without a side of its own', () => {
    const later = bundled('ship-complete-or-partial');
    const arriving = later.events.flatMap((e) => (e.type === 'order-placed' ? [e.order.id] : []));
    expect(arriving.length).toBeGreaterThan(0);
    // An empty log: the trainee stopped before anything happened, so no event arrived.
    const reviewed = reviewRun(later, []);
    if (!reviewed.ok) throw new Error(reviewed.error.message);
    const rows = compareOrders(reviewed.review);
    for (const id of arriving) {
      const row = rows.find((r) => r.id === id);
      expect(row?.theirs.id).toBe(id);
      expect(row?.mine).toBeUndefined();
    }
    expect(rows.find((r) => !arriving.includes(r.id))?.mine).toBeDefined();
  });
});
