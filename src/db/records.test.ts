import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioHash } from '../engine/report';
import { scoreLog } from '../engine/scoring';
import {
  COURSE,
  courseChecks,
  courseShape,
  makeBundle,
  personLog,
  rightAnswer,
  roleplayFiles,
  scenarioFiles,
} from '../../tests/fixtures/bundles';
import { roleplayHash } from '../roleplay/record';
import { roleplayScore, traineeCourse } from '../records/aggregate';
import { planAttempt } from '../course/draw';
import type { CourseOutline } from '../course/outline';
import { runAutopilot } from '../engine/autopilot';
import { certificateStatus, requiredScenarios } from '../records/certificate';
import { AcademyDatabase, database, useDatabase } from './database';
import {
  appendRunEntries,
  createProfile,
  finishRun,
  listProfiles,
  markLessonCompleted,
  startRun,
} from './index';
import {
  attemptPolicy,
  backupAll,
  restoreBackup,
  deleteTrainee,
  exportBundle,
  importBundle,
  loadTraineeRecords,
  resolveProfileConflict,
  setAttemptPolicy,
} from './records';

const scenarios = scenarioFiles();
const scenario = scenarios.get('three-backorder-types')!;
const byHash = new Map([...scenarios.values()].map((s) => [scenarioHash(s), s]));
const at = new Date('2026-03-05T09:00:00Z');
const roleplays = [...roleplayFiles().values()];
const roleplaysByHash = new Map(roleplays.map((r) => [roleplayHash(r), r]));
let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`records-${++n}`)));

async function counts() {
  const db = database();
  return Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)),
  );
}

const ana = () =>
  makeBundle({
    profile: { id: 'p-ana', name: 'Ana Ruiz', team: 'North' },
    runs: [{ id: 'run-a1', scenario, at }],
    courseDoneOn: new Date('2026-03-04T09:00:00Z'),
  });

describe('importing a bundle', () => {
  it('adds the trainee with every record, verified', async () => {
    const outcome = await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    expect(outcome.status).toBe('imported');
    const [record] = await loadTraineeRecords();
    expect(record!.profile).toMatchObject({ name: 'Ana Ruiz', team: 'North' });
    expect(record!.imported).toBe(true);
    expect(record!.runs).toMatchObject([{ id: 'run-a1', flag: null }]);
    expect(record!.visits.length).toBeGreaterThan(5);
  });

  it('is idempotent: the same file twice, or a second file with the same records, adds nothing', async () => {
    const text = JSON.stringify(ana());
    await importBundle(text, 'ana.json', byHash);
    const before = await counts();
    const again = await importBundle(text, 'ana.json', byHash);
    expect(again.status).toBe('already-imported');
    expect(await counts()).toEqual(before);
    const reExported = { ...ana(), exportedAt: '2026-03-21T08:00:00.000Z' };
    const third = await importBundle(JSON.stringify(reExported), 'ana-2.json', byHash);
    expect(third.status === 'imported' && third.added).toEqual({});
    const after = await counts();
    expect({ ...after, imports: before.imports }).toEqual(before);
  });

  it('flags an edited score and keeps it out of trust', async () => {
    const bundle = ana();
    bundle.runs[0]!.score.total = 42;
    const outcome = await importBundle(JSON.stringify(bundle), 'edited.json', byHash);
    expect(outcome.status === 'imported' && outcome.verifications[0]!.flag).toBe('score-differs');
    const [record] = await loadTraineeRecords();
    expect(record!.runs[0]).toMatchObject({ flag: 'score-differs' });
  });

  it('rejects a bad file with reasons and changes nothing', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const before = await counts();
    const outcome = await importBundle(JSON.stringify(ana()).slice(0, 500), 'cut.json', byHash);
    expect(outcome.status).toBe('rejected');
    expect(await counts()).toEqual(before);
  });

  it('rejects, atomically, a bundle whose run id belongs to someone else', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const before = await counts();
    const ben = makeBundle({
      profile: { id: 'p-ben', name: 'Ben' },
      runs: [{ id: 'run-a1', scenario, at }],
      courseDoneOn: at,
    });
    const outcome = await importBundle(JSON.stringify(ben), 'ben.json', byHash);
    expect(outcome).toMatchObject({
      status: 'rejected',
      problems: [{ path: 'runs[0].id', message: expect.stringMatching(/another trainee/) }],
    });
    expect(await counts()).toEqual(before);
  });
});

