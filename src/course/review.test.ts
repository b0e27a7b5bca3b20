import { describe, expect, it } from 'vitest';
import { courseChecks, rightAnswer } from '../../tests/fixtures/bundles';
import { markCheck, type Answer } from './grading';
import { reviewAttempt, showsKey } from './review';
import type { Question } from './schema';

/** A wrong answer to any question: a wrong option, a wrong category, a reversed order. */
function wrongAnswer(question: Question): Answer {
  switch (question.kind) {
    case 'single':
      return { kind: 'single', option: question.options.find((o) => !o.correct)!.id };
    case 'multiple':
      return {
        kind: 'multiple',
        options: question.options.filter((o) => !o.correct).map((o) => o.id),
      };
    case 'message':
      return {
        kind: 'message',
        elements: question.elements.filter((o) => !o.correct).map((o) => o.id),
      };
    case 'order':
      return { kind: 'order', items: question.items.map((i) => i.id).reverse() };
    case 'classify':
      return {
        kind: 'classify',
        categories: Object.fromEntries(
          question.items.map((i) => [
            i.id,
            question.categories.find((c) => c.id !== i.category)!.id,
          ]),
        ),
      };
  }
}

/** Every text that would give the answer away: right options' feedback and text, right categories. */
function keyTexts(question: Question): string[] {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return question.options.filter((o) => o.correct).flatMap((o) => [o.feedback, o.text]);
    case 'message':
      return question.elements.filter((o) => o.correct).flatMap((o) => [o.feedback, o.text]);
    case 'order':
      return [question.explanation, ...question.items.map((i) => i.feedback)];
    case 'classify':
      return question.items.map((i) => i.feedback);
  }
}

const bank = courseChecks().checks.flatMap((check) => check.questions);

describe('the review of a failed attempt', () => {
  it.each(bank.map((q) => [q.id, q] as const))(
    '%s: explains the wrong choices and points to the lesson, without the key',
    (_, question) => {
      const answers = { [question.id]: wrongAnswer(question) };
      const result = markCheck([question], answers);
      const [review] = reviewAttempt([question], answers, result, false);
      expect(review!.correct).toBe(false);
      expect(review!.see).toBe(question.see);
      const shown = [
        review!.summary,
        review!.explanation ?? '',
        ...review!.notes.map((n) => n.text),
      ];
      for (const secret of keyTexts(question))
        for (const text of shown) expect(text).not.toContain(secret);
      if (question.kind === 'single' || question.kind === 'multiple' || question.kind === 'message')
        expect(review!.notes.length).toBeGreaterThan(0);
      // A misplaced item is told which category it is not, never which one it is.
      if (question.kind === 'classify')
        for (const note of review!.notes) {
          const item = question.items.find((i) => i.id === note.id)!;
          const right = question.categories.find((c) => c.id === item.category)!.label;
          expect(note.text).not.toContain(`“${right}”`);
        }
    },
  );

  it('shows the whole key once passed', () => {
    const question = bank.find((q) => q.kind === 'classify')!;
    const answers = { [question.id]: rightAnswer(question) };
    const [review] = reviewAttempt([question], answers, markCheck([question], answers), true);
    expect(review!.notes.map((n) => n.text).join(' ')).toContain(
      question.kind === 'classify' ? question.items[0]!.feedback : '',
    );
    expect(review!.see).toBeNull();
  });

  it.each([
    [false, 1, false],
    [false, 2, false],
    [false, 3, true],
    [true, 1, true],
  ])('passed %s on attempt %i shows the key: %s', (passed, attempt, key) => {
    expect(showsKey(passed, attempt)).toBe(key);
  });
});
