/**
 * The profile in use, shared by every island on a page. Storage (Dexie) is imported only
 * when an island starts a session, never with the page, so a lesson ships no database code
 * until it needs it. Islands are separate Svelte roots but share this module, and Dexie's
 * live queries keep them (and other tabs) in step when the profile changes.
 */
import type { Profile } from '../../db/index';

type Storage = typeof import('../../db/index');

let storage: Promise<Storage> | null = null;

/** The storage module, loaded once on first use. */
export function loadStorage(): Promise<Storage> {
  storage ??= import('../../db/index');
  return storage;
}

export type SessionStatus = 'loading' | 'ready' | 'unavailable';

const BLOCKED =
  'Saving is not available in this browser. Lessons still work, but progress will not be kept.';

/**
 * Follow a live query over storage: `value` gets each result as it changes, `problem` a
 * sentence for the page when this browser cannot save (private mode, blocked storage).
 * Returns a function that stops following; safe to return from `$effect`.
 */
export function watchStorage<T>(
  query: (db: Storage) => Promise<T>,
  on: { value: (value: T) => void; problem: (message: string) => void },
): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  void (async () => {
    try {
      const db = await loadStorage();
      const problem = await db.storageProblem();
      if (stopped) return;
      if (problem) return on.problem(problem);
      const subscription = db
        .liveQuery(() => query(db))
        .subscribe({
          next: (value) => on.value(value),
          error: () => on.problem('Saved progress could not be read in this browser.'),
        });
      unsubscribe = () => subscription.unsubscribe();
      if (stopped) unsubscribe();
    } catch {
      if (!stopped) on.problem(BLOCKED);
    }
  })();
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}

export class ProfileSession {
  status = $state<SessionStatus>('loading');
  /** Why storage cannot be used, when it cannot. */
  problem = $state<string | null>(null);
  profile = $state.raw<Profile | null>(null);
  profiles = $state.raw<Profile[]>([]);
  /** Set when this browser will not let the site save and everything is kept in memory: the banner's words. */
  memoryNotice = $state<string | null>(null);

  /** Start following the profile in use; returns a function that stops. */
  start(): () => void {
    return watchStorage(
      async (db) => ({
        profile: await db.currentProfile(),
        profiles: await db.listProfiles(),
        memoryNotice: db.keptInMemory() ? db.MEMORY_NOTICE : null,
      }),
      {
        value: ({ profile, profiles, memoryNotice }) => {
          this.profile = profile;
          this.profiles = profiles;
          this.memoryNotice = memoryNotice;
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

/** Words for a role. */
export const ROLE_LABELS = { trainee: 'Trainee', trainer: 'Trainer', manager: 'Manager' } as const;
