/**
 * The progress bundle (issue 6): one trainee's records as a versioned JSON file, carried
 * from the device they trained on to a manager's browser. One zod schema is the single
 * source of truth; the types come from it.
 *
 * A bundle comes from outside and may be edited or hostile, so every string is bounded,
 * every id is a plain token, and every date is checked.
 */
import { z } from 'zod';
import { COMPETENCIES } from '../engine/competencies';

import { BUNDLE_FORMAT, BUNDLE_VERSION } from './formats';

export { BUNDLE_FORMAT, BUNDLE_VERSION };

export { MAX_BUNDLE_BYTES } from './limits';
export const MAX_RUNS = 20_000;
export const MAX_LOG_ENTRIES = 20_000;
const MAX_ROWS = 50_000;
/** Longest string anywhere in a bundle (parse.ts checks every string, also inside logs). */
export const MAX_TEXT = 5_000;

/** An id as the app makes them (UUIDs, slugs, `01-basics/02-three-types`). */
const token = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be 200 characters or fewer')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'must be letters, digits and . _ : / - only');

const text = (max = MAX_TEXT) => z.string().max(max, `must be ${max} characters or fewer`);

/** An ISO 8601 date-time as JSON writes a Date; read back as a Date. */
const date = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-03-02T09:00:00Z' })
  .transform((value) => new Date(value));

/** A record of bounded size (prototype keys are refused before zod sees the data: see parse.ts). */
function safeRecord<T extends z.ZodTypeAny>(value: T) {
  return z
    .record(z.string().max(200), value)
    .refine((record) => Object.keys(record).length <= 500, 'must have 500 keys or fewer');
}

const competencyScores = safeRecord(z.number().min(0).max(100));

export const bundleProfileSchema = z.object({
  /** Stable across devices: the id the trainee's browser gave the profile. */
  id: token,
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be 60 characters or fewer'),
  role: z.enum(['trainee', 'trainer', 'manager']),
  /** Optional team, e.g. `North warehouse`. */
  team: text(60).optional(),
  createdAt: date,
});

export const bundleLessonVisitSchema = z.object({
  course: token,
  lesson: token,
  openedAt: date,
  completedAt: date.optional(),
  seconds: z.number().int().min(0).max(10_000_000),
});

export const bundleCheckAttemptSchema = z.object({
  course: token,
  module: token,
  at: date,
  /** The answers as given; any JSON, bounded by the file checks in parse.ts. */
  answers: safeRecord(z.unknown()),
  score: z.number().min(0).max(1),
  passed: z.boolean(),
  /** The questions the attempt drew, with the order their choices were shown (issue 14). */
  questions: z
    .array(z.object({ id: token, order: z.array(token).max(20) }))
    .max(100)
    .optional(),
  /** SHA-256 of the check's content when the attempt was made. */
  checkHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')
    .optional(),
});

export const bundleRunSchema = z.object({
  id: token,
  scenario: token,
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
  engineVersion: text(40),
  startedAt: date,
  updatedAt: date,
  status: z.enum(['running', 'ended', 'abandoned']),
  /** Practice (with the coach) or assessment; absent on runs from before modes existed. */
  mode: z.enum(['practice', 'assessment']).optional(),
  score: z
    .object({
      total: z.number().min(0).max(100),
      passed: z.boolean(),
      competencies: competencyScores,
    })
    .optional(),
  /** The run's full log; each entry is checked when the run is replayed, not here. */
  log: z.array(z.unknown()).max(MAX_LOG_ENTRIES, `must have ${MAX_LOG_ENTRIES} entries or fewer`),
  /**
   * When the desk saved each log entry, epoch milliseconds, one per entry (null where none
   * was kept); absent on runs made before times were kept. Judged by src/records/timing.ts.
   */
  actedAt: z
    .array(
      z
        .number()
        .int('must be whole milliseconds')
        .min(0, 'must not be before 1970')
        .max(8.64e15, 'must be a real date')
        .nullable(),
    )
    .max(MAX_LOG_ENTRIES, `must have ${MAX_LOG_ENTRIES} entries or fewer`)
    .optional(),
});

export const bundleRoleplaySchema = z.object({
  id: token,
  roleplay: token,
  roleplayHash: text(100),
  mode: z.enum(['practice', 'assessment', 'live']),
  startedAt: date,
  updatedAt: date,
  status: z.enum(['running', 'ended', 'abandoned']),
  steps: z.array(z.unknown()).max(2_000),
  /**
   * A trainer's overrides of the matcher (src/roleplay/overrides.ts): applied on replay, but
   * only those this browser holds too may raise the score that counts (verify-roleplay.ts).
   */
  overrides: z.array(z.unknown()).max(2_000).optional(),
  score: z
    .object({
      total: z.number(),
      max: z.number(),
      percent: z.number().min(0).max(100),
      ending: text(200),
      rubric: safeRecord(z.number()),
    })
    .optional(),
});

export const bundleAssessmentSchema = z.object({
  id: token,
  trainerName: text(60),
  at: date,
  subject: z.object({ kind: z.enum(['roleplay', 'run', 'live-roleplay']), id: token }),
  rubric: safeRecord(z.boolean()),
  notes: text(),
});

