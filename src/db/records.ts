/**
 * Storage for the manager's records (issue 6): exporting one trainee's progress as a
 * bundle, importing bundles from other devices, the dashboard's read of everything, the
 * attempt-policy setting, deleting one trainee, and backing up or restoring the whole
 * browser. Loaded lazily by the manager island and the profile panel.
 *
 * An import is one Dexie transaction over every table it writes: a problem found inside
 * (an id that belongs to someone else) aborts it and nothing is kept. It is idempotent
 * twice over: a file already imported (same SHA-256) is refused with a message, and rows
 * carry the ids their device gave them, so a later bundle of the same trainee adds only
 * what is new.
 */
import Dexie from 'dexie';
import { ENGINE_VERSION } from '../engine/state';
import type { Problem } from '../engine/problems';
import type { Scenario } from '../engine/schema';
import {
  ATTEMPT_POLICIES,
  type AttemptPolicy,
  type PendingProfileConflict,
  type TraineeRecord,
} from '../records/aggregate';
import { runEvidence } from '../records/evidence';
import { parseBundle } from '../records/parse';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from '../records/backup';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../records/schema';
import { verifyRun, type RunVerification } from '../records/verify';
import { verificationOnly, verifyRoleplayResult } from '../records/verify-roleplay';
import {
  checkAttemptKey,
  verifyCheckAttempt,
  type CheckVerification,
  type CourseChecks,
} from '../records/verify-check';
import type { RoleplayVerification } from '../records/flags';
import {
  profileDifferences,
  runMerge,
  type ProfileConflict,
  type RunConflict,
} from '../records/merge';
import type { Roleplay } from '../roleplay/schema';
import { refreshRunDigests } from './run-digests';
import {
  database,
  type Assessment,
  type CheckAttempt,
  type ImportRecord,
  type LessonVisit,
  type Profile,
  type RoleplayResult,
  type Run,
  type RunEntry,
} from './database';

async function entriesOf(runId: string): Promise<RunEntry[]> {
  return database()
    .runEntries.where('[runId+seq]')
    .between([runId, 0], [runId, Infinity])
    .toArray();
}

async function logOf(runId: string): Promise<unknown[]> {
  return (await entriesOf(runId)).map((row) => row.entry);
}

/** A run's log with the desk's time of each entry; no times at all for a run made before. */
async function timedLogOf(runId: string): Promise<{ log: unknown[]; actedAt?: (number | null)[] }> {
  const rows = await entriesOf(runId);
  const log = rows.map((row) => row.entry);
  return rows.some((row) => row.actedAt !== undefined)
    ? { log, actedAt: rows.map((row) => row.actedAt ?? null) }
    : { log };
}

/** One profile's whole record as a bundle object, ready for `JSON.stringify`. */
export async function exportBundle(profileId: string): Promise<Bundle> {
  const db = database();
  return db.transaction(
    'r',
    [
      db.profiles,
      db.lessonVisits,
      db.checkAttempts,
      db.runs,
      db.runEntries,
      db.roleplayResults,
      db.assessments,
    ],
    async () => {
      const profile = await db.profiles.get(profileId);
      if (!profile) throw new Error('That profile no longer exists.');
      const visits = await db.lessonVisits
        .where('[profileId+course]')
        .between([profileId, Dexie.minKey], [profileId, Dexie.maxKey])
        .toArray();
      const checks = await db.checkAttempts
        .where('[profileId+course]')
        .between([profileId, Dexie.minKey], [profileId, Dexie.maxKey])
        .toArray();
      const runs = await db.runs.where('profileId').equals(profileId).sortBy('startedAt');
      const logs = await Promise.all(runs.map((run) => timedLogOf(run.id)));
      const roleplays = await db.roleplayResults.where('profileId').equals(profileId).toArray();
      const assessments = await db.assessments.where('profileId').equals(profileId).toArray();
      const scenarios = new Map(runs.map((r) => [`${r.scenario} ${r.scenarioHash}`, r]));
      return {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        exportedAt: new Date(),
        engineVersion: ENGINE_VERSION,
        profile: {
          id: profile.id,
          name: profile.name,
          role: profile.role,
          ...(profile.team ? { team: profile.team } : {}),
          createdAt: profile.createdAt,
        },
        lessonVisits: visits.map(({ profileId: _, ...v }) => v),
        checkAttempts: checks.map(({ profileId: _, id: __, ...c }) => c),
        runs: runs.map(({ profileId: _, ...run }, i) => ({ ...run, ...logs[i]! })),
        roleplayResults: roleplays.map(({ profileId: _, ...r }) => r),
        assessments: assessments.map(({ profileId: _, ...a }) => a),
        scenarios: [...scenarios.values()].map((r) => ({ id: r.scenario, hash: r.scenarioHash })),
      } as Bundle;
    },
  );
}

