/**
 * What the learner reads after submitting a check (issue 14). After a failed attempt the
 * feedback explains why each wrong choice is wrong and points to the lesson section, but
 * never names a right answer, so a retry still measures something. Once the check is
 * passed, or from the third attempt on, the whole key is shown with every explanation.
 */
import { MARKING_RULES, type Answer, type CheckResult } from './grading';
import type { Question } from './schema';

/** A failed attempt shows the key from this attempt on. */
export const KEY_AFTER_ATTEMPTS = 3;

/** Whether an attempt's review shows the full key: passed (now or before), or the third try. */
export function showsKey(passed: boolean, attemptNumber: number): boolean {
  return passed || attemptNumber >= KEY_AFTER_ATTEMPTS;
}

/** A note shown beside one option or item. */
export interface ChoiceNote {
  id: string;
  /** The learner's handling of it was right (only ever set true or false with the key). */
  right: boolean | null;
  text: string;
}

export interface QuestionReview {
  question: string;
  credit: number;
  correct: boolean;
  /** How the kind is marked (partial credit or not). */
  rule: string;
  /** One line on the question as a whole, e.g. "2 of 4 items in the right place." */
  summary: string;
  /** Notes by option or item id; without the key, only on the learner's wrong choices. */
  notes: ChoiceNote[];
  /** An order question's explanation, with the key only. */
  explanation?: string;
  /** The lesson section to read again (`<NN-lesson>#<heading>`), when not full marks. */
  see: string | null;
}

const percent = (credit: number) => `${Math.round(credit * 100)} %`;

function summaryOf(question: Question, credit: number, placed: number): string {
  if (credit === 1) return 'Right: full marks.';
  switch (question.kind) {
    case 'single':
      return 'Not right: no marks.';
    case 'multiple':
    case 'message':
      return `Partly right: ${percent(credit)} of the marks.`;
    case 'order':
      return `${placed} of ${question.items.length} items in their right place: ${percent(credit)} of the marks.`;
    case 'classify':
      return `${placed} of ${question.items.length} items in the right category: ${percent(credit)} of the marks.`;
  }
}

/** Notes without the key: why each wrong choice the learner made is wrong, nothing more. */
function hintNotes(question: Question, answer: Answer | undefined): ChoiceNote[] {
  switch (question.kind) {
    case 'single': {
      const chosen = question.options.find(
        (o) => answer?.kind === 'single' && o.id === answer.option && !o.correct,
      );
      return chosen ? [{ id: chosen.id, right: null, text: chosen.feedback }] : [];
    }
    case 'multiple':
    case 'message': {
      const options = question.kind === 'multiple' ? question.options : question.elements;
      const picked =
        answer?.kind === 'multiple'
          ? answer.options
          : answer?.kind === 'message'
            ? answer.elements
            : [];
      return options
        .filter((o) => !o.correct && picked.includes(o.id))
        .map((o) => ({ id: o.id, right: null, text: `Should not be chosen. ${o.feedback}` }));
    }
    case 'classify': {
      const given = answer?.kind === 'classify' ? answer.categories : {};
      return question.items
        .filter((item) => given[item.id] && given[item.id] !== item.category)
        .map((item) => {
          const label = question.categories.find((c) => c.id === given[item.id])?.label;
          return { id: item.id, right: null, text: `Not “${label}”. Look again at this one.` };
        });
    }
    case 'order':
      return [];
  }
}

/** Notes with the key: every option or item, whether it was handled rightly, and why. */
function keyNotes(question: Question, result: CheckResult['results'][number]): ChoiceNote[] {
  return result.verdicts.map((verdict) => {
    let prefix = '';
    if (question.kind === 'single') {
      const option = question.options.find((o) => o.id === verdict.id)!;
      prefix = option.correct ? 'Right answer. ' : '';
    } else if (question.kind === 'multiple' || question.kind === 'message') {
      const options = question.kind === 'multiple' ? question.options : question.elements;
      prefix = options.find((o) => o.id === verdict.id)!.correct
        ? 'Should be chosen. '
        : 'Should be left out. ';
    } else if (question.kind === 'classify') {
      const item = question.items.find((i) => i.id === verdict.id)!;
      prefix = `${question.categories.find((c) => c.id === item.category)?.label}. `;
    } else {
      const at = question.items.findIndex((i) => i.id === verdict.id);
      prefix = `Belongs in place ${at + 1}. `;
    }
    return { id: verdict.id, right: verdict.right, text: `${prefix}${verdict.feedback}` };
  });
}

/** The review of a marked attempt: with the key or, after a failed attempt, without it. */
export function reviewAttempt(
  questions: readonly Question[],
  answers: Readonly<Record<string, Answer>>,
  result: CheckResult,
  withKey: boolean,
): QuestionReview[] {
  return questions.map((question) => {
    const marked = result.results.find((r) => r.question === question.id)!;
    const placed = marked.verdicts.filter((v) => v.right).length;
    const review: QuestionReview = {
      question: question.id,
      credit: marked.credit,
      correct: marked.correct,
      rule: MARKING_RULES[question.kind],
      summary: summaryOf(question, marked.credit, placed),
      notes: withKey ? keyNotes(question, marked) : hintNotes(question, answers[question.id]),
      see: marked.correct ? null : question.see,
    };
    if (withKey && question.kind === 'order') review.explanation = question.explanation;
    return review;
  });
}
