/**
 * A role-play conversation as plain data: the steps taken, nothing else. Everything a
 * player shows (the current customer line, mood over time, the ending, the rubric and the
 * score) is recomputed from the steps by `viewConversation`, so going back a step in
 * practice mode simply drops the last step and can never leave a stale score behind.
 *
 * Typed replies: the matcher finds the rubric items in the text; the conversation then
 * follows the reply option CLOSEST to what was typed (fewest items different among the
 * items in play at this node, then most in common, then the mildest mood change, then the
 * first listed), so the customer answers as the script has them answer that kind of reply.
 * The typed reply earns the items it shows that this node's options score ("in play"),
 * whether or not the closest option credits them; items found that are not in play here
 * are reported but not counted, so a role-play's maximum stays the best path's points.
 */
import { bestPath, pointsFor } from './graph';
import { matchReply, type ReplyMatch } from './matcher';
import { applyOverrides, type AppliedOverride, type MatchOverride } from './overrides';
import { RUBRIC_ITEMS, type RubricItemId } from './codes';
import type { ConversationNode, Ending, Roleplay } from './schema';

export type Mode = 'practice' | 'assessment';

/** One reply: at `node`, the option followed, and the text if the trainee typed it. */
export interface Step {
  node: string;
  /** Index of the option followed: the one chosen, or the one closest to the typed text. */
  option: number;
  /** The reply as typed, when the trainee wrote their own. */
  typed?: string;
}

export interface Conversation {
  roleplay: string;
  mode: Mode;
  steps: Step[];
}

/** Longest typed reply accepted, in characters. */
export const MAX_TYPED_REPLY = 1000;

/** A step with everything the player and the debrief show about it. */
export interface StepView extends Step {
  /** What the customer said before this reply. */
  customer: string;
  /** What the trainee said: the typed text or the option's text. */
  reply: string;
  /** Rubric items this reply earned. */
  credits: RubricItemId[];
  /** For a typed reply: what the matcher found, in which words. */
  match?: ReplyMatch;
  /** For a typed reply: items found that this point of the conversation does not score. */
  notInPlay?: RubricItemId[];
  /** For a typed reply: the items the matcher credited, before any trainer's override. */
  matched?: RubricItemId[];
  /** For a typed reply: the items a trainer credited or withdrew, who and why. */
  overridden?: AppliedOverride[];
  moodBefore: number;
  moodAfter: number;
  /** The option's feedback (for a typed reply, the feedback of the closest option). */
  feedback: string;
  /** Where the reply led: a node or an ending id. */
  next: string;
}

/** How one rubric item went. */
export interface RubricResult {
  id: RubricItemId;
  points: number;
  /** Points earned: `points` or 0. */
  earned: number;
  /** The steps that earned it and, for typed replies, the words that did. */
  evidence: { step: number; via: 'option' | 'typed'; words: string[] }[];
  /** Where a trainer overrode the matcher on this item: credited or withdrew it, and why. */
  changes: ({ step: number } & Omit<AppliedOverride, 'item'>)[];
}

export interface ConversationScore {
  /** Points earned, each item once, never above `max`. */
  total: number;
  /** The best path's points (see graph.ts `maxScore`). */
  max: number;
  /** `total / max` as a whole percentage. */
  percent: number;
  /** Every rubric item of the role-play, in the training guide's order. */
  rubric: RubricResult[];
}

export interface ConversationView {
  mode: Mode;
  steps: StepView[];
  /** The node waiting for a reply; null once an ending is reached. */
  node: (ConversationNode & { id: string }) | null;
  ending: (Ending & { id: string }) | null;
  /** Current mood, 0 to 100. */
  mood: number;
  /** Mood at the start and after each step. */
  moodHistory: number[];
  score: ConversationScore;
}

export function startConversation(roleplay: Roleplay, mode: Mode): Conversation {
  return { roleplay: roleplay.id, mode, steps: [] };
}

