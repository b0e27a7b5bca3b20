/** The common shape of every statement the site builds. */
import { statementId } from './ids';
import { activity, activityId, actorOf, type Identity, type Who } from './identity';
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
      contextActivities: {
        ...extra.context?.contextActivities,
        category: [siteActivity(who), ...(extra.context?.contextActivities?.category ?? [])],
      },
    },
    timestamp: at.toISOString(),
  };
}

/**
 * The academy itself, a category of every statement the site sends: a manager's dashboard
 * asks the LRS for `activity=<base>&related_activities=true` and gets this site's statements.
 */
export const siteActivity = (who: Identity): Activity =>
  activity(who.activityBase, ACTIVITY_TYPES.course, PLATFORM);

/** A record as JSON has it (dates as ISO strings), for a statement's record extension. */
export const plain = <T>(record: T): unknown => JSON.parse(JSON.stringify(record)) as unknown;

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