/** The file name a bundle is saved under: `progress-ana-ruiz-2026-03-02.json`. */
export function bundleFileName(name: string, on: Date): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'trainee';
  return `progress-${slug}-${on.toISOString().slice(0, 10)}.json`;
}

export type ImportOutcome =
  | {
      status: 'imported';
      file: string;
      trainee: string;
      added: Record<string, number>;
      verifications: RunVerification[];
      roleplayVerifications: RoleplayVerification[];
      /** Every check attempt of the bundle, marked again from its answers. */
      checkVerifications: CheckVerification[];
      /** Runs left out: a different run is stored under their id (runMerge). */
      runConflicts: RunConflict[];
      /** The stored profile has another name or team; it was not changed. */
      profileConflict: ProfileConflict | null;
    }
  | { status: 'already-imported'; file: string; trainee: string; importedAt: Date }
  | { status: 'rejected'; file: string; problems: Problem[] };

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A log row with the desk's time of the entry, when the bundle has one. */
function withTime(row: RunEntry, actedAt: number | null | undefined): RunEntry {
  return typeof actedAt === 'number' ? { ...row, actedAt } : row;
}

/** Thrown inside the import transaction to abort it with reasons; caught below. */
class ImportConflict extends Error {
  constructor(readonly problems: Problem[]) {
    super('import conflict');
  }
}

/**
 * Import one bundle file. Validates it, replays and rescores every run against the
 * scenarios this app knows (by content hash), then writes everything in one transaction.
 * A rejected file changes nothing.
 */
