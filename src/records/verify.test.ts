import { describe, expect, it } from 'vitest';
import { runAutopilot } from '../engine/autopilot';
import { scenarioHash } from '../engine/report';
import { bundleRun, scenarioFiles } from '../../tests/fixtures/bundles';
import { generateScenario } from '../engine/generate';
import { verifyRun } from './verify';

const scenarios = scenarioFiles();
const scenario = scenarios.get('three-backorder-types')!;
const byHash = new Map([...scenarios.values()].map((s) => [scenarioHash(s), s]));
const at = new Date('2026-03-05T09:00:00Z');

describe('verifying a run by replaying its log', () => {
  it('trusts a run whose stored score is what the replay gives', () => {
    const run = bundleRun({ id: 'r1', scenario, at });
    const result = verifyRun(run, run.log, byHash);
    expect(result.flag).toBeNull();
    expect(result.recomputed?.total).toBe(run.score.total);
  });

  it('flags an edited score, giving both numbers', () => {
    const honest = bundleRun({ id: 'r1', scenario, at });
    const log = honest.log.filter((e) => e.type !== 'notify-customer');
    const run = bundleRun({ id: 'r2', scenario, at, log, total: 100 });
    const result = verifyRun(run, run.log, byHash);
    expect(result.flag).toBe('score-differs');
    expect(result.reason).toMatch(/file says 100; replaying the log gives \d+/);
    expect(result.recomputed!.total).toBeLessThan(100);
  });

  it('flags a changed competency even when the total is the same', () => {
    const run = bundleRun({ id: 'r3', scenario, at });
    run.score.competencies = { ...run.score.competencies, basics: 50 };
    const result = verifyRun(run, run.log, byHash);
    expect(result.flag).toBe('score-differs');
    // The field that differs is named, not the totals that agree (issue 11, item 9).
    expect(result.reason).toMatch(/competencies\.basics: the file says 50, the replay \d+/);
  });

  it("flags a log that leaves out one of the scenario's events", () => {
    const run = bundleRun({ id: 'r4', scenario, at });
    const log = run.log.filter((e) => e.type !== 'customer-message');
    const result = verifyRun(run, log, byHash);
    expect(result.flag).toBe('does-not-replay');
    expect(result.reason).toMatch(/customer-message event at .* is missing/);
  });

  it.each([
    ['a customer who does not exist', { customer: 'NOBODY' }, /no customer NOBODY/],
    ['an order number already taken', { id: 'SO-51108' }, /SO-51108 already exists/],
    ['an item that does not exist', { lines: [{ sku: 'NOPE-1', qty: 1 }] }, /no item NOPE-1/],
  ])('flags an injected order for %s, naming the entry', (_, change, reason) => {
    const honest = bundleRun({ id: 'r4c', scenario, at });
    const index = honest.log.findIndex((entry) => entry.at > scenario.startsAt);
    const ghost = {
      type: 'order-placed',
      at: honest.log[index]!.at,
      order: {
        id: 'SO-GHOST',
        customer: scenario.customers[0]!.id,
        placedAt: scenario.startsAt,
        lines: [{ sku: scenario.catalog[0]!.sku, qty: 1 }],
        ...change,
      },
    };
    const log = [...honest.log.slice(0, index), ghost, ...honest.log.slice(index)];
    const result = verifyRun(honest, log, byHash);
    expect(result.flag).toBe('does-not-replay');
    expect(result.reason).toMatch(new RegExp(`entry ${index}\\b`));
    expect(result.reason).toMatch(reason);
  });

  it('flags a log whose entries go back in time', () => {
    const run = bundleRun({ id: 'r4b', scenario, at });
    const result = verifyRun(run, [...run.log].reverse(), byHash);
    expect(result.flag).toBe('does-not-replay');
  });

  it('flags a log entry that is not a valid action, naming its path', () => {
    const run = bundleRun({ id: 'r5', scenario, at });
    const log = [...run.log, { type: 'ship', order: 42, at: '2026-03-02T09:00' }];
    const result = verifyRun(run, log, byHash);
    expect(result.flag).toBe('does-not-replay');
    expect(result.reason).toMatch(/log\[\d+\]/);
  });

  it('flags a run on a scenario version this app does not know', () => {
    const run = { ...bundleRun({ id: 'r6', scenario, at }), scenarioHash: '0'.repeat(64) };
    expect(verifyRun(run, run.log, byHash).flag).toBe('unknown-scenario');
  });

  it('flags a hash that belongs to another scenario', () => {
    const other = scenarios.get('late-purchase-order')!;
    const run = { ...bundleRun({ id: 'r7', scenario, at }), scenarioHash: scenarioHash(other) };
    expect(verifyRun(run, run.log, byHash).flag).toBe('unknown-scenario');
  });

  it('accepts an unfinished run without a score, and flags one that claims a score', () => {
    const log = runAutopilot(scenario).log.slice(0, 3);
    const base = { id: 'r8', scenario: scenario.id, scenarioHash: scenarioHash(scenario) };
    expect(verifyRun({ ...base, status: 'running' }, log, byHash).flag).toBeNull();
    expect(
      verifyRun(
        { ...base, status: 'abandoned', score: { total: 100, passed: true, competencies: {} } },
        log,
        byHash,
      ).flag,
    ).toBe('score-differs');
  });
});

