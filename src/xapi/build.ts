/** The common shape of every statement the site builds. */
import { statementId } from './ids';
import { activity, activityId, actorOf, type Who } from './identity';
import type { Activity, Context, Result, Statement, Verb } from './types';
import { ACTIVITY_TYPES } from './vocabulary';

export const PLATFORM = 'Backorder Academy';

export function statement(
  who: Who,
  key: string,
  verb: Verb,
  object: Statement['object'],
  at: Date,
  extra: { result?: Result; context?: Context } = {},
): Statement {
  return {
    id: statementId(key),
    actor: actorOf(who),
    verb,
    object,
    ...(extra.result ? { result: extra.result } : {}),
    // xAPI-Data.md §2.4.6: `platform` only when the object is an activity.
    context: {
      ...(object.objectType === 'Activity' ? { platform: PLATFORM } : {}),
      language: 'en',
      ...extra.context,
    },
    timestamp: at.toISOString(),
  };
}

const courseActivity = (who: Who, course: string) =>
  activity(activityId(who.activityBase, 'courses', course), ACTIVITY_TYPES.course);

export const inCourse = (who: Who, course: string, parent?: Activity): Context => ({
  contextActivities: {
    ...(parent ? { parent: [parent] } : {}),
    grouping: [courseActivity(who, course)],
  },
});

/** Four decimals: enough for a score, and no float noise such as 0.30000000000000004. */
export const round = (n: number) => Math.round(n * 10_000) / 10_000;