describe('check attempts in a bundle', () => {
  const checks = new Map([[COURSE, courseChecks()]]);
  const outline: CourseOutline = {
    slug: COURSE,
    title: 'Course',
    href: '/',
    gating: false,
    refresherDays: 90,
    refresherQuestions: 8,
    modules: checks.get(COURSE)!.checks.map((c) => ({
      slug: c.module,
      title: c.moduleTitle,
      lessons: [],
      hasCheck: true,
    })),
  };

  it('are marked again from their answers: a pass with empty answers is flagged and does not count', async () => {
    const forged = ana();
    forged.checkAttempts[0]!.answers = {};
    const outcome = await importBundle(
      JSON.stringify(forged),
      'forged.json',
      byHash,
      undefined,
      undefined,
      checks,
    );
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    expect(outcome.checkVerifications.map((v) => v.flag)).toEqual([
      'not-earned',
      ...forged.checkAttempts.slice(1).map(() => null),
    ]);
    const [record] = await loadTraineeRecords();
    expect(record!.checks.filter((c) => c.flag)).toMatchObject([
      { module: forged.checkAttempts[0]!.module, passed: true, flag: 'not-earned' },
    ]);
    const course = traineeCourse(record!, outline, at);
    expect([course.checksPassed, course.checksTotal]).toEqual([
      outline.modules.length - 1,
      outline.modules.length,
    ]);
  });

  it('keep the questions each attempt drew; a pass its drawn questions do not earn is flagged', async () => {
    const bundle = ana();
    const check = checks.get(COURSE)!.checks[0]!;
    const drawn = planAttempt(check, 'ana', []);
    Object.assign(bundle.checkAttempts[0]!, {
      module: check.module,
      questions: drawn.drawn,
      checkHash: check.hash,
      // Right answers to questions it did not draw, wrong ones to those it did.
      answers: Object.fromEntries(
        check.questions
          .filter((q) => !drawn.drawn.some((d) => d.id === q.id))
          .map((q) => [q.id, rightAnswer(q)]),
      ),
    });
    const outcome = await importBundle(
      JSON.stringify(bundle),
      'drawn.json',
      byHash,
      undefined,
      undefined,
      checks,
    );
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    expect(outcome.checkVerifications[0]).toMatchObject({ flag: 'not-earned' });
    const stored = await database().checkAttempts.toArray();
    expect(stored.find((a) => a.module === check.module && a.questions)?.questions).toEqual(
      drawn.drawn,
    );
  });
});

