/**
 * What verification can say about a run, in a module of its own so the dashboard's first
 * screen can name flags without loading the engine (src/records/verify.ts does the work).
 */

export const RUN_FLAGS = ['score-differs', 'does-not-replay', 'unknown-scenario'] as const;
export type RunFlag = (typeof RUN_FLAGS)[number];

/** What verification found for one run, kept with the import record. */
export interface RunVerification {
  runId: string;
  /** Null when the run replays and its stored score (if any) is the recomputed one. */
  flag: RunFlag | null;
  /** In words, for the dashboard. */
  reason: string;
  /** The score this engine gives the log, when it replays and the shift ended. */
  recomputed?: { total: number; passed: boolean; competencies: Record<string, number> };
}

export const FLAG_LABELS: Record<RunFlag, string> = {
  'score-differs': 'Score differs from the replay',
  'does-not-replay': 'Log does not replay',
  'unknown-scenario': 'Scenario version unknown',
};

/** What verification can say about a role-play result (src/records/verify-roleplay.ts). */
export const ROLEPLAY_FLAGS = ['score-differs', 'does-not-replay', 'unknown-roleplay'] as const;
export type RoleplayFlag = (typeof ROLEPLAY_FLAGS)[number];

/** What replaying one role-play result's steps found, kept with the import record. */
export interface RoleplayVerification {
  resultId: string;
  /** Null when the steps replay and the stored score (if any) is the recomputed one. */
  flag: RoleplayFlag | null;
  reason: string;
}

export const ROLEPLAY_FLAG_LABELS: Record<RoleplayFlag, string> = {
  'score-differs': 'Score differs from the steps',
  'does-not-replay': 'Steps do not fit the role-play',
  'unknown-roleplay': 'Role-play version unknown',
};
