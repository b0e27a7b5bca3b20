/**
 * What verification can say about a run, in a module of its own so the dashboard's first
 * screen can name flags without loading the engine (src/records/verify.ts does the work).
 */

export const RUN_FLAGS = [
  'score-differs',
  'does-not-replay',
  'unknown-scenario',
  'not-played-by-person',
] as const;
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
  'not-played-by-person': 'Not played by a person',
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
  /**
   * How many trainer overrides came with the file without this browser holding the same
   * override for the result: shown as self-reported (src/records/verify-roleplay.ts).
   */
  selfReportedOverrides?: number;
  /** The score that counts when those overrides would have raised it: the steps without them. */
  counted?: RoleplayScore;
}

/** A role-play result's score as stored (src/roleplay/record.ts `ScoreRecord`). */
export interface RoleplayScore {
  total: number;
  max: number;
  percent: number;
  ending: string;
  rubric: Record<string, number>;
}

export const ROLEPLAY_FLAG_LABELS: Record<RoleplayFlag, string> = {
  'score-differs': 'Score differs from the steps',
  'does-not-replay': 'Steps do not fit the role-play',
  'unknown-roleplay': 'Role-play version unknown',
};

/** What re-marking a check attempt's answers can say (src/records/verify-check.ts). */
export const CHECK_FLAGS = ['not-earned', 'unknown-check'] as const;
export type CheckFlag = (typeof CHECK_FLAGS)[number];

export const CHECK_FLAG_LABELS: Record<CheckFlag, string> = {
  'not-earned': 'Answers do not earn the result',
  'unknown-check': 'Check unknown here',
};

/** What re-marking one attempt found, kept with the import record. */
export interface CheckVerification {
  /** `course module at-in-ms`: an attempt's identity, as the import matches them. */
  key: string;
  /** Null when the answers earn what the attempt claims. */
  flag: CheckFlag | null;
  reason: string;
}

/** The attempt's identity: the same course, module and moment is the same attempt. */
export function checkAttemptKey(attempt: { course: string; module: string; at: Date }): string {
  return `${attempt.course} ${attempt.module} ${attempt.at.getTime()}`;
}

/**
 * How a run or role-play was played, for the manager: a practice run had the coach's
 * help and never counts towards the certificate. Records from before modes existed were
 * played without a coach, so they read as assessments.
 */
export const MODE_LABELS = {
  practice: 'Practice (coached)',
  assessment: 'Assessment',
  live: 'Live session',
} as const;

export function modeLabel(mode: keyof typeof MODE_LABELS | undefined): string {
  return MODE_LABELS[mode ?? 'assessment'];
}
