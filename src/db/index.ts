/**
 * Queries and changes over the database, the only door to IndexedDB: islands reach storage
 * through this module and no other (tests/unit/architecture.test.ts holds them to it). They
 * import it lazily (`await import('../../db')`) so pages that never save anything never load
 * Dexie. The manager's records come through the same door a step later
 * (`loadRecordStorage`), because verifying a bundle brings the whole engine with it.
 */
import { liveQuery } from 'dexie';
import type { ProgressFacts } from '../course/progress';
import {
  ROLES,
  database,
  type CheckAttempt,
  type LessonFeedback,
  type LessonVisit,
  type Profile,
  type Role,
  type Run,
} from './database';
import { keptInMemory, useMemory } from './memory';
import { refreshRunDigests } from './run-digests';
import { timedRunLog } from './run-log';
import { mirrorRecord, notifyOutbox } from './outbox';
import {
  checkAttemptStatements,
  lessonCompleted,
  lessonExperienced,
  runAttempted,
  runVerdict,
  type CheckContent,
  type Statement,
  type Who,
} from '../xapi';

export { ROLES, keptInMemory, liveQuery };
export { MEMORY_NOTICE } from './memory';
export type { CheckAttempt, LessonFeedback, LessonVisit, Profile, Role, Run };
export type { Assessment, CustomContent, RoleplayResult, ShiftMode } from './database';
export * from './profiles';
export * from './roleplays';
export * from './trainer';
export type { ImportOutcome, RestoreOutcome } from './records';
export type { LrsConfig, OutboxStatus } from './outbox';

/**
 * Bundles, backups and the manager dashboard's read of every trainee (`./records`), loaded
 * on first use: they replay and rescore runs, so they bring the engine, which a page that
 * only keeps a profile or a lesson's progress should not download.
 */
export const loadRecordStorage = () => import('./records');

/** The LRS settings, the outbox's counts and sending (issue 15). */
export const loadLrsStorage = () => import('./outbox-admin');

// Pages that keep records also send what an earlier visit left queued (nothing without an LRS).
if (typeof window !== 'undefined')
  void import('./outbox-triggers').then((m) => m.startOutboxTriggers());

const CURRENT_PROFILE = 'currentProfile';

/**
 * Why storage cannot be used, in words for the page, or null when it works. When the
 * browser's IndexedDB is missing or refuses to open (private browsing, blocked storage),
 * the database moves into memory (./memory.ts) and works until the page goes:
 * `keptInMemory()` then says so, for the banner that nothing will be kept.
 */
export async function storageProblem(): Promise<string | null> {
  try {
    if (!keptInMemory()) {
      if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
      await database().open();
    }
    return null;
  } catch {
    try {
      await useMemory();
      return null;
    } catch {
      return 'This browser is not letting the site save anything (private browsing or blocked storage). Lessons still work, but progress will not be kept.';
    }
  }
}

/** A profile name is shown back as text; keep it to something a person would type. */
export function profileNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Enter a name.';
  if (trimmed.length > 60) return 'Keep the name to 60 characters or fewer.';
  return null;
}

/**
 * The people using this browser, by name: the profiles to switch between. Profiles of
 * trainees imported from other devices are left out; the manager dashboard lists those.
 */
export async function listProfiles(): Promise<Profile[]> {
  return database()
    .profiles.orderBy('name')
    .filter((profile) => !profile.imported)
    .toArray();
}

/** Create a profile and make it the one in use; `team` is optional (the manager's filters use it). */
export async function createProfile(name: string, role: Role, team = ''): Promise<Profile> {
  const problem = profileNameProblem(name);
  if (problem) throw new Error(problem);
  if (!ROLES.includes(role)) throw new Error(`Unknown role "${role}".`);
  const profile: Profile = {
    id: crypto.randomUUID(),
    name: name.trim(),
    role,
    createdAt: new Date(),
    ...(team.trim() ? { team: team.trim().slice(0, 60) } : {}),
  };
  const db = database();
  await db.transaction('rw', db.profiles, db.settings, async () => {
    await db.profiles.add(profile);
    await db.settings.put({ key: CURRENT_PROFILE, value: profile.id });
  });
  return profile;
}

export async function switchProfile(id: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.profiles, db.settings, async () => {
    if (!(await db.profiles.get(id))) throw new Error('That profile no longer exists.');
    await db.settings.put({ key: CURRENT_PROFILE, value: id });
  });
}