export async function importBundle(
  text: string,
  file: string,
  scenariosByHash: ReadonlyMap<string, Scenario>,
  bytes = text.length,
  roleplaysByHash: ReadonlyMap<string, Roleplay> = new Map(),
  checksByCourse: ReadonlyMap<string, CourseChecks> = new Map(),
): Promise<ImportOutcome> {
  const parsed = parseBundle(text, file, bytes);
  if (!parsed.ok) return { status: 'rejected', file, problems: parsed.problems };
  const bundle = parsed.value;
  const id = await sha256Hex(text);
  const db = database();
  const earlier = await db.imports.get(id);
  if (earlier)
    return {
      status: 'already-imported',
      file,
      trainee: bundle.profile.name,
      importedAt: earlier.importedAt,
    };
  // Replaying is pure work: done before the transaction, which holds only IndexedDB calls.
  const verifications = bundle.runs.map((run) => verifyRun(run, run.log, scenariosByHash));
  const roleplayVerifications = bundle.roleplayResults.map((r) =>
    verificationOnly(verifyRoleplayResult(r, roleplaysByHash)),
  );
  const profileId = bundle.profile.id;
  const checkVerifications = bundle.checkAttempts.map((c) => ({
    ...verifyCheckAttempt(c, checksByCourse.get(c.course)),
    profileId,
  }));
  const added: Record<string, number> = {};
  const count = (table: string, n: number) => {
    if (n > 0) added[table] = (added[table] ?? 0) + n;
  };
  const runConflicts: RunConflict[] = [];
  let profileConflict: ProfileConflict | undefined;
  try {
    await db.transaction(
      'rw',
      [
        db.profiles,
        db.lessonVisits,
        db.checkAttempts,
        db.runs,
        db.runDigests,
        db.runEntries,
        db.roleplayResults,
        db.assessments,
        db.imports,
      ],
      async () => {
        const conflicts: Problem[] = [];
        const ownedElsewhere = async <T extends { profileId: string }>(
          table: Dexie.Table<T, string>,
          field: string,
          ids: string[],
        ) => {
          const existing = await table.bulkGet(ids);
          existing.forEach((row, index) => {
            if (row && row.profileId !== profileId)
              conflicts.push({
                file,
                path: `${field}[${index}].id`,
                message: `"${ids[index]}" already belongs to another trainee on this browser`,
              });
          });
          return existing;
        };
        const storedRuns = await ownedElsewhere(
          db.runs,
          'runs',
          bundle.runs.map((r) => r.id),
        );
        const storedRoleplays = await ownedElsewhere(
          db.roleplayResults,
          'roleplayResults',
          bundle.roleplayResults.map((r) => r.id),
        );
        const storedAssessments = await ownedElsewhere(
          db.assessments,
          'assessments',
          bundle.assessments.map((a) => a.id),
        );
        if (conflicts.length > 0) throw new ImportConflict(conflicts);

        // A profile id already here under another name or team is not renamed: the manager
        // keeps the stored one or takes the incoming one (resolveProfileConflict).
        const profile = await db.profiles.get(profileId);
        const incoming = {
          name: bundle.profile.name,
          ...(bundle.profile.team ? { team: bundle.profile.team } : {}),
        };
        if (!profile) {
          const { team, ...rest } = bundle.profile;
          await db.profiles.add({ ...rest, ...(team ? { team } : {}), imported: true });
          count('profiles', 1);
        } else {
          const existing = { name: profile.name, ...(profile.team ? { team: profile.team } : {}) };
          const fields = profileDifferences(existing, incoming);
          if (fields) profileConflict = { profileId, existing, incoming, fields };
        }

        const visits = await db.lessonVisits.bulkGet(
          bundle.lessonVisits.map(
            (v) => [profileId, v.course, v.lesson] as [string, string, string],
          ),
        );
        const visitRows: LessonVisit[] = [];
        bundle.lessonVisits.forEach((v, i) => {
          const stored = visits[i];
          if (!stored) visitRows.push({ ...v, profileId });
          else if (!stored.completedAt && v.completedAt)
            visitRows.push({
              ...stored,
              completedAt: v.completedAt,
              seconds: Math.max(stored.seconds, v.seconds),
            });
        });
        await db.lessonVisits.bulkPut(visitRows);
        count('lessonVisits', visitRows.length);

        // Check attempts have local auto-increment ids: the same attempt is the same
        // course, module and moment.
        const known = new Set(
          (
            await db.checkAttempts
              .where('[profileId+course]')
              .between([profileId, Dexie.minKey], [profileId, Dexie.maxKey])
              .toArray()
          ).map(checkAttemptKey),
        );
        const checkRows: CheckAttempt[] = bundle.checkAttempts
          .filter((c) => !known.has(checkAttemptKey(c)))
          .map((c) => ({ ...c, profileId }));
        await db.checkAttempts.bulkAdd(checkRows);
        count('checkAttempts', checkRows.length);

        // A run already here changes only when the bundle carries a shift that was still
        // open here further (runMerge); a different log under its id is a conflict, left out.
        const runRows: Run[] = [];
        const entryRows: RunEntry[] = [];
        for (const [i, run] of bundle.runs.entries()) {
          const stored = storedRuns[i];
          const merge = runMerge(stored && { ...stored, log: await logOf(run.id) }, run);
          if (merge.kind === 'conflict') runConflicts.push({ runId: run.id, reason: merge.reason });
          if (merge.kind !== 'add' && merge.kind !== 'continue') continue;
          const { log, actedAt, ...fields } = run;
          runRows.push({ ...fields, profileId });
          if (stored)
            await db.runEntries
              .where('[runId+seq]')
              .between([run.id, 0], [run.id, Infinity])
              .delete();
          for (let seq = 0; seq < log.length; seq++)
            entryRows.push(withTime({ runId: run.id, seq, entry: log[seq] }, actedAt?.[seq]));
        }
        await db.runEntries.bulkAdd(entryRows);
        await db.runs.bulkPut(runRows);
        await refreshRunDigests(db, [profileId]);
        count('runs', runRows.length);

        const roleplayRows: RoleplayResult[] = bundle.roleplayResults
          .filter((r, i) => !storedRoleplays[i] || storedRoleplays[i]!.updatedAt < r.updatedAt)
          .map((r) => ({ ...r, profileId }));
        await db.roleplayResults.bulkPut(roleplayRows);
        count('roleplayResults', roleplayRows.length);

        const assessmentRows: Assessment[] = bundle.assessments
          .filter((_, i) => !storedAssessments[i])
          .map((a) => ({ ...a, profileId }));
        await db.assessments.bulkAdd(assessmentRows);
        count('assessments', assessmentRows.length);

        const written = new Set(runRows.map((r) => r.id));
        const writtenChecks = new Set(checkRows.map(checkAttemptKey));
        const writtenRoleplays = new Set(roleplayRows.map((r) => r.id));
        const record: ImportRecord = {
          id,
          fileName: file,
          importedAt: new Date(),
          profileIds: [profileId],
          verifications: verifications.filter((v) => written.has(v.runId)),
          roleplayVerifications: roleplayVerifications.filter((v) =>
            writtenRoleplays.has(v.resultId),
          ),
          added,
          checkVerifications: checkVerifications.filter((v) => writtenChecks.has(v.key)),
          ...(runConflicts.length > 0 ? { runConflicts } : {}),
          ...(profileConflict ? { profileConflict } : {}),
        };
        await db.imports.add(record);
      },
    );
  } catch (error) {
    if (error instanceof ImportConflict)
      return { status: 'rejected', file, problems: error.problems };
    return storageFailure(file, 'could not save the import, so nothing was kept', error);
  }
  return {
    status: 'imported',
    file,
    trainee: bundle.profile.name,
    added,
    // A run left out for a conflict was not imported: its replay says nothing here.
    verifications: verifications.filter((v) => !runConflicts.some((c) => c.runId === v.runId)),
    roleplayVerifications,
    checkVerifications,
    runConflicts,
    profileConflict: profileConflict ?? null,
  };
}

