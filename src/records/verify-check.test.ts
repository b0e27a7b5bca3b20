import { describe, expect, it } from 'vitest';
import { courseChecks, rightAnswer, rightAnswers } from '../../tests/fixtures/bundles';
import { planAttempt } from '../course/draw';
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

describe('re-marking an attempt that drew its questions from the bank', () => {
  const drawn = planAttempt(check, 'profile-1', []);
  const answersFor = (right: number) =>
    Object.fromEntries(
      drawn.questions.map((q, i) => [
        q.id,
        i < right ? rightAnswer(q) : { kind: 'single', option: 'none' },
      ]),
    );
  const stored = (answers: Record<string, unknown>, score: number, passed: boolean) => ({
    ...attempt(answers, score, passed),
    questions: drawn.drawn,
    checkHash: check.hash,
  });

  it('trusts a pass its drawn questions earn', () => {
    expect(verifyCheckAttempt(stored(answersFor(check.draw), 1, true), course).flag).toBeNull();
  });

  it('flags a pass claimed with wrong answers to the drawn questions', () => {
    const result = verifyCheckAttempt(stored(answersFor(1), 1, true), course);
    expect(result.flag).toBe('not-earned');
    expect(result.reason).toMatch(/marking its answers gives \d+ % \(not passed\)/);
  });

  it('flags a draw the check cannot make: too few questions, or questions it does not have', () => {
    const few = { ...stored(answersFor(check.draw), 1, true), questions: drawn.drawn.slice(0, 1) };
    expect(verifyCheckAttempt(few, course)).toMatchObject({
      flag: 'not-earned',
      reason: expect.stringContaining(`draws ${check.draw} different ones`),
    });
    const made = {
      ...stored(answersFor(check.draw), 1, true),
      questions: [...drawn.drawn.slice(1), { id: 'made-up', order: [] }],
    };
    expect(verifyCheckAttempt(made, course).reason).toContain('made-up');
  });

  it('does not mark a pass against a check whose content has changed since', () => {
    const changed = { ...stored(answersFor(check.draw), 1, true), checkHash: 'f'.repeat(64) };
    expect(verifyCheckAttempt(changed, course)).toMatchObject({
      flag: 'unknown-check',
      reason: expect.stringContaining('content hash differs'),
    });
  });

  it('counts partial credit: a score the partly right answers earn is not flagged', () => {
    const multiple = check.questions.find((q) => q.kind === 'multiple' || q.kind === 'classify')!;
    const half =
      multiple.kind === 'classify'
        ? {
            kind: 'classify',
            categories: Object.fromEntries(
              multiple.items.map((item, i) => [
                item.id,
                i === 0
                  ? item.category
                  : multiple.categories.find((c) => c.id !== item.category)!.id,
              ]),
            ),
          }
        : rightAnswer(multiple);
    const partial = {
      ...attempt({ [multiple.id]: half }, 0.01, false),
    };
    expect(verifyCheckAttempt(partial, course).flag).toBeNull();
  });
});