export async function currentProfile(): Promise<Profile | null> {
  const db = database();
  const setting = await db.settings.get(CURRENT_PROFILE);
  return setting ? ((await db.profiles.get(setting.value)) ?? null) : null;
}

/**
 * Change one profile's visit to one lesson in a transaction: `change` gets the stored visit
 * (or a new one opened now) and returns what to store, or null to leave it as it is.
 */
async function updateVisit(
  profileId: string,
  course: string,
  lesson: string,
  change: (visit: LessonVisit, isNew: boolean) => LessonVisit | null,
  statement?: (visit: LessonVisit, who: Who) => Statement | null,
): Promise<void> {
  const db = database();
  const tables = [db.lessonVisits, db.profiles, db.settings, db.outbox];
  const queued = await db.transaction('rw', tables, async () => {
    const stored = await db.lessonVisits.get([profileId, course, lesson]);
    const visit = stored ?? { profileId, course, lesson, openedAt: new Date(), seconds: 0 };
    const next = change(visit, !stored);
    if (!next) return 0;
    await db.lessonVisits.put(next);
    return statement ? mirrorRecord(db, profileId, (who) => [statement(next, who)]) : 0;
  });
  notifyOutbox(queued);
}

export async function markLessonOpened(
  profileId: string,
  course: string,
  lesson: string,
): Promise<void> {
  await updateVisit(
    profileId,
    course,
    lesson,
    (visit, isNew) => (isNew ? visit : null),
    (visit, who) => lessonExperienced(who, visit),
  );
}

/** Add reading time; whole seconds, never negative. */
export async function addLessonTime(
  profileId: string,
  course: string,
  lesson: string,
  seconds: number,
): Promise<void> {
  const add = Math.max(0, Math.round(seconds));
  if (add === 0) return;
  await updateVisit(profileId, course, lesson, (visit) => ({
    ...visit,
    seconds: visit.seconds + add,
  }));
}

export async function markLessonCompleted(
  profileId: string,
  course: string,
  lesson: string,
): Promise<void> {
  await updateVisit(
    profileId,
    course,
    lesson,
    (visit) => (visit.completedAt ? null : { ...visit, completedAt: new Date() }),
    (visit, who) =>
      visit.completedAt ? lessonCompleted(who, { ...visit, completedAt: visit.completedAt }) : null,
  );
}

/**
 * Keep an attempt at a check. `content` (the questions asked, and when the check was
 * started) is what its xAPI statements need; without it no statement is queued.
 */
export async function recordCheckAttempt(
  attempt: Omit<CheckAttempt, 'id' | 'at'>,
  content?: CheckContent,
): Promise<CheckAttempt> {
  const saved: CheckAttempt = { ...attempt, at: new Date() };
  const db = database();
  const tables = [db.checkAttempts, db.profiles, db.settings, db.outbox];
  const queued = await db.transaction('rw', tables, async () => {
    saved.id = await db.checkAttempts.add(saved);
    return content
      ? mirrorRecord(db, saved.profileId, (who) => checkAttemptStatements(who, saved, content))
      : 0;
  });
  notifyOutbox(queued);
  return saved;
}

export async function attemptsFor(profileId: string, course: string): Promise<CheckAttempt[]> {
  return database()
    .checkAttempts.where('[profileId+course]')
    .equals([profileId, course])
    .sortBy('at');
}

export async function visitsFor(profileId: string, course: string): Promise<LessonVisit[]> {
  return database().lessonVisits.where('[profileId+course]').equals([profileId, course]).toArray();
}

/** Everything progress is computed from, for one profile and course. */
export async function progressFacts(
  profileId: string,
  course: string,
): Promise<ProgressFacts & { lastRefresher: Date | null }> {
  const [visits, attempts] = await Promise.all([
    visitsFor(profileId, course),
    attemptsFor(profileId, course),
  ]);
  const passedChecks = new Map<string, Date>();
  let lastRefresher: Date | null = null;
  for (const attempt of attempts) {
    if (!attempt.passed) continue;
    if (attempt.module === 'refresher') lastRefresher = attempt.at;
    else if (!passedChecks.has(attempt.module)) passedChecks.set(attempt.module, attempt.at);
  }
  return {
    openedLessons: new Set(visits.map((v) => v.lesson)),
    completedLessons: new Set(visits.filter((v) => v.completedAt).map((v) => v.lesson)),
    completedAt: new Map(
      visits.filter((v) => v.completedAt).map((v) => [v.lesson, v.completedAt!]),
    ),
    passedChecks,
    lastRefresher,
  };
}

