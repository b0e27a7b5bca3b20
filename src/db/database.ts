/**
 * The one IndexedDB database of Backorder Academy, through Dexie. Everything a person does
 * is kept here, per local profile, in their own browser; nothing is sent anywhere.
 *
 * Schema changes are new `version(n)` calls with an upgrade function; old versions stay so a
 * browser holding an older database upgrades in place. Only what is queried is indexed.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { ImportRecordRow } from '../records/import';
import type {
  AssessmentRow,
  CheckAttemptRow,
  LessonVisitRow,
  ProfileRow,
  RoleplayResultRow,
  RunEntryRow,
  RunLogRow,
  RunRow,
  ShiftMode,
} from '../records/schema';

export const ROLES = ['trainee', 'trainer', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export type Profile = ProfileRow;

/** A key-value setting of this browser, e.g. the profile in use. */
export interface Setting {
  key: string;
  value: string;
}

export type LessonVisit = LessonVisitRow;
export type CheckAttempt = CheckAttemptRow;

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

export type Run = RunRow;
export type RunEntry = RunEntryRow;
export type RunLog = RunLogRow;
export type RoleplayResult = RoleplayResultRow;
export type Assessment = AssessmentRow;
export type { ShiftMode };

/** A scenario or role-play a trainer wrote or imported; `source` is the file's text as saved. */
export interface CustomContent {
  kind: 'scenario' | 'roleplay';
  id: string;
  title: string;
  source: string;
  updatedAt: Date;
}

export type ImportRecord = ImportRecordRow;

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
  runLogs!: EntityTable<RunLog, 'runId'>;
  roleplayResults!: EntityTable<RoleplayResult, 'id'>;
  assessments!: EntityTable<Assessment, 'id'>;
  customContent!: Dexie.Table<CustomContent, [string, string]>;
  imports!: EntityTable<ImportRecord, 'id'>;
  runDigests!: EntityTable<RunDigest, 'profileId'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;

  /** `options` gives Dexie another IndexedDB, e.g. one in memory when the browser's is blocked (./memory.ts). */
  constructor(name = 'backorder-academy', options?: DexieOptions) {
    super(name, options);
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
    // Version 5: an imported run's whole log in one row (RunLog). Writing 60,000 entry rows
    // took 34 s in Chromium on a loaded machine, 1,000 log rows under 1 s. New table only.
    this.version(5).stores({ runLogs: 'runId' });
    // Version 6: the xAPI outbox (OutboxRow). A new table only; it starts empty, and records
    // kept before an LRS was set up are not sent.
    this.version(6).stores({ outbox: '++seq, &statementId, [state+seq]' });
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
