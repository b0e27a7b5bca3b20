import { describe, expect, it } from 'vitest';
import type { Check, Course, Lesson, Module } from './schema';
import {
  buildCourses,
  lessonSequence,
  unknownScenarioProblems,
  type CourseEntries,
} from './courses';

const course: Course = {
  title: 'Backorders',
  summary: 'All about backorders.',
  audience: 'New hires',
  gating: true,
  refresherDays: 90,
  refresherQuestions: 8,
};
const module = (title: string): Module => ({ title, summary: `${title}.`, topic: 1 });
const lesson = (title: string, minutes: number, scenarios: string[] = []): Lesson => ({
  title,
  summary: `${title}.`,
  objectives: ['Do it.'],
  minutes,
  competencies: ['basics'],
  scenarios,
});
const check: Check = {
  passMark: 0.75,
  draw: 2,
  questions: [1, 2, 3, 4].map((n) => ({
    kind: 'single' as const,
    id: `q${n}`,
    see: '01-what#the-point',
    prompt: `Which ${n}?`,
    options: [
      { id: 'a', text: 'A', correct: true, feedback: 'Yes.' },
      { id: 'b', text: 'B', correct: false, feedback: 'No.' },
    ],
  })),
};

/** Entries deliberately out of order: the builder sorts by the numbered names. */
const entries: CourseEntries = {
  courses: [{ id: 'bo/course', data: course }],
  modules: [
    { id: 'bo/02-tracking/module', data: module('Tracking') },
    { id: 'bo/01-basics/module', data: module('Basics') },
    { id: 'bo/03-empty/module', data: module('Empty') },
  ],
  checks: [{ id: 'bo/01-basics/check', data: check }],
  lessons: [
    { id: 'bo/02-tracking/01-stock', data: lesson('Stock', 5) },
    { id: 'bo/01-basics/02-types', data: lesson('Types', 9, ['three-types']) },
    { id: 'bo/01-basics/01-what', data: lesson('What', 8), body: '## The point\n\nText.' },
  ],
};

describe('buildCourses', () => {
  const { courses, problems } = buildCourses(entries);
  const [built] = courses;

  it('builds the outline in numbered order with hrefs and keys', () => {
    expect(problems).toEqual([]);
    expect(built!.outline).toEqual({
      slug: 'bo',
      title: 'Backorders',
      href: '/courses/bo/',
      gating: true,
      refresherDays: 90,
      refresherQuestions: 8,
      modules: [
        {
          slug: '01-basics',
          title: 'Basics',
          hasCheck: true,
          lessons: [
            {
              key: '01-basics/01-what',
              title: 'What',
              href: '/courses/bo/01-basics/01-what/',
              minutes: 8,
            },
            {
              key: '01-basics/02-types',
              title: 'Types',
              href: '/courses/bo/01-basics/02-types/',
              minutes: 9,
            },
          ],
        },
        {
          slug: '02-tracking',
          title: 'Tracking',
          hasCheck: false,
          lessons: [
            {
              key: '02-tracking/01-stock',
              title: 'Stock',
              href: '/courses/bo/02-tracking/01-stock/',
              minutes: 5,
            },
          ],
        },
        { slug: '03-empty', title: 'Empty', hasCheck: false, lessons: [] },
      ],
    });
  });

  it('gives each check the module it belongs to, its draw, hash and section links, and sums the reading time', () => {
    expect(built!.checks).toEqual([
      {
        course: 'bo',
        module: '01-basics',
        moduleTitle: 'Basics',
        passMark: 0.75,
        draw: 2,
        questions: check.questions,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        sections: {
          '01-what#the-point': {
            href: '/courses/bo/01-basics/01-what/#the-point',
            label: 'What: The point',
          },
        },
      },
    ]);
    expect(built!.totalMinutes).toBe(22);
  });

  it.each([
    [
      'a lesson in a folder without module.yaml',
      { lessons: [{ id: 'bo/09-ghost/01-x', data: lesson('X', 1) }] },
      'content/courses/bo/09-ghost/01-x.mdx: the module folder has no valid module.yaml',
    ],
    [
      'an unnumbered lesson file',
      { lessons: [{ id: 'bo/01-basics/intro', data: lesson('X', 1) }] },
      'content/courses/bo/01-basics/intro.mdx: lesson files are named NN-name.mdx',
    ],
    [
      'an unnumbered module folder',
      { modules: [{ id: 'bo/basics/module', data: module('B') }] },
      'content/courses/bo/basics: module folders are named NN-name, e.g. 01-basics',
    ],
    [
      'a module of a course without course.yaml',
      { modules: [{ id: 'other/01-a/module', data: module('A') }] },
      'content/courses/other/01-a/module.yaml: the course folder has no course.yaml',
    ],
    [
      'a check without module.yaml',
      { checks: [{ id: 'bo/07-gone/check', data: check }] },
      'content/courses/bo/07-gone/check.yaml: the module folder has no valid module.yaml',
    ],
  ])('reports %s, naming the file', (_, extra, message) => {
    const merged = {
      ...entries,
      ...Object.fromEntries(
        Object.entries(extra).map(([key, list]) => [
          key,
          [...entries[key as keyof CourseEntries], ...list],
        ]),
      ),
    } as CourseEntries;
    const { problems } = buildCourses(merged);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([message]);
  });
});

describe('lessonSequence', () => {
  it('links lessons across modules and marks the last of each module', () => {
    const sequence = lessonSequence(buildCourses(entries).courses[0]!);
    expect(
      sequence.map(({ lesson, previous, next, lastInModule }) => [
        lesson.ref.key,
        previous?.key ?? null,
        next?.key ?? null,
        lastInModule,
      ]),
    ).toEqual([
      ['01-basics/01-what', null, '01-basics/02-types', false],
      ['01-basics/02-types', '01-basics/01-what', '02-tracking/01-stock', true],
      ['02-tracking/01-stock', '01-basics/02-types', null, true],
    ]);
  });
});

describe('unknownScenarioProblems', () => {
  it('names the lesson file and the scenarios index of a missing scenario', () => {
    const { courses } = buildCourses(entries);
    expect(unknownScenarioProblems(courses, new Set(['three-types']))).toEqual([]);
    expect(unknownScenarioProblems(courses, new Set())).toEqual([
      {
        file: 'content/courses/bo/01-basics/02-types.mdx',
        path: 'scenarios[0]',
        message: 'no scenario "three-types" in simulations/',
      },
    ]);
  });
});
