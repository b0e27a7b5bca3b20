import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { AcademyDatabase, useDatabase } from './database';
import Dexie from 'dexie';
import {
  addLessonTime,
  RunMovedOn,
  appendRunEntries,
  finishRun,
  runLog,
  runsOf,
  startRun,
  attemptsFor,
  createProfile,
  currentProfile,
  feedbackFor,
  listProfiles,
  markLessonCompleted,
  markLessonOpened,
  progressFacts,
  recordCheckAttempt,
  saveLessonFeedback,
  storageProblem,
  switchProfile,
} from './index';

const COURSE = 'backorders-and-partial-shipments';
let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`test-${++n}`)));

describe('profiles', () => {
  it('creates a profile, makes it current, and lists several on one computer', async () => {
    const ana = await createProfile('  Ana Ruiz ', 'trainee');
    expect(ana).toMatchObject({ name: 'Ana Ruiz', role: 'trainee' });
    expect((await currentProfile())?.id).toBe(ana.id);
    const ben = await createProfile('Ben Okafor', 'trainer');
    expect((await currentProfile())?.id).toBe(ben.id);
    await switchProfile(ana.id);
    expect((await currentProfile())?.name).toBe('Ana Ruiz');
    expect((await listProfiles()).map((p) => p.name)).toEqual(['Ana Ruiz', 'Ben Okafor']);
  });

  it.each([
    { name: '   ', message: 'Enter a name.' },
    { name: 'x'.repeat(61), message: 'Keep the name to 60 characters or fewer.' },
  ])('refuses a bad name ($message) and saves nothing', async ({ name, message }) => {
    await expect(createProfile(name, 'trainee')).rejects.toThrow(message);
    expect(await listProfiles()).toEqual([]);
    expect(await currentProfile()).toBeNull();
  });

  it('keeps a name with markup as plain text', async () => {
    const p = await createProfile('<img src=x onerror=alert(1)>', 'manager');
    expect(p.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('will not switch to a profile that does not exist', async () => {
    const ana = await createProfile('Ana', 'trainee');
    await expect(switchProfile('nope')).rejects.toThrow('no longer exists');
    expect((await currentProfile())?.id).toBe(ana.id);
  });

  it('reports working storage', async () => {
    expect(await storageProblem()).toBeNull();
  });
});

describe('progress', () => {
  it('keeps lessons opened, time spent and completion per profile', async () => {
    const ana = await createProfile('Ana', 'trainee');
    const ben = await createProfile('Ben', 'trainee');
    await markLessonOpened(ana.id, COURSE, '01-basics/01-what-is-a-backorder');
    await addLessonTime(ana.id, COURSE, '01-basics/01-what-is-a-backorder', 42.4);
    await addLessonTime(ana.id, COURSE, '01-basics/01-what-is-a-backorder', 18);
    await markLessonCompleted(ana.id, COURSE, '01-basics/01-what-is-a-backorder');
    const facts = await progressFacts(ana.id, COURSE);
    expect([...facts.completedLessons]).toEqual(['01-basics/01-what-is-a-backorder']);
    expect([...facts.openedLessons]).toEqual(['01-basics/01-what-is-a-backorder']);
    const benFacts = await progressFacts(ben.id, COURSE);
    expect(benFacts.completedLessons.size).toBe(0);
  });

  it('keeps every check attempt and dates the first pass', async () => {
    const ana = await createProfile('Ana', 'trainee');
    await recordCheckAttempt({
      profileId: ana.id,
      course: COURSE,
      module: '01-basics',
      answers: { q1: 'a' },
      score: 0.5,
      passed: false,
    });
    await recordCheckAttempt({
      profileId: ana.id,
      course: COURSE,
      module: '01-basics',
      answers: { q1: 'b' },
      score: 1,
      passed: true,
    });
    await recordCheckAttempt({
      profileId: ana.id,
      course: COURSE,
      module: '01-basics',
      answers: { q1: 'b' },
      score: 1,
      passed: true,
    });
    const attempts = await attemptsFor(ana.id, COURSE);
    expect(attempts.map((a) => a.score)).toEqual([0.5, 1, 1]);
    const facts = await progressFacts(ana.id, COURSE);
    expect(facts.passedChecks.get('01-basics')).toEqual(attempts[1]!.at);
  });

  it('saves lesson feedback with the profile for trainers to read', async () => {
    const ana = await createProfile('Ana', 'trainee');
    await saveLessonFeedback({
      profileId: ana.id,
      course: COURSE,
      lesson: '01-basics/02-three-types',
      useful: 'partly',
      change: '  More examples with SMS  ',
    });
    expect(await feedbackFor(COURSE)).toEqual([
      expect.objectContaining({
        profileId: ana.id,
        useful: 'partly',
        change: 'More examples with SMS',
      }),
    ]);
  });
});

describe('simulation runs (database version 2)', () => {
  const run = {
    id: 'run-1',
    scenario: 'three-backorder-types',
    scenarioHash: 'abc',
    engineVersion: '1.0.0',
  };

  it('appends log entries in order and reads them back', async () => {
    const ana = await createProfile('Ana', 'trainee');
    await startRun({ ...run, profileId: ana.id });
    await appendRunEntries('run-1', 0, [{ type: 'check-stock', sku: 'A', at: '2026-03-02T08:00' }]);
    await appendRunEntries('run-1', 1, [
      { type: 'advance-clock', at: '2026-03-02T09:00' },
      { type: 'pack', order: 'SO-1', at: '2026-03-02T09:00' },
    ]);
    expect((await runLog('run-1')).map((e) => (e as { type: string }).type)).toEqual([
      'check-stock',
      'advance-clock',
      'pack',
    ]);
  });

  it('refuses entries that would not follow on (another tab moved on) and keeps none of them', async () => {
    const ana = await createProfile('Ana', 'trainee');
    await startRun({ ...run, profileId: ana.id });
    await appendRunEntries('run-1', 0, [{ type: 'check-stock', sku: 'A' }]);
    await expect(
      appendRunEntries('run-1', 0, [{ type: 'x' }, { type: 'y' }]),
    ).rejects.toBeInstanceOf(RunMovedOn);
    expect(await runLog('run-1')).toHaveLength(1);
  });

  it('an ended run takes no more entries, and keeps its score', async () => {
    const ana = await createProfile('Ana', 'trainee');
    await startRun({ ...run, profileId: ana.id });
    await finishRun('run-1', 'ended', { total: 85, passed: true, competencies: { basics: 85 } });
    await expect(appendRunEntries('run-1', 0, [{ type: 'x' }])).rejects.toThrow(
      new RunMovedOn('run-1', 'is no longer open'),
    );
    expect((await runsOf(ana.id, run.scenario))[0]).toMatchObject({
      status: 'ended',
      score: { total: 85 },
    });
  });

  it('opens a database made by version 1, keeping its profiles and progress', async () => {
    const name = `upgrade-${n}`;
    const old = new Dexie(name);
    old.version(1).stores({
      profiles: 'id, name',
      settings: 'key',
      lessonVisits: '[profileId+course+lesson], [profileId+course]',
      checkAttempts: '++id, [profileId+course]',
      feedback: '++id, profileId, [course+lesson], course',
    });
    await old
      .table('profiles')
      .add({ id: 'p1', name: 'Old Timer', role: 'trainee', createdAt: new Date() });
    await old.table('settings').put({ key: 'currentProfile', value: 'p1' });
    await old.table('lessonVisits').put({
      profileId: 'p1',
      course: COURSE,
      lesson: '01-basics/01-a',
      openedAt: new Date(),
      seconds: 30,
    });
    old.close();

    const upgraded = new AcademyDatabase(name);
    useDatabase(upgraded);
    expect((await currentProfile())?.name).toBe('Old Timer');
    expect((await progressFacts('p1', COURSE)).openedLessons).toEqual(new Set(['01-basics/01-a']));
    expect(upgraded.verno).toBe(6);
    await startRun({ ...run, profileId: 'p1' });
    expect(await runsOf('p1', run.scenario)).toHaveLength(1);
    // The version 3 tables exist and start empty.
    expect(await upgraded.roleplayResults.count()).toBe(0);
    expect(await upgraded.assessments.count()).toBe(0);
    // Version 5: imported runs' logs, one row per run.
    expect(await upgraded.runLogs.count()).toBe(0);
  });
});

describe('a profile with a team', () => {
  it('keeps the team, trimmed, and leaves it out when blank', async () => {
    const ana = await createProfile('Ana', 'trainee', '  North  ');
    const ben = await createProfile('Ben', 'trainee', '   ');
    expect((await listProfiles()).map((p) => [p.name, p.team])).toEqual([
      ['Ana', 'North'],
      ['Ben', undefined],
    ]);
    expect(ana.team).toBe('North');
    expect(ben).not.toHaveProperty('team');
  });
});
