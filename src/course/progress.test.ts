import { describe, expect, it } from 'vitest';
import { planAttempt } from './draw';
import { refresherCheck } from './refresher';
import type { CheckData, CourseOutline } from './outline';
import {
  courseProgress,
  isModuleOpen,
  lockedBy,
  refresherDue,
  type ProgressFacts,
} from './progress';

const lesson = (key: string) => ({ key, title: key, href: `/courses/c/${key}/`, minutes: 5 });
const outline = (gating: boolean): CourseOutline => ({
  slug: 'c',
  title: 'Course',
  href: '/courses/c/',
  gating,
  refresherDays: 90,
  refresherQuestions: 4,
  modules: [
    {
      slug: '01-basics',
      title: 'Basics',
      hasCheck: true,
      lessons: [lesson('01-basics/01-a'), lesson('01-basics/02-b')],
    },
    { slug: '02-notes', title: 'Notes', hasCheck: false, lessons: [lesson('02-notes/01-c')] },
    {
      slug: '03-tracking',
      title: 'Tracking',
      hasCheck: true,
      lessons: [lesson('03-tracking/01-d')],
    },
  ],
});
const facts = (completed: string[], passed: string[] = []): ProgressFacts => ({
  completedLessons: new Set(completed),
  openedLessons: new Set(completed),
  passedChecks: new Map(passed.map((m, i) => [m, new Date(2026, 0, 10 + i)])),
  completedAt: new Map(completed.map((l, i) => [l, new Date(2026, 0, 1 + i)])),
});

describe('gating', () => {
  it.each([
    { gating: false, passed: [], module: '03-tracking', open: true },
    { gating: true, passed: [], module: '01-basics', open: true },
    { gating: true, passed: [], module: '02-notes', open: false },
    { gating: true, passed: [], module: '03-tracking', open: false },
    { gating: true, passed: ['01-basics'], module: '03-tracking', open: true },
  ])(
    'with gating $gating and $passed passed, $module open: $open',
    ({ gating, passed, module, open }) => {
      const passedChecks = new Map(passed.map((m) => [m, new Date()]));
      expect(isModuleOpen(outline(gating), module, passedChecks)).toBe(open);
      expect(lockedBy(outline(gating), module, passedChecks)?.slug ?? null).toBe(
        open ? null : '01-basics',
      );
    },
  );
});

describe('courseProgress', () => {
  it('counts lessons and checks and continues at the first lesson not done', () => {
    const progress = courseProgress(outline(false), facts(['01-basics/01-a']));
    expect(progress).toMatchObject({
      lessonsDone: 1,
      lessonsTotal: 4,
      checksPassed: 0,
      checksTotal: 2,
      percent: 17,
      complete: false,
    });
    expect(progress.next?.key).toBe('01-basics/02-b');
  });

  it('does not send a learner on into a locked module', () => {
    const progress = courseProgress(outline(true), facts(['01-basics/01-a', '01-basics/02-b']));
    expect(progress.next).toBeNull();
  });

  it('is complete with every lesson done and every check passed, dated by the last of them', () => {
    const all = ['01-basics/01-a', '01-basics/02-b', '02-notes/01-c', '03-tracking/01-d'];
    const progress = courseProgress(outline(true), facts(all, ['01-basics', '03-tracking']));
    expect(progress).toMatchObject({ percent: 100, complete: true, next: null });
    expect(progress.completedOn).toEqual(new Date(2026, 0, 11));
  });
});

describe('refresherDue', () => {
  const done = new Date('2026-01-10T12:00:00Z');
  it.each([
    { now: '2026-04-09T12:00:00Z', last: null, due: false, dueOn: '2026-04-10T12:00:00.000Z' },
    { now: '2026-04-10T12:00:00Z', last: null, due: true, dueOn: '2026-04-10T12:00:00.000Z' },
    {
      now: '2026-05-01T00:00:00Z',
      last: '2026-04-20T09:00:00Z',
      due: false,
      dueOn: '2026-07-19T09:00:00.000Z',
    },
  ])(
    'completed 10 Jan, refresher every 90 days: at $now due is $due',
    ({ now, last, due, dueOn }) => {
      const result = refresherDue(done, 90, last ? new Date(last) : null, new Date(now));
      expect(result.due).toBe(due);
      expect(result.dueOn.toISOString()).toBe(dueOn);
    },
  );
});

describe('refresherCheck', () => {
  const check = (module: string, n: number): CheckData => ({
    course: 'c',
    module,
    moduleTitle: module,
    passMark: 0.8,
    draw: 2,
    hash: module.padEnd(64, '0'),
    sections: { '01-a#b': { href: `/courses/c/${module}/01-a/#b`, label: 'A: B' } },
    questions: Array.from({ length: n }, (_, i) => ({
      kind: 'single' as const,
      id: `q${i}`,
      see: '01-a#b',
      prompt: `${module} q${i}`,
      options: [
        { id: 'a', text: 'A', correct: true, feedback: 'Yes.' },
        { id: 'b', text: 'B', correct: false, feedback: 'No.' },
      ],
    })),
  });
  const checks = [check('01-basics', 4), check('03-tracking', 4), check('05-docs', 4)];
  const refresher = refresherCheck('c', checks, 6);

  it('banks the questions of every module, ids and section links unique across modules', () => {
    expect(refresher.questions).toHaveLength(12);
    expect(new Set(refresher.questions.map((q) => q.id)).size).toBe(12);
    expect(refresher.sections['03-tracking--01-a#b']?.href).toBe('/courses/c/03-tracking/01-a/#b');
    expect(refresher.draw).toBe(6);
  });

  it('draws every attempt from the banks, over every module, a new mix each attempt', () => {
    const first = planAttempt(refresher, 'p', []);
    expect(new Set(first.questions.map((q) => q.id.split('--')[0]))).toEqual(
      new Set(['01-basics', '03-tracking', '05-docs']),
    );
    const second = planAttempt(refresher, 'p', [
      { questions: first.drawn.map((d) => d.id), passed: true },
    ]);
    expect(second.drawn.filter((d) => first.drawn.some((f) => f.id === d.id))).toEqual([]);
  });

  it('changes its hash when the check of any module changes', () => {
    const changed = refresherCheck('c', [checks[0]!, checks[1]!, check('05-docx', 4)], 6);
    expect(changed.hash).not.toBe(refresher.hash);
  });
});
