import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../engine/report';
import { makeBundle, scenarioFiles } from '../../tests/fixtures/bundles';
import {
  NOTHING_STORED,
  planImport,
  readBundle,
  type CheckedBundle,
  type References,
  type StoredForImport,
} from './import';

const scenarios = scenarioFiles();
const scenario = scenarios.get('three-backorder-types')!;
const refs: References = {
  scenariosByHash: new Map([...scenarios.values()].map((s) => [scenarioHash(s), s])),
  roleplaysByHash: new Map(),
  checksByCourse: new Map(),
};
const at = new Date('2026-03-05T09:00:00Z');
const file = { id: 'sha', name: 'ana.json', at };

async function checked(bundle: unknown): Promise<CheckedBundle> {
  const text = JSON.stringify(bundle);
  const read = await readBundle(text, 'ana.json', text.length, refs);
  if (!read.ok) throw new Error(read.problems[0]!.message);
  return read.checked;
}

const ana = () =>
  makeBundle({
    profile: { id: 'p-ana', name: 'Ana Ruiz', team: 'North' },
    runs: [{ id: 'run-a1', scenario, at }],
  });

describe('planning an import, without storage', () => {
  it('adds everything onto an empty browser, with the parsed log of each run', async () => {
    const bundle = await checked(ana());
    const plan = planImport(bundle, NOTHING_STORED, file);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.rows.profile).toMatchObject({ id: 'p-ana', imported: true });
    expect(plan.rows.runs.map((r) => [r.id, r.profileId])).toEqual([['run-a1', 'p-ana']]);
    // Each run's log is one row: the log as parsed, with the desk's time of every entry.
    expect(plan.rows.logs).toEqual([
      { runId: 'run-a1', log: bundle.logs[0], actedAt: bundle.bundle.runs[0]!.actedAt },
    ]);
    expect(plan.rows.logs[0]!.log).toHaveLength(bundle.bundle.runs[0]!.log.length);
    expect(plan.record).toMatchObject({ id: 'sha', profileIds: ['p-ana'], added: { runs: 1 } });
    expect(plan.outcome).toMatchObject({ status: 'imported', trainee: 'Ana Ruiz' });
  });

  it('refuses ids another trainee holds, and leaves a finished run as it is', async () => {
    const bundle = await checked(ana());
    const stored = (profileId: string, log: unknown[]): StoredForImport => ({
      ...NOTHING_STORED,
      profile: { name: 'Ana Ruiz', team: 'South' },
      runs: [{ ...bundle.bundle.runs[0]!, profileId, log }],
    });
    expect(planImport(bundle, stored('p-ben', []), file)).toMatchObject({
      ok: false,
      problems: [{ file: 'ana.json', path: 'runs[0].id' }],
    });
    const plan = planImport(bundle, stored('p-ana', [bundle.logs[0]![0]]), file);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.rows.runs).toEqual([]);
    expect(plan.rows.runConflicts).toMatchObject([{ runId: 'run-a1' }]);
    expect(plan.rows.profile).toBeNull();
    expect(plan.rows.profileConflict).toMatchObject({ fields: ['team'] });
  });
});