describe('a random practice shift', () => {
  const shift = generateScenario({ seed: 4242, level: 2 });

  it('is rebuilt from the seed and level in its id and verified, not flagged unknown', () => {
    const run = bundleRun({ id: 'rand', scenario: shift, at });
    const result = verifyRun(run, run.log, byHash);
    expect(result.flag).toBeNull();
    expect(result.recomputed?.total).toBe(100);
  });

  it('is flagged unknown when its hash is not what the seed and level build', () => {
    const run = { ...bundleRun({ id: 'rand', scenario: shift, at }), scenario: 'random-2-4243' };
    expect(verifyRun(run, run.log, byHash).flag).toBe('unknown-scenario');
  });

  it('rescored under newer rules is explained, not flagged as edited', () => {
    const honest = bundleRun({ id: 'old', scenario, at });
    const run = { ...honest, engineVersion: '0.9.0', score: { ...honest.score, total: 64 } };
    const result = verifyRun(run, run.log, byHash);
    expect(result.flag).toBeNull();
    expect(result.reason).toMatch(/Scored 64 by engine 0\.9\.0; today's rules .* give \d+/);
  });
});

describe('whether a person played the run', () => {
  /** The reported forgery: `sim run`'s autopilot log with its `by` field renamed. */
  const renamed = runAutopilot(scenario).log.map((e) =>
    'by' in e && e.by === 'autopilot' ? { ...e, by: 'Ana Ruiz' } : e,
  );

  it('trusts a log saved at a person’s pace', () => {
    const run = bundleRun({ id: 'h1', scenario, at });
    expect(verifyRun(run, run.log, byHash)).toMatchObject({
      flag: null,
      reason: 'Replayed; the score matches.',
    });
  });

  it('flags the autopilot’s log with the names changed, even with a person’s times', () => {
    const run = bundleRun({ id: 'h2', scenario, at, log: renamed });
    const result = verifyRun(run, run.log, byHash);
    expect(result.flag).toBe('not-played-by-person');
    expect(result.reason).toMatch(/autopilot’s own log for this scenario/);
  });

  const played = bundleRun({ id: 'h0', scenario, at });
  const start = at.getTime();
  it.each([
    ['no times at all', null, /carry no times/],
    ['fewer times than entries', [start, start + 9_000], /2 action times for \d+ log entries/],
    ['every action within a few ms', played.log.map((_, i) => start + i * 3), /median 3 ms apart/],
    ['times that go backwards', played.log.map((_, i) => start - i * 7_000), /go backwards/],
  ])('flags a run with %s', (_, actedAt, reason) => {
    const run = bundleRun({ id: 'h3', scenario, at, actedAt });
    const result = verifyRun(run, run.log, byHash);
    expect(result.flag).toBe('not-played-by-person');
    expect(result.reason).toMatch(reason);
  });

  it('keeps an edited score’s flag first: the score is the worse problem', () => {
    const run = bundleRun({ id: 'h4', scenario, at, log: renamed, total: 12 });
    expect(verifyRun(run, run.log, byHash).flag).toBe('score-differs');
  });
});
