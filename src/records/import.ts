/**
 * The import pipeline, without storage (issue 17): read a bundle or a backup from a file's
 * text, verify every record in it, and plan what storing it would change. src/db/import.ts
 * reads what is stored under the bundle's ids, asks `planImport` what to do, and writes the
 * plan in one transaction; nothing here touches IndexedDB, so it runs the same in a Web
 * Worker, on the page, and in unit tests.
 *
 * What a plan decides (issue 11, item 2): an id that belongs to another trainee refuses
 * the whole file; a finished run is never rewritten (`runMerge`); a profile arriving under
 * another name or team is reported, not renamed; check attempts, visits, role-play results
 * and assessments add only what is new.
 */
import { parseLog } from '../engine/log';
import { parseFileText } from '../engine/file-text';
import { MAX_AUTHORED_BYTES } from '../engine/limits';
import type { Problem } from '../engine/problems';
import type { Scenario } from '../engine/schema';
import type { Roleplay } from '../roleplay/schema';
import { parseBackup, type Backup } from './backup';
import {
  checkAttemptKey,
  type CheckVerification,
  type RoleplayVerification,
  type RunVerification,
} from './flags';
import {
  profileDifferences,
  runMerge,
  type ProfileConflict,
  type ProfileIdentity,
  type RunConflict,
} from './merge';
import { parseBundle } from './parse';
import type {
  AssessmentRow,
  Bundle,
  CheckAttemptRow,
  LessonVisitRow,
  ProfileRow,
  RoleplayResultRow,
  RunLogRow,
  RunRow,
} from './schema';
import { verifyCheckAttempt, type CourseChecks } from './verify-check';
import { verificationOnly, verifyRoleplayResult, weighOverrides } from './verify-roleplay';
import { verifyParsedRun } from './verify';

/** What this build knows, to verify records against: by content hash, and checks by course. */
export interface References {
  scenariosByHash: ReadonlyMap<string, Scenario>;
  roleplaysByHash: ReadonlyMap<string, Roleplay>;
  checksByCourse: ReadonlyMap<string, CourseChecks>;
}

/** Where a long import is: a share of the work from 0 to 1, and what it is doing. */
export interface ImportProgress {
  share: number;
  stage: 'reading' | 'verifying' | 'saving';
}
export type ProgressReport = (progress: ImportProgress) => void | Promise<void>;

/** A check verification with the profile it belongs to, as the import record keeps it. */
export type ProfileCheckVerification = CheckVerification & { profileId: string };

/** A bundle with every record verified: what a plan is made from. */
export interface CheckedBundle {
  bundle: Bundle;
  /**
   * Each run's log as it will be stored: the entries as the engine read them, or as the
   * file gave them when they do not parse (the run is then flagged 'does-not-replay').
   */
  logs: unknown[][];
  verifications: RunVerification[];
  roleplayVerifications: RoleplayVerification[];
  /** The role-play each result was replayed on, where it is known, in the bundle's order. */
  roleplays: (Roleplay | undefined)[];
  checkVerifications: ProfileCheckVerification[];
}