describe("a later bundle reusing a trainee's profile id", () => {
  /** The reported attack: another name and team, the passing run re-sent later with a shorter log. */
  const hijack = () => {
    const honest = ana();
    const shorter = honest.runs[0]!.log.filter((e) => e.type !== 'notify-customer');
    const bundle = makeBundle({
      profile: { id: 'p-ana', name: 'Mallory', team: 'South' },
      runs: [{ id: 'run-a1', scenario, at, log: shorter }],
    });
    bundle.runs[0]!.updatedAt = '2026-03-30T09:00:00.000Z';
    return bundle;
  };

  it('leaves the finished run and the profile as they were, and reports both conflicts', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const [before] = await loadTraineeRecords();
    const stored = await database().runLogs.get('run-a1');
    const outcome = await importBundle(JSON.stringify(hijack()), 'mallory.json', byHash);
    expect(outcome).toMatchObject({
      status: 'imported',
      runConflicts: [{ runId: 'run-a1', reason: expect.stringMatching(/already ended here/) }],
      profileConflict: {
        profileId: 'p-ana',
        existing: { name: 'Ana Ruiz', team: 'North' },
        incoming: { name: 'Mallory', team: 'South' },
        fields: ['name', 'team'],
      },
    });
    const [after] = await loadTraineeRecords();
    expect(after!.profile).toMatchObject({ name: 'Ana Ruiz', team: 'North' });
    expect(after!.runs).toEqual(before!.runs);
    expect(await database().runLogs.get('run-a1')).toEqual(stored);
    expect(after!.profileConflicts).toMatchObject([
      { fileName: 'mallory.json', incoming: { name: 'Mallory', team: 'South' } },
    ]);
  });

  it('treats an identical re-import of a finished run as nothing new, with no conflict', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const again = { ...ana(), exportedAt: '2026-03-29T08:00:00.000Z' };
    again.runs[0]!.updatedAt = '2026-03-29T08:00:00.000Z';
    const outcome = await importBundle(JSON.stringify(again), 'ana-again.json', byHash);
    expect(outcome).toMatchObject({
      status: 'imported',
      added: {},
      runConflicts: [],
      profileConflict: null,
    });
  });

  it('lets the manager keep the stored profile or take the incoming name and team', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    await importBundle(JSON.stringify(hijack()), 'mallory.json', byHash);
    const [pending] = (await loadTraineeRecords())[0]!.profileConflicts!;
    await resolveProfileConflict(pending!.importId, 'keep');
    let [record] = await loadTraineeRecords();
    expect(record!.profile).toMatchObject({ name: 'Ana Ruiz', team: 'North' });
    expect(record!.profileConflicts).toEqual([]);

    const renamed = { ...hijack(), runs: [], exportedAt: '2026-03-31T08:00:00.000Z' };
    renamed.profile.team = undefined as unknown as string;
    const outcome = await importBundle(JSON.stringify(renamed), 'renamed.json', byHash);
    if (outcome.status !== 'imported' || !outcome.profileConflict) throw new Error('no conflict');
    [record] = await loadTraineeRecords();
    await resolveProfileConflict(record!.profileConflicts![0]!.importId, 'take');
    [record] = await loadTraineeRecords();
    expect(record!.profile.name).toBe('Mallory');
    expect(record!.profile.team).toBeUndefined();
    expect(record!.profileConflicts).toEqual([]);
  });

  it('carries a shift that was still open here to its later state', async () => {
    const open = ana();
    const full = open.runs[0]!;
    const partial = { ...full, status: 'running', log: full.log.slice(0, 3) } as Record<
      string,
      unknown
    >;
    delete partial.score;
    partial.updatedAt = '2026-03-05T09:05:00.000Z';
    await importBundle(JSON.stringify({ ...open, runs: [partial] }), 'open.json', byHash);
    const outcome = await importBundle(JSON.stringify(ana()), 'ended.json', byHash);
    expect(outcome).toMatchObject({ status: 'imported', runConflicts: [], added: { runs: 1 } });
    const [record] = await loadTraineeRecords();
    expect(record!.runs).toMatchObject([{ id: 'run-a1', status: 'ended', flag: null }]);
  });
});

describe('exporting', () => {
  it('exports a trainee made on this browser, and that bundle imports elsewhere verified', async () => {
    const profile = await createProfile('Cleo <b>Lane</b>', 'trainee');
    await markLessonCompleted(
      profile.id,
      'backorders-and-partial-shipments',
      '01-basics/01-what-is-a-backorder',
    );
    const log = personLog(scenario, 'Cleo');
    await startRun({
      id: 'local-run',
      profileId: profile.id,
      scenario: scenario.id,
      scenarioHash: scenarioHash(scenario),
      engineVersion: '1.0.0',
    });
    // Saved a step at a time, as the desk does, five seconds apart.
    for (const [seq, entry] of log.entries())
      await appendRunEntries('local-run', seq, [entry], at.getTime() + seq * 5_000);
    const scored = scoreLog(scenario, log);
    if (!scored.ok) throw new Error('no score');
    const { total, passed, competencies } = scored.score;
    await finishRun('local-run', 'ended', { total, passed, competencies });

    const bundle = await exportBundle(profile.id);
    expect(bundle.runs[0]!.actedAt).toEqual(log.map((_, seq) => at.getTime() + seq * 5_000));
    const text = JSON.stringify(bundle);
    useDatabase(new AcademyDatabase(`records-elsewhere-${n}`));
    const outcome = await importBundle(text, 'cleo.json', byHash);
    expect(outcome.status).toBe('imported');
    const [record] = await loadTraineeRecords();
    expect(record!.profile.name).toBe('Cleo <b>Lane</b>');
    expect(record!.runs).toMatchObject([{ id: 'local-run', flag: null, score: { total } }]);
    expect(record!.visits).toHaveLength(1);
  });
});