export const bundleSchema = z
  .object({
    /** Always `backorder-academy-progress`: tells a bundle from any other JSON file. */
    format: z.literal(BUNDLE_FORMAT, {
      errorMap: () => ({ message: `must be "${BUNDLE_FORMAT}"` }),
    }),
    /** The bundle format's version; this app reads version 1. */
    version: z.literal(BUNDLE_VERSION, {
      errorMap: () => ({ message: `must be ${BUNDLE_VERSION} (this app reads version 1)` }),
    }),
    exportedAt: date,
    /** The engine version of the exporting app. */
    engineVersion: text(40),
    profile: bundleProfileSchema,
    lessonVisits: z.array(bundleLessonVisitSchema).max(MAX_ROWS),
    checkAttempts: z.array(bundleCheckAttemptSchema).max(MAX_ROWS),
    runs: z.array(bundleRunSchema).max(MAX_RUNS, `must have ${MAX_RUNS} runs or fewer`),
    roleplayResults: z.array(bundleRoleplaySchema).max(MAX_ROWS).default([]),
    assessments: z.array(bundleAssessmentSchema).max(MAX_ROWS).default([]),
    /** Each scenario the runs were played on, with its content hash. */
    scenarios: z
      .array(z.object({ id: token, hash: z.string().regex(/^[0-9a-f]{64}$/) }))
      .max(1_000),
  })
  .superRefine((bundle, ctx) => {
    const unique = (list: { id: string }[], field: string) => {
      const seen = new Set<string>();
      list.forEach((item, index) => {
        if (seen.has(item.id))
          ctx.addIssue({
            code: 'custom',
            path: [field, index, 'id'],
            message: `duplicate id "${item.id}"`,
          });
        seen.add(item.id);
      });
    };
    unique(bundle.runs, 'runs');
    unique(bundle.roleplayResults, 'roleplayResults');
    unique(bundle.assessments, 'assessments');
  });

export type Bundle = z.infer<typeof bundleSchema>;
export type BundleRun = z.infer<typeof bundleRunSchema>;
export type BundleInput = z.input<typeof bundleSchema>;
export type BundleRoleplayResult = z.infer<typeof bundleRoleplaySchema>;

/*
 * The rows src/db/database.ts stores, derived from the bundle's records: a bundle row plus
 * the profile it belongs to. Each shape is written once, here, so a bundle, the database and
 * the verifiers cannot drift apart.
 */
type Owned<T> = T & { profileId: string };

/**
 * A person using this browser, or a trainee imported from another device (`imported`: the
 * person trains elsewhere, so the profile switcher leaves them out; the dashboard lists them).
 */
export type ProfileRow = z.infer<typeof bundleProfileSchema> & { imported?: true };

/** One profile's dealings with one lesson (`lesson` is `01-basics/02-three-types`). */
export type LessonVisitRow = Owned<z.infer<typeof bundleLessonVisitSchema>>;

/** One attempt at a module's check or a refresher quiz; `id` is local to each browser. */
export type CheckAttemptRow = Owned<z.infer<typeof bundleCheckAttemptSchema>> & { id?: number };

/** One attempt at a role-play (issue 5): every step is kept so a trainer sees each choice. */
export type RoleplayResultRow = Owned<BundleRoleplayResult>;

/** A trainer's assessment of a trainee's role-play or run. */
export type AssessmentRow = Owned<z.infer<typeof bundleAssessmentSchema>>;

/** How a shift was played: with a coach (practice) or without (assessment). */
export type ShiftMode = 'practice' | 'assessment';

/** One trainee's shift on one scenario; its log is stored apart, one row per entry. */
export type RunRow = Owned<Omit<BundleRun, 'log' | 'actedAt'>> & {
  /**
   * Practice (a coach advises as the shift runs) or assessment (no coach; what counts
   * towards the certificate). Runs stored before modes existed were played without a coach.
   */
  mode?: ShiftMode;
  /**
   * The trainer whose live session started this run on this browser (witnessed evidence,
   * src/records/evidence.ts). A bundle never carries it: elsewhere it would be only a claim.
   */
  witnessedBy?: string;
};

/**
 * A whole run's log in one row: how an imported run is stored (IndexedDB pays per row, and
 * an imported run is never appended to). `log` is the log as the engine parsed it.
 */
export interface RunLogRow {
  runId: string;
  log: unknown[];
  /** The desk's time of each entry, as the bundle carried them (./schema.ts `actedAt`). */
  actedAt?: (number | null)[];
}

/** One log entry of a run, in order (`seq` from 0). Append-only: a run is never rewritten. */
export interface RunEntryRow {
  runId: string;
  seq: number;
  entry: unknown;
  /**
   * The wall-clock time the desk saved the entry (epoch ms), kept beside the entry so the
   * log stays as the engine reads it; the evidence a person played (src/records/timing.ts).
   * Absent on entries saved before times were kept.
   */
  actedAt?: number;
}

export { COMPETENCIES };