const clampMood = (mood: number) => Math.max(0, Math.min(100, mood));

/** The rubric items the options of `node` score: what a typed reply can earn there. */
export function itemsInPlay(roleplay: Roleplay, node: ConversationNode): RubricItemId[] {
  const rubric = new Set(roleplay.rubric.map((item) => item.id));
  const credited = new Set(node.options.flatMap((option) => option.credits));
  return RUBRIC_ITEMS.filter((id) => rubric.has(id) && credited.has(id));
}

/** The index of the option closest to a typed reply's items (see the module comment). */
export function closestOption(
  roleplay: Roleplay,
  node: ConversationNode,
  found: readonly RubricItemId[],
): number {
  const inPlay = new Set(itemsInPlay(roleplay, node));
  const shown = new Set(found.filter((id) => inPlay.has(id)));
  let best = 0;
  let bestKey: [number, number, number] | null = null;
  node.options.forEach((option, index) => {
    const credits = new Set(option.credits.filter((id) => inPlay.has(id)));
    const common = [...credits].filter((id) => shown.has(id)).length;
    const different = credits.size + shown.size - 2 * common;
    const key: [number, number, number] = [different, -common, Math.abs(option.mood)];
    if (
      !bestKey ||
      key[0] < bestKey[0] ||
      (key[0] === bestKey[0] &&
        (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))
    ) {
      best = index;
      bestKey = key;
    }
  });
  return best;
}

/**
 * Replays the steps: the state of the conversation after them. Throws if they do not fit.
 * `overrides` are a trainer's judgements of typed replies (see overrides.ts), applied to
 * the matcher's credits before scoring.
 */
export function viewConversation(
  roleplay: Roleplay,
  conversation: Conversation,
  overrides: readonly MatchOverride[] = [],
): ConversationView {
  let nodeId: string | null = roleplay.start;
  let mood = roleplay.persona.mood;
  const moodHistory = [mood];
  const steps: StepView[] = [];
  let ending: ConversationView['ending'] = null;

  conversation.steps.forEach((step, index) => {
    const node = nodeId ? roleplay.nodes[nodeId] : undefined;
    if (!node || step.node !== nodeId)
      throw new Error(
        `step ${index + 1} is at "${step.node}" but the conversation is at "${nodeId ?? 'an ending'}"`,
      );
    const option = node.options[step.option];
    if (!option)
      throw new Error(`step ${index + 1}: node "${step.node}" has no option ${step.option}`);
    const moodBefore = mood;
    mood = clampMood(mood + option.mood);
    moodHistory.push(mood);
    let credits: RubricItemId[] = option.credits;
    let match: ReplyMatch | undefined;
    let notInPlay: RubricItemId[] | undefined;
    let matched: RubricItemId[] | undefined;
    let overridden: AppliedOverride[] | undefined;
    if (step.typed !== undefined) {
      match = matchReply(step.typed, roleplay.rubric);
      const inPlay = itemsInPlay(roleplay, node);
      matched = match.found.filter((id) => inPlay.includes(id));
      notInPlay = match.found.filter((id) => !inPlay.includes(id));
      const judged = applyOverrides({ index, typed: step.typed }, matched, inPlay, overrides);
      credits = judged.credits;
      overridden = judged.applied;
    }
    steps.push({
      ...step,
      customer: node.customer,
      reply: step.typed ?? option.text,
      credits,
      ...(match ? { match, notInPlay, matched, overridden } : {}),
      moodBefore,
      moodAfter: mood,
      feedback: option.feedback,
      next: option.next,
    });
    const reached = roleplay.endings[option.next];
    if (reached) {
      ending = { id: option.next, ...reached };
      nodeId = null;
    } else nodeId = option.next;
  });

  const node = nodeId ? roleplay.nodes[nodeId] : undefined;
  return {
    mode: conversation.mode,
    steps,
    node: nodeId && node ? { id: nodeId, ...node } : null,
    ending,
    mood,
    moodHistory,
    score: scoreSteps(roleplay, steps),
  };
}