/** Everything the dashboard shows, one read of each table. */
export async function loadTraineeRecords(): Promise<TraineeRecord[]> {
  const db = database();
  const [profiles, visits, checks, runs, roleplays, assessments, imports] = await db.transaction(
    'r',
    [
      db.profiles,
      db.lessonVisits,
      db.checkAttempts,
      db.runDigests,
      db.roleplayResults,
      db.assessments,
      db.imports,
    ],
    () =>
      Promise.all([
        db.profiles.toArray(),
        db.lessonVisits.toArray(),
        db.checkAttempts.toArray(),
        // Grouped per trainee: 200 rows read far faster than 10,000 (RunDigest).
        db.runDigests.toArray().then((digests) => digests.flatMap((digest) => digest.runs)),
        db.roleplayResults.toArray(),
        db.assessments.toArray(),
        db.imports.orderBy('id').toArray(),
      ]),
  );
  imports.sort((a, b) => a.importedAt.getTime() - b.importedAt.getTime());
  const verification = new Map<string, RunVerification>();
  const roleplayVerification = new Map<string, RoleplayVerification>();
  const checkVerification = new Map<string, CheckVerification>();
  const importedProfiles = new Set<string>();
  const profileConflicts = new Map<string, PendingProfileConflict[]>();
  for (const record of imports) {
    record.profileIds.forEach((id) => importedProfiles.add(id));
    const conflict = record.profileConflict;
    if (conflict && !conflict.resolution)
      profileConflicts.set(conflict.profileId, [
        ...(profileConflicts.get(conflict.profileId) ?? []),
        {
          importId: record.id,
          fileName: record.fileName,
          importedAt: record.importedAt,
          incoming: conflict.incoming,
          fields: conflict.fields,
        },
      ]);
    for (const v of record.verifications ?? []) verification.set(v.runId, v);
    for (const v of record.roleplayVerifications ?? []) roleplayVerification.set(v.resultId, v);
    for (const v of record.checkVerifications ?? [])
      checkVerification.set(`${v.profileId} ${v.key}`, v);
  }
  const byProfile = new Map<string, TraineeRecord>(
    profiles.map((profile) => [
      profile.id,
      {
        profile,
        imported: profile.imported === true || importedProfiles.has(profile.id),
        visits: [],
        checks: [],
        runs: [],
        roleplays: [],
        assessments: [],
        profileConflicts: profileConflicts.get(profile.id) ?? [],
      },
    ]),
  );
  for (const v of visits) byProfile.get(v.profileId)?.visits.push(v);
  for (const c of checks) {
    const v = checkVerification.get(`${c.profileId} ${checkAttemptKey(c)}`);
    byProfile
      .get(c.profileId)
      ?.checks.push({ ...c, flag: v?.flag ?? null, ...(v?.flag ? { flagReason: v.reason } : {}) });
  }
  for (const run of runs) {
    const v = verification.get(run.id);
    byProfile.get(run.profileId)?.runs.push({
      id: run.id,
      scenario: run.scenario,
      startedAt: run.startedAt,
      updatedAt: run.updatedAt,
      status: run.status,
      // A trusted run shows the replay's score: the same as stored, or, for a run scored by
      // an older engine, today's rules (the reason says so).
      ...(run.score ? { score: v && !v.flag && v.recomputed ? v.recomputed : run.score } : {}),
      flag: v?.flag ?? null,
      ...(v ? { flagReason: v.reason } : {}),
      evidence: runEvidence({
        flag: v?.flag ?? null,
        verified: v !== undefined,
        ...(run.witnessedBy ? { witnessedBy: run.witnessedBy } : {}),
      }),
      ...(run.witnessedBy && !v ? { witnessedBy: run.witnessedBy } : {}),
    });
  }
  for (const r of roleplays) {
    const v = roleplayVerification.get(r.id);
    byProfile
      .get(r.profileId)
      ?.roleplays.push({ ...r, flag: v?.flag ?? null, ...(v ? { flagReason: v.reason } : {}) });
  }
  for (const a of assessments) byProfile.get(a.profileId)?.assessments.push(a);
  return [...byProfile.values()].sort((a, b) => a.profile.name.localeCompare(b.profile.name));
}

