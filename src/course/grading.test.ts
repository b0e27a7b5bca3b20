import { describe, expect, it } from 'vitest';
import { isComplete, MARKING_RULES, markCheck, markQuestion, type Answer } from './grading';
import type { Question } from './schema';

const single: Question = {
  kind: 'single',
  id: 'type',
  see: '01-a#b',
  prompt: 'A discontinued valve with no supply coming is which kind of backorder?',
  options: [
    { id: 'active', text: 'Active', correct: false, feedback: 'Active means restock is expected.' },
    {
      id: 'cancelled',
      text: 'Cancelled',
      correct: true,
      feedback: 'No restock: refund or substitute.',
    },
  ],
};
const multiple: Question = {
  kind: 'multiple',
  id: 'checks',
  see: '01-a#b',
  prompt: 'Before shipping part of an order, check:',
  options: [
    { id: 'stock', text: 'Stock on hand', correct: true, feedback: 'Verify before confirming.' },
    { id: 'told', text: 'The customer was told', correct: true, feedback: 'Tell them up front.' },
    { id: 'colour', text: 'The box colour', correct: false, feedback: 'Irrelevant.' },
  ],
};
const order: Question = {
  kind: 'order',
  id: 'rank',
  see: '01-a#b',
  prompt: 'Rank these backorders',
  items: [
    { id: 'flagged', text: 'Flagged order', feedback: 'Flagged first.' },
    { id: 'critical', text: 'Critical order', feedback: 'Urgency next.' },
    { id: 'standard', text: 'Standard order', feedback: 'Last.' },
  ],
  explanation: 'Flagged, then urgency, then tier.',
};
const classify: Question = {
  kind: 'classify',
  id: 'sort',
  see: '01-a#b',
  prompt: 'Sort these',
  categories: [
    { id: 'active', label: 'Active' },
    { id: 'partial', label: 'Partial' },
  ],
  items: [
    { id: 'a', text: 'PO due Thursday', category: 'active', feedback: 'Restock expected.' },
    { id: 'b', text: '6 of 10 shipped', category: 'partial', feedback: 'Some shipped.' },
  ],
};

describe('markQuestion', () => {
  it.each<[string, Question, Answer | undefined, boolean]>([
    ['single right', single, { kind: 'single', option: 'cancelled' }, true],
    ['single wrong', single, { kind: 'single', option: 'active' }, false],
    ['unanswered', single, undefined, false],
    ['multiple exact', multiple, { kind: 'multiple', options: ['told', 'stock'] }, true],
    ['multiple missing one', multiple, { kind: 'multiple', options: ['stock'] }, false],
    [
      'multiple with an extra',
      multiple,
      { kind: 'multiple', options: ['stock', 'told', 'colour'] },
      false,
    ],
    ['order right', order, { kind: 'order', items: ['flagged', 'critical', 'standard'] }, true],
    ['order swapped', order, { kind: 'order', items: ['critical', 'flagged', 'standard'] }, false],
    [
      'classify right',
      classify,
      { kind: 'classify', categories: { a: 'active', b: 'partial' } },
      true,
    ],
    [
      'classify wrong',
      classify,
      { kind: 'classify', categories: { a: 'partial', b: 'partial' } },
      false,
    ],
  ])('%s', (_, question, answer, correct) => {
    expect(markQuestion(question, answer).correct).toBe(correct);
  });

  it.each<[string, Question, Answer, number]>([
    ['single: all or nothing', single, { kind: 'single', option: 'active' }, 0],
    ['multiple: one of two right choices', multiple, { kind: 'multiple', options: ['stock'] }, 0.5],
    [
      'multiple: a wrong choice takes a right one back',
      multiple,
      { kind: 'multiple', options: ['stock', 'colour'] },
      0,
    ],
    ['multiple: never below nothing', multiple, { kind: 'multiple', options: ['colour'] }, 0],
    [
      'order: one item of three in its place',
      order,
      { kind: 'order', items: ['flagged', 'standard', 'critical'] },
      1 / 3,
    ],
    [
      'classify: one item of two in the right category',
      classify,
      { kind: 'classify', categories: { a: 'active', b: 'active' } },
      0.5,
    ],
  ])('partial credit, %s', (_, question, answer, credit) => {
    const result = markQuestion(question, answer);
    expect(result.credit).toBeCloseTo(credit);
    expect(result.correct).toBe(false);
  });

  it('says for every kind how it is marked, and which kinds give partial credit', () => {
    expect(MARKING_RULES.single).not.toMatch(/partial credit/i);
    for (const kind of ['multiple', 'message', 'order', 'classify'] as const)
      expect(MARKING_RULES[kind]).toMatch(/^Partial credit/);
  });

  it('explains every option, marking which the learner handled rightly', () => {
    const result = markQuestion(multiple, { kind: 'multiple', options: ['stock', 'colour'] });
    expect(result.verdicts).toEqual([
      { id: 'stock', right: true, feedback: 'Verify before confirming.' },
      { id: 'told', right: false, feedback: 'Tell them up front.' },
      { id: 'colour', right: false, feedback: 'Irrelevant.' },
    ]);
  });
});

describe('markCheck', () => {
  const questions = [single, multiple, order, classify, { ...single, id: 'type-2' }];
  const right: Record<string, Answer> = {
    type: { kind: 'single', option: 'cancelled' },
    'type-2': { kind: 'single', option: 'cancelled' },
    checks: { kind: 'multiple', options: ['stock', 'told'] },
    rank: { kind: 'order', items: ['flagged', 'critical', 'standard'] },
    sort: { kind: 'classify', categories: { a: 'active', b: 'partial' } },
  };

  it.each([
    { wrong: 0, score: 1, passed: true },
    { wrong: 1, score: 0.8, passed: true },
    { wrong: 2, score: 0.6, passed: false },
  ])(
    '$wrong wrong of 5 scores $score (passed: $passed) at a pass mark of 80 %',
    ({ wrong, score, passed }) => {
      const answers = { ...right };
      for (const id of ['type', 'type-2'].slice(0, wrong))
        answers[id] = { kind: 'single', option: 'active' };
      expect(markCheck(questions, answers, 0.8)).toMatchObject({ score, passed });
    },
  );

  it('counts partial credit in the score: half of one question of five is 10 %', () => {
    const answers = { ...right, checks: { kind: 'multiple' as const, options: ['stock'] } };
    expect(markCheck(questions, answers, 0.8).score).toBeCloseTo(0.9);
  });

  it('knows when every question has an answer', () => {
    expect(isComplete(questions, right)).toBe(true);
    expect(
      isComplete(questions, { ...right, sort: { kind: 'classify', categories: { a: 'active' } } }),
    ).toBe(false);
  });
});
