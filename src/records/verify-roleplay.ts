/**
 * Verifying a role-play result: its steps are replayed through the role-play module on the
 * version of the role-play with the same content hash, and the score recomputed (with any
 * trainer's overrides of the matcher, as the player scores them). As with
 * runs (./verify.ts), a result is trusted only when both agree with what it says; anything
 * else is flagged with a reason a manager can read.
 */
import { overridesFromRecords } from '../roleplay/overrides';
import { scoreRecord, stepsFromRecords } from '../roleplay/record';
import type { Roleplay } from '../roleplay/schema';
import { viewConversation, type ConversationView } from '../roleplay/session';
import type { RoleplayVerification } from './flags';
import type { BundleRoleplayResult } from './schema';

/** The part of a role-play result verification needs: the stored row's shape (./schema.ts). */
export type RoleplayResultToVerify = Pick<
  BundleRoleplayResult,
  'id' | 'roleplay' | 'roleplayHash' | 'mode' | 'status' | 'steps' | 'overrides' | 'score'
>;

export type RoleplayCheck = RoleplayVerification & {
  /** The conversation replayed from the steps, when they fit the role-play. */
  view?: ConversationView;
  roleplay?: Roleplay;
};

/** Replay one result's steps on the role-play version it names and compare the score. */
export function verifyRoleplayResult(
  result: RoleplayResultToVerify,
  roleplaysByHash: ReadonlyMap<string, Roleplay>,
): RoleplayCheck {
  const resultId = result.id;
  const roleplay = roleplaysByHash.get(result.roleplayHash);
  if (!roleplay || roleplay.id !== result.roleplay)
    return {
      resultId,
      flag: 'unknown-roleplay',
      reason: `No version of role-play "${result.roleplay}" with content hash ${result.roleplayHash.slice(0, 12)}… is known here, so its steps cannot be checked.`,
    };
  const steps = stepsFromRecords(result.steps);
  if (!steps)
    return {
      resultId,
      flag: 'does-not-replay',
      reason: 'The steps are not steps of a conversation (each needs a node and an option).',
      roleplay,
    };
  let view: ConversationView;
  try {
    // Live sessions are scored like assessments: feedback only at the end.
    const mode = result.mode === 'practice' ? 'practice' : 'assessment';
    view = viewConversation(
      roleplay,
      { roleplay: roleplay.id, mode, steps },
      overridesFromRecords(result.overrides ?? []),
    );
  } catch (error) {
    return {
      resultId,
      flag: 'does-not-replay',
      reason: `The steps do not fit the role-play: ${error instanceof Error ? error.message : 'unknown problem'}.`,
      roleplay,
    };
  }
  const recomputed = scoreRecord(view);
  const stored = result.score;
  if (result.status !== 'ended') {
    if (stored)
      return {
        resultId,
        flag: 'score-differs',
        reason: 'The conversation did not end, yet it carries a score.',
        roleplay,
        view,
      };
    return {
      resultId,
      flag: null,
      reason: 'Replays; the conversation was not finished.',
      roleplay,
      view,
    };
  }
  if (!recomputed)
    return {
      resultId,
      flag: 'does-not-replay',
      reason: 'The result says the conversation ended, but its steps reach no ending.',
      roleplay,
      view,
    };
  if (!stored)
    return {
      resultId,
      flag: 'score-differs',
      reason: 'The conversation ended but carries no score.',
      roleplay,
      view,
    };
  const items = new Set([...Object.keys(stored.rubric), ...Object.keys(recomputed.rubric)]);
  const differs =
    stored.total !== recomputed.total ||
    stored.max !== recomputed.max ||
    stored.percent !== recomputed.percent ||
    stored.ending !== recomputed.ending ||
    [...items].some((item) => (stored.rubric[item] ?? 0) !== (recomputed.rubric[item] ?? 0));
  if (differs)
    return {
      resultId,
      flag: 'score-differs',
      reason: `The result says ${stored.percent} % (${stored.total} of ${stored.max}); its steps give ${recomputed.percent} % (${recomputed.total} of ${recomputed.max}).`,
      roleplay,
      view,
    };
  return { resultId, flag: null, reason: 'Replayed; the score matches.', roleplay, view };
}

/** What to keep of a check with an import record: no views, no role-play. */
export function verificationOnly({ resultId, flag, reason }: RoleplayCheck): RoleplayVerification {
  return { resultId, flag, reason };
}
