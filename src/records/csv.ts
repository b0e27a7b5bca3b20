/**
 * CSV exports for HR (issue 6): one row per trainee and activity, one per trainee and
 * competency. RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled. A cell a spreadsheet would read as a
 * formula (starting with = + - @, or a tab or carriage return) gets a leading apostrophe,
 * as OWASP's CSV-injection advice recommends, since names and titles come from files.
 */
import type { CourseOutline } from '../course/outline';
import { COMPETENCIES } from '../engine/competencies';
import {
  competencyAverages,
  lastActivity,
  roleplayScore,
  scenarioResults,
  traineeCourse,
  type AttemptPolicy,
  type ScenarioInfo,
  type TraineeRecord,
} from './aggregate';

type Cell = string | number | boolean | null | undefined;

/** One cell as RFC 4180 text, with formula injection neutralised. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to one CSV document, header first, CRLF after every row. */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : '');

export const ACTIVITY_HEADER = [
  'trainee_id',
  'trainee',
  'team',
  'role',
  'activity_type',
  'activity',
  'attempts',
  'score',
  'passed',
  'flagged_runs',
  'last_activity',
] as const;

/** One row per trainee and activity: the course, each check, each scenario, role-plays. */
export function activityRows(
  records: readonly TraineeRecord[],
  outline: CourseOutline,
  scenarios: ReadonlyMap<string, ScenarioInfo>,
  policy: AttemptPolicy,
  now: Date,
): Cell[][] {
  const rows: Cell[][] = [];
  for (const record of records) {
    const who = [
      record.profile.id,
      record.profile.name,
      record.profile.team ?? '',
      record.profile.role,
    ];
    const course = traineeCourse(record, outline, now);
    rows.push([
      ...who,
      'course',
      outline.title,
      '',
      course.percent,
      course.complete,
      '',
      day(course.completedOn ?? lastActivity(record)),
    ]);
    rows.push(...checkActivity(record, outline, course).map((row) => [...who, ...row]));
    for (const result of scenarioResults(record.runs, policy)) {
      const runs = record.runs.filter((r) => r.scenario === result.scenario);
      rows.push([
        ...who,
        'simulation',
        scenarios.get(result.scenario)?.title ?? result.scenario,
        result.attempts,
        result.score,
        result.passed,
        result.flagged,
        day(new Date(Math.max(...runs.map((r) => r.updatedAt.getTime())))),
      ]);
    }
    rows.push(...roleplayActivity(record, policy).map((row) => [...who, ...row]));
    if (record.assessments.length > 0)
      rows.push([
        ...who,
        'trainer-assessment',
        'Trainer assessments',
        record.assessments.length,
        '',
        '',
        '',
        day(new Date(Math.max(...record.assessments.map((a) => a.at.getTime())))),
      ]);
  }
  return rows;
}

/** A trainee's row for each knowledge check they tried, after the columns naming them. */
function checkActivity(
  record: TraineeRecord,
  outline: CourseOutline,
  course: ReturnType<typeof traineeCourse>,
): Cell[][] {
  return outline.modules
    .filter((m) => m.hasCheck)
    .flatMap((module) => {
      const attempts = record.checks.filter(
        (c) => c.course === outline.slug && c.module === module.slug,
      );
      if (attempts.length === 0) return [];
      return [
        [
          'knowledge-check',
          module.title,
          attempts.length,
          Math.round((course.checkBest.get(module.slug) ?? 0) * 100),
          attempts.some((a) => a.passed),
          '',
          day(new Date(Math.max(...attempts.map((a) => a.at.getTime())))),
        ],
      ];
    });
}

/** A trainee's row for each role-play they played, after the columns naming them. */
function roleplayActivity(record: TraineeRecord, policy: AttemptPolicy): Cell[][] {
  return [...new Set(record.roleplays.map((r) => r.roleplay))].map((roleplay) => {
    const mine = { ...record, roleplays: record.roleplays.filter((r) => r.roleplay === roleplay) };
    const result = roleplayScore(mine, policy);
    return [
      'roleplay',
      roleplay,
      result.attempts,
      result.score,
      '',
      '',
      day(new Date(Math.max(...mine.roleplays.map((r) => r.updatedAt.getTime())))),
    ];
  });
}

export const COMPETENCY_HEADER = [
  'trainee_id',
  'trainee',
  'team',
  'role',
  'competency',
  'score',
] as const;

/** One row per trainee and competency; an empty score where no counted run speaks for it. */
export function competencyRows(
  records: readonly TraineeRecord[],
  scenarios: ReadonlyMap<string, ScenarioInfo>,
  policy: AttemptPolicy,
): Cell[][] {
  return records.flatMap((record) => {
    const averages = competencyAverages(record.runs, policy, scenarios);
    return COMPETENCIES.map((c) => [
      record.profile.id,
      record.profile.name,
      record.profile.team ?? '',
      record.profile.role,
      c,
      averages[c],
    ]);
  });
}
