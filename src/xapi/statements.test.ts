import validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import type { Question } from '../course/schema';
import {
  checkAttemptStatements,
  lessonCompleted,
  lessonExperienced,
  roleplayOverrideScored,
  roleplayStatements,
  runAttempted,
  runVerdict,
  type RoleplayRecord,
  type RunRecord,
  type Statement,
  type Who,
} from './index';

// The package is CommonJS with `exports.default`; Vite hands back either shape.
const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (
  data: unknown,
) => { path: string[]; typeName?: string }[];

const who: Who = {
  homePage: 'https://learning.example.com/',
  activityBase: 'https://learning.example.com/academy/',
  profileId: '6a1f0b8e-3d41-4c59-9d3b-2f8f2f0b6a11',
};

function expectValid(statement: Statement) {
  const problems = validate(statement).map((w) => `${w.path.join('.')} (${w.typeName ?? ''})`);
  expect(problems).toEqual([]);
}

const questions: Question[] = [
  {
    kind: 'single',
    id: 'first-step',
    prompt: 'What do you do first?',
    options: [
      { id: 'check', text: 'Check stock', correct: true, feedback: 'Yes.' },
      { id: 'ship', text: 'Ship anyway', correct: false, feedback: 'No.' },
    ],
  },
  {
    kind: 'order',
    id: 'rank',
    prompt: 'Rank these.',
    items: [
      { id: 'a', text: 'Oldest', feedback: '' },
      { id: 'b', text: 'Middle', feedback: '' },
      { id: 'c', text: 'Newest', feedback: '' },
    ],
    explanation: 'Oldest first.',
  },
  {
    kind: 'classify',
    id: 'sort',
    prompt: 'Sort them.',
    categories: [
      { id: 'active', label: 'Active' },
      { id: 'cancelled', label: 'Cancelled' },
    ],
    items: [
      { id: 'o1', text: 'Order 1', category: 'active', feedback: '' },
      { id: 'o2', text: 'Order 2', category: 'cancelled', feedback: '' },
    ],
  },
] as Question[];

describe('lesson statements', () => {
  const visit = {
    course: 'backorders',
    lesson: '01-basics/02-three-types',
    openedAt: new Date('2026-03-01T09:00:00Z'),
    completedAt: new Date('2026-03-01T09:12:00Z'),
    seconds: 725,
  };

  it('are valid xAPI: experienced on opening, completed with the reading time', () => {
    const opened = lessonExperienced(who, visit);
    const done = lessonCompleted(who, visit);
    expectValid(opened);
    expectValid(done);
    expect(opened.verb.id).toBe('http://adlnet.gov/expapi/verbs/experienced');
    expect(done.result).toEqual({ completion: true, duration: 'PT12M5S' });
    expect(opened.object).toMatchObject({
      id: 'https://learning.example.com/academy/courses/backorders/01-basics/02-three-types',
    });
  });

  it('name the learner by an account at the organisation, never by email', () => {
    const { actor } = lessonExperienced(who, visit);
    expect(actor).toEqual({
      objectType: 'Agent',
      account: { homePage: who.homePage, name: who.profileId },
    });
    expect(JSON.stringify(actor)).not.toContain('mbox');
  });

  it('get the same id when rebuilt, and a different one for another profile', () => {
    expect(lessonExperienced(who, visit).id).toBe(lessonExperienced(who, { ...visit }).id);
    expect(lessonExperienced({ ...who, profileId: 'other' }, visit).id).not.toBe(
      lessonExperienced(who, visit).id,
    );
    expect(lessonExperienced(who, visit).id).toMatch(/^[0-9a-f-]{14}5[0-9a-f-]{21}$/);
  });
});

describe('a check attempt', () => {
  const attempt = {
    course: 'backorders',
    module: '01-basics',
    at: new Date('2026-03-01T10:00:00Z'),
    answers: {
      'first-step': { kind: 'single', option: 'check' },
      rank: { kind: 'order', items: ['b', 'a', 'c'] },
      sort: { kind: 'classify', categories: { o1: 'active', o2: 'cancelled' } },
    },
    score: 2 / 3,
    passed: false,
  };
  const statements = checkAttemptStatements(who, attempt, {
    questions,
    startedAt: new Date('2026-03-01T09:58:30Z'),
  });

  it('is one answered interaction per question, then failed, all valid', () => {
    expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual([
      'answered',
      'answered',
      'answered',
      'failed',
    ]);
    statements.forEach(expectValid);
    expect(new Set(statements.map((s) => s.id)).size).toBe(4);
  });

  it('carries each interaction type with its correct responses pattern and the response', () => {
    const defs = statements
      .slice(0, 3)
      .map((s) => ('definition' in s.object ? s.object.definition : null));
    expect(defs.map((d) => [d?.interactionType, d?.correctResponsesPattern])).toEqual([
      ['choice', ['check']],
      ['sequencing', ['a[,]b[,]c']],
      ['matching', ['o1[.]active[,]o2[.]cancelled']],
    ]);
    expect(statements.slice(0, 3).map((s) => [s.result?.response, s.result?.success])).toEqual([
      ['check', true],
      ['b[,]a[,]c', false],
      ['o1[.]active[,]o2[.]cancelled', true],
    ]);
  });

  it('scores the check with its duration', () => {
    expect(statements[3]!.result).toEqual({
      score: { scaled: 0.6667, raw: 2, min: 0, max: 3 },
      success: false,
      completion: true,
      duration: 'PT1M30S',
    });
  });
});

