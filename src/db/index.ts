/**
 * Queries and changes over the database, the only door to IndexedDB. Islands import this
 * module lazily (`await import('../../db')`) so pages that never save anything never load
 * Dexie.
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
} from './database';

export { ROLES, liveQuery };
export type { CheckAttempt, LessonFeedback, LessonVisit, Profile, Role };

const CURRENT_PROFILE = 'currentProfile';

/** Why storage cannot be used, in words for the page, or null when it works. */
export async function storageProblem(): Promise<string | null> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    await database().open();
    return null;
  } catch {
    return 'This browser is not letting the site save anything (private browsing or blocked storage). Lessons still work, but progress will not be kept.';
  }
}

/** A profile name is shown back as text; keep it to something a person would type. */
export function profileNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Enter a name.';
  if (trimmed.length > 60) return 'Keep the name to 60 characters or fewer.';
  return null;
}

export async function listProfiles(): Promise<Profile[]> {
  return database().profiles.orderBy('name').toArray();
}

/** Create a profile and make it the one in use. */
export async function createProfile(name: string, role: Role): Promise<Profile> {
  const problem = profileNameProblem(name);
  if (problem) throw new Error(problem);
  if (!ROLES.includes(role)) throw new Error(`Unknown role "${role}".`);
  const profile: Profile = {
    id: crypto.randomUUID(),
    name: name.trim(),
    role,
    createdAt: new Date(),
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

export async function markLessonOpened(
  profileId: string,
  course: string,
  lesson: string,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.lessonVisits, async () => {
    const visit = await db.lessonVisits.get([profileId, course, lesson]);
    if (!visit)
      await db.lessonVisits.put({ profileId, course, lesson, openedAt: new Date(), seconds: 0 });
  });
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
  const db = database();
  await db.transaction('rw', db.lessonVisits, async () => {
    const visit = await db.lessonVisits.get([profileId, course, lesson]);
    await db.lessonVisits.put(
      visit
        ? { ...visit, seconds: visit.seconds + add }
        : { profileId, course, lesson, openedAt: new Date(), seconds: add },
    );
  });
}

export async function markLessonCompleted(
  profileId: string,
  course: string,
  lesson: string,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.lessonVisits, async () => {
    const visit = await db.lessonVisits.get([profileId, course, lesson]);
    const now = new Date();
    if (visit?.completedAt) return;
    await db.lessonVisits.put(
      visit
        ? { ...visit, completedAt: now }
        : { profileId, course, lesson, openedAt: now, completedAt: now, seconds: 0 },
    );
  });
}

export async function recordCheckAttempt(
  attempt: Omit<CheckAttempt, 'id' | 'at'>,
): Promise<CheckAttempt> {
  const saved: CheckAttempt = { ...attempt, at: new Date() };
  saved.id = await database().checkAttempts.add(saved);
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
