/**
 * The knowledge check as a machine: load the learner's earlier attempts, draw this attempt
 * from the bank, answer, submit, read the review, try again with a new draw. Drawing is
 * src/course/draw, marking src/course/grading, the review (with or without the key)
 * src/course/review; loading and saving are actors the island provides (storage loads
 * lazily). A check that cannot be saved is still marked and shown.
 */
import { assign, fromPromise, setup } from 'xstate';
import { planAttempt, type DrawnQuestion, type EarlierAttempt } from '../course/draw';
import { isComplete, markCheck, type Answer, type CheckResult } from '../course/grading';
import type { CheckData } from '../course/outline';
import { reviewAttempt, showsKey, type QuestionReview } from '../course/review';
import type { Question } from '../course/schema';

export interface KnowledgeCheckInput {
  check: CheckData;
  /** Seeds the draw: the profile id, or a fixed word for a visitor without one. */
  learner: string;
}

/** What the island's loader returns: the learner and their earlier attempts, oldest first. */
export interface CheckHistory {
  learner: string;
  attempts: EarlierAttempt[];
}

/** What is saved for one submitted attempt. */
export interface AttemptToSave {
  answers: Record<string, Answer>;
  result: CheckResult;
  questions: DrawnQuestion[];
}

export interface KnowledgeCheckContext extends KnowledgeCheckInput {
  history: EarlierAttempt[];
  /** The attempt on screen: 1 for a first attempt. */
  attemptNumber: number;
  drawn: DrawnQuestion[];
  /** This attempt's questions, options in the order drawn. */
  questions: Question[];
  answers: Record<string, Answer>;
  result: CheckResult | null;
  review: QuestionReview[] | null;
  /** The review shows the whole key (passed, or the third attempt). */
  withKey: boolean;
  saved: 'not-yet' | 'saved' | 'not-saved';
}

export type KnowledgeCheckEvent =
  { type: 'ANSWER'; question: string; answer: Answer } | { type: 'SUBMIT' } | { type: 'RETRY' };

const drawNext = (context: Pick<KnowledgeCheckContext, 'check' | 'learner' | 'history'>) =>
  planAttempt(context.check, context.learner, context.history);

export const knowledgeCheckMachine = setup({
  types: {
    input: {} as KnowledgeCheckInput,
    context: {} as KnowledgeCheckContext,
    events: {} as KnowledgeCheckEvent,
  },
  actors: {
    /** Replaced by the island with one that reads the profile's attempts from IndexedDB. */
    loadHistory: fromPromise<CheckHistory | null, CheckData>(async () => null),
    /** Replaced by the island with one that writes the attempt to IndexedDB. */
    saveAttempt: fromPromise<void, AttemptToSave>(async () => {}),
  },
  guards: {
    everyQuestionAnswered: ({ context }) => isComplete(context.questions, context.answers),
  },
  actions: {
    setAnswer: assign({
      answers: ({ context, event }) =>
        event.type === 'ANSWER'
          ? { ...context.answers, [event.question]: event.answer }
          : context.answers,
    }),
    mark: assign(({ context }) => {
      const result = markCheck(context.questions, context.answers, context.check.passMark);
      const passedBefore = context.history.some((a) => a.passed);
      const withKey = showsKey(result.passed || passedBefore, context.attemptNumber);
      return {
        result,
        withKey,
        review: reviewAttempt(context.questions, context.answers, result, withKey),
        saved: 'not-yet' as const,
      };
    }),
    nextAttempt: assign(({ context }) => {
      const history = [
        ...context.history,
        { questions: context.drawn.map((d) => d.id), passed: context.result?.passed ?? false },
      ];
      return {
        history,
        ...drawNext({ ...context, history }),
        answers: {},
        result: null,
        review: null,
        withKey: false,
      };
    }),
  },
}).createMachine({
  id: 'knowledgeCheck',
  context: ({ input }) => ({
    ...input,
    history: [],
    ...drawNext({ ...input, history: [] }),
    answers: {},
    result: null,
    review: null,
    withKey: false,
    saved: 'not-yet',
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadHistory',
        input: ({ context }) => context.check,
        onDone: {
          target: 'answering',
          actions: assign(({ context, event }) => {
            const learner = event.output?.learner ?? context.learner;
            const history = event.output?.attempts ?? [];
            return { learner, history, ...drawNext({ ...context, learner, history }) };
          }),
        },
        onError: { target: 'answering' },
      },
    },
    answering: {
      on: {
        ANSWER: { actions: 'setAnswer' },
        SUBMIT: { guard: 'everyQuestionAnswered', target: 'saving', actions: 'mark' },
      },
    },
    saving: {
      invoke: {
        src: 'saveAttempt',
        input: ({ context }) => ({
          answers: context.answers,
          result: context.result!,
          questions: context.drawn,
        }),
        onDone: { target: 'reviewed', actions: assign({ saved: 'saved' as const }) },
        onError: { target: 'reviewed', actions: assign({ saved: 'not-saved' as const }) },
      },
    },
    reviewed: {
      on: { RETRY: { target: 'answering', actions: 'nextAttempt' } },
    },
  },
});
