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

type Refused = { status: 'rejected'; file: string; problems: Problem[] };
type Cancelled = { status: 'cancelled'; file: string };

/**
 * What importing a bundle and restoring a backup share: the file read and verified first
 * (`read`); a refusal, or a cancel that came meanwhile, returned before anything is
 * written; then `save`, which writes in one transaction. A write the plan refuses
 * (`ImportRefused`) or the browser fails leaves no trace; `failure` says which, in words.
 */
async function readThenSave<Read extends { ok: true }, Outcome>(
  file: string,
  read: Promise<Read | { ok: false; problems: Problem[] }>,
  signal: AbortSignal | undefined,
  failure: string,
  save: (read: Read) => Promise<Outcome>,
): Promise<Outcome | Refused | Cancelled> {
  const result = await read;
  if (!result.ok) return { status: 'rejected', file, problems: result.problems };
  if (signal?.aborted) return { status: 'cancelled', file };
  try {
    return await save(result as Read);
  } catch (error) {
    if (error instanceof ImportRefused)
      return { status: 'rejected', file, problems: error.problems };
    const name = error instanceof Error ? error.name : 'storage error';
    return {
      status: 'rejected',
      file,
      problems: [{ file, path: '', message: `${failure} (${name})` }],
    };
  }
}

/**
 * Import one bundle file's text: read, verify and plan it (src/records/import.ts), then
 * write the plan in one transaction. A refused, failed or cancelled import changes nothing.
 */
export function importBundleText(
  text: string,
  file: string,
  bytes: number,
  refs: References,
  { report, signal, mirror = true }: ImportOptions = {},
): Promise<ImportOutcome> {
  const failure = 'the browser could not save the import, so nothing was kept';
  return readThenSave(
    file,
    readBundle(text, file, bytes, refs, report),
    signal,
    failure,
    async (read) => {
      const { bundle } = read.checked;
      const db = database();
      const earlier = await db.imports.get(read.id);
      if (earlier)
        return {
          status: 'already-imported' as const,
          file,
          trainee: bundle.profile.name,
          importedAt: earlier.importedAt,
        };
      await report?.({ share: 1, stage: 'saving' });
      return db.transaction('rw', importTables(db), async () => {
        const stored = await readStored(db, bundle);
        const plan = planImport(read.checked, stored, { id: read.id, name: file, at: new Date() });
        if (!plan.ok) throw new ImportRefused(plan.problems);
        await writeRows(db, plan.rows, bundle.profile.id);
        await db.imports.add(plan.record);
        // The same statements, same ids, as the trainee's browser sends: the LRS keeps one.
        // They are sent by the page's outbox triggers (./import-job.ts kicks them): this may
        // run in a worker, which cannot load the sender.
        if (mirror)
          await mirrorRecord(db, bundle.profile.id, (who) =>
            importedStatements(who, plan.rows, read.checked, refs),
          );
        return plan.outcome;
      });
    },
  );
}

/** The references one by one, as the tests and older callers pass them. */
const references = (
  scenariosByHash: ReadonlyMap<string, Scenario>,
  roleplaysByHash: ReadonlyMap<string, Roleplay> = new Map(),
  checksByCourse: ReadonlyMap<string, CourseChecks> = new Map(),
): References => ({ scenariosByHash, roleplaysByHash, checksByCourse });

/** `importBundleText` with the references one by one. */
export function importBundle(
  text: string,
  file: string,
  scenariosByHash: ReadonlyMap<string, Scenario>,
  bytes = text.length,
  roleplaysByHash?: ReadonlyMap<string, Roleplay>,
  checksByCourse?: ReadonlyMap<string, CourseChecks>,
): Promise<ImportOutcome> {
  return importBundleText(
    text,
    file,
    bytes,
    references(scenariosByHash, roleplaysByHash, checksByCourse),
  );
}

/**
 * Replace everything on this browser with a backup's text, in one transaction. Every run
 * is replayed and rescored first, as on import, so a backup cannot smuggle in a score.
 */
export function restoreBackupText(
  text: string,
  file: string,
  bytes: number,
  refs: References,
  { report, signal }: ImportOptions = {},
): Promise<RestoreOutcome> {
  const failure = 'the browser could not restore the backup, so nothing was changed';
  return readThenSave(
    file,
    readBackup(text, file, bytes, refs, report),
    signal,
    failure,
    async (read) => {
      await report?.({ share: 1, stage: 'saving' });
      const db = database();
      return db.transaction('rw', db.tables, async () => {
        // Trainer overrides made on this browser still count after the restore; others do not.
        const here = await db.roleplayResults.toArray();
        const overridesHere = new Map(here.map((r) => [r.id, r.overrides ?? []]));
        const plan = planRestore(read, file, new Date(), overridesHere);
        await Promise.all(db.tables.map((table) => table.clear()));
        for (const [i, rows] of plan.bundles.entries())
          await writeRows(db, rows, read.bundles[i]!.bundle.profile.id);
        await db.imports.bulkPut(plan.imports);
        await db.settings.bulkPut(plan.settings);
        await db.feedback.bulkAdd(plan.feedback);
        await db.customContent.bulkPut(plan.customContent);
        return plan.outcome;
      });
    },
  );
}

/** `restoreBackupText` with the references one by one, as the tests pass them. */
export function restoreBackup(
  text: string,
  file: string,
  scenariosByHash: ReadonlyMap<string, Scenario>,
  bytes = text.length,
  roleplaysByHash?: ReadonlyMap<string, Roleplay>,
  checksByCourse?: ReadonlyMap<string, CourseChecks>,
): Promise<RestoreOutcome> {
  return restoreBackupText(
    text,
    file,
    bytes,
    references(scenariosByHash, roleplaysByHash, checksByCourse),
  );
}
