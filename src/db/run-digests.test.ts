import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioHash } from '../engine/report';
import { makeBundle, scenarioFiles } from '../../tests/fixtures/bundles';
import { AcademyDatabase, database, useDatabase, type Run } from './database';
import { createProfile, finishRun, startRun } from './index';
import {
  backupAll,
  deleteTrainee,
  importBundle,
  loadTraineeRecords,
  restoreBackup,
} from './records';

const scenarios = scenarioFiles();
const scenario = scenarios.get('three-backorder-types')!;
const byHash = new Map([...scenarios.values()].map((s) => [scenarioHash(s), s]));
const at = new Date('2026-03-05T09:00:00Z');
let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`digests-${++n}`)));

/** The digests must be exactly the runs table grouped by trainee, oldest first. */
async function expectDigestsMatchRuns() {
  const db = database();
  const runs = (await db.runs.toArray()).sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
  );
  const grouped = new Map<string, Run[]>();
  for (const run of runs) grouped.set(run.profileId, [...(grouped.get(run.profileId) ?? []), run]);
  const digests = await db.runDigests.toArray();
  expect(new Map(digests.map((d) => [d.profileId, d.runs]))).toEqual(grouped);
}

const bundle = (id: string, name: string, runs: string[]) =>
  makeBundle({
    profile: { id, name },
    runs: runs.map((runId, i) => ({
      id: runId,
      scenario,
      at: new Date(at.getTime() + i * 3600_000),
    })),
  });

describe("each trainee's run digest", () => {
  it('follows a run from its start to its end and score', async () => {
    const profile = await createProfile('Ana Ruiz', 'trainee');
    const base = {
      profileId: profile.id,
      scenario: scenario.id,
      scenarioHash: 'h',
      engineVersion: 'v',
    };
    await startRun({ ...base, id: 'r1' });
    await expectDigestsMatchRuns();
    await finishRun('r1', 'ended', { total: 90, passed: true, competencies: { basics: 90 } });
    await startRun({ ...base, id: 'r2' });
    await finishRun('r2', 'abandoned');
    await expectDigestsMatchRuns();
    const [record] = await loadTraineeRecords();
    expect(record!.runs.map((r) => [r.id, r.status, r.score?.total])).toEqual([
      ['r1', 'ended', 90],
      ['r2', 'abandoned', undefined],
    ]);
  });

  it('follows imports, deleting a trainee, and a restore', async () => {
    await importBundle(JSON.stringify(bundle('p-ana', 'Ana', ['a1', 'a2'])), 'ana.json', byHash);
    await importBundle(JSON.stringify(bundle('p-ben', 'Ben', ['b1'])), 'ben.json', byHash);
    await expectDigestsMatchRuns();
    expect(await database().runDigests.count()).toBe(2);

    const text = JSON.stringify(await backupAll());
    await deleteTrainee('p-ana');
    await expectDigestsMatchRuns();
    expect((await database().runDigests.toArray()).map((d) => d.profileId)).toEqual(['p-ben']);

    useDatabase(new AcademyDatabase(`digests-restore-${n}`));
    await restoreBackup(text, 'backup.json', byHash);
    await expectDigestsMatchRuns();
    const records = await loadTraineeRecords();
    expect(records.map((r) => [r.profile.name, r.runs.length]).sort()).toEqual([
      ['Ana', 2],
      ['Ben', 1],
    ]);
  });

  it('is built from the runs already stored when a version 3 database is opened', async () => {
    const name = `digests-upgrade-${n}`;
    const old = new Dexie(name);
    old.version(3).stores({
      profiles: 'id, name',
      settings: 'key',
      lessonVisits: '[profileId+course+lesson], [profileId+course]',
      checkAttempts: '++id, [profileId+course]',
      feedback: '++id, profileId, [course+lesson], course',
      runs: 'id, [profileId+scenario], profileId',
      runEntries: '[runId+seq]',
      roleplayResults: 'id, profileId, [profileId+roleplay]',
      assessments: 'id, profileId',
      customContent: '[kind+id], kind',
      imports: 'id',
    });
    const run = (id: string, profileId: string, hour: number): Run => ({
      id,
      profileId,
      scenario: scenario.id,
      scenarioHash: 'h',
      engineVersion: 'v',
      startedAt: new Date(Date.UTC(2026, 2, 2, hour)),
      updatedAt: new Date(Date.UTC(2026, 2, 2, hour)),
      status: 'ended',
    });
    await old.table('runs').bulkAdd([run('x1', 'p1', 9), run('x2', 'p1', 10), run('y1', 'p2', 9)]);
    old.close();

    const upgraded = new AcademyDatabase(name);
    useDatabase(upgraded);
    await expectDigestsMatchRuns();
    expect(await upgraded.runDigests.count()).toBe(2);
  });
});
