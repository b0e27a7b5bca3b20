/**
 * Storing a progress bundle or a backup (issue 6): the import pipeline's only storage part.
 * src/records/import.ts reads and verifies the file and plans what to change; this module
 * reads what is stored under the bundle's ids, asks for the plan and writes it, reading and
 * writing in one Dexie transaction, so a refused or failed import keeps nothing.
 *
 * It is idempotent twice over: a file already imported (same SHA-256) is refused with a
 * message, and rows carry the ids their device gave them, so a later bundle of the same
 * trainee adds only what is new. It runs in the import worker (./import-worker.ts), or on
 * the page where workers are not available.
 */
import Dexie from 'dexie';
import type { Problem } from '../engine/problems';
import type { Scenario } from '../engine/schema';
import {
  planImport,
  planRestore,
  readBackup,
  readBundle,
  type BundleRows,
  type ImportOutcome,
  type ProgressReport,
  type References,
  type RestoreOutcome,
  type StoredForImport,
} from '../records/import';
import { checkAttemptKey } from '../records/flags';
import type { Bundle } from '../records/schema';
import type { CourseChecks } from '../records/verify-check';
import type { Roleplay } from '../roleplay/schema';
import { database, type AcademyDatabase } from './database';
import { importedStatements } from '../records/statements';
import { mirrorRecord } from './outbox';
import { refreshRunDigests } from './run-digests';
import { deleteRunLogs, runLog } from './run-log';

export type { ImportOutcome, RestoreOutcome };

/** How a caller follows a long import: progress reports, and a signal to cancel it. */
export interface ImportOptions {
  report?: ProgressReport;
  signal?: AbortSignal;
  /**
   * Queue the added records' statements for this browser's LRS, if one is set up (default).
   * Records read from an LRS are not sent back to it.
   */
  mirror?: boolean;
}

const importTables = (db: AcademyDatabase) => [
  db.profiles,
  db.lessonVisits,
  db.checkAttempts,
  db.runs,
  db.runDigests,
  db.runEntries,
  db.runLogs,
  db.roleplayResults,
  db.assessments,
  db.imports,
  db.settings,
  db.outbox,
];

/** What is stored under a bundle's ids, read inside the import's transaction. */
async function readStored(db: AcademyDatabase, bundle: Bundle): Promise<StoredForImport> {
  const profileId = bundle.profile.id;
  const [profile, runs, roleplays, assessments, visits, checks] = await Promise.all([
    db.profiles.get(profileId),
    db.runs.bulkGet(bundle.runs.map((r) => r.id)),
    db.roleplayResults.bulkGet(bundle.roleplayResults.map((r) => r.id)),
    db.assessments.bulkGet(bundle.assessments.map((a) => a.id)),
    db.lessonVisits.bulkGet(
      bundle.lessonVisits.map((v) => [profileId, v.course, v.lesson] as [string, string, string]),
    ),
    db.checkAttempts
      .where('[profileId+course]')
      .between([profileId, Dexie.minKey], [profileId, Dexie.maxKey])
      .toArray(),
  ]);
  return {
    ...(profile ? { profile } : {}),
    // Only runs of the same trainee are merged; another's refuses the file before logs matter.
    runs: await Promise.all(
      runs.map(
        async (run) =>
          run && { ...run, log: run.profileId === profileId ? await runLog(run.id) : [] },
      ),
    ),
    roleplays,
    assessments,
    visits,
    checkKeys: new Set(checks.map(checkAttemptKey)),
  };
}

/** Write the rows a plan made for one bundle, inside the caller's transaction. */
async function writeRows(db: AcademyDatabase, rows: BundleRows, profileId: string): Promise<void> {
  if (rows.profile) await db.profiles.put(rows.profile);
  await db.lessonVisits.bulkPut(rows.visits);
  await db.checkAttempts.bulkAdd(rows.checks);
  await deleteRunLogs(db, rows.replacedLogs);
  await db.runLogs.bulkPut(rows.logs);
  await db.runs.bulkPut(rows.runs);
  await refreshRunDigests(db, [profileId]);
  await db.roleplayResults.bulkPut(rows.roleplays);
  await db.assessments.bulkPut(rows.assessments);
}

/** Thrown inside the import transaction to abort it with reasons; caught below. */
class ImportRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super('import refused');
  }
}

