/**
 * Course progress from what a profile has done: which lessons are complete, which checks
 * passed, where to continue, whether a module is open (gating) and when a refresher is due.
 * Pure functions over plain records, so the course page, the lesson page and the tests
 * agree; storage lives in src/db/.
 */
import type { CourseOutline, LessonRef, ModuleRef } from './outline';

export interface ProgressFacts {
  /** Lesson keys (`01-basics/02-three-types`) the profile has completed. */
  completedLessons: ReadonlySet<string>;
  /** Lesson keys the profile has opened. */
  openedLessons: ReadonlySet<string>;
  /** Module slugs whose check the profile has passed, with the first time it passed. */
  passedChecks: ReadonlyMap<string, Date>;
  /** When each lesson was completed, to date the course's completion. */
  completedAt: ReadonlyMap<string, Date>;
}

export interface CourseProgress {
  lessonsDone: number;
  lessonsTotal: number;
  checksPassed: number;
  checksTotal: number;
  /** Lessons and checks together, 0 to 100. */
  percent: number;
  /** Where "continue" goes: the first lesson not completed in an open module, or null when all done. */
  next: LessonRef | null;
  /** Every lesson completed and every check passed. */
  complete: boolean;
  /** When the last lesson or check needed for completion was done. */
  completedOn: Date | null;
}

/**
 * Whether a module is open. With gating, a module opens once the check of the nearest
 * earlier module that has a check is passed; modules without a check never hold others back.
 */
export function isModuleOpen(
  outline: CourseOutline,
  moduleSlug: string,
  passed: ReadonlyMap<string, Date>,
): boolean {
  if (!outline.gating) return true;
  const index = outline.modules.findIndex((m) => m.slug === moduleSlug);
  for (let i = index - 1; i >= 0; i--) {
    const previous = outline.modules[i]!;
    if (previous.hasCheck) return passed.has(previous.slug);
  }
  return true;
}

/** The module that must be passed before `moduleSlug` opens, if it is locked. */
export function lockedBy(
  outline: CourseOutline,
  moduleSlug: string,
  passed: ReadonlyMap<string, Date>,
): ModuleRef | null {
  if (isModuleOpen(outline, moduleSlug, passed)) return null;
  const index = outline.modules.findIndex((m) => m.slug === moduleSlug);
  for (let i = index - 1; i >= 0; i--) if (outline.modules[i]!.hasCheck) return outline.modules[i]!;
  return null;
}

export function courseProgress(outline: CourseOutline, facts: ProgressFacts): CourseProgress {
  const lessons = outline.modules.flatMap((m) => m.lessons);
  const checks = outline.modules.filter((m) => m.hasCheck);
  const lessonsDone = lessons.filter((l) => facts.completedLessons.has(l.key)).length;
  const checksPassed = checks.filter((m) => facts.passedChecks.has(m.slug)).length;
  const total = lessons.length + checks.length;
  const complete = total > 0 && lessonsDone === lessons.length && checksPassed === checks.length;
  let next: LessonRef | null = null;
  for (const module of outline.modules) {
    if (!isModuleOpen(outline, module.slug, facts.passedChecks)) break;
    next = module.lessons.find((l) => !facts.completedLessons.has(l.key)) ?? null;
    if (next) break;
  }
  let completedOn: Date | null = null;
  if (complete) {
    const dates = [
      ...lessons.map((l) => facts.completedAt.get(l.key)),
      ...checks.map((m) => facts.passedChecks.get(m.slug)),
    ].filter((d): d is Date => d instanceof Date);
    completedOn = dates.length > 0 ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
  }
  return {
    lessonsDone,
    lessonsTotal: lessons.length,
    checksPassed,
    checksTotal: checks.length,
    percent: total === 0 ? 0 : Math.round(((lessonsDone + checksPassed) / total) * 100),
    next,
    complete,
    completedOn,
  };
}

const DAY = 24 * 60 * 60 * 1000;

/** When a refresher is due after completing the course, and whether that day has come. */
export function refresherDue(
  completedOn: Date,
  refresherDays: number,
  lastRefresher: Date | null,
  now: Date,
): { dueOn: Date; due: boolean } {
  const from = lastRefresher && lastRefresher > completedOn ? lastRefresher : completedOn;
  const dueOn = new Date(from.getTime() + refresherDays * DAY);
  return { dueOn, due: now >= dueOn };
}
