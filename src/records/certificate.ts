/**
 * The certificate of completion (issue 6). Earned when a trainee has finished the course
 * (every lesson completed, every knowledge check passed) and passed every required
 * scenario with a verified run.
 *
 * Required scenarios: every scenario of level 1 (beginner) and 2 (intermediate). Those
 * are the shifts every new hire must handle alone; level 3 scenarios are stretch practice
 * for experienced staff. A scenario file can change its level to move in or out.
 *
 * Evidence (issue 11): a pass counts when its run is witnessed, played on this browser, or
 * replay-verified (CERTIFICATE_EVIDENCE): never a self-reported run, whose bundle did not
 * survive replay, re-marking or the timing check, so the autopilot's log copied into a file
 * earns nothing. Checks count only when their answers, marked again, earn the pass.
 */
import type { CourseOutline } from '../course/outline';
import type { CourseProgress } from '../course/progress';
import {
  countedRuns,
  traineeCourse,
  type RunSummary,
  type ScenarioInfo,
  type TraineeRecord,
} from './aggregate';
import { CERTIFICATE_EVIDENCE, EVIDENCE_LABELS, type Evidence } from './evidence';

export const REQUIRED_MAX_LEVEL = 2;

/** The scenarios a certificate needs, in id order (whatever else each carries comes along). */
export function requiredScenarios<T extends ScenarioInfo>(scenarios: Iterable<T>): T[] {
  return (
    [...scenarios]
      // Level 0 is the guided first shift: practice with a guide, not evidence of skill.
      .filter((s) => s.level >= 1 && s.level <= REQUIRED_MAX_LEVEL)
      .sort((a, b) => a.id.localeCompare(b.id))
  );
}

export interface CertifiedPass {
  scenario: ScenarioInfo;
  on: Date;
  score: number;
  evidence: Evidence;
}

export type CertificateStatus =
  { earned: true; on: Date; passed: CertifiedPass[] } | { earned: false; missing: string[] };

/** The certificate's rule on evidence, in words, naming the levels it accepts. */
export const CERTIFICATE_RULE = `Each required simulation needs a pass that is ${CERTIFICATE_EVIDENCE.map(
  (e) => EVIDENCE_LABELS[e].toLowerCase(),
)
  .join(', ')
  .replace(
    /, ([^,]*)$/,
    ' or $1',
  )}; a self-reported run never counts, and knowledge checks count only when their answers, marked again, earn the pass.`;

/** A counted run's evidence; runs without a level (made by older code) read it from the flag. */
const evidenceOf = (run: RunSummary): Evidence =>
  run.evidence ?? (run.flag === null ? 'replay-verified' : 'self-reported');

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
  const passed: CertifiedPass[] = [];
  for (const scenario of requiredScenarios(scenarios)) {
    const pass = countedRuns(record.runs, scenario.id).find(
      // A practice run had the coach beside it: only an assessment shows the trainee alone.
      (r) =>
        r.score!.passed && r.mode !== 'practice' && CERTIFICATE_EVIDENCE.includes(evidenceOf(r)),
    );
    if (pass)
      passed.push({
        scenario,
        on: pass.updatedAt,
        score: pass.score!.total,
        evidence: evidenceOf(pass),
      });
    else missing.push(`a pass in “${scenario.title}”`);
  }
  if (missing.length > 0 || !course.completedOn) return { earned: false, missing };
  const on = new Date(Math.max(course.completedOn.getTime(), ...passed.map((p) => p.on.getTime())));
  return { earned: true, on, passed };
}
