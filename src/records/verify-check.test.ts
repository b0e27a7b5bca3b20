import { describe, expect, it } from 'vitest';
import { courseChecks, rightAnswer, rightAnswers } from '../../tests/fixtures/bundles';
import { verifyCheckAttempt } from './verify-check';

const course = courseChecks();
const check = course.checks[0]!;
const at = new Date('2026-03-04T09:00:00Z');
const attempt = (
  answers: Record<string, unknown>,
  score: number,
  passed: boolean,
  module = check.module,
) => ({
  course: course.course,
  module,
  at,
  answers,
  score,
  passed,
});

describe('re-marking a check attempt from its answers', () => {
  it('trusts a pass the answers earn', () => {
    expect(
      verifyCheckAttempt(attempt(rightAnswers(check.module), 1, true), course).flag,
    ).toBeNull();
  });

  it.each([
    ['empty answers marked passed', {}, 1, true],
    [
      'answers of the wrong shape',
      Object.fromEntries(check.questions.map((q) => [q.id, 'yes'])),
      1,
      true,
    ],
    [
      'one right answer claiming full marks',
      { [check.questions[0]!.id]: rightAnswer(check.questions[0]!) },
      1,
      true,
    ],
  ])('flags %s', (_, answers, score, passed) => {
    const result = verifyCheckAttempt(attempt(answers, score, passed), course);
    expect(result.flag).toBe('not-earned');
    expect(result.reason).toMatch(
      /The file says 100 % \(passed\); marking its answers gives \d+ % \(not passed\)/,
    );
  });

  it('leaves an honest fail alone', () => {
    expect(verifyCheckAttempt(attempt({}, 0, false), course).flag).toBeNull();
  });

  it('flags a pass of a check this build does not have', () => {
    expect(verifyCheckAttempt(attempt({}, 1, true, '99-made-up'), course)).toMatchObject({
      flag: 'unknown-check',
      reason: expect.stringContaining('"99-made-up"'),
    });
  });

  it('marks a refresher out of the questions a refresher asks, so answering fewer earns less', () => {
    const qualified = course.checks.flatMap((c) =>
      c.questions.map((q) => [`${c.module}--${q.id}`, rightAnswer(q)] as const),
    );
    const full = Object.fromEntries(qualified.slice(0, course.refresherQuestions));
    expect(verifyCheckAttempt(attempt(full, 1, true, 'refresher'), course).flag).toBeNull();
    const two = Object.fromEntries(qualified.slice(0, 2));
    expect(verifyCheckAttempt(attempt(two, 1, true, 'refresher'), course).flag).toBe('not-earned');
  });
});
