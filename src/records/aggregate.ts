/**
 * What the manager dashboard shows, computed from plain records: which attempt counts
 * (the attempt policy, as LMS gradebooks offer), scores per scenario and per competency,
 * course progress, trends over attempts, and the filters. Pure functions, so the
 * dashboard, the CSV exports, the benchmark and the tests agree.
 *
 * Only verified runs count: a run flagged by verification (src/records/verify.ts) is shown
 * with its flag but never enters a score, so an edited file cannot raise anyone's marks.
 */
import type { CourseOutline } from '../course/outline';
import { courseProgress, refresherDue, type CourseProgress } from '../course/progress';
import { COMPETENCIES, type Competency } from '../engine/competencies';
import type { RoleplayFlag } from './flags';
import type { Evidence } from './evidence';
import type { CheckFlag } from './flags';
import type { RunFlag } from './verify';

export const ATTEMPT_POLICIES = ['first', 'best', 'last', 'average'] as const;
export type AttemptPolicy = (typeof ATTEMPT_POLICIES)[number];

export const POLICY_LABELS: Record<AttemptPolicy, string> = {
  first: 'First attempt',
  best: 'Best attempt',
  last: 'Last attempt',
  average: 'Average of attempts',
};

export interface RunSummary {
  id: string;
  scenario: string;
  startedAt: Date;
  updatedAt: Date;
  status: 'running' | 'ended' | 'abandoned';
  /** Practice (with the coach) or assessment; runs from before modes were played without one. */
  mode?: 'practice' | 'assessment';
  score?: { total: number; passed: boolean; competencies: Record<string, number> };
  /** Null for a run made on this browser or verified on import. */
  flag: RunFlag | null;
  flagReason?: string;
  /** How much the record proves (src/records/evidence.ts); from the flag when absent. */
  evidence?: Evidence;
  /** The trainer who watched it, for witnessed runs. */
  witnessedBy?: string;
}

export interface TraineeRecord {
  profile: { id: string; name: string; role: string; team?: string; createdAt: Date };
  /** Came in a bundle from another device. */
  imported: boolean;
  visits: { course: string; lesson: string; openedAt: Date; completedAt?: Date }[];
  checks: {
    course: string;
    module: string;
    at: Date;
    score: number;
    passed: boolean;
    /** Set when re-marking an imported attempt's answers did not give its result; never counts. */
    flag?: CheckFlag | null;
    flagReason?: string;
  }[];
  runs: RunSummary[];
  roleplays: RoleplaySummary[];
  assessments: {
    id: string;
    trainerName: string;
    at: Date;
    subject: { kind: string; id: string };
    /** Rubric item id to whether the trainer ticked it. */
    rubric?: Record<string, boolean>;
    notes?: string;
  }[];
  /** Imports that named this profile differently, waiting for the manager to choose. */
  profileConflicts?: PendingProfileConflict[];
}

/** An import whose bundle gave this profile another name or team (src/records/merge.ts). */
export interface PendingProfileConflict {
  importId: string;
  fileName: string;
  importedAt: Date;
  incoming: { name: string; team?: string };
  fields: ('name' | 'team')[];
}

/** One role-play result as the dashboard holds it; the steps are kept for the transcript. */
export interface RoleplaySummary {
  id: string;
  roleplay: string;
  roleplayHash?: string;
  mode?: 'practice' | 'assessment' | 'live';
  startedAt: Date;
  updatedAt: Date;
  status: string;
  steps?: unknown[];
  overrides?: unknown[];
  /** The score that counts. */
  score?: { percent: number; total?: number; max?: number; ending?: string };
  /** The score the result itself states, when self-reported overrides made it higher. */
  reportedScore?: { percent: number; total?: number; max?: number; ending?: string };
  /** Trainer overrides that came in a bundle and are not on record on this browser. */
  selfReportedOverrides?: number;
  /** Null for a result made on this browser or verified on import (absent in old callers). */
  flag?: RoleplayFlag | null;
  flagReason?: string;
}

/** A scenario as the dashboard needs it: what it trains, its level, its title. */
export interface ScenarioInfo {
  id: string;
  title: string;
  level: number;
  competencies: readonly string[];
}

/** The score that counts among attempts in time order, or null when there is none. */
export function countedScore(scores: readonly number[], policy: AttemptPolicy): number | null {
  if (scores.length === 0) return null;
  switch (policy) {
    case 'first':
      return scores[0]!;
    case 'last':
      return scores.at(-1)!;
    case 'best':
      return Math.max(...scores);
    case 'average':
      return Math.round(scores.reduce((sum, s) => sum + s, 0) / scores.length);
  }
}

const grouped = new WeakMap<readonly RunSummary[], Map<string, RunSummary[]>>();

/**
 * Ended, verified, scored runs by scenario, oldest first: the attempts that count. One pass
 * over a trainee's runs, remembered per runs list, because the roster, the heatmap, the
 * trend and the certificate all ask for it (200 trainees with 10,000 runs in one render).
 */
