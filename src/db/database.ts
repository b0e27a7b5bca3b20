/**
 * The one IndexedDB database of Backorder Academy, through Dexie. Everything a person does
 * is kept here, per local profile, in their own browser; nothing is sent anywhere.
 *
 * Schema changes are new `version(n)` calls with an upgrade function; old versions stay so a
 * browser holding an older database upgrades in place. Only what is queried is indexed.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { RoleplayVerification, RunVerification } from '../records/flags';
import type { ProfileConflict, RunConflict } from '../records/merge';
import type { CheckVerification } from '../records/flags';

export const ROLES = ['trainee', 'trainer', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface Profile {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  /** The team the person works in, e.g. `North warehouse`, for the manager's filters; optional. */
  team?: string;
  /**
   * Set when the profile came in a progress bundle from another device: the person trains
   * elsewhere, so this browser's profile switcher does not offer it (the dashboard does).
   */
  imported?: true;
}

/** A key-value setting of this browser, e.g. the profile in use. */
export interface Setting {
  key: string;
  value: string;
}

/** One profile's dealings with one lesson. */
export interface LessonVisit {
  profileId: string;
  course: string;
  /** `01-basics/02-three-types`. */
  lesson: string;
  openedAt: Date;
  completedAt?: Date;
  /** Time spent on the page while it was visible. */
  seconds: number;
}

/** One attempt at a module's check or at a refresher quiz; every attempt is kept. */
export interface CheckAttempt {
  id?: number;
  profileId: string;
  course: string;
  /** Module slug, or `refresher`. */
  module: string;
  at: Date;
  /** The answers as given, by question id. */
  answers: Record<string, unknown>;
  score: number;
  passed: boolean;
}

/** What a learner said about a lesson, for trainers to read (syllabus 8). */
export interface LessonFeedback {
  id?: number;
  profileId: string;
  course: string;
  lesson: string;
  at: Date;
  useful: 'yes' | 'partly' | 'no';
  change: string;
}

/** One trainee's shift on one scenario; its log lives in `runEntries`, one row per entry. */
export interface Run {
  id: string;
  profileId: string;
  scenario: string;
  /** SHA-256 of the scenario as run, so a changed scenario file cannot pass off old runs. */
  scenarioHash: string;
  engineVersion: string;
  startedAt: Date;
  updatedAt: Date;
  status: 'running' | 'ended' | 'abandoned';
  /**
   * Practice (a coach advises as the shift runs) or assessment (no coach; what counts
   * towards the certificate). Runs stored before modes existed were played without a coach.
   */
  mode?: ShiftMode;
  /** Set when the shift ends. */
  score?: { total: number; passed: boolean; competencies: Record<string, number> };
  /**
   * The trainer whose live session started this run on this browser (witnessed evidence,
   * src/records/evidence.ts). A bundle never carries it: elsewhere it would be only a claim.
   */
  witnessedBy?: string;
}

export type ShiftMode = 'practice' | 'assessment';