/**
 * Settle a profile conflict an import found: keep the profile as it is on this browser, or
 * take the name and team the bundle gave it. Either way the conflict is marked resolved.
 */
export async function resolveProfileConflict(
  importId: string,
  choice: 'keep' | 'take',
): Promise<void> {
  const db = database();
  await db.transaction('rw', [db.imports, db.profiles], async () => {
    const record = await db.imports.get(importId);
    const conflict = record?.profileConflict;
    if (!conflict || conflict.resolution) return;
    if (choice === 'take') {
      const profile = await db.profiles.get(conflict.profileId);
      if (profile) {
        const { team: _, ...rest } = profile;
        await db.profiles.put({
          ...rest,
          name: conflict.incoming.name,
          ...(conflict.incoming.team ? { team: conflict.incoming.team } : {}),
        });
      }
    }
    await db.imports.update(importId, {
      profileConflict: { ...conflict, resolution: choice === 'take' ? 'taken' : 'kept' },
    });
  });
}

/**
 * Call `onChange` after stored data changes, in this tab or another (Dexie's
 * `storagemutated` event). The dashboard re-reads on it instead of holding a live query,
 * whose result cache would copy 10,000 runs on every read.
 */
export function watchRecordChanges(onChange: () => void): () => void {
  const listener = () => onChange();
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** A run and its log, for the drill-down replay. */
export async function runWithLog(runId: string): Promise<{ run: Run; log: unknown[] } | null> {
  const run = await database().runs.get(runId);
  return run ? { run, log: await logOf(runId) } : null;
}

const POLICY_KEY = 'managerAttemptPolicy';

export async function attemptPolicy(): Promise<AttemptPolicy> {
  const stored = (await database().settings.get(POLICY_KEY))?.value;
  return (ATTEMPT_POLICIES as readonly string[]).includes(stored ?? '')
    ? (stored as AttemptPolicy)
    : 'best';
}

export async function setAttemptPolicy(policy: AttemptPolicy): Promise<void> {
  await database().settings.put({ key: POLICY_KEY, value: policy });
}

/** A write the browser refused (quota, blocked storage): the transaction left no trace. */
function storageFailure(
  file: string,
  what: string,
  error: unknown,
): { status: 'rejected'; file: string; problems: Problem[] } {
  const name = error instanceof Error ? error.name : 'storage error';
  return {
    status: 'rejected',
    file,
    problems: [{ file, path: '', message: `the browser ${what} (${name})` }],
  };
}

/** Delete everything of one trainee on this browser, in one transaction. */
export async function deleteTrainee(profileId: string): Promise<void> {
  const db = database();
  await db.transaction(
    'rw',
    [
      db.profiles,
      db.settings,
      db.lessonVisits,
      db.checkAttempts,
      db.feedback,
      db.runs,
      db.runDigests,
      db.runEntries,
      db.roleplayResults,
      db.assessments,
      db.imports,
    ],
    async () => {
      const runIds = await db.runs.where('profileId').equals(profileId).primaryKeys();
      for (const runId of runIds)
        await db.runEntries.where('[runId+seq]').between([runId, 0], [runId, Infinity]).delete();
      await db.runs.bulkDelete(runIds);
      await refreshRunDigests(db, [profileId]);
      await db.lessonVisits
        .where('[profileId+course]')
        .between([profileId, Dexie.minKey], [profileId, Dexie.maxKey])
        .delete();
      await db.checkAttempts
        .where('[profileId+course]')
        .between([profileId, Dexie.minKey], [profileId, Dexie.maxKey])
        .delete();
      await db.feedback.where('profileId').equals(profileId).delete();
      await db.roleplayResults.where('profileId').equals(profileId).delete();
      await db.assessments.where('profileId').equals(profileId).delete();
      // Forget imports of this trainee's bundles too, so importing one again brings them back.
      const imports = await db.imports.filter((i) => i.profileIds.includes(profileId)).toArray();
      await db.imports.bulkDelete(imports.map((i) => i.id));
      await db.profiles.delete(profileId);
      const current = await db.settings.get('currentProfile');
      if (current?.value === profileId) await db.settings.delete('currentProfile');
    },
  );
}

/** Everything on this browser as one backup object, ready for `JSON.stringify`. */
export async function backupAll() {
  const db = database();
  const profiles = await db.profiles.orderBy('name').toArray();
  const bundles: Bundle[] = [];
  for (const profile of profiles) bundles.push(await exportBundle(profile.id));
  const [imports, settings, feedback, customContent] = await Promise.all([
    db.imports.toArray(),
    db.settings.toArray(),
    db.feedback.toArray(),
    db.customContent.toArray(),
  ]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(),
    bundles,
    // Verifications are not kept: a restore replays every run again.
    imports: imports.map(({ id, fileName, importedAt, profileIds }) => ({
      id,
      fileName,
      importedAt,
      profileIds,
    })),
    settings,
    feedback: feedback.map(({ id: _, ...f }) => f),
    customContent,
  };
}

export type RestoreOutcome =
  | {
      status: 'restored';
      file: string;
      trainees: number;
      runs: number;
      flagged: number;
      roleplaysFlagged: number;
      checksFlagged: number;
    }
  | { status: 'rejected'; file: string; problems: Problem[] };

/**
 * Replace everything on this browser with a backup, in one transaction. Every run is
 * replayed and rescored first, as on import, so a backup cannot smuggle in a score either.
 */
export async function restoreBackup(
  text: string,
  file: string,
  scenariosByHash: ReadonlyMap<string, Scenario>,
  bytes = text.length,
  roleplaysByHash: ReadonlyMap<string, Roleplay> = new Map(),
  checksByCourse: ReadonlyMap<string, CourseChecks> = new Map(),
): Promise<RestoreOutcome> {
  const parsed = parseBackup(text, file, bytes);
  if (!parsed.ok) return { status: 'rejected', file, problems: parsed.problems };
  const backup = parsed.value;
  const verifications = backup.bundles.flatMap((bundle) =>
    bundle.runs.map((run) => verifyRun(run, run.log, scenariosByHash)),
  );
  const roleplayVerifications = backup.bundles.flatMap((bundle) =>
    bundle.roleplayResults.map((r) => verificationOnly(verifyRoleplayResult(r, roleplaysByHash))),
  );
  const checkVerifications = backup.bundles.flatMap((bundle) =>
    bundle.checkAttempts.map((c) => ({
      ...verifyCheckAttempt(c, checksByCourse.get(c.course)),
      profileId: bundle.profile.id,
    })),
  );
  const db = database();
  try {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
      // A profile is imported when an import record names it, as loadTraineeRecords reads it.
      const imported = new Set(backup.imports.flatMap((i) => i.profileIds));
      for (const bundle of backup.bundles) {
        const profileId = bundle.profile.id;
        await db.profiles.put({
          ...bundle.profile,
          ...(imported.has(profileId) ? { imported: true as const } : {}),
        });
        await db.lessonVisits.bulkPut(bundle.lessonVisits.map((v) => ({ ...v, profileId })));
        await db.checkAttempts.bulkAdd(bundle.checkAttempts.map((c) => ({ ...c, profileId })));
        await db.runs.bulkPut(
          bundle.runs.map(({ log: _, actedAt: __, ...run }) => ({ ...run, profileId })),
        );
        await refreshRunDigests(db, [profileId]);
        await db.runEntries.bulkPut(
          bundle.runs.flatMap((run) =>
            run.log.map((entry, seq) =>
              withTime({ runId: run.id, seq, entry }, run.actedAt?.[seq]),
            ),
          ),
        );
        await db.roleplayResults.bulkPut(bundle.roleplayResults.map((r) => ({ ...r, profileId })));
        await db.assessments.bulkPut(bundle.assessments.map((a) => ({ ...a, profileId })));
      }
      await db.imports.bulkPut(backup.imports);
      // The fresh verifications ride on one record of their own, naming no profile, so
      // profiles that were local stay local and imported ones stay imported.
      await db.imports.put({
        id: `restored-${new Date().getTime()}`,
        fileName: file,
        importedAt: new Date(),
        profileIds: [],
        verifications,
        roleplayVerifications,
        checkVerifications,
      });
      await db.settings.bulkPut(backup.settings);
      await db.feedback.bulkAdd(backup.feedback);
      await db.customContent.bulkPut(backup.customContent);
    });
  } catch (error) {
    return storageFailure(file, 'could not restore the backup, so nothing was changed', error);
  }
  return {
    status: 'restored',
    file,
    trainees: backup.bundles.length,
    runs: verifications.length,
    flagged: verifications.filter((v) => v.flag).length,
    roleplaysFlagged: roleplayVerifications.filter((v) => v.flag).length,
    checksFlagged: checkVerifications.filter((v) => v.flag).length,
  };
}

export type { Profile };
