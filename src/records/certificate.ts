/**
 * The certificate of completion (issue 6). Earned when a trainee has finished the course
 * (every lesson completed, every knowledge check passed) and passed every required
 * scenario with a verified run.
 *
 * Required scenarios: every scenario of level 1 (beginner) and 2 (intermediate). Those
 * are the shifts every new hire must handle alone; level 3 scenarios are stretch practice
 * for experienced staff. A scenario file can change its level to move in or out.
 */
import type { CourseOutline } from '../course/outline';
import type { CourseProgress } from '../course/progress';
import { countedRuns, traineeCourse, type ScenarioInfo, type TraineeRecord } from './aggregate';

export const REQUIRED_MAX_LEVEL = 2;

/** The scenarios a certificate needs, in id order. */
export function requiredScenarios(scenarios: Iterable<ScenarioInfo>): ScenarioInfo[] {
  return [...scenarios]
    .filter((s) => s.level <= REQUIRED_MAX_LEVEL)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export type CertificateStatus =
  | { earned: true; on: Date; passed: { scenario: ScenarioInfo; on: Date; score: number }[] }
  | { earned: false; missing: string[] };

/** Whether a trainee has earned the certificate, and if not, what is missing, in words. */
export function certificateStatus(
  record: TraineeRecord,
  outline: CourseOutline,
  scenarios: Iterable<ScenarioInfo>,
  now: Date,
  course: Pick<
    CourseProgress,
    'complete' | 'lessonsDone' | 'lessonsTotal' | 'checksPassed' | 'checksTotal' | 'completedOn'
  > = traineeCourse(record, outline, now),
): CertificateStatus {
  const missing: string[] = [];
  if (!course.complete)
    missing.push(
      `the course: ${course.lessonsDone} of ${course.lessonsTotal} lessons, ${course.checksPassed} of ${course.checksTotal} checks passed`,
    );
  const passed: { scenario: ScenarioInfo; on: Date; score: number }[] = [];
  for (const scenario of requiredScenarios(scenarios)) {
    const pass = countedRuns(record.runs, scenario.id).find((r) => r.score!.passed);
    if (pass) passed.push({ scenario, on: pass.updatedAt, score: pass.score!.total });
    else missing.push(`a pass in “${scenario.title}”`);
  }
  if (missing.length > 0 || !course.completedOn) return { earned: false, missing };
  const on = new Date(Math.max(course.completedOn.getTime(), ...passed.map((p) => p.on.getTime())));
  return { earned: true, on, passed };
}
