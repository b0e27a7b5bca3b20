/**
 * One profile's progress in one course, live: islands of the course and lesson pages read
 * it through this class, which loads storage lazily and follows changes (a lesson marked
 * complete, a check passed, another profile chosen).
 */
import type { ProgressFacts } from '../../course/progress';
import type { Profile } from '../../db/database';
import { loadStorage, type SessionStatus } from '../profile/session.svelte';

export type Facts = ProgressFacts & { lastRefresher: Date | null };

export class CourseProgressStore {
  status = $state<SessionStatus>('loading');
  problem = $state<string | null>(null);
  profile = $state.raw<Profile | null>(null);
  facts = $state.raw<Facts | null>(null);

  constructor(readonly course: string) {}

  start(): () => void {
    let stopped = false;
    let stop: (() => void) | null = null;
    void (async () => {
      try {
        const db = await loadStorage();
        const problem = await db.storageProblem();
        if (stopped) return;
        if (problem) {
          this.problem = problem;
          this.status = 'unavailable';
          return;
        }
        const subscription = db.progressFacts$(this.course).subscribe({
          next: ({ profile, facts }) => {
            this.profile = profile;
            this.facts = facts;
            this.status = 'ready';
          },
          error: () => {
            this.problem = 'Saved progress could not be read in this browser.';
            this.status = 'unavailable';
          },
        });
        stop = () => subscription.unsubscribe();
        if (stopped) stop();
      } catch {
        if (stopped) return;
        this.problem =
          'Saving is not available in this browser. Lessons still work, but progress will not be kept.';
        this.status = 'unavailable';
      }
    })();
    return () => {
      stopped = true;
      stop?.();
    };
  }
}

/** Facts for a person with no saved progress. */
export function noProgress(): Facts {
  return {
    completedLessons: new Set(),
    openedLessons: new Set(),
    passedChecks: new Map(),
    completedAt: new Map(),
    lastRefresher: null,
  };
}
