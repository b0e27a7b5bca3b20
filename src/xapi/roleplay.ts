/**
 * A role-play attempt as statements: `answered` for each reply (a cmi.interaction at the
 * conversation's node), then `completed` with score and rubric when it reaches an ending.
 * A trainer's re-scoring is `scored`, pointing at the `completed` statement it changes
 * (a StatementRef): the first score stays on the record; nothing is ever voided.
 */
import { isoDuration, secondsBetween } from './duration';
import { plain, round, statement } from './build';
import { activity, activityId, type Who } from './identity';
import type { Activity, Context, Statement } from './types';
import { ACTIVITY_TYPES, VERBS, extensionKeys } from './vocabulary';

interface StepLike {
  node: string;
  option: number;
  typed?: string;
  reply?: string;
  credits?: string[];
}

/** A role-play attempt as the site stores it (src/db RoleplayResult). */
export interface RoleplayRecord {
  id: string;
  roleplay: string;
  roleplayHash: string;
  mode: 'practice' | 'assessment' | 'live';
  startedAt: Date;
  updatedAt: Date;
  steps: readonly unknown[];
  overrides?: readonly unknown[];
  score?: {
    total: number;
    max: number;
    percent: number;
    ending: string;
    rubric: Record<string, number>;
  };
}

const roleplayActivity = (who: Who, r: RoleplayRecord) =>
  activity(activityId(who.activityBase, 'roleplays', r.roleplay), ACTIVITY_TYPES.assessment);

function roleplayContext(who: Who, r: RoleplayRecord, parent?: Activity): Context {
  const keys = extensionKeys(who.activityBase);
  return {
    ...(parent ? { contextActivities: { parent: [parent] } } : {}),
    extensions: {
      [keys.roleplayHash]: r.roleplayHash,
      [keys.mode]: r.mode,
      [keys.attemptId]: r.id,
    },
  };
}

/** The steps so far as one key: going back and replying differently is another statement. */
const pathKey = (steps: readonly unknown[]) => JSON.stringify(steps.map(stepKey));
const stepKey = (s: unknown) => {
  const step = s as StepLike;
  return [step.node, step.option, step.typed ?? null];
};

function answered(who: Who, r: RoleplayRecord, index: number, at: Date): Statement {
  const step = r.steps[index] as StepLike;
  const parent = roleplayActivity(who, r);
  const object: Activity = {
    objectType: 'Activity',
    id: activityId(who.activityBase, 'roleplays', r.roleplay, 'nodes', step.node),
    definition: {
      type: ACTIVITY_TYPES.interaction,
      interactionType: step.typed !== undefined ? 'fill-in' : 'choice',
    },
  };
  const response = step.typed ?? step.reply ?? `option-${step.option}`;
  return statement(
    who,
    `roleplay-answered|${r.id}|${pathKey(r.steps.slice(0, index + 1))}`,
    VERBS.answered,
    object,
    at,
    {
      result: {
        response,
        ...(step.credits
          ? { extensions: { [extensionKeys(who.activityBase).credits]: [...step.credits] } }
          : {}),
      },
      context: roleplayContext(who, r, parent),
    },
  );
}

export function roleplayCompletedId(who: Who, r: RoleplayRecord): string {
  return completed(who, r)?.id ?? '';
}

function completed(who: Who, r: RoleplayRecord): Statement | null {
  if (!r.score) return null;
  const keys = extensionKeys(who.activityBase);
  const { total, max, percent, ending, rubric } = r.score;
  return statement(
    who,
    `roleplay-completed|${r.id}|${pathKey(r.steps)}`,
    VERBS.completed,
    roleplayActivity(who, r),
    r.updatedAt,
    {
      result: {
        score: { scaled: round(percent / 100), raw: total, min: 0, max },
        completion: true,
        duration: isoDuration(secondsBetween(r.startedAt, r.updatedAt)),
        extensions: { [keys.rubric]: { ...rubric }, [keys.ending]: ending },
      },
      context: {
        ...roleplayContext(who, r),
        extensions: {
          ...roleplayContext(who, r).extensions,
          // The attempt as a bundle holds it, steps included, to check it again on reading.
          [keys.roleplayResult]: plain({
            id: r.id,
            roleplay: r.roleplay,
            roleplayHash: r.roleplayHash,
            mode: r.mode,
            startedAt: r.startedAt,
            updatedAt: r.updatedAt,
            status: 'ended',
            steps: r.steps,
            ...(r.overrides ? { overrides: r.overrides } : {}),
            score: r.score,
          }),
        },
      },
    },
  );
}

/**
 * The statements a save of steps adds: `answered` for the steps past `previousCount`, and
 * `completed` when the save reaches an ending.
 */
export function roleplayStatements(
  who: Who,
  r: RoleplayRecord,
  previousCount: number,
): Statement[] {
  const out: Statement[] = [];
  for (let i = Math.max(0, previousCount); i < r.steps.length; i++)
    out.push(answered(who, r, i, r.updatedAt));
  const done = completed(who, r);
  if (done) out.push(done);
  return out;
}

/**
 * A trainer's re-scoring of an ended attempt: `scored`, with the new score, referring to the
 * attempt's `completed` statement. `original` is the attempt as it ended (its first score).
 */
export function roleplayOverrideScored(
  who: Who,
  original: RoleplayRecord,
  rescored: NonNullable<RoleplayRecord['score']>,
  overrides: readonly unknown[],
  trainer: string,
  at: Date,
): Statement {
  const keys = extensionKeys(who.activityBase);
  return statement(
    who,
    `roleplay-scored|${original.id}|${JSON.stringify(overrides)}`,
    VERBS.scored,
    { objectType: 'StatementRef', id: roleplayCompletedId(who, original) },
    at,
    {
      result: {
        score: {
          scaled: round(rescored.percent / 100),
          raw: rescored.total,
          min: 0,
          max: rescored.max,
        },
        extensions: { [keys.rubric]: { ...rescored.rubric }, [keys.overrides]: [...overrides] },
      },
      context: {
        ...roleplayContext(who, original, roleplayActivity(who, original)),
        extensions: {
          ...roleplayContext(who, original).extensions,
          [keys.trainer]: trainer,
        },
      },
    },
  );
}