describe('a simulation run', () => {
  const run: RunRecord = {
    id: 'run-1',
    scenario: 'monday-rush',
    scenarioHash: 'ab'.repeat(32),
    engineVersion: '1.1.0',
    startedAt: new Date('2026-03-02T08:00:00Z'),
    updatedAt: new Date('2026-03-02T08:20:00Z'),
    status: 'ended',
    mode: 'practice',
    score: { total: 84, passed: true, competencies: { allocation: 90, communication: 78 } },
  };

  it('is attempted, then passed with scaled score, competencies and run context', () => {
    const start = runAttempted(who, run);
    const end = runVerdict(who, run)!;
    expectValid(start);
    expectValid(end);
    expect(end.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(end.result?.score).toEqual({ scaled: 0.84, raw: 84, min: 0, max: 100 });
    expect(end.result?.duration).toBe('PT20M');
    const ext = 'https://learning.example.com/academy/xapi/extensions/';
    expect(end.result?.extensions).toEqual({
      [`${ext}competencies`]: { allocation: 90, communication: 78 },
    });
    expect(start.context?.extensions).toEqual({
      [`${ext}scenario-hash`]: run.scenarioHash,
      [`${ext}engine-version`]: '1.1.0',
      [`${ext}run-id`]: 'run-1',
      [`${ext}mode`]: 'practice',
    });
  });

  it('has no verdict while running or when abandoned; a failed run says failed', () => {
    expect(runVerdict(who, { ...run, status: 'running' })).toBeNull();
    expect(runVerdict(who, { ...run, status: 'abandoned' })).toBeNull();
    const failed = runVerdict(who, { ...run, score: { ...run.score!, total: 40, passed: false } });
    expect(failed?.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(failed?.result?.success).toBe(false);
  });
});

describe('a role-play attempt', () => {
  const attempt: RoleplayRecord = {
    id: 'rp-1',
    roleplay: 'angry-customer',
    roleplayHash: 'cd'.repeat(32),
    mode: 'assessment',
    startedAt: new Date('2026-03-03T08:00:00Z'),
    updatedAt: new Date('2026-03-03T08:06:00Z'),
    steps: [
      { node: 'open', option: 1, reply: 'I am sorry.', credits: ['apology'] },
      { node: 'facts', option: 0, typed: 'It ships Friday', reply: 'It ships Friday', credits: [] },
    ],
    score: { total: 7, max: 10, percent: 70, ending: 'resolved', rubric: { apology: 3, date: 4 } },
  };

  it('answers each new step, then completes with score and rubric', () => {
    const all = roleplayStatements(who, attempt, 0);
    all.forEach(expectValid);
    expect(all.map((s) => s.verb.id.split('/').pop())).toEqual([
      'answered',
      'answered',
      'completed',
    ]);
    expect(all[1]!.result?.response).toBe('It ships Friday');
    expect(all[2]!.result?.score).toEqual({ scaled: 0.7, raw: 7, min: 0, max: 10 });
    expect(roleplayStatements(who, attempt, 1).map((s) => s.id)).toEqual(
      all.slice(1).map((s) => s.id),
    );
  });

  it('gives a different reply after going back a new statement', () => {
    const first = roleplayStatements(who, { ...attempt, score: undefined }, 1)[0]!;
    const changed = {
      ...attempt,
      score: undefined,
      steps: [attempt.steps[0]!, { node: 'facts', option: 2 }],
    };
    expect(roleplayStatements(who, changed, 1)[0]!.id).not.toBe(first.id);
  });

  it('a trainer re-scoring is scored, referring to the completed statement, never a void', () => {
    const completed = roleplayStatements(who, attempt, 0)[2]!;
    const overrides = [{ step: 1, item: 'date', credited: true, by: 'Sam', reason: 'said Friday' }];
    const rescored = { ...attempt.score!, total: 9, percent: 90, rubric: { apology: 3, date: 6 } };
    const scored = roleplayOverrideScored(
      who,
      attempt,
      rescored,
      overrides,
      'Sam',
      new Date('2026-03-04T10:00:00Z'),
    );
    expectValid(scored);
    expect(scored.verb.id).toBe('http://adlnet.gov/expapi/verbs/scored');
    expect(scored.object).toEqual({ objectType: 'StatementRef', id: completed.id });
    expect(scored.result?.score?.scaled).toBe(0.9);
    expect(JSON.stringify(scored)).not.toContain('voided');
  });
});
