/**
 * Verifying a role-play result: its steps are replayed through the role-play module on the
 * version of the role-play with the same content hash, and the score recomputed (with any
 * trainer's overrides of the matcher, as the player scores them). As with
 * runs (./verify.ts), a result is trusted only when both agree with what it says; anything
 * else is flagged with a reason a manager can read.
 */
import { overridesFromRecords, type MatchOverride } from '../roleplay/overrides';
import { scoreRecord, stepsFromRecords } from '../roleplay/record';
import type { Roleplay } from '../roleplay/schema';
import { viewConversation, type ConversationView } from '../roleplay/session';
import type { RoleplayScore, RoleplayVerification } from './flags';
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
  return { resultId, ...scoreVerdict(result, view), roleplay, view };
}

type Verdict = Pick<RoleplayVerification, 'flag' | 'reason'>;

/** Whether the score the result carries is the one its replayed conversation gives. */
function scoreVerdict(result: RoleplayResultToVerify, view: ConversationView): Verdict {
  const recomputed = scoreRecord(view);
  const stored = result.score;
  if (result.status !== 'ended')
    return stored
      ? { flag: 'score-differs', reason: 'The conversation did not end, yet it carries a score.' }
      : { flag: null, reason: 'Replays; the conversation was not finished.' };
  if (!recomputed)
    return {
      flag: 'does-not-replay',
      reason: 'The result says the conversation ended, but its steps reach no ending.',
    };
  if (!stored)
    return { flag: 'score-differs', reason: 'The conversation ended but carries no score.' };
  const items = new Set([...Object.keys(stored.rubric), ...Object.keys(recomputed.rubric)]);
  const differs =
    stored.total !== recomputed.total ||
    stored.max !== recomputed.max ||
    stored.percent !== recomputed.percent ||
    stored.ending !== recomputed.ending ||
    [...items].some((item) => (stored.rubric[item] ?? 0) !== (recomputed.rubric[item] ?? 0));
  if (differs)
    return {
      flag: 'score-differs',
      reason: `The result says ${stored.percent} % (${stored.total} of ${stored.max}); its steps give ${recomputed.percent} % (${recomputed.total} of ${recomputed.max}).`,
    };
  return { flag: null, reason: 'Replayed; the score matches.' };
}

/** What to keep of a check with an import record: no views, no role-play. */
export function verificationOnly({ resultId, flag, reason }: RoleplayCheck): RoleplayVerification {
  return { resultId, flag, reason };
}

/** One override as a string, every field in a fixed order, to compare two of them. */
const overrideKey = (o: MatchOverride) =>
  JSON.stringify([o.step, o.typed, o.item, o.credited, o.by, o.reason, o.at]);

/**
 * A trainer's override is a judgement by someone other than the trainee, so a file cannot
 * vouch for it (issue 11): anyone can write one into a bundle. An override counts when this
 * browser holds the same one (same step, reply, item, decision, trainer, reason and moment)
 * for the same result, because a trainer made it here; any other is self-reported. A
 * self-reported override may lower the score that counts, never raise it: the counted score
 * is the lower of the score with every override and the score with the trusted ones only.
 * Returns the verification unchanged when every override is on record here.
 */
export function weighOverrides(
  verification: RoleplayVerification,
  result: RoleplayResultToVerify,
  roleplay: Roleplay | undefined,
  storedOverrides: readonly unknown[] | undefined,
): RoleplayVerification {
  const given = overridesFromRecords(result.overrides ?? []);
  const here = new Set(overridesFromRecords(storedOverrides ?? []).map(overrideKey));
  const trusted = given.filter((o) => here.has(overrideKey(o)));
  const reported = given.length - trusted.length;
  if (reported === 0 || verification.flag || !roleplay || !result.score) return verification;
  const counted = lowerScore(result.score, rescore(result, roleplay, trusted));
  const words = reported === 1 ? 'override is' : 'overrides are';
  const reason = `${reported} trainer ${words} not on record on this browser, so shown as self-reported; ${
    counted === result.score
      ? 'they do not raise the score.'
      : `the score that counts is ${counted.percent} % (${counted.total} of ${counted.max}), from the steps without them.`
  }`;
  return {
    ...verification,
    reason,
    selfReportedOverrides: reported,
    ...(counted === result.score ? {} : { counted }),
  };
}

/** The steps scored with only `overrides`; null when they no longer reach an ending. */
function rescore(
  result: RoleplayResultToVerify,
  roleplay: Roleplay,
  overrides: MatchOverride[],
): RoleplayScore | null {
  const steps = stepsFromRecords(result.steps);
  if (!steps) return null;
  const mode = result.mode === 'practice' ? 'practice' : 'assessment';
  return scoreRecord(viewConversation(roleplay, { roleplay: roleplay.id, mode, steps }, overrides));
}

function lowerScore(stored: RoleplayScore, other: RoleplayScore | null): RoleplayScore {
  return other && other.total < stored.total ? other : stored;
}
