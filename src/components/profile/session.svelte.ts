/**
 * The profile in use, shared by every island on a page. Storage (Dexie) is imported only
 * when an island starts a session, never with the page, so a lesson ships no database code
 * until it needs it. Islands are separate Svelte roots but share this module, and Dexie's
 * live queries keep them (and other tabs) in step when the profile changes.
 */
import type { Profile } from '../../db/database';

type Storage = typeof import('../../db/index');

let storage: Promise<Storage> | null = null;

/** The storage module, loaded once on first use. */
export function loadStorage(): Promise<Storage> {
  storage ??= import('../../db/index');
  return storage;
}

export type SessionStatus = 'loading' | 'ready' | 'unavailable';

export class ProfileSession {
  status = $state<SessionStatus>('loading');
  /** Why storage cannot be used, when it cannot. */
  problem = $state<string | null>(null);
  profile = $state.raw<Profile | null>(null);
  profiles = $state.raw<Profile[]>([]);
  #stop: (() => void) | null = null;

  /** Start watching the profile; returns a function that stops. Safe to call from `$effect`. */
  start(): () => void {
    let stopped = false;
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
        const subscription = db
          .liveQuery(async () => ({
            profile: await db.currentProfile(),
            profiles: await db.listProfiles(),
          }))
          .subscribe({
            next: ({ profile, profiles }) => {
              this.profile = profile;
              this.profiles = profiles;
              this.status = 'ready';
            },
            error: () => {
              this.problem = 'Saved progress could not be read in this browser.';
              this.status = 'unavailable';
            },
          });
        this.#stop = () => subscription.unsubscribe();
        if (stopped) this.#stop();
      } catch {
        if (stopped) return;
        this.problem =
          'Saving is not available in this browser. Lessons still work, but progress will not be kept.';
        this.status = 'unavailable';
      }
    })();
    return () => {
      stopped = true;
      this.#stop?.();
    };
  }
}

/** Words for a role. */
export const ROLE_LABELS = { trainee: 'Trainee', trainer: 'Trainer', manager: 'Manager' } as const;
