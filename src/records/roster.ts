/**
 * One roster line per trainee: everything the dashboard's first table shows, from the
 * trainee's records, the course outline, the scenarios and the attempt policy.
 */
import type { CourseOutline } from '../course/outline';
import {
  countedRuns,
  lastActivity,
  roleplayScore,
  traineeCourse,
  type AttemptPolicy,
  type ScenarioInfo,
  type TraineeRecord,
} from './aggregate';
import { certificateStatus, requiredScenarios, type CertificateStatus } from './certificate';

export interface RosterRow {
  id: string;
  name: string;
  team: string;
  role: string;
  imported: boolean;
  coursePercent: number;
  courseComplete: boolean;
  checksPassed: number;
  checksTotal: number;
  /** Required scenarios passed with a verified run, of how many. */
  requiredPassed: number;
  requiredTotal: number;
  /** Ended runs, and runs flagged by verification. */
  runs: number;
  flagged: number;
  roleplayAttempts: number;
  roleplayScore: number | null;
  /** Role-play results whose steps do not give their stored score, or cannot be checked. */
  roleplaysFlagged: number;
  assessments: number;
  lastActivity: Date | null;
  refresherDueOn: Date | null;
  refresherDue: boolean;
  certificate: CertificateStatus;
}

export function rosterRow(
  record: TraineeRecord,
  outline: CourseOutline,
  scenarios: ReadonlyMap<string, ScenarioInfo>,
  policy: AttemptPolicy,
  now: Date,
): RosterRow {
  const course = traineeCourse(record, outline, now);
  const required = requiredScenarios(scenarios.values());
  const roleplay = roleplayScore(record, policy);
  return {
    id: record.profile.id,
    name: record.profile.name,
    team: record.profile.team ?? '',
    role: record.profile.role,
    imported: record.imported,
    coursePercent: course.percent,
    courseComplete: course.complete,
    checksPassed: course.checksPassed,
    checksTotal: course.checksTotal,
    requiredPassed: required.filter((s) =>
      countedRuns(record.runs, s.id).some((r) => r.score!.passed),
    ).length,
    requiredTotal: required.length,
    runs: record.runs.filter((r) => r.status === 'ended').length,
    flagged: record.runs.filter((r) => r.flag !== null).length,
    roleplayAttempts: roleplay.attempts,
    roleplayScore: roleplay.score,
    roleplaysFlagged: record.roleplays.filter((r) => r.flag).length,
    assessments: record.assessments.length,
    lastActivity: lastActivity(record),
    refresherDueOn: course.refresherDueOn,
    refresherDue: course.refresherDue,
    certificate: certificateStatus(record, outline, scenarios.values(), now, course),
  };
}
