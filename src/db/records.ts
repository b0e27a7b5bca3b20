/**
 * Storage for the manager's records (issue 6): exporting one trainee's progress as a
 * bundle, the dashboard's read of everything, the attempt-policy setting, deleting one
 * trainee, and backing up the whole browser. Loaded lazily by the manager island and the
 * profile panel. Importing bundles and restoring backups is ./import.ts, which writes the
 * plan src/records/import.ts makes; ./import-job.ts runs it off the page in a worker.
 */
import Dexie from 'dexie';
import { ENGINE_VERSION } from '../engine/state';
import {
  ATTEMPT_POLICIES,
  type AttemptPolicy,
  type PendingProfileConflict,
  type TraineeRecord,
} from '../records/aggregate';
import { runEvidence } from '../records/evidence';
import { BACKUP_FORMAT, BACKUP_VERSION, BUNDLE_FORMAT, BUNDLE_VERSION } from '../records/formats';
import type { Bundle } from '../records/schema';
import type { RunVerification } from '../records/verify';
import type { CheckVerification } from '../records/verify-check';
import { checkAttemptKey } from '../records/flags';
import type { RoleplayVerification } from '../records/flags';
import { recordChanges } from './record-changes';
import { refreshRunDigests } from './run-digests';
import { deleteRunLogs, runLog, timedRunLog } from './run-log';
import { database, type ImportRecord, type Profile, type Run } from './database';
import { LRS_READ_SETTINGS } from './lrs-read-settings';
import type { ImportJob, ImportKind } from './import-job';
import type { References, ImportProgress } from '../records/import';

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
      db.runLogs,
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
      const logs = await Promise.all(runs.map((run) => timedRunLog(run.id)));
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

/** What the import records say: each record's verification, and conflicts left to settle. */
function importFindings(imports: ImportRecord[]) {
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
  return {
    verification,
    roleplayVerification,
    checkVerification,
    importedProfiles,
    profileConflicts,
  };
}

/** A stored run as the dashboard shows it, with what its verification found. */
function runRecord(run: Run, v: RunVerification | undefined): TraineeRecord['runs'][number] {
  return {
    id: run.id,
    scenario: run.scenario,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    status: run.status,
    ...(run.mode ? { mode: run.mode } : {}),
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
  const {
    verification,
    roleplayVerification,
    checkVerification,
    importedProfiles,
    profileConflicts,
  } = importFindings(imports);
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
  for (const run of runs)
    byProfile.get(run.profileId)?.runs.push(runRecord(run, verification.get(run.id)));
  for (const r of roleplays) {
    const v = roleplayVerification.get(r.id);
    byProfile.get(r.profileId)?.roleplays.push({
      ...r,
      flag: v?.flag ?? null,
      ...(v ? { flagReason: v.reason } : {}),
      // Self-reported trainer overrides never raise the score that counts (verify-roleplay.ts).
      ...(v?.selfReportedOverrides ? { selfReportedOverrides: v.selfReportedOverrides } : {}),
      ...(v?.counted ? { score: v.counted, reportedScore: r.score } : {}),
    });
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
  recordChanges.addEventListener('change', listener);
  return () => {
    Dexie.on.storagemutated.unsubscribe(listener);
    recordChanges.removeEventListener('change', listener);
  };
}

/** A run and its log, for the drill-down replay. */
export async function runWithLog(runId: string): Promise<{ run: Run; log: unknown[] } | null> {
  const run = await database().runs.get(runId);
  return run ? { run, log: await runLog(runId) } : null;
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
      db.runLogs,
      db.roleplayResults,
      db.assessments,
      db.imports,
    ],
    async () => {
      const runIds = await db.runs.where('profileId').equals(profileId).primaryKeys();
      await deleteRunLogs(db, runIds);
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
    // The manager's LRS read key stays on this browser: a backup file may travel.
    settings: settings.filter((s) => !LRS_READ_SETTINGS.includes(s.key)),
    // Verifications are not kept: a restore replays every run again.
    imports: imports.map(({ id, fileName, importedAt, profileIds }) => ({
      id,
      fileName,
      importedAt,
      profileIds,
    })),
    feedback: feedback.map(({ id: _, ...f }) => f),
    customContent,
  };
}

export type { Profile };
// Importing, restoring and reading from an LRS replay every run with the whole engine and
// the file parsers: those modules load on first use, so the dashboard's first read of the
// roster ships without them.
type Importing = typeof import('./import');
type Reading = typeof import('./lrs-read');
const importing = () => import('./import');
const reading = () => import('./lrs-read');

/** Start importing one file (./import-job.ts); the job's code loads with the first import. */
export function startImport<K extends ImportKind>(
  kind: K,
  file: File,
  refs: References,
  onProgress: (progress: ImportProgress) => void,
): ImportJob<K> {
  let job: ImportJob<K> | null = null;
  let cancelled = false;
  const done = import('./import-job').then((jobs) => {
    job = jobs.startImport(kind, file, refs, onProgress);
    if (cancelled) job.cancel();
    return job.done;
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      job?.cancel();
    },
  };
}
export type { ImportJob, ImportKind };

export const importBundleText = async (...args: Parameters<Importing['importBundleText']>) =>
  (await importing()).importBundleText(...args);
export const importBundle = async (...args: Parameters<Importing['importBundle']>) =>
  (await importing()).importBundle(...args);
export const restoreBackupText = async (...args: Parameters<Importing['restoreBackupText']>) =>
  (await importing()).restoreBackupText(...args);
export const restoreBackup = async (...args: Parameters<Importing['restoreBackup']>) =>
  (await importing()).restoreBackup(...args);
export type { ImportOutcome, RestoreOutcome } from './import';

export const readFromLrs = async (...args: Parameters<Reading['readFromLrs']>) =>
  (await reading()).readFromLrs(...args);
export {
  lrsReadConfigProblem,
  lrsReadSettings,
  saveLrsReadConfig,
  type LrsReadConfig,
  type LrsReadLog,
  type LrsReadOutcome,
  type LrsReadState,
} from './lrs-read-settings';
