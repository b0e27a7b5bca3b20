import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { CheckData } from '../course/outline';
import type { Question } from '../course/schema';
import { knowledgeCheckMachine, type AttemptToSave, type CheckHistory } from './knowledge-check';

/** Eight single-choice questions over two lessons: option `right` is right in each. */
const questions: Question[] = Array.from({ length: 8 }, (_, i) => ({
  kind: 'single',
  id: `q${i}`,
  see: `0${(i % 2) + 1}-lesson#part`,
  prompt: `Question ${i}?`,
  options: [
    { id: 'wrong', text: 'Wrong', correct: false, feedback: `Wrong in ${i}, because.` },
    { id: 'right', text: 'Right', correct: true, feedback: `Right in ${i}, because.` },
  ],
}));
const check: CheckData = {
  course: 'c',
  module: '01-basics',
  moduleTitle: 'Basics',
  passMark: 0.8,
  draw: 4,
  questions,
  hash: '0'.repeat(64),
  sections: {},
};

function start(
  saved: AttemptToSave[] = [],
  history: { questions: string[]; passed: boolean }[] = [],
) {
  return createActor(
    knowledgeCheckMachine.provide({
      actors: {
        loadHistory: fromPromise<CheckHistory | null, CheckData>(async () => ({
          learner: 'ana',
          attempts: history,
        })),
        saveAttempt: fromPromise(async ({ input }) => void saved.push(input)),
      },
    }),
    { input: { check, learner: 'visitor' } },
  ).start();
}

async function answerAll(actor: ReturnType<typeof start>, option: 'right' | 'wrong') {
  await waitFor(actor, (s) => s.matches('answering'));
  for (const question of actor.getSnapshot().context.questions)
    actor.send({ type: 'ANSWER', question: question.id, answer: { kind: 'single', option } });
  actor.send({ type: 'SUBMIT' });
  return waitFor(actor, (s) => s.matches('reviewed'));
}

describe('knowledge check machine', () => {
  it('draws a first attempt the size of the draw and will not submit until all are answered', async () => {
    const actor = start();
    const ready = await waitFor(actor, (s) => s.matches('answering'));
    expect(ready.context).toMatchObject({ attemptNumber: 1, learner: 'ana' });
    expect(ready.context.questions).toHaveLength(4);
    actor.send({ type: 'SUBMIT' });
    expect(actor.getSnapshot().value).toBe('answering');
  });

  it('after a failed attempt: no key, a pointer to the lesson, and a retry with other questions', async () => {
    const saved: AttemptToSave[] = [];
    const actor = start(saved);
    const failed = await answerAll(actor, 'wrong');
    expect(failed.context.withKey).toBe(false);
    const notes = failed.context.review!.flatMap((r) => r.notes.map((n) => n.text));
    expect(notes.some((t) => t.includes('Right in'))).toBe(false);
    expect(failed.context.review!.every((r) => r.see !== null)).toBe(true);
    expect(saved[0]!.questions.map((q) => q.id)).toEqual(failed.context.questions.map((q) => q.id));

    const first = failed.context.questions.map((q) => q.id);
    actor.send({ type: 'RETRY' });
    const retry = actor.getSnapshot().context;
    expect(retry.attemptNumber).toBe(2);
    expect(retry.answers).toEqual({});
    expect(retry.questions.filter((q) => first.includes(q.id))).toEqual([]);
  });

  it('shows the key once passed, and on the third attempt even when failed', async () => {
    const passing = start();
    const passed = await answerAll(passing, 'right');
    expect(passed.context).toMatchObject({ withKey: true, result: { passed: true, score: 1 } });

    const third = start(
      [],
      [
        { questions: ['q0', 'q1', 'q2', 'q3'], passed: false },
        { questions: ['q4', 'q5', 'q6', 'q7'], passed: false },
      ],
    );
    const failed = await answerAll(third, 'wrong');
    expect(failed.context.attemptNumber).toBe(3);
    expect(failed.context.withKey).toBe(true);
    expect(failed.context.review!.flatMap((r) => r.notes.map((n) => n.text)).join()).toContain(
      'Right in',
    );
  });

  it('draws the same attempt again after a reload (same history, same learner)', async () => {
    const history = [{ questions: ['q0', 'q1', 'q2', 'q3'], passed: false }];
    const a = await waitFor(start([], history), (s) => s.matches('answering'));
    const b = await waitFor(start([], history), (s) => s.matches('answering'));
    expect(a.context.drawn).toEqual(b.context.drawn);
  });

  it('shows the result even if saving fails', async () => {
    const failing = createActor(
      knowledgeCheckMachine.provide({
        actors: { saveAttempt: fromPromise(async () => Promise.reject(new Error('blocked'))) },
      }),
      { input: { check, learner: 'visitor' } },
    ).start();
    const shown = await answerAll(failing, 'right');
    expect(shown.context).toMatchObject({ saved: 'not-saved', result: { passed: true } });
  });
});
