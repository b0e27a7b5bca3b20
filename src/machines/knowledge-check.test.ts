import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, initialTransition, transition, waitFor } from 'xstate';
import type { Question } from '../course/schema';
import { knowledgeCheckMachine } from './knowledge-check';

const questions: Question[] = [
  {
    kind: 'single',
    id: 'type',
    prompt: 'A discontinued valve with no supply coming is which kind of backorder?',
    options: [
      {
        id: 'active',
        text: 'Active',
        correct: false,
        feedback: 'Active means restock is expected.',
      },
      {
        id: 'cancelled',
        text: 'Cancelled',
        correct: true,
        feedback: 'No restock: refund or substitute.',
      },
    ],
  },
];
const input = { questions, passMark: 0.8 };

describe('knowledge check machine', () => {
  it('will not submit until every question has an answer', () => {
    const [start] = initialTransition(knowledgeCheckMachine, input);
    const [after] = transition(knowledgeCheckMachine, start, { type: 'SUBMIT' });
    expect(after.value).toBe('answering');
  });

  it('marks on submit, then a retry clears the answers', () => {
    let [state] = initialTransition(knowledgeCheckMachine, input);
    [state] = transition(knowledgeCheckMachine, state, {
      type: 'ANSWER',
      question: 'type',
      answer: { kind: 'single', option: 'active' },
    });
    [state] = transition(knowledgeCheckMachine, state, { type: 'SUBMIT' });
    expect(state.value).toBe('saving');
    expect(state.context.result).toMatchObject({ score: 0, passed: false });
    expect(state.context.attempts).toBe(1);
  });

  it('saves each attempt through the provided actor and shows the result even if saving fails', async () => {
    const saved: number[] = [];
    const working = createActor(
      knowledgeCheckMachine.provide({
        actors: {
          saveAttempt: fromPromise(async ({ input }) => void saved.push(input.result.score)),
        },
      }),
      { input },
    ).start();
    working.send({
      type: 'ANSWER',
      question: 'type',
      answer: { kind: 'single', option: 'active' },
    });
    working.send({ type: 'SUBMIT' });
    await waitFor(working, (s) => s.matches('reviewed'));
    working.send({ type: 'RETRY' });
    expect(working.getSnapshot().context.answers).toEqual({});
    working.send({
      type: 'ANSWER',
      question: 'type',
      answer: { kind: 'single', option: 'cancelled' },
    });
    working.send({ type: 'SUBMIT' });
    const done = await waitFor(working, (s) => s.matches('reviewed'));
    expect(saved).toEqual([0, 1]);
    expect(done.context).toMatchObject({ saved: 'saved', attempts: 2, result: { passed: true } });

    const failing = createActor(
      knowledgeCheckMachine.provide({
        actors: { saveAttempt: fromPromise(async () => Promise.reject(new Error('blocked'))) },
      }),
      { input },
    ).start();
    failing.send({
      type: 'ANSWER',
      question: 'type',
      answer: { kind: 'single', option: 'cancelled' },
    });
    failing.send({ type: 'SUBMIT' });
    const shown = await waitFor(failing, (s) => s.matches('reviewed'));
    expect(shown.context).toMatchObject({ saved: 'not-saved', result: { passed: true } });
  });
});