/** A write the browser refused (quota, blocked storage): the transaction left no trace. */
function storageFailure(file: string, what: string, error: unknown) {
  const name = error instanceof Error ? error.name : 'storage error';
  return {
    status: 'rejected' as const,
    file,
    problems: [{ file, path: '', message: `the browser ${what} (${name})` }],
  };
}

/**
 * Import one bundle file's text: read, verify and plan it (src/records/import.ts), then
 * write the plan in one transaction. A refused, failed or cancelled import changes nothing.
 */
export async function importBundleText(
  text: string,
  file: string,
  bytes: number,
  refs: References,
  { report, signal, mirror = true }: ImportOptions = {},
): Promise<ImportOutcome> {
  const read = await readBundle(text, file, bytes, refs, report);
  if (!read.ok) return { status: 'rejected', file, problems: read.problems };
  if (signal?.aborted) return { status: 'cancelled', file };
  const { bundle } = read.checked;
  const db = database();
  const earlier = await db.imports.get(read.id);
  if (earlier)
    return {
      status: 'already-imported',
      file,
      trainee: bundle.profile.name,
      importedAt: earlier.importedAt,
    };
  await report?.({ share: 1, stage: 'saving' });
  try {
    // Queued statements are sent by the page's outbox triggers (./import-job.ts kicks them):
    // this may run in a worker, which cannot load the sender.
    return await db.transaction('rw', importTables(db), async () => {
      const stored = await readStored(db, bundle);
      const plan = planImport(read.checked, stored, { id: read.id, name: file, at: new Date() });
      if (!plan.ok) throw new ImportRefused(plan.problems);
      await writeRows(db, plan.rows, bundle.profile.id);
      await db.imports.add(plan.record);
      // The same statements, same ids, as the trainee's browser sends: the LRS keeps one.
      if (mirror)
        await mirrorRecord(db, bundle.profile.id, (who) =>
          importedStatements(who, plan.rows, read.checked, refs),
        );
      return plan.outcome;
    });
  } catch (error) {
    if (error instanceof ImportRefused)
      return { status: 'rejected', file, problems: error.problems };
    return storageFailure(file, 'could not save the import, so nothing was kept', error);
  }
}

/** `importBundleText` with the references one by one, as the tests and older callers pass them. */
export function importBundle(
  text: string,
  file: string,
  scenariosByHash: ReadonlyMap<string, Scenario>,
  bytes = text.length,
  roleplaysByHash: ReadonlyMap<string, Roleplay> = new Map(),
  checksByCourse: ReadonlyMap<string, CourseChecks> = new Map(),
): Promise<ImportOutcome> {
  return importBundleText(text, file, bytes, { scenariosByHash, roleplaysByHash, checksByCourse });
}

/**
 * Replace everything on this browser with a backup's text, in one transaction. Every run
 * is replayed and rescored first, as on import, so a backup cannot smuggle in a score.
 */
export async function restoreBackupText(
  text: string,
  file: string,
  bytes: number,
  refs: References,
  { report, signal }: ImportOptions = {},
): Promise<RestoreOutcome> {
  const read = await readBackup(text, file, bytes, refs, report);
  if (!read.ok) return { status: 'rejected', file, problems: read.problems };
  if (signal?.aborted) return { status: 'cancelled', file };
  const plan = planRestore(read, file, new Date());
  await report?.({ share: 1, stage: 'saving' });
  const db = database();
  try {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
      for (const [i, rows] of plan.bundles.entries())
        await writeRows(db, rows, read.bundles[i]!.bundle.profile.id);
      await db.imports.bulkPut(plan.imports);
      await db.settings.bulkPut(plan.settings);
      await db.feedback.bulkAdd(plan.feedback);
      await db.customContent.bulkPut(plan.customContent);
    });
  } catch (error) {
    return storageFailure(file, 'could not restore the backup, so nothing was changed', error);
  }
  return plan.outcome;
}

/** `restoreBackupText` with the references one by one, as the tests pass them. */
export function restoreBackup(
  text: string,
  file: string,
  scenariosByHash: ReadonlyMap<string, Scenario>,
  bytes = text.length,
  roleplaysByHash: ReadonlyMap<string, Roleplay> = new Map(),
  checksByCourse: ReadonlyMap<string, CourseChecks> = new Map(),
): Promise<RestoreOutcome> {
  return restoreBackupText(text, file, bytes, { scenariosByHash, roleplaysByHash, checksByCourse });
}
