/**
 * Marking knowledge-check answers. Pure functions over the question data: the quiz island,
 * the refresher, the manager's re-marking and the tests all mark the same way.
 *
 * Partial credit (issue 14): a single-choice question is right or wrong; a multiple-choice
 * or message question earns a share for each right choice less one for each wrong one; an
 * order question a share for each item in its place; a classify question a share for each
 * item in the right category. `MARKING_RULES` says so to the learner.
 */
import type { Check, Question } from './schema';

/** What a learner answered, by question kind. */
export type Answer =
  | { kind: 'single'; option: string }
  | { kind: 'multiple'; options: string[] }
  | { kind: 'order'; items: string[] }
  | { kind: 'classify'; categories: Record<string, string> }
  | { kind: 'message'; elements: string[] };

/** Per option or item: was the learner's handling of it right, and the explanation to show. */
export interface OptionVerdict {
  id: string;
  right: boolean;
  feedback: string;
}

/** How each kind of question is marked, in the words the quiz shows beside it. */
export const MARKING_RULES: Record<Question['kind'], string> = {
  single: 'One answer is right: full marks for it, none for any other.',
  multiple:
    'Partial credit: each right choice earns a share of the marks, each wrong choice takes a share back.',
  message:
    'Partial credit: each element the message needs earns a share, each one it should leave out takes a share back.',
  order: 'Partial credit: each item in its right place earns a share of the marks.',
  classify: 'Partial credit: each item in the right category earns a share of the marks.',
};

export interface QuestionResult {
  question: string;
  /** Share of the question's mark earned, 0 to 1. */
  credit: number;
  /** Full marks. */
  correct: boolean;
  verdicts: OptionVerdict[];
  /** For order questions: the explanation of the right order. */
  explanation?: string;
}

export interface CheckResult {
  /** Marks earned over questions asked (partial credit counted), 0 to 1. */
  score: number;
  passed: boolean;
  results: QuestionResult[];
}

/** Mark one question. A missing or mismatched answer is simply wrong. */
export function markQuestion(question: Question, answer: Answer | undefined): QuestionResult {
  switch (question.kind) {
    case 'single': {
      const chosen = answer?.kind === 'single' ? answer.option : undefined;
      const verdicts = question.options.map((o) => ({
        id: o.id,
        right: o.correct === (o.id === chosen),
        feedback: o.feedback,
      }));
      return withCredit(
        question.id,
        question.options.some((o) => o.correct && o.id === chosen) ? 1 : 0,
        verdicts,
      );
    }
    case 'multiple':
    case 'message': {
      const options = question.kind === 'multiple' ? question.options : question.elements;
      const picked = new Set(
        answer?.kind === 'multiple'
          ? answer.options
          : answer?.kind === 'message'
            ? answer.elements
            : [],
      );
      const verdicts = options.map((o) => ({
        id: o.id,
        right: o.correct === picked.has(o.id),
        feedback: o.feedback,
      }));
      const wanted = options.filter((o) => o.correct).length;
      const right = options.filter((o) => o.correct && picked.has(o.id)).length;
      const wrong = options.filter((o) => !o.correct && picked.has(o.id)).length;
      return withCredit(question.id, Math.max(0, right - wrong) / wanted, verdicts);
    }
    case 'order': {
      const given = answer?.kind === 'order' ? answer.items : [];
      const verdicts = question.items.map((item, index) => ({
        id: item.id,
        right: given[index] === item.id,
        feedback: item.feedback,
      }));
      const placed = verdicts.filter((v) => v.right).length;
      return {
        ...withCredit(question.id, placed / question.items.length, verdicts),
        explanation: question.explanation,
      };
    }
    case 'classify': {
      const given = answer?.kind === 'classify' ? answer.categories : {};
      const verdicts = question.items.map((item) => ({
        id: item.id,
        right: given[item.id] === item.category,
        feedback: item.feedback,
      }));
      const placed = verdicts.filter((v) => v.right).length;
      return withCredit(question.id, placed / question.items.length, verdicts);
    }
  }
}

function withCredit(question: string, credit: number, verdicts: OptionVerdict[]): QuestionResult {
  return { question, credit, correct: credit === 1, verdicts };
}

/** Mark a whole check: the score is the marks earned over questions asked; it passes at `passMark`. */
export function markCheck(
  questions: readonly Question[],
  answers: Readonly<Record<string, Answer>>,
  passMark: Check['passMark'] = 0.8,
): CheckResult {
  const results = questions.map((question) => markQuestion(question, answers[question.id]));
  const score =
    results.length === 0 ? 0 : results.reduce((sum, r) => sum + r.credit, 0) / results.length;
  // Compare in whole percent so 4 of 5 (0.8) passes a pass mark of 0.8 despite float error.
  return { score, passed: Math.round(score * 100) >= Math.round(passMark * 100), results };
}

/** Whether the learner has given some answer to every question (the check can be submitted). */
export function isComplete(
  questions: readonly Question[],
  answers: Readonly<Record<string, Answer>>,
): boolean {
  return questions.every((question) => {
    const answer = answers[question.id];
    if (!answer) return false;
    switch (answer.kind) {
      case 'single':
        return answer.option !== '';
      case 'multiple':
        return answer.options.length > 0;
      case 'message':
        return answer.elements.length > 0;
      case 'order':
        return question.kind === 'order' && answer.items.length === question.items.length;
      case 'classify':
        return (
          question.kind === 'classify' && question.items.every((item) => answer.categories[item.id])
        );
    }
  });
}
