/**
 * What a finished or running conversation leaves on a trainee's record: every step with
 * its reply, credits, matched words and mood, and the score summary. Plain, serialisable
 * data, so IndexedDB keeps it and a trainer can read each choice, not only the score.
 * The record is derived from the steps; on resume only `node`, `option` and `typed` are
 * read back, and everything else is recomputed.
 */
import { canonicalJson, sha256 } from '../engine/canonical';
import type { Roleplay, RubricItemId } from './schema';
import type { ConversationView, Step } from './session';

export interface StepRecord extends Step {
  /** What the trainee said (the option's text or the typed reply). */
  reply: string;
  credits: RubricItemId[];
  /** For typed replies: the words that credited each item, and matches not counted. */
  found?: { item: RubricItemId; words: string[] }[];
  ignored?: { item: RubricItemId; text: string; reason: 'negated' | 'hollow'; because: string }[];
  moodAfter: number;
  /** The node or ending the reply led to. */
  next: string;
}

export interface ScoreRecord {
  total: number;
  max: number;
  percent: number;
  /** Ending id, e.g. `resolved`. */
  ending: string;
  /** Points earned per rubric item (0 when missed). */
  rubric: Record<string, number>;
}

/** The steps of a conversation as stored. */
export function stepRecords(view: ConversationView): StepRecord[] {
  return view.steps.map((step) => ({
    node: step.node,
    option: step.option,
    ...(step.typed !== undefined ? { typed: step.typed } : {}),
    reply: step.reply,
    credits: [...step.credits],
    ...(step.match
      ? {
          found: step.match.found.map((item) => ({
            item,
            words: step.match!.evidence.filter((e) => e.item === item).map((e) => e.text),
          })),
          ignored: step.match.ignored.map(({ item, text, reason, because }) => ({
            item,
            text,
            reason,
            because,
          })),
        }
      : {}),
    moodAfter: step.moodAfter,
    next: step.next,
  }));
}

/** The score as stored once an ending is reached; null before that. */
export function scoreRecord(view: ConversationView): ScoreRecord | null {
  if (!view.ending) return null;
  return {
    total: view.score.total,
    max: view.score.max,
    percent: view.score.percent,
    ending: view.ending.id,
    rubric: Object.fromEntries(view.score.rubric.map((item) => [item.id, item.earned])),
  };
}

/** The replayable part of stored steps: anything else in them is ignored. */
export function stepsFromRecords(records: readonly unknown[]): Step[] | null {
  const steps: Step[] = [];
  for (const record of records) {
    if (typeof record !== 'object' || record === null) return null;
    const { node, option, typed } = record as Record<string, unknown>;
    if (typeof node !== 'string' || typeof option !== 'number') return null;
    if (typed !== undefined && typeof typed !== 'string') return null;
    steps.push({ node, option, ...(typed !== undefined ? { typed } : {}) });
  }
  return steps;
}

/** SHA-256 of the role-play as played, so a changed file cannot pass off old results. */
export function roleplayHash(roleplay: Roleplay): string {
  return sha256(canonicalJson(roleplay));
}