/** One log entry of a run, in order (`seq` from 0). Append-only: a run is never rewritten. */
export interface RunEntry {
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

/** One attempt at a role-play (issue 5): every step is kept so a trainer sees each choice. */
export interface RoleplayResult {
  id: string;
  profileId: string;
  roleplay: string;
  /** SHA-256 of the role-play as played. */
  roleplayHash: string;
  mode: 'practice' | 'assessment' | 'live';
  startedAt: Date;
  updatedAt: Date;
  status: 'running' | 'ended' | 'abandoned';
  /** The path taken, in order; the role-play module defines the step shape. */
  steps: unknown[];
  /** Set when the conversation reaches an ending. */
  score?: {
    total: number;
    max: number;
    percent: number;
    ending: string;
    rubric: Record<string, number>;
  };
  /**
   * A trainer's overrides of the free-text matcher on typed replies, each with the trainer's
   * name and reason; the shape is src/roleplay/overrides.ts `MatchOverride`. `score` then
   * includes them. Not indexed; absent on attempts no trainer has changed.
   */
  overrides?: unknown[];
}

/** A trainer's assessment of a trainee's role-play or run, saved to the trainee's record. */
export interface Assessment {
  id: string;
  /** The trainee assessed. */
  profileId: string;
  trainerName: string;
  at: Date;
  subject: { kind: 'roleplay' | 'run' | 'live-roleplay'; id: string };
  /** Rubric item id to whether the trainee hit it. */
  rubric: Record<string, boolean>;
  notes: string;
}

/** A scenario or role-play a trainer wrote or imported; `source` is the file's text as saved. */
export interface CustomContent {
  kind: 'scenario' | 'roleplay';
  id: string;
  title: string;
  source: string;
  updatedAt: Date;
}

/** A progress bundle imported from another device (issue 6), by the SHA-256 of its bytes. */
export interface ImportRecord {
  id: string;
  fileName: string;
  importedAt: Date;
  profileIds: string[];
  /** What replaying each run of the bundle found (src/records/verify.ts), by run. */
  verifications?: RunVerification[];
  /** What replaying each role-play result's steps found (src/records/verify-roleplay.ts). */
  roleplayVerifications?: RoleplayVerification[];
  /** How many records the import added, by table, for the manager's message. */
  added?: Record<string, number>;
  /** What re-marking each check attempt's answers found (src/records/verify-check.ts). */
  checkVerifications?: (CheckVerification & { profileId: string })[];
  /** Runs of the bundle left out because a different run is stored under their id. */
  runConflicts?: RunConflict[];
  /** The bundle named its profile differently from this browser; the manager decides. */
  profileConflict?: ProfileConflict;
}

/**
 * Every run of one trainee, without logs, in one row: a copy of their `runs` rows kept for
 * the manager's dashboard, which must read every run on the browser when it opens.
 * IndexedDB pays per record, so 200 rows of grouped runs read about five times faster than
 * 10,000 single ones. Written only by `refreshRunDigests`, in the same transaction as any
 * change to `runs`; the one field that may lag is `updatedAt` of a run still in progress.
 */
export interface RunDigest {
  profileId: string;
  runs: Run[];
}

/**
 * One xAPI statement waiting for, or done with, the learning record store (issue 15),
 * written in the same transaction as the record it mirrors and only when an LRS is set up.
 * `seq` orders the queue (first in, first out); `statementId` is unique, so a rebuilt
 * statement is never queued twice. Sent rows stay, without their statement, for the counts.
 */
export interface OutboxRow {
  seq?: number;
  statementId: string;
  /** The statement as it will be sent; dropped once the LRS has it. */
  statement?: unknown;
  state: 'queued' | 'sent' | 'failed';
  queuedAt: Date;
  sentAt?: Date;
  /** Why the LRS refused it, for a quarantined (`failed`) statement. */
  error?: string;
}

export class AcademyDatabase extends Dexie {
  profiles!: EntityTable<Profile, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  lessonVisits!: Dexie.Table<LessonVisit, [string, string, string]>;
  checkAttempts!: EntityTable<CheckAttempt, 'id'>;
  feedback!: EntityTable<LessonFeedback, 'id'>;
  runs!: EntityTable<Run, 'id'>;
  runEntries!: Dexie.Table<RunEntry, [string, number]>;
  roleplayResults!: EntityTable<RoleplayResult, 'id'>;
  assessments!: EntityTable<Assessment, 'id'>;
  customContent!: Dexie.Table<CustomContent, [string, string]>;
  imports!: EntityTable<ImportRecord, 'id'>;
  runDigests!: EntityTable<RunDigest, 'profileId'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;

  constructor(name = 'backorder-academy') {
    super(name);
    this.version(1).stores({
      profiles: 'id, name',
      settings: 'key',
      lessonVisits: '[profileId+course+lesson], [profileId+course]',
      checkAttempts: '++id, [profileId+course]',
      feedback: '++id, profileId, [course+lesson], course',
    });
    // Version 2: simulation runs and their logs. New tables only; version 1 data is kept as is.
    this.version(2).stores({
      runs: 'id, [profileId+scenario], profileId',
      runEntries: '[runId+seq]',
    });
    // Version 3: role-play results, trainer assessments, trainer-authored content, and the
    // record of imported progress bundles. New tables only.
    this.version(3).stores({
      roleplayResults: 'id, profileId, [profileId+roleplay]',
      assessments: 'id, profileId',
      customContent: '[kind+id], kind',
      imports: 'id',
    });
    // Version 4: each trainee's runs grouped in one row for the dashboard (RunDigest),
    // built here from the runs already stored.
    this.version(4)
      .stores({ runDigests: 'profileId' })
      .upgrade(async (tx) => {
        const byProfile = new Map<string, Run[]>();
        const stored = (await tx.table('runs').toArray()) as Run[];
        stored.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
        for (const run of stored)
          byProfile.set(run.profileId, [...(byProfile.get(run.profileId) ?? []), run]);
        await tx
          .table('runDigests')
          .bulkPut([...byProfile].map(([profileId, runs]) => ({ profileId, runs })));
      });
    // Version 5: the xAPI outbox (OutboxRow). A new table only; it starts empty, and records
    // kept before an LRS was set up are not sent.
    this.version(5).stores({ outbox: '++seq, &statementId, [state+seq]' });
  }
}

let instance: AcademyDatabase | null = null;

/** The database, created on first use so server rendering never touches IndexedDB. */
export function database(): AcademyDatabase {
  instance ??= new AcademyDatabase();
  return instance;
}

/** For tests: a fresh database under another name. */
export function useDatabase(db: AcademyDatabase): void {
  instance = db;
}