/** The score of the steps kept: each rubric item at most once, capped at the maximum. */
export function scoreSteps(roleplay: Roleplay, steps: readonly StepView[]): ConversationScore {
  const max = bestPath(roleplay)?.points ?? 0;
  const rubric: RubricResult[] = RUBRIC_ITEMS.flatMap((id) => {
    const item = roleplay.rubric.find((r) => r.id === id);
    if (!item) return [];
    const evidence = steps.flatMap((step, index) =>
      step.credits.includes(id)
        ? [
            {
              step: index,
              via: step.typed !== undefined ? ('typed' as const) : ('option' as const),
              words: step.match?.evidence.filter((e) => e.item === id).map((e) => e.text) ?? [],
            },
          ]
        : [],
    );
    const changes = steps.flatMap((step, index) =>
      (step.overridden ?? [])
        .filter((o) => o.item === id)
        .map(({ item: _item, ...change }) => ({ step: index, ...change })),
    );
    return [
      {
        id,
        points: item.points,
        earned: evidence.length > 0 ? item.points : 0,
        evidence,
        changes,
      },
    ];
  });
  const earned = pointsFor(
    roleplay,
    rubric.filter((r) => r.earned > 0).map((r) => r.id),
  );
  const total = Math.min(earned, max);
  return { total, max, percent: max > 0 ? Math.round((total / max) * 100) : 0, rubric };
}

function assertWaiting(view: ConversationView): NonNullable<ConversationView['node']> {
  if (!view.node) throw new Error('the conversation has ended');
  return view.node;
}

/** The trainee chooses the option at `option`. Throws for an ended conversation or a bad index. */
export function chooseReply(
  roleplay: Roleplay,
  conversation: Conversation,
  option: number,
): Conversation {
  const node = assertWaiting(viewConversation(roleplay, conversation));
  if (!Number.isInteger(option) || !node.options[option])
    throw new Error(`node "${node.id}" has no option ${option}`);
  return { ...conversation, steps: [...conversation.steps, { node: node.id, option }] };
}

export type TypedReplyResult =
  { ok: true; conversation: Conversation } | { ok: false; message: string };

/**
 * The trainee types their own reply. Returns why it cannot be taken (empty, too long, not
 * allowed at this point) instead of throwing: it is the person's input.
 */
export function typeReply(
  roleplay: Roleplay,
  conversation: Conversation,
  text: string,
): TypedReplyResult {
  const view = viewConversation(roleplay, conversation);
  if (!view.node) return { ok: false, message: 'The conversation has ended.' };
  if (!view.node.freeText)
    return { ok: false, message: 'At this point, choose one of the replies.' };
  const typed = text.trim();
  if (typed.length === 0) return { ok: false, message: 'Type a reply before sending it.' };
  if (typed.length > MAX_TYPED_REPLY)
    return {
      ok: false,
      message: `Keep the reply under ${MAX_TYPED_REPLY} characters (it has ${typed.length}).`,
    };
  const found = matchReply(typed, roleplay.rubric).found;
  const option = closestOption(roleplay, view.node, found);
  return {
    ok: true,
    conversation: {
      ...conversation,
      steps: [...conversation.steps, { node: view.node.id, option, typed }],
    },
  };
}

/** Practice mode only: take back the last reply. Throws in assessment mode. */
export function stepBack(conversation: Conversation): Conversation {
  if (conversation.mode !== 'practice')
    throw new Error('going back is only allowed in practice mode');
  return { ...conversation, steps: conversation.steps.slice(0, -1) };
}

/** Whether stored steps still fit the role-play (e.g. after the file changed). */
export function stepsFit(roleplay: Roleplay, conversation: Conversation): boolean {
  try {
    viewConversation(roleplay, conversation);
    return true;
  } catch {
    return false;
  }
}
