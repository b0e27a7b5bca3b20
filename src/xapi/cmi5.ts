/**
 * cmi5 ("Quartz") for the site as an assignable unit: the launch parameters (§8.1), the
 * launch data the LMS keeps in the State API (§10), and the cmi5 defined statements (§9.3)
 * with the rules on which may be sent when (§9.3, §10.2: none of completed, passed or failed
 * in Browse or Review mode; completed and passed once per registration; nothing after
 * terminated). Pure: the session in the browser keeps the state and does the sending.
 */
import { isoDuration } from './duration';
import type { Activity, Agent, Context, Result, Statement } from './types';
import { VERBS } from './vocabulary';

export interface LaunchParameters {
  endpoint: string;
  fetch: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

export interface LaunchData {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn?: 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
}

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchData: 'LMS.LaunchData',
  learnerPreferences: 'cmi5LearnerPreferences',
} as const;

/** The launch parameters of a URL's query, or null when any is missing or malformed. */
export function parseLaunch(search: string): LaunchParameters | null {
  const query = new URLSearchParams(search);
  const [endpoint, fetchUrl, actor, registration, activityId] = [
    'endpoint',
    'fetch',
    'actor',
    'registration',
    'activityId',
  ].map((name) => query.get(name));
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  try {
    const agent = JSON.parse(actor) as Agent;
    if (!agent.account?.homePage || !agent.account.name) return null;
    return {
      endpoint: endpoint.replace(/\/*$/, '/'),
      fetch: fetchUrl,
      actor: { ...agent, objectType: 'Agent' },
      registration,
      activityId,
    };
  } catch {
    return null;
  }
}

export type Cmi5Verb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';

/** What the session has sent so far; kept across reloads. */
export interface Cmi5Progress {
  initialized: boolean;
  completed: boolean;
  passed: boolean;
  terminated: boolean;
}

/** Whether the rules allow sending `verb` now, and if not, why. */
export function cmi5Allows(
  verb: Cmi5Verb,
  progress: Cmi5Progress,
  launch: LaunchData,
): string | null {
  if (progress.terminated) return 'The session has ended.';
  if (verb === 'initialized') return progress.initialized ? 'Already initialized.' : null;
  if (!progress.initialized) return 'Not initialized yet.';
  if (verb === 'terminated') return null;
  if (launch.launchMode !== 'Normal') return `No ${verb} in ${launch.launchMode} mode.`;
  if (verb === 'completed' && progress.completed) return 'Already completed.';
  if ((verb === 'passed' || verb === 'failed') && progress.passed) return 'Already passed.';
  return null;
}

/**
 * A cmi5 defined statement: the launch's actor and activity, the LMS's context template
 * merged in (registration, session id and its extensions kept), the cmi5 category, and for
 * completed, passed and failed the moveOn category.
 */
export function cmi5Statement(
  id: string,
  verb: Cmi5Verb,
  launch: LaunchParameters,
  data: LaunchData,
  at: Date,
  result?: Result,
): Statement {
  const template = data.contextTemplate ?? {};
  const categories: Activity[] = [{ objectType: 'Activity', id: CMI5.category }];
  if (verb === 'completed' || verb === 'passed' || verb === 'failed')
    categories.push({ objectType: 'Activity', id: CMI5.moveOn });
  const extensions = {
    ...template.extensions,
    ...((verb === 'passed' || verb === 'failed') && data.masteryScore !== undefined
      ? { [CMI5.masteryScore]: data.masteryScore }
      : {}),
  };
  return {
    id,
    actor: launch.actor,
    verb: VERBS[verb],
    object: { objectType: 'Activity', id: launch.activityId },
    ...(result ? { result } : {}),
    context: {
      ...template,
      registration: launch.registration,
      contextActivities: {
        ...template.contextActivities,
        category: [...(template.contextActivities?.category ?? []), ...categories],
      },
      extensions,
    },
    timestamp: at.toISOString(),
  };
}

/** The result of a check as cmi5 wants it: scaled score, success by the mastery score. */
export function cmi5Verdict(
  scaled: number,
  passedByCheck: boolean,
  data: LaunchData,
  seconds: number,
): { verb: 'passed' | 'failed'; result: Result } {
  const passed = data.masteryScore !== undefined ? scaled >= data.masteryScore : passedByCheck;
  return {
    verb: passed ? 'passed' : 'failed',
    result: { score: { scaled }, success: passed, duration: isoDuration(seconds) },
  };
}
