/**
 * Drawing one attempt of a knowledge check from its bank (issue 14). The draw is a pure
 * function of a seed and the attempt before it: the same seed gives the same questions in
 * the same order with the same option order, so a reload keeps the attempt, and a retry
 * never repeats a question of the attempt before it (the bank holds at least twice a draw,
 * src/course/schema.ts). The seed comes from the profile, the check and the attempt number.
 */
import { rngFrom, shuffle, type Rng } from '../engine/seeded-random';
import type { CheckData } from './outline';
import type { Question } from './schema';

/** How a question is shown in one attempt: its id and the order of its options or items. */
export interface DrawnQuestion {
  id: string;
  /** Option, element or item ids in the order shown (an order question's starting order). */
  order: string[];
}

/** A 32-bit seed from text (FNV-1a): `profile|course|module|attempt number`. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The ids of what a question shows the learner: options, elements or items. */
export function choiceIds(question: Question): string[] {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return question.options.map((o) => o.id);
    case 'message':
      return question.elements.map((o) => o.id);
    case 'order':
    case 'classify':
      return question.items.map((i) => i.id);
  }
}

/**
 * What a draw spreads over: the lesson a question points to, or for a refresher (ids
 * `module--question`) the module.
 */
const groupOfQuestion = (question: Question) =>
  question.id.includes('--') ? question.id.split('--')[0]! : question.see.split('#')[0]!;

/**
 * Choose `count` questions: from the bank less the previous attempt's questions (when that
 * leaves enough), first one per group (lesson, or module for a refresher) so every group is
 * asked about, then the rest in shuffled order.
 */
function chooseQuestions(
  rng: Rng,
  bank: readonly Question[],
  count: number,
  previous: ReadonlySet<string>,
  groupOf: (question: Question) => string,
): Question[] {
  const fresh = bank.filter((q) => !previous.has(q.id));
  const pool = shuffle(rng, fresh.length >= count ? fresh : bank);
  const chosen: Question[] = [];
  const groups = new Set<string>();
  for (const question of pool)
    if (chosen.length < count && !groups.has(groupOf(question))) {
      groups.add(groupOf(question));
      chosen.push(question);
    }
  for (const question of pool)
    if (chosen.length < count && !chosen.includes(question)) chosen.push(question);
  // Keep the bank's order among the chosen questions, so a module reads from its first lesson on.
  return bank.filter((q) => chosen.includes(q));
}

/** A shuffled order of a question's choices; an order question never starts already right. */
function shownOrder(rng: Rng, question: Question): string[] {
  const ids = choiceIds(question);
  const order = shuffle(rng, ids);
  if (question.kind === 'order' && order.join() === ids.join()) return [...ids.slice(1), ids[0]!];
  return order;
}

/**
 * One attempt's questions, in the order asked, each with the order its choices are shown
 * in. `previous` is the question ids of the attempt before it (none for a first attempt).
 */
export function drawAttempt(
  bank: readonly Question[],
  count: number,
  seed: number,
  previous: readonly string[] = [],
  groupOf: (question: Question) => string = groupOfQuestion,
): DrawnQuestion[] {
  const rng = rngFrom(seed);
  const chosen = chooseQuestions(
    rng,
    bank,
    Math.min(count, bank.length),
    new Set(previous),
    groupOf,
  );
  return chosen.map((question) => ({ id: question.id, order: shownOrder(rng, question) }));
}

/**
 * The questions of a stored draw, with their choices in the order drawn. Ids the bank no
 * longer has are left out (the caller decides what that means for a stored attempt).
 */
export function questionsOf(
  bank: readonly Question[],
  drawn: readonly DrawnQuestion[],
): Question[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  return drawn.flatMap(({ id, order }): Question[] => {
    const question = byId.get(id);
    if (!question) return [];
    const rank = (choice: { id: string }) => {
      const at = order.indexOf(choice.id);
      return at === -1 ? order.length : at;
    };
    const sorted = <T extends { id: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => rank(a) - rank(b));
    switch (question.kind) {
      case 'single':
      case 'multiple':
        return [{ ...question, options: sorted(question.options) }];
      case 'message':
        return [{ ...question, elements: sorted(question.elements) }];
      // An order question keeps its items in the right order (the key); `order` is only
      // where the learner's list starts.
      case 'order':
        return [question];
      case 'classify':
        return [{ ...question, items: sorted(question.items) }];
    }
  });
}

/** One earlier attempt, as far as drawing the next one needs it. */
export interface EarlierAttempt {
  /** The question ids it asked. */
  questions: readonly string[];
  passed: boolean;
}

/** The attempt a learner is about to answer: its number, its draw and its questions. */
export interface PlannedAttempt {
  /** 1 for a first attempt. */
  attemptNumber: number;
  drawn: DrawnQuestion[];
  questions: Question[];
}

/**
 * The next attempt after `history` (earlier attempts, oldest first). The seed is the
 * learner's key (a profile id), the check and the attempt number, so a reload before
 * submitting draws the same attempt and the next attempt draws another.
 */
export function planAttempt(
  check: Pick<CheckData, 'course' | 'module' | 'draw' | 'questions'>,
  learner: string,
  history: readonly EarlierAttempt[],
): PlannedAttempt {
  const attemptNumber = history.length + 1;
  const seed = seedOf(`${learner}|${check.course}|${check.module}|${attemptNumber}`);
  const drawn = drawAttempt(check.questions, check.draw, seed, history.at(-1)?.questions ?? []);
  return { attemptNumber, drawn, questions: questionsOf(check.questions, drawn) };
}
