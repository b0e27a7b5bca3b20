/**
 * A trainer's overrides of the free-text matcher (issue 5: "a trainer can override the
 * result later"). The matcher stays transparent and unchanged; an override says, for one
 * typed reply and one rubric item in play at that point, whether the reply earns it after
 * all, who decided and why. Overrides are applied when the conversation is replayed
 * (`viewConversation`), so the score is still recomputed from the steps: each item counts
 * once and the total never exceeds the best path's maximum.
 *
 * An override names the reply's text as well as its step: if a practising trainee goes
 * back and types something else at that step, the trainer's judgement of the old words
 * does not carry over to the new ones.
 */
import type { RubricItemId } from './codes';

export interface MatchOverride {
  /** Index of the typed step in the conversation. */
  step: number;
  /** The reply the trainer judged, as typed. */
  typed: string;
  item: RubricItemId;
  /** Whether the reply earns the item, whatever the matcher found. */
  credited: boolean;
  /** The trainer's name. */
  by: string;
  /** Why, in the trainer's words; may be empty. */
  reason: string;
  /** When, as an ISO date-time. */
  at: string;
}

/** What the debrief says about one override of one step. */
export type AppliedOverride = Pick<MatchOverride, 'item' | 'credited' | 'by' | 'reason' | 'at'>;

/** Longest trainer name and reason kept, in characters. */
export const MAX_OVERRIDE_NAME = 60;
export const MAX_OVERRIDE_REASON = 500;

/**
 * Apply the overrides of one typed step to the matcher's credits. Only items in play at
 * that point can be changed; an override for another reply, step or item is ignored. The
 * last override of an item wins. Returns the credits in the order of `inPlay`.
 */
export function applyOverrides(
  step: { index: number; typed: string },
  matched: readonly RubricItemId[],
  inPlay: readonly RubricItemId[],
  overrides: readonly MatchOverride[],
): { credits: RubricItemId[]; applied: AppliedOverride[] } {
  const decided = new Map<RubricItemId, MatchOverride>();
  for (const override of overrides)
    if (
      override.step === step.index &&
      override.typed === step.typed &&
      inPlay.includes(override.item)
    )
      decided.set(override.item, override);
  const credits = inPlay.filter((item) => decided.get(item)?.credited ?? matched.includes(item));
  const applied = inPlay.flatMap((item) => {
    const override = decided.get(item);
    return override
      ? [
          {
            item,
            credited: override.credited,
            by: override.by,
            reason: override.reason,
            at: override.at,
          },
        ]
      : [];
  });
  return { credits, applied };
}

/** The stored overrides that are well formed (storage is input too); others are dropped. */
export function overridesFromRecords(records: unknown): MatchOverride[] {
  if (!Array.isArray(records)) return [];
  return records.flatMap((record): MatchOverride[] => {
    if (typeof record !== 'object' || record === null) return [];
    const { step, typed, item, credited, by, reason, at } = record as Record<string, unknown>;
    if (
      typeof step !== 'number' ||
      typeof typed !== 'string' ||
      typeof item !== 'string' ||
      typeof credited !== 'boolean' ||
      typeof by !== 'string' ||
      typeof reason !== 'string' ||
      typeof at !== 'string'
    )
      return [];
    return [{ step, typed, item: item as RubricItemId, credited, by, reason, at }];
  });
}

/**
 * A trainer's decisions on one typed step, merged into the stored overrides: an item set
 * back to what the matcher found loses its override; any other decision replaces the
 * earlier one. Returns the new list, or a message naming what is wrong.
 */
export function setStepOverrides(
  existing: readonly MatchOverride[],
  step: { index: number; typed: string },
  matched: readonly RubricItemId[],
  inPlay: readonly RubricItemId[],
  decisions: Partial<Record<RubricItemId, boolean>>,
  by: string,
  reason: string,
  at: Date,
): { ok: true; overrides: MatchOverride[] } | { ok: false; message: string } {
  const name = by.trim();
  if (name.length === 0 || name.length > MAX_OVERRIDE_NAME)
    return {
      ok: false,
      message: `Enter the trainer's name (up to ${MAX_OVERRIDE_NAME} characters).`,
    };
  const why = reason.trim();
  if (why.length > MAX_OVERRIDE_REASON)
    return {
      ok: false,
      message: `Keep the reason under ${MAX_OVERRIDE_REASON} characters (it has ${why.length}).`,
    };
  for (const item of Object.keys(decisions))
    if (!inPlay.includes(item as RubricItemId))
      return { ok: false, message: `“${item}” is not scored at this point of the conversation.` };
  const kept = existing.filter(
    (o) => !(o.step === step.index && (decisions[o.item] !== undefined || o.typed !== step.typed)),
  );
  const added = inPlay.flatMap((item): MatchOverride[] => {
    const credited = decisions[item];
    if (credited === undefined || credited === matched.includes(item)) return [];
    return [
      {
        step: step.index,
        typed: step.typed,
        item,
        credited,
        by: name,
        reason: why,
        at: at.toISOString(),
      },
    ];
  });
  return { ok: true, overrides: [...kept, ...added] };
}
