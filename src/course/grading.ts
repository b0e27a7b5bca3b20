/**
 * Marking knowledge-check answers. Pure functions over the question data: the quiz island,
 * the refresher and the tests all mark the same way.
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

export interface QuestionResult {
  question: string;
  correct: boolean;
  verdicts: OptionVerdict[];
  /** For order questions: the explanation of the right order. */
  explanation?: string;
}

export interface CheckResult {
  /** Share of questions answered correctly, 0 to 1. */
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
      return {
        question: question.id,
        correct: question.options.some((o) => o.correct && o.id === chosen),
        verdicts,
      };
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
      return { question: question.id, correct: verdicts.every((v) => v.right), verdicts };
    }
    case 'order': {
      const given = answer?.kind === 'order' ? answer.items : [];
      const verdicts = question.items.map((item, index) => ({
        id: item.id,
        right: given[index] === item.id,
        feedback: item.feedback,
      }));
      return {
        question: question.id,
        correct: given.length === question.items.length && verdicts.every((v) => v.right),
        verdicts,
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
      return { question: question.id, correct: verdicts.every((v) => v.right), verdicts };
    }
  }
}

/** Mark a whole check: the score is the share of questions right; it passes at `passMark`. */
export function markCheck(
  questions: readonly Question[],
  answers: Readonly<Record<string, Answer>>,
  passMark: Check['passMark'] = 0.8,
): CheckResult {
  const results = questions.map((question) => markQuestion(question, answers[question.id]));
  const score = results.length === 0 ? 0 : results.filter((r) => r.correct).length / results.length;
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