describe('data care', () => {
  it('deletes one trainee and leaves the others', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const ben = makeBundle({
      profile: { id: 'p-ben', name: 'Ben' },
      runs: [{ id: 'run-b1', scenario, at }],
    });
    await importBundle(JSON.stringify(ben), 'ben.json', byHash);
    await deleteTrainee('p-ana');
    const records = await loadTraineeRecords();
    expect(records.map((r) => r.profile.name)).toEqual(['Ben']);
    expect(await database().runLogs.get('run-a1')).toBeUndefined();
    // The import record went too, so the same file can bring Ana back.
    expect((await importBundle(JSON.stringify(ana()), 'ana.json', byHash)).status).toBe('imported');
  });

  it('keeps the attempt policy, best by default', async () => {
    expect(await attemptPolicy()).toBe('best');
    await setAttemptPolicy('last');
    expect(await attemptPolicy()).toBe('last');
  });
});

describe('backup and restore', () => {
  it('restores everything, replacing what was there, and re-verifies every run', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const local = await createProfile('Dee', 'manager');
    await setAttemptPolicy('first');
    const text = JSON.stringify(await backupAll());
    const before = await loadTraineeRecords();

    useDatabase(new AcademyDatabase(`records-restore-${n}`));
    await createProfile('Someone else', 'trainee');
    const outcome = await restoreBackup(text, 'backup.json', byHash);
    expect(outcome).toMatchObject({ status: 'restored', trainees: 2, runs: 1, flagged: 0 });
    const after = await loadTraineeRecords();
    expect(after.map((r) => [r.profile.name, r.imported, r.runs.length])).toEqual(
      before.map((r) => [r.profile.name, r.imported, r.runs.length]),
    );
    expect(after.find((r) => r.profile.id === local.id)?.imported).toBe(false);
    expect(await attemptPolicy()).toBe('first');
  });

  it('flags a run whose score was edited in the backup', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const backup = JSON.parse(JSON.stringify(await backupAll()));
    backup.bundles[0].runs[0].score.total = 1;
    expect(await restoreBackup(JSON.stringify(backup), 'b.json', byHash)).toMatchObject({
      flagged: 1,
    });
  });

  it('rejects a file that is not a backup and changes nothing', async () => {
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    const before = await counts();
    const outcome = await restoreBackup(JSON.stringify(ana()), 'ana.json', byHash);
    expect(outcome).toMatchObject({
      status: 'rejected',
      problems: [{ path: 'format', message: expect.stringMatching(/not a backup/) }],
    });
    expect(await counts()).toEqual(before);
  });
});

describe('role-play results in a bundle', () => {
  const dee = () =>
    makeBundle({
      profile: { id: 'p-dee', name: 'Dee Park' },
      roleplays: [
        { id: 'rp-honest', roleplay: roleplays[0]!, at },
        { id: 'rp-edited', roleplay: roleplays[1]!, at, percent: 3 },
      ],
    });

  it('replays each result on import: an edited score is flagged and never counts', async () => {
    const outcome = await importBundle(
      JSON.stringify(dee()),
      'dee.json',
      byHash,
      undefined,
      roleplaysByHash,
    );
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.roleplayVerifications.map((v) => [v.resultId, v.flag])).toEqual([
      ['rp-honest', null],
      ['rp-edited', 'score-differs'],
    ]);
    const [record] = await loadTraineeRecords();
    const byId = new Map(record!.roleplays.map((r) => [r.id, r]));
    expect(byId.get('rp-honest')!.flag).toBeNull();
    expect(byId.get('rp-edited')).toMatchObject({
      flag: 'score-differs',
      flagReason: expect.stringContaining('The result says 3 %'),
    });
    const honest = dee().roleplayResults[0]!.score.percent;
    expect(roleplayScore(record!, 'best')).toEqual({ attempts: 1, score: honest });
  });

  it('flags every result when the role-plays are not known here', async () => {
    const outcome = await importBundle(JSON.stringify(dee()), 'dee.json', byHash);
    expect(
      outcome.status === 'imported' && outcome.roleplayVerifications.map((v) => v.flag),
    ).toEqual(['unknown-roleplay', 'unknown-roleplay']);
  });
});