export async function saveLessonFeedback(
  feedback: Omit<LessonFeedback, 'id' | 'at'>,
): Promise<void> {
  const change = feedback.change.trim().slice(0, 2000);
  await database().feedback.add({ ...feedback, change, at: new Date() });
}

export async function feedbackFor(course: string): Promise<LessonFeedback[]> {
  return database().feedback.where('course').equals(course).sortBy('at');
}

/** Start a run of a scenario for a profile; `witnessedBy` names the trainer of a live session. */
export async function startRun(run: Omit<Run, 'startedAt' | 'updatedAt' | 'status'>): Promise<Run> {
  const now = new Date();
  const saved: Run = { ...run, startedAt: now, updatedAt: now, status: 'running' };
  const db = database();
  const queued = await db.transaction(
    'rw',
    [db.runs, db.runDigests, db.profiles, db.settings, db.outbox],
    async () => {
      await db.runs.add(saved);
      await refreshRunDigests(db, [saved.profileId]);
      return mirrorRecord(db, saved.profileId, (who) => [runAttempted(who, saved)]);
    },
  );
  notifyOutbox(queued);
  return saved;
}

/**
 * The stored run is ahead of the tab appending to it: another tab saved steps to it, ended
 * or abandoned it. Nothing was written; the tab should reload that run.
 */
export class RunMovedOn extends Error {
  constructor(
    readonly runId: string,
    detail: string,
  ) {
    super(`Run ${runId} ${detail} on this browser; another tab moved it on.`);
    this.name = 'RunMovedOn';
  }
}

/**
 * Append log entries to a run, in one transaction: either all are kept or none. The screen
 * updates only after this resolves, so a reload resumes exactly what was saved. Each entry
 * is stamped with `actedAt`, the wall-clock moment of the step (now, by default).
 */
export async function appendRunEntries(
  runId: string,
  from: number,
  entries: readonly unknown[],
  actedAt = Date.now(),
): Promise<void> {
  const db = database();
  // Each step at the desk waits for this write, so requests that do not depend on each other
  // go out together: two round trips to the database instead of four.
  await db.transaction('rw', db.runs, db.runEntries, async () => {
    const [run, count] = await Promise.all([
      db.runs.get(runId),
      db.runEntries.where('[runId+seq]').between([runId, 0], [runId, Infinity]).count(),
    ]);
    if (!run || run.status !== 'running') throw new RunMovedOn(runId, 'is no longer open');
    if (count !== from) throw new RunMovedOn(runId, `has ${count} saved steps, not ${from}`);
    await Promise.all([
      db.runEntries.bulkAdd(entries.map((entry, i) => ({ runId, seq: from + i, entry, actedAt }))),
      // Not copied to the run's digest on every step: that would slow each action at the desk.
      // The digest catches up when the run ends or is abandoned. The run was read above in
      // this transaction, so it is written back whole: an update would read it again first.
      db.runs.put({ ...run, updatedAt: new Date() }),
    ]);
  });
}

export { runLog } from './run-log';

export async function finishRun(
  runId: string,
  status: 'ended' | 'abandoned',
  score?: Run['score'],
): Promise<void> {
  const db = database();
  const queued = await db.transaction(
    'rw',
    [db.runs, db.runDigests, db.runEntries, db.runLogs, db.profiles, db.settings, db.outbox],
    async () => {
      const run = await db.runs.get(runId);
      if (!run) return 0;
      const changes = { status, updatedAt: new Date(), ...(score ? { score } : {}) };
      await db.runs.update(runId, changes);
      await refreshRunDigests(db, [run.profileId]);
      // The verdict carries the whole run, log included, for a manager reading the LRS.
      return mirrorRecord(db, run.profileId, async (who) => [
        runVerdict(who, { ...run, ...changes }, await timedRunLog(runId)),
      ]);
    },
  );
  notifyOutbox(queued);
}

/** A profile's runs of a scenario, newest first. */
export async function runsOf(profileId: string, scenario: string): Promise<Run[]> {
  const runs = await database()
    .runs.where('[profileId+scenario]')
    .equals([profileId, scenario])
    .sortBy('startedAt');
  return runs.reverse();
}
