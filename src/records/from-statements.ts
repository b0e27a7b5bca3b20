/**
 * Statements read from a learning record store, back into progress bundles (issue 15): one
 * bundle per trainee, so the manager's dashboard stores them through the same plan,
 * verification and conflict rules as a bundle file (./import.ts). The statements carry the
 * records they mirror in context extensions (src/xapi: `lesson-visit`, `check-attempt`,
 * `run`, `roleplay-result`); statements without one (`answered`, `attempted`, `scored`)
 * add nothing here. Pure: no storage, no network.
 *
 * What an LRS returns is outside data: each record is checked against the bundle schema on
 * its own, and one that fails is skipped with its reason instead of refusing the trainee.
 */
import type { z } from 'zod';
import { extensionKeys } from '../xapi/vocabulary';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleCheckAttemptSchema,
  bundleLessonVisitSchema,
  bundleProfileSchema,
  bundleRoleplaySchema,
  bundleRunSchema,
  type BundleInput,
} from './schema';

/** The parts of a stored statement read here; anything else in it is ignored. */
interface ReadStatement {
  id?: unknown;
  actor?: { name?: unknown; account?: { name?: unknown } };
  timestamp?: unknown;
  stored?: unknown;
  context?: { extensions?: Record<string, unknown> };
}

export interface SkippedStatement {
  statementId: string;
  reason: string;
}

export interface Rebuilt {
  /** One bundle per trainee, in the order their first statement was stored. */
  bundles: BundleInput[];
  skipped: SkippedStatement[];
}

type Visit = z.input<typeof bundleLessonVisitSchema>;
type Check = z.input<typeof bundleCheckAttemptSchema>;
type Run = z.input<typeof bundleRunSchema>;
type Roleplay = z.input<typeof bundleRoleplaySchema>;

interface Trainee {
  id: string;
  name: string;
  createdAt: string;
  lastStored: string;
  visits: Map<string, Visit>;
  checks: Map<string, Check>;
  runs: Map<string, Run>;
  roleplays: Map<string, Roleplay>;
}

const firstProblem = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'the record'} ${issue.message}`;
};

/** A profile name as a bundle allows it; an unnamed actor gets a name from its id. */
function nameOf(actor: ReadStatement['actor'], id: string): string {
  const given = typeof actor?.name === 'string' ? actor.name.trim().slice(0, 60) : '';
  return given || `Trainee ${id.slice(0, 8)}`;
}

/** A later reading of a lesson never loses its completion or reading time. */
function mergeVisit(stored: Visit | undefined, next: Visit): Visit {
  if (!stored) return next;
  return {
    ...stored,
    ...(next.completedAt ? { completedAt: next.completedAt } : {}),
    seconds: Math.max(stored.seconds, next.seconds),
  };
}

function traineeOf(
  trainees: Map<string, Trainee>,
  s: ReadStatement,
): Trainee | { problem: string } {
  const id = s.actor?.account?.name;
  if (typeof id !== 'string') return { problem: 'its actor has no account' };
  const profile = bundleProfileSchema.safeParse({
    id,
    name: nameOf(s.actor, id),
    role: 'trainee',
    createdAt: typeof s.timestamp === 'string' ? s.timestamp : '',
  });
  if (!profile.success) return { problem: `its actor: ${firstProblem(profile.error)}` };
  const stored = typeof s.stored === 'string' ? s.stored : '';
  const known = trainees.get(id);
  if (known) {
    if (profile.data.createdAt.toISOString() < known.createdAt)
      known.createdAt = profile.data.createdAt.toISOString();
    known.name = profile.data.name;
    if (stored > known.lastStored) known.lastStored = stored;
    return known;
  }
  const trainee: Trainee = {
    id,
    name: profile.data.name,
    createdAt: profile.data.createdAt.toISOString(),
    lastStored: stored,
    visits: new Map(),
    checks: new Map(),
    runs: new Map(),
    roleplays: new Map(),
  };
  trainees.set(id, trainee);
  return trainee;
}

/** Add the records one statement carries to its trainee; a reason when one does not fit. */
function addRecords(
  trainee: Trainee,
  extensions: Record<string, unknown>,
  keys: ReturnType<typeof extensionKeys>,
): string | null {
  const read = <S extends z.ZodTypeAny>(key: string, schema: S, add: (row: z.input<S>) => void) => {
    if (!(key in extensions)) return null;
    const parsed = schema.safeParse(extensions[key]);
    if (!parsed.success) return `${key.split('/').pop()}: ${firstProblem(parsed.error)}`;
    // Stored as given (dates as strings): the bundle is read again as a whole on import.
    add(extensions[key] as z.input<S>);
    return null;
  };
  return (
    read(keys.lessonVisit, bundleLessonVisitSchema, (v) => {
      const key = `${v.course} ${v.lesson}`;
      trainee.visits.set(key, mergeVisit(trainee.visits.get(key), v));
    }) ??
    read(keys.checkAttempt, bundleCheckAttemptSchema, (c) =>
      trainee.checks.set(`${c.course} ${c.module} ${c.at}`, c),
    ) ??
    read(keys.run, bundleRunSchema, (r) => trainee.runs.set(r.id, r)) ??
    read(keys.roleplayResult, bundleRoleplaySchema, (r) => trainee.roleplays.set(r.id, r))
  );
}

function bundleOf(trainee: Trainee, engineVersion: string): BundleInput {
  const runs = [...trainee.runs.values()];
  const scenarios = new Map(runs.map((r) => [`${r.scenario} ${r.scenarioHash}`, r]));
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    // The newest statement's storing time, so reading the same statements twice gives the
    // same bundle, which the import then recognises as already imported.
    exportedAt: trainee.lastStored || trainee.createdAt,
    engineVersion,
    profile: { id: trainee.id, name: trainee.name, role: 'trainee', createdAt: trainee.createdAt },
    lessonVisits: [...trainee.visits.values()],
    checkAttempts: [...trainee.checks.values()],
    runs,
    roleplayResults: [...trainee.roleplays.values()],
    assessments: [],
    scenarios: [...scenarios.values()].map((r) => ({ id: r.scenario, hash: r.scenarioHash })),
  } as unknown as BundleInput;
}

/**
 * The trainees' records in statements read from an LRS, oldest stored first; a later
 * statement of the same record (a run, a role-play attempt) replaces an earlier one.
 */
export function bundlesFromStatements(
  statements: readonly unknown[],
  activityBase: string,
  engineVersion: string,
): Rebuilt {
  const keys = extensionKeys(activityBase);
  const trainees = new Map<string, Trainee>();
  const skipped: SkippedStatement[] = [];
  for (const raw of statements) {
    const s = (raw ?? {}) as ReadStatement;
    const statementId = typeof s.id === 'string' ? s.id : '(no id)';
    const extensions = s.context?.extensions;
    if (!extensions || typeof extensions !== 'object') continue;
    const trainee = traineeOf(trainees, s);
    if ('problem' in trainee) {
      skipped.push({ statementId, reason: trainee.problem });
      continue;
    }
    const problem = addRecords(trainee, extensions, keys);
    if (problem) skipped.push({ statementId, reason: problem });
  }
  return { bundles: [...trainees.values()].map((t) => bundleOf(t, engineVersion)), skipped };
}