describe('imported trainees and the profile switcher', () => {
  it('leaves imported profiles out of the switcher, also after a backup is restored', async () => {
    await createProfile('Zoe Local', 'trainee');
    await importBundle(JSON.stringify(ana()), 'ana.json', byHash);
    expect((await listProfiles()).map((p) => p.name)).toEqual(['Zoe Local']);
    expect((await loadTraineeRecords()).map((r) => [r.profile.name, r.imported])).toEqual([
      ['Ana Ruiz', true],
      ['Zoe Local', false],
    ]);
    const backup = JSON.stringify(await backupAll());
    useDatabase(new AcademyDatabase(`records-${++n}`));
    expect((await restoreBackup(backup, 'backup.json', byHash)).status).toBe('restored');
    expect((await listProfiles()).map((p) => p.name)).toEqual(['Zoe Local']);
    expect((await loadTraineeRecords()).map((r) => r.profile.name)).toEqual([
      'Ana Ruiz',
      'Zoe Local',
    ]);
  });
});

describe('the certificate from an imported bundle', () => {
  const checks = new Map([[COURSE, courseChecks()]]);
  const shape = courseShape();
  const outline: CourseOutline = {
    slug: COURSE,
    title: 'Course',
    href: '/',
    gating: false,
    refresherDays: 90,
    refresherQuestions: 8,
    modules: [...new Set(shape.lessons.map((l) => l.split('/')[0]!))].map((module) => ({
      slug: module,
      title: module,
      lessons: shape.lessons
        .filter((l) => l.startsWith(`${module}/`))
        .map((key) => ({ key, title: key, href: '/', minutes: 5 })),
      hasCheck: shape.checks.includes(module),
    })),
  };
  const required = requiredScenarios(scenarios.values());
  const infos = required.map((s) => ({ ...s, competencies: s.competencies }));
  const day = (n: number) => new Date(Date.UTC(2026, 2, n, 9));

  async function certificateOf(bundle: ReturnType<typeof makeBundle>) {
    await importBundle(JSON.stringify(bundle), 'bundle.json', byHash, undefined, undefined, checks);
    const [record] = await loadTraineeRecords();
    return certificateStatus(record!, outline, infos, day(30));
  }

  it('is earned by an honest bundle, naming the evidence of each pass', async () => {
    const honest = makeBundle({
      profile: { id: 'p-honest', name: 'Hana' },
      courseDoneOn: day(3),
      runs: required.map((scenario, i) => ({ id: `h-${i}`, scenario, at: day(4 + i) })),
    });
    const status = await certificateOf(honest);
    expect(status.earned).toBe(true);
    if (status.earned)
      expect(status.passed.map((p) => p.evidence)).toEqual(required.map(() => 'replay-verified'));
  });

  it('is not earned by practice shifts: the coach stood beside the trainee', async () => {
    const practised = makeBundle({
      profile: { id: 'p-practice', name: 'Pia' },
      courseDoneOn: day(3),
      runs: required.map((scenario, i) => ({ id: `p-${i}`, scenario, at: day(4 + i) })),
    });
    for (const run of practised.runs) Object.assign(run, { mode: 'practice' });
    const status = await certificateOf(practised);
    expect(status.earned).toBe(false);
    if (!status.earned)
      expect(status.missing).toEqual(required.map((s) => `a pass in “${s.title}”`));
  });

  it('is not earned by the reported forgery: autopilot logs renamed, checks passed with empty answers', async () => {
    const forged = makeBundle({
      profile: { id: 'p-forger', name: 'Fay' },
      courseDoneOn: day(3),
      runs: required.map((scenario, i) => ({
        id: `f-${i}`,
        scenario,
        at: day(4 + i),
        log: runAutopilot(scenario).log.map((e) =>
          'by' in e && e.by === 'autopilot' ? { ...e, by: 'Fay' } : e,
        ),
      })),
    });
    for (const attempt of forged.checkAttempts) attempt.answers = {};
    const status = await certificateOf(forged);
    expect(status.earned).toBe(false);
    if (!status.earned) {
      expect(status.missing[0]).toMatch(/the course: \d+ of \d+ lessons, 0 of \d+ checks passed/);
      expect(status.missing.slice(1)).toEqual(required.map((s) => `a pass in “${s.title}”`));
    }
    const [record] = await loadTraineeRecords();
    expect(new Set(record!.runs.map((r) => [r.flag, r.evidence].join(' ')))).toEqual(
      new Set(['not-played-by-person self-reported']),
    );
  });
});