export function countedByScenario(runs: readonly RunSummary[]): Map<string, RunSummary[]> {
  const known = grouped.get(runs);
  if (known) return known;
  const groups = new Map<string, RunSummary[]>();
  for (const run of runs) {
    if (run.status !== 'ended' || !run.score || run.flag !== null) continue;
    const group = groups.get(run.scenario);
    if (group) group.push(run);
    else groups.set(run.scenario, [run]);
  }
  for (const group of groups.values())
    group.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  grouped.set(runs, groups);
  return groups;
}

/** Ended, verified, scored runs (of one scenario, if given), oldest first. */
export function countedRuns(runs: readonly RunSummary[], scenario?: string): RunSummary[] {
  const groups = countedByScenario(runs);
  if (scenario) return groups.get(scenario) ?? [];
  return [...groups.values()].flat().sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** The runs a policy picks: one run for first/best/last, all of them for average. */
function pickedRuns(runs: readonly RunSummary[], policy: AttemptPolicy): RunSummary[] {
  if (runs.length === 0) return [];
  if (policy === 'average') return [...runs];
  if (policy === 'first') return [runs[0]!];
  if (policy === 'last') return [runs.at(-1)!];
  // Best: the highest total; the earlier run on a tie.
  return [runs.reduce((best, r) => (r.score!.total > best.score!.total ? r : best))];
}

export interface ScenarioResult {
  scenario: string;
  attempts: number;
  score: number | null;
  passed: boolean;
  flagged: number;
  /** The run behind the number, for drill-down (the last for `average`). */
  runId: string | null;
}

/** Per scenario played: attempts, the counted score, whether any counted attempt passed. */
export function scenarioResults(
  runs: readonly RunSummary[],
  policy: AttemptPolicy,
): ScenarioResult[] {
  const ids = [...new Set(runs.map((r) => r.scenario))].sort();
  return ids.map((scenario) => {
    const counted = countedRuns(runs, scenario);
    const picked = pickedRuns(counted, policy);
    return {
      scenario,
      attempts: counted.length,
      score: countedScore(
        counted.map((r) => r.score!.total),
        policy,
      ),
      passed: counted.some((r) => r.score!.passed),
      flagged: runs.filter((r) => r.scenario === scenario && r.flag !== null).length,
      runId: picked.at(-1)?.id ?? null,
    };
  });
}

/**
 * Mean score per competency over the scenarios played, each scenario contributing the
 * policy's attempt(s). A scenario speaks for the competencies it trains, and for any other
 * competency where it took points off (as the debrief shows them). Null where no counted
 * run speaks for a competency.
 */
export function competencyAverages(
  runs: readonly RunSummary[],
  policy: AttemptPolicy,
  scenarios: ReadonlyMap<string, ScenarioInfo>,
): Record<Competency, number | null> {
  const sums = new Map<Competency, { total: number; count: number }>();
  for (const [scenario, counted] of countedByScenario(runs)) {
    const trains = scenarios.get(scenario)?.competencies ?? [];
    const picked = pickedRuns(counted, policy);
    if (picked.length === 0) continue;
    for (const competency of COMPETENCIES) {
      const values = picked
        .map((r) => r.score!.competencies[competency])
        .filter((v): v is number => typeof v === 'number');
      if (values.length === 0) continue;
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      if (!trains.includes(competency) && values.every((v) => v >= 100)) continue;
      const sum = sums.get(competency) ?? { total: 0, count: 0 };
      sum.total += mean;
      sum.count += 1;
      sums.set(competency, sum);
    }
  }
  return Object.fromEntries(
    COMPETENCIES.map((c) => {
      const sum = sums.get(c);
      return [c, sum ? Math.round(sum.total / sum.count) : null];
    }),
  ) as Record<Competency, number | null>;
}

/** Course progress from a trainee's visits and check attempts. */
export function traineeCourse(
  record: TraineeRecord,
  outline: CourseOutline,
  now: Date,
): CourseProgress & {
  checkBest: Map<string, number>;
  refresherDueOn: Date | null;
  refresherDue: boolean;
} {
  const visits = record.visits.filter((v) => v.course === outline.slug);
  // A flagged attempt (its answers do not earn what it claims) never counts.
  const checks = record.checks
    .filter((c) => c.course === outline.slug && !c.flag)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const passedChecks = new Map<string, Date>();
  const checkBest = new Map<string, number>();
  let lastRefresher: Date | null = null;
  for (const check of checks) {
    if (check.module !== 'refresher')
      checkBest.set(check.module, Math.max(checkBest.get(check.module) ?? 0, check.score));
    if (!check.passed) continue;
    if (check.module === 'refresher') lastRefresher = check.at;
    else if (!passedChecks.has(check.module)) passedChecks.set(check.module, check.at);
  }
  const progress = courseProgress(outline, {
    openedLessons: new Set(visits.map((v) => v.lesson)),
    completedLessons: new Set(visits.filter((v) => v.completedAt).map((v) => v.lesson)),
    completedAt: new Map(
      visits.filter((v) => v.completedAt).map((v) => [v.lesson, v.completedAt!]),
    ),
    passedChecks,
  });
  const due = progress.completedOn
    ? refresherDue(progress.completedOn, outline.refresherDays, lastRefresher, now)
    : null;
  return {
    ...progress,
    checkBest,
    refresherDueOn: due?.dueOn ?? null,
    refresherDue: due?.due ?? false,
  };
}

/** The latest moment the trainee did anything recorded. */
export function lastActivity(record: TraineeRecord): Date | null {
  let latest = 0;
  for (const v of record.visits)
    latest = Math.max(latest, v.openedAt.getTime(), v.completedAt?.getTime() ?? 0);
  for (const c of record.checks) latest = Math.max(latest, c.at.getTime());
  for (const r of record.runs) latest = Math.max(latest, r.updatedAt.getTime());
  for (const r of record.roleplays) latest = Math.max(latest, r.updatedAt.getTime());
  for (const a of record.assessments) latest = Math.max(latest, a.at.getTime());
  return latest === 0 ? null : new Date(latest);
}

export interface RecordFilter {
  team?: string;
  role?: string;
  /** Inclusive, by day. */
  from?: Date;
  to?: Date;
  scenario?: string;
}

/**
 * The trainees and the activity a filter keeps. Team and role choose trainees; the date
 * range and the scenario narrow each trainee's activity (a trainee with nothing left in
 * the range is still listed, with nothing to show, unless a scenario is chosen).
 */
export function applyFilter(
  records: readonly TraineeRecord[],
  filter: RecordFilter,
): TraineeRecord[] {
  const from = filter.from?.getTime() ?? -Infinity;
  const to = filter.to?.getTime() ?? Infinity;
  const inRange = (d: Date) => d.getTime() >= from && d.getTime() <= to;
  const ranged = filter.from !== undefined || filter.to !== undefined;
  return records
    .filter((r) => !filter.team || (r.profile.team ?? '') === filter.team)
    .filter((r) => !filter.role || r.profile.role === filter.role)
    .map((r) =>
      ranged || filter.scenario
        ? {
            ...r,
            visits: ranged
              ? r.visits.filter((v) => inRange(v.completedAt ?? v.openedAt))
              : r.visits,
            checks: ranged ? r.checks.filter((c) => inRange(c.at)) : r.checks,
            runs: r.runs.filter(
              (run) =>
                inRange(run.startedAt) && (!filter.scenario || run.scenario === filter.scenario),
            ),
            roleplays: ranged ? r.roleplays.filter((p) => inRange(p.startedAt)) : r.roleplays,
            assessments: ranged ? r.assessments.filter((a) => inRange(a.at)) : r.assessments,
          }
        : r,
    )
    .filter((r) => !filter.scenario || r.runs.length > 0);
}

export interface TrendSeries {
  scenario: string;
  /** Mean score of the n-th counted attempt (index 0 = first attempt), over the trainees who made it. */
  means: (number | null)[];
  /** How many trainees made each attempt. */
  counts: number[];
}

/** Scores over attempts: per scenario, the mean of each trainee's 1st, 2nd, ... attempt. */
export function trendByAttempt(records: readonly TraineeRecord[], maxAttempts = 10): TrendSeries[] {
  const byScenario = new Map<string, { sum: number[]; count: number[] }>();
  for (const record of records)
    for (const [scenario, all] of countedByScenario(record.runs)) {
      const counted = all.slice(0, maxAttempts);
      const series = byScenario.get(scenario) ?? { sum: [], count: [] };
      counted.forEach((run, i) => {
        series.sum[i] = (series.sum[i] ?? 0) + run.score!.total;
        series.count[i] = (series.count[i] ?? 0) + 1;
      });
      byScenario.set(scenario, series);
    }
  return [...byScenario.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scenario, { sum, count }]) => {
      const length = count.length;
      const counts = Array.from({ length }, (_, i) => count[i] ?? 0);
      return {
        scenario,
        counts,
        means: counts.map((n, i) => (n === 0 ? null : Math.round(sum[i]! / n))),
      };
    });
}

/**
 * Role-play result that counts, by the same policy, over ended attempts with a score. As
 * with runs, a flagged result (its steps do not give its score) never counts.
 */
export function roleplayScore(
  record: TraineeRecord,
  policy: AttemptPolicy,
): { attempts: number; score: number | null } {
  const ended = record.roleplays
    .filter((r) => r.status === 'ended' && r.score && !r.flag)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return {
    attempts: ended.length,
    score: countedScore(
      ended.map((r) => Math.round(r.score!.percent)),
      policy,
    ),
  };
}