/** A progress bundle imported from another device (issue 6), by the SHA-256 of its text. */
export interface ImportRecordRow {
  id: string;
  fileName: string;
  importedAt: Date;
  profileIds: string[];
  /** What replaying each run of the bundle found (./verify.ts), by run. */
  verifications?: RunVerification[];
  /** What replaying each role-play result's steps found (./verify-roleplay.ts). */
  roleplayVerifications?: RoleplayVerification[];
  /** How many records the import added, by table, for the manager's message. */
  added?: Record<string, number>;
  /** What re-marking each check attempt's answers found (./verify-check.ts). */
  checkVerifications?: ProfileCheckVerification[];
  /** Runs of the bundle left out because a different run is stored under their id. */
  runConflicts?: RunConflict[];
  /** The bundle named its profile differently from this browser; the manager decides. */
  profileConflict?: ProfileConflict;
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
  | { status: 'rejected'; file: string; problems: Problem[] }
  | { status: 'cancelled'; file: string };

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
  | { status: 'rejected'; file: string; problems: Problem[] }
  | { status: 'cancelled'; file: string };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Of the whole import, the share reading and parsing takes before verifying starts. */
const READ_SHARE = 0.2;
/** Report progress at most every this many records verified. */
const REPORT_EVERY = 25;

/**
 * Verify every record of a bundle: replay and rescore each run (keeping the parsed log),
 * replay each role-play result, mark each check attempt again. `report` hears the share
 * done between `from` and `to` of the whole import.
 */
export async function checkBundle(
  bundle: Bundle,
  refs: References,
  report?: ProgressReport,
  [from, to] = [READ_SHARE, 1],
): Promise<CheckedBundle> {
  const total = bundle.runs.length + bundle.roleplayResults.length + 1;
  const logs: unknown[][] = [];
  const verifications: RunVerification[] = [];
  for (const [i, run] of bundle.runs.entries()) {
    const parsed = parseLog(run.log, `run ${run.id}`);
    logs.push(parsed.ok ? parsed.log : run.log);
    verifications.push(verifyParsedRun(run, parsed, refs.scenariosByHash));
    if (report && i % REPORT_EVERY === REPORT_EVERY - 1)
      await report({ share: from + ((to - from) * (i + 1)) / total, stage: 'verifying' });
  }
  const roleplayChecks = bundle.roleplayResults.map((r) =>
    verifyRoleplayResult(r, refs.roleplaysByHash),
  );
  const profileId = bundle.profile.id;
  const checkVerifications = bundle.checkAttempts.map((c) => ({
    ...verifyCheckAttempt(c, refs.checksByCourse.get(c.course)),
    profileId,
  }));
  await report?.({ share: to, stage: 'verifying' });
  return {
    bundle,
    logs,
    verifications,
    roleplayVerifications: roleplayChecks.map(verificationOnly),
    roleplays: roleplayChecks.map((c) => c.roleplay),
    checkVerifications,
  };
}

export type ReadBundle =
  { ok: true; id: string; checked: CheckedBundle } | { ok: false; problems: Problem[] };

/** Read and verify one bundle file; `bytes` is its size as the browser reports it. */
export async function readBundle(
  text: string,
  file: string,
  bytes: number,
  refs: References,
  report?: ProgressReport,
): Promise<ReadBundle> {
  await report?.({ share: 0, stage: 'reading' });
  const parsed = parseBundle(text, file, bytes);
  if (!parsed.ok) return parsed;
  const id = await sha256Hex(text);
  await report?.({ share: READ_SHARE, stage: 'verifying' });
  return { ok: true, id, checked: await checkBundle(parsed.value, refs, report) };
}

export type ReadBackup =
  { ok: true; backup: Backup; bundles: CheckedBundle[] } | { ok: false; problems: Problem[] };

/**
 * Authored scenarios and role-plays in a backup are stored as their text and read by the
 * authoring page later; one that is refused there (an alias bomb, nesting too deep, the
 * wrong encoding) is refused here already, so a backup cannot plant it.
 */
function customContentProblems(backup: Backup, file: string): Problem[] {
  return backup.customContent.flatMap((content, index) => {
    const name = `${content.id}.${content.source.trimStart().startsWith('{') ? 'json' : 'yaml'}`;
    const read = parseFileText(content.source, name, {
      maxBytes: MAX_AUTHORED_BYTES,
      what: `an authored ${content.kind}`,
    });
    return read.ok
      ? []
      : read.problems.slice(0, 3).map((problem) => ({
          file,
          path: `customContent[${index}].source`,
          message: `${content.kind} "${content.id}": ${problem.message}${problem.line ? ` (its line ${problem.line})` : ''}`,
        }));
  });
}

/** Run ids that two profiles of a backup both claim: one would overwrite the other. */
function sharedIds(backup: Backup, file: string): Problem[] {
  const owner = new Map<string, string>();
  const problems: Problem[] = [];
  backup.bundles.forEach((bundle, b) =>
    bundle.runs.forEach((run, r) => {
      const first = owner.get(run.id);
      if (first !== undefined && first !== bundle.profile.id)
        problems.push({
          file,
          path: `bundles[${b}].runs[${r}].id`,
          message: `"${run.id}" is also a run of profile "${first}" in this backup`,
        });
      owner.set(run.id, bundle.profile.id);
    }),
  );
  return problems.slice(0, 50);
}

/** Read a backup file and verify every bundle in it, as an import would. */
export async function readBackup(
  text: string,
  file: string,
  bytes: number,
  refs: References,
  report?: ProgressReport,
): Promise<ReadBackup> {
  await report?.({ share: 0, stage: 'reading' });
  const parsed = parseBackup(text, file, bytes);
  if (!parsed.ok) return parsed;
  const backup = parsed.value;
  const problems = [...sharedIds(backup, file), ...customContentProblems(backup, file)];
  if (problems.length > 0) return { ok: false, problems };
  const bundles: CheckedBundle[] = [];
  const step = (1 - READ_SHARE) / Math.max(1, backup.bundles.length);
  for (const [i, bundle] of backup.bundles.entries()) {
    const from = READ_SHARE + i * step;
    bundles.push(await checkBundle(bundle, refs, report, [from, from + step]));
  }
  return { ok: true, backup, bundles };
}

/** What is stored under a bundle's ids, in the bundle's order (undefined where nothing is). */
export interface StoredForImport {
  /** The stored profile under the bundle's profile id. */
  profile?: ProfileIdentity;
  runs: readonly ((RunRow & { log: readonly unknown[] }) | undefined)[];
  roleplays: readonly (RoleplayResultRow | undefined)[];
  assessments: readonly (AssessmentRow | undefined)[];
  visits: readonly (LessonVisitRow | undefined)[];
  /** `checkAttemptKey` of every check attempt stored for the profile. */
  checkKeys: ReadonlySet<string>;
}

/** Nothing stored: a restore plans every bundle onto an empty browser. */
export const NOTHING_STORED: StoredForImport = {
  runs: [],
  roleplays: [],
  assessments: [],
  visits: [],
  checkKeys: new Set(),
};

/** The rows one bundle adds or changes, and the runs it leaves out. */
export interface BundleRows {
  /** The profile to add, when none is stored under its id. */
  profile: ProfileRow | null;
  profileConflict?: ProfileConflict;
  visits: LessonVisitRow[];
  checks: CheckAttemptRow[];
  runs: RunRow[];
  /** Runs whose stored log the new one replaces (a shift carried further). */
  replacedLogs: string[];
  /** Each run's whole log in one row. */
  logs: RunLogRow[];
  roleplays: RoleplayResultRow[];
  assessments: AssessmentRow[];
  runConflicts: RunConflict[];
}

export type ImportPlan =
  | { ok: false; problems: Problem[] }
  | { ok: true; rows: BundleRows; record: ImportRecordRow; outcome: ImportOutcome };

/** Ids of the bundle already stored for another trainee: the file is refused for them. */
function ownershipProblems(bundle: Bundle, stored: StoredForImport, file: string): Problem[] {
  const problems: Problem[] = [];
  const check = (field: string, list: { id: string }[], rows: StoredForImport['runs']) =>
    list.forEach((item, index) => {
      const row = rows[index];
      if (row && row.profileId !== bundle.profile.id)
        problems.push({
          file,
          path: `${field}[${index}].id`,
          message: `"${item.id}" already belongs to another trainee on this browser`,
        });
    });
  check('runs', bundle.runs, stored.runs);
  check('roleplayResults', bundle.roleplayResults, stored.roleplays as StoredForImport['runs']);
  check('assessments', bundle.assessments, stored.assessments as StoredForImport['runs']);
  return problems;
}

/** The profile row to add, or the conflict with the one stored (never renamed here). */
function profilePlan(
  bundle: Bundle,
  stored: ProfileIdentity | undefined,
): Pick<BundleRows, 'profile' | 'profileConflict'> {
  const { team, ...rest } = bundle.profile;
  if (!stored) return { profile: { ...rest, ...(team ? { team } : {}) } };
  const existing = { name: stored.name, ...(stored.team ? { team: stored.team } : {}) };
  const incoming = { name: bundle.profile.name, ...(team ? { team } : {}) };
  const fields = profileDifferences(existing, incoming);
  return {
    profile: null,
    ...(fields
      ? { profileConflict: { profileId: bundle.profile.id, existing, incoming, fields } }
      : {}),
  };
}

/** New visits, and stored ones the bundle completes. */
function visitRows(bundle: Bundle, stored: StoredForImport['visits']): LessonVisitRow[] {
  const profileId = bundle.profile.id;
  const rows: LessonVisitRow[] = [];
  bundle.lessonVisits.forEach((v, i) => {
    const visit = stored[i];
    if (!visit) rows.push({ ...v, profileId });
    else if (!visit.completedAt && v.completedAt)
      rows.push({
        ...visit,
        completedAt: v.completedAt,
        seconds: Math.max(visit.seconds, v.seconds),
      });
  });
  return rows;
}

/** The runs to write with their log rows, and those left out for a conflict (runMerge). */
function runPlan(
  checked: CheckedBundle,
  stored: StoredForImport['runs'],
): Pick<BundleRows, 'runs' | 'replacedLogs' | 'logs' | 'runConflicts'> {
  const plan: ReturnType<typeof runPlan> = {
    runs: [],
    replacedLogs: [],
    logs: [],
    runConflicts: [],
  };
  checked.bundle.runs.forEach((run, i) => {
    const log = checked.logs[i]!;
    const merge = runMerge(stored[i], { ...run, log });
    if (merge.kind === 'conflict') plan.runConflicts.push({ runId: run.id, reason: merge.reason });
    if (merge.kind !== 'add' && merge.kind !== 'continue') return;
    const { log: _, actedAt, ...fields } = run;
    plan.runs.push({ ...fields, profileId: checked.bundle.profile.id });
    if (stored[i]) plan.replacedLogs.push(run.id);
    plan.logs.push({ runId: run.id, log, ...(actedAt ? { actedAt } : {}) });
  });
  return plan;
}

/** Every row a bundle adds or changes, given what is stored under its ids. */
export function bundleRows(checked: CheckedBundle, stored: StoredForImport): BundleRows {
  const { bundle } = checked;
  const profileId = bundle.profile.id;
  return {
    ...profilePlan(bundle, stored.profile),
    visits: visitRows(bundle, stored.visits),
    // Check attempts have local ids: the same attempt is the same course, module and moment.
    checks: bundle.checkAttempts
      .filter((c) => !stored.checkKeys.has(checkAttemptKey(c)))
      .map((c) => ({ ...c, profileId })),
    ...runPlan(checked, stored.runs),
    roleplays: bundle.roleplayResults
      .filter((r, i) => !stored.roleplays[i] || stored.roleplays[i]!.updatedAt < r.updatedAt)
      .map((r) => ({ ...r, profileId })),
    assessments: bundle.assessments
      .filter((_, i) => !stored.assessments[i])
      .map((a) => ({ ...a, profileId })),
  };
}

/** How many rows of each table the plan adds, for the manager's message. */
function addedCounts(rows: BundleRows): Record<string, number> {
  const counts: Record<string, number> = {
    profiles: rows.profile ? 1 : 0,
    lessonVisits: rows.visits.length,
    checkAttempts: rows.checks.length,
    runs: rows.runs.length,
    roleplayResults: rows.roleplays.length,
    assessments: rows.assessments.length,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/**
 * What importing a checked bundle changes, given what is stored under its ids: refused
 * with reasons, or the rows to write, the import record and the manager's outcome.
 */
export function planImport(
  checked: CheckedBundle,
  stored: StoredForImport,
  file: { id: string; name: string; at: Date },
): ImportPlan {
  const { bundle } = checked;
  const problems = ownershipProblems(bundle, stored, file.name);
  if (problems.length > 0) return { ok: false, problems };
  const rows = bundleRows(checked, stored);
  if (rows.profile) rows.profile.imported = true;
  const roleplayVerifications = weighedRoleplays(checked, (i) => stored.roleplays[i]?.overrides);
  const added = addedCounts(rows);
  const runs = new Set(rows.runs.map((r) => r.id));
  const checks = new Set(rows.checks.map(checkAttemptKey));
  const roleplays = new Set(rows.roleplays.map((r) => r.id));
  const record: ImportRecordRow = {
    id: file.id,
    fileName: file.name,
    importedAt: file.at,
    profileIds: [bundle.profile.id],
    verifications: checked.verifications.filter((v) => runs.has(v.runId)),
    roleplayVerifications: roleplayVerifications.filter((v) => roleplays.has(v.resultId)),
    added,
    checkVerifications: checked.checkVerifications.filter((v) => checks.has(v.key)),
    ...(rows.runConflicts.length > 0 ? { runConflicts: rows.runConflicts } : {}),
    ...(rows.profileConflict ? { profileConflict: rows.profileConflict } : {}),
  };
  const conflicted = new Set(rows.runConflicts.map((c) => c.runId));
  const outcome: ImportOutcome = {
    status: 'imported',
    file: file.name,
    trainee: bundle.profile.name,
    added,
    // A run left out for a conflict was not imported: its replay says nothing here.
    verifications: checked.verifications.filter((v) => !conflicted.has(v.runId)),
    roleplayVerifications,
    checkVerifications: checked.checkVerifications,
    runConflicts: rows.runConflicts,
    profileConflict: rows.profileConflict ?? null,
  };
  return { ok: true, rows, record, outcome };
}

/**
 * Each role-play result's verification with its trainer overrides weighed against those
 * this browser holds for the same result (`storedOverrides(i)`, in the bundle's order).
 */
function weighedRoleplays(
  checked: CheckedBundle,
  storedOverrides: (index: number) => readonly unknown[] | undefined,
): RoleplayVerification[] {
  return checked.roleplayVerifications.map((v, i) =>
    weighOverrides(v, checked.bundle.roleplayResults[i]!, checked.roleplays[i], storedOverrides(i)),
  );
}

/** What restoring a backup writes, after everything stored is cleared. */
export interface RestorePlan {
  bundles: BundleRows[];
  imports: ImportRecordRow[];
  settings: Backup['settings'];
  feedback: Backup['feedback'];
  customContent: Backup['customContent'];
  outcome: Extract<RestoreOutcome, { status: 'restored' }>;
}

/**
 * A restore writes every bundle of the backup as an import onto an empty browser would,
 * with the same rows. A profile is imported when an import record of the backup names it;
 * the fresh verifications ride on one record of their own, naming no profile, so local
 * profiles stay local.
 */
export function planRestore(
  read: Extract<ReadBackup, { ok: true }>,
  file: string,
  at: Date,
  /** The trainer overrides this browser holds before the restore, by result id. */
  overridesHere: ReadonlyMap<string, readonly unknown[]> = new Map(),
): RestorePlan {
  const { backup, bundles } = read;
  const imported = new Set(backup.imports.flatMap((i) => i.profileIds));
  const rows = bundles.map((checked) => {
    const planned = bundleRows(checked, NOTHING_STORED);
    if (planned.profile && imported.has(planned.profile.id)) planned.profile.imported = true;
    return planned;
  });
  const verifications = bundles.flatMap((b) => b.verifications);
  const roleplayVerifications = bundles.flatMap((b) =>
    weighedRoleplays(b, (i) => overridesHere.get(b.bundle.roleplayResults[i]!.id)),
  );
  const checkVerifications = bundles.flatMap((b) => b.checkVerifications);
  const fresh: ImportRecordRow = {
    id: `restored-${at.getTime()}`,
    fileName: file,
    importedAt: at,
    profileIds: [],
    verifications,
    roleplayVerifications,
    checkVerifications,
  };
  return {
    bundles: rows,
    imports: [...backup.imports, fresh],
    settings: backup.settings,
    feedback: backup.feedback,
    customContent: backup.customContent,
    outcome: {
      status: 'restored',
      file,
      trainees: bundles.length,
      runs: verifications.length,
      flagged: verifications.filter((v) => v.flag).length,
      roleplaysFlagged: roleplayVerifications.filter((v) => v.flag).length,
      checksFlagged: checkVerifications.filter((v) => v.flag).length,
    },
  };
}
