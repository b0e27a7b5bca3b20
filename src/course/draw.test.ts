import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceIds, drawAttempt, planAttempt, questionsOf, seedOf } from './draw';
import type { Question } from './schema';

/** A bank of `n` questions over two lessons, every kind represented. */
function bank(n: number): Question[] {
  const options = ['a', 'b', 'c', 'd'].map((id, i) => ({
    id,
    text: id.toUpperCase(),
    correct: i === 0,
    feedback: `Why ${id}.`,
  }));
  return Array.from({ length: n }, (_, i): Question => {
    const base = { id: `q${i}`, prompt: `Question ${i}?`, see: `0${(i % 2) + 1}-lesson#part` };
    if (i % 3 === 1)
      return {
        ...base,
        kind: 'order',
        items: ['x', 'y', 'z'].map((id) => ({ id, text: id, feedback: `${id} here.` })),
        explanation: 'x, y, z.',
      };
    return { ...base, kind: 'single', options };
  });
}

const check = { course: 'c', module: '01-basics', draw: 4, questions: bank(8) };

describe('drawing an attempt from a bank', () => {
  it('draws the same questions, in the same option order, from the same seed', () => {
    expect(drawAttempt(check.questions, 4, 7)).toEqual(drawAttempt(check.questions, 4, 7));
    expect(planAttempt(check, 'profile-1', [])).toEqual(planAttempt(check, 'profile-1', []));
  });

  it('draws another set for another learner or another attempt number', () => {
    const draws = ['p1', 'p2', 'p3', 'p4'].map((learner) =>
      planAttempt(check, learner, [])
        .drawn.map((d) => d.id)
        .join(),
    );
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it('never repeats a question of the attempt before it (the bank holds twice a draw)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 5 }), (learner, earlier) => {
        const history = Array.from({ length: earlier }, (_, i) => ({
          questions: planAttempt(check, learner, []).drawn.map((d) => `q${(d.id.length + i) % 8}`),
          passed: false,
        }));
        const first = planAttempt(check, learner, history);
        const retry = planAttempt(check, learner, [
          ...history,
          { questions: first.drawn.map((d) => d.id), passed: false },
        ]);
        expect(first.drawn).toHaveLength(4);
        expect(new Set(first.drawn.map((d) => d.id)).size).toBe(4);
        const overlap = retry.drawn.filter((d) => first.drawn.some((f) => f.id === d.id));
        expect(overlap).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('asks about every lesson the bank covers when the draw allows', () => {
    for (let seed = 0; seed < 50; seed++) {
      const lessons = drawAttempt(check.questions, 4, seed).map(
        (d) => check.questions.find((q) => q.id === d.id)!.see.split('#')[0],
      );
      expect(new Set(lessons)).toEqual(new Set(['01-lesson', '02-lesson']));
    }
  });

  it('shuffles the options, and never starts an order question already in order', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 50; seed++)
      for (const drawn of drawAttempt(check.questions, 4, seed)) {
        const question = check.questions.find((q) => q.id === drawn.id)!;
        expect([...drawn.order].sort()).toEqual([...choiceIds(question)].sort());
        if (question.kind === 'order') expect(drawn.order).not.toEqual(choiceIds(question));
        else orders.add(drawn.order.join());
      }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('gives the drawn questions with their options in the order drawn', () => {
    const drawn = drawAttempt(check.questions, 4, 11);
    const questions = questionsOf(check.questions, drawn);
    expect(questions.map((q) => q.id)).toEqual(drawn.map((d) => d.id));
    questions.forEach((question, i) => {
      if (question.kind === 'single')
        expect(question.options.map((o) => o.id)).toEqual(drawn[i]!.order);
    });
  });

  it('seeds from text the same way every time', () => {
    expect(seedOf('a|c|01-basics|1')).toBe(seedOf('a|c|01-basics|1'));
    expect(seedOf('a|c|01-basics|1')).not.toBe(seedOf('a|c|01-basics|2'));
  });
});
