/**
 * The verbs and activity types of the statements, from the ADL vocabulary that xAPI 1.0.3
 * and cmi5 use (http://adlnet.gov/expapi/verbs/*, .../activities/*), and the site's own
 * extension keys, which live under the organisation's activity base.
 */
import type { Verb } from './types';

const verb = (word: string): Verb => ({
  id: `http://adlnet.gov/expapi/verbs/${word}`,
  display: { 'en-US': word },
});

export const VERBS = {
  experienced: verb('experienced'),
  completed: verb('completed'),
  answered: verb('answered'),
  attempted: verb('attempted'),
  passed: verb('passed'),
  failed: verb('failed'),
  scored: verb('scored'),
  initialized: verb('initialized'),
  terminated: verb('terminated'),
} as const;

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
} as const;

/** The extension keys, as IRIs under the activity base (`<base>xapi/extensions/<name>`). */
export function extensionKeys(activityBase: string) {
  const key = (name: string) => `${activityBase}xapi/extensions/${name}`;
  return {
    competencies: key('competencies'),
    scenarioHash: key('scenario-hash'),
    engineVersion: key('engine-version'),
    runId: key('run-id'),
    mode: key('mode'),
    roleplayHash: key('roleplay-hash'),
    attemptId: key('attempt-id'),
    rubric: key('rubric'),
    ending: key('ending'),
    credits: key('credits'),
    overrides: key('overrides'),
    trainer: key('trainer'),
    // The record a statement mirrors, as a progress bundle holds it (src/records/schema.ts),
    // so a manager reading the LRS rebuilds and verifies it as an imported bundle.
    lessonVisit: key('lesson-visit'),
    checkAttempt: key('check-attempt'),
    run: key('run'),
    roleplayResult: key('roleplay-result'),
  };
}
