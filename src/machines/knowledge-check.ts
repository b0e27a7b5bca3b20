/**
 * The knowledge check as a machine: answer the questions, submit, read the feedback, try
 * again. Marking is done by src/course/grading; saving by an actor the island provides (it
 * loads storage lazily). A check that cannot be saved is still marked and shown.
 */
import { assign, fromPromise, setup } from 'xstate';
import { isComplete, markCheck, type Answer, type CheckResult } from '../course/grading';
import type { Question } from '../course/schema';

export interface KnowledgeCheckInput {
  questions: Question[];
  passMark: number;
}

export interface KnowledgeCheckContext extends KnowledgeCheckInput {
  answers: Record<string, Answer>;
  result: CheckResult | null;
  /** Attempts submitted in this visit (stored attempts are counted by the page). */
  attempts: number;
  saved: 'not-yet' | 'saved' | 'not-saved';
}

export type KnowledgeCheckEvent =
  { type: 'ANSWER'; question: string; answer: Answer } | { type: 'SUBMIT' } | { type: 'RETRY' };

export const knowledgeCheckMachine = setup({
  types: {
    input: {} as KnowledgeCheckInput,
    context: {} as KnowledgeCheckContext,
    events: {} as KnowledgeCheckEvent,
  },
  actors: {
    /** Replaced by the island with one that writes the attempt to IndexedDB. */
    saveAttempt: fromPromise<void, { answers: Record<string, Answer>; result: CheckResult }>(
      async () => {},
    ),
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
    mark: assign({
      result: ({ context }) => markCheck(context.questions, context.answers, context.passMark),
      attempts: ({ context }) => context.attempts + 1,
      saved: 'not-yet' as const,
    }),
    clearAnswers: assign({ answers: {}, result: null }),
  },
}).createMachine({
  id: 'knowledgeCheck',
  context: ({ input }) => ({ ...input, answers: {}, result: null, attempts: 0, saved: 'not-yet' }),
  initial: 'answering',
  states: {
    answering: {
      on: {
        ANSWER: { actions: 'setAnswer' },
        SUBMIT: { guard: 'everyQuestionAnswered', target: 'saving', actions: 'mark' },
      },
    },
    saving: {
      invoke: {
        src: 'saveAttempt',
        input: ({ context }) => ({ answers: context.answers, result: context.result! }),
        onDone: { target: 'reviewed', actions: assign({ saved: 'saved' as const }) },
        onError: { target: 'reviewed', actions: assign({ saved: 'not-saved' as const }) },
      },
    },
    reviewed: {
      on: { RETRY: { target: 'answering', actions: 'clearAnswers' } },
    },
  },
});
