/**
 * One profile's progress in one course, live: islands of the course and lesson pages read
 * it through this class, which loads storage lazily and follows changes (a lesson marked
 * complete, a check passed, another profile chosen).
 */
import type { ProgressFacts } from '../../course/progress';
import type { Profile } from '../../db/index';
import { watchStorage, type SessionStatus } from '../profile/session.svelte';

export type Facts = ProgressFacts & { lastRefresher: Date | null };

export class CourseProgressStore {
  status = $state<SessionStatus>('loading');
  problem = $state<string | null>(null);
  profile = $state.raw<Profile | null>(null);
  facts = $state.raw<Facts | null>(null);

  constructor(readonly course: string) {}

  start(): () => void {
    return watchStorage(
      async (db) => {
        const profile = await db.currentProfile();
        return { profile, facts: profile ? await db.progressFacts(profile.id, this.course) : null };
      },
      {
        value: ({ profile, facts }) => {
          this.profile = profile;
          this.facts = facts;
          this.status = 'ready';
        },
        problem: (message) => {
          this.problem = message;
          this.status = 'unavailable';
        },
      },
    );
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
