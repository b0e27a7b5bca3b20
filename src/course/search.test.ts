import { describe, expect, it } from 'vitest';
import type { CourseOutline } from './outline';
import { excerptParts, placeResult } from './search';

const outline: CourseOutline = {
  slug: 'c',
  title: 'Course',
  href: '/courses/c/',
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
          href: '/courses/c/01-basics/01-what/',
          minutes: 5,
        },
      ],
    },
    {
      slug: '02-tracking',
      title: 'Tracking',
      hasCheck: true,
      lessons: [
        {
          key: '02-tracking/01-stock',
          title: 'Stock',
          href: '/courses/c/02-tracking/01-stock/',
          minutes: 5,
        },
      ],
    },
  ],
};

describe('search results', () => {
  it('keeps only the text and the marks of an excerpt, never markup', () => {
    expect(
      excerptParts(
        'Check <mark>available</mark> stock &amp; <script>alert(1)</script>the PO&#39;s date',
      ),
    ).toEqual([
      { text: 'Check ', marked: false },
      { text: 'available', marked: true },
      { text: " stock & alert(1)the PO's date", marked: false },
    ]);
  });

  it('places a result in its lesson, locked until the check before it is passed', () => {
    const none = () => new Map<string, Date>();
    expect(placeResult('/courses/c/02-tracking/01-stock/#restock', [outline], none)).toMatchObject({
      lesson: { key: '02-tracking/01-stock' },
      lockedBy: { slug: '01-basics', title: 'Basics' },
    });
    const passed = () => new Map([['01-basics', new Date()]]);
    expect(placeResult('/courses/c/02-tracking/01-stock/', [outline], passed)?.lockedBy).toBeNull();
    expect(placeResult('/courses/c/01-basics/01-what', [outline], none)?.lockedBy).toBeNull();
    expect(placeResult('/glossary/', [outline], none)).toBeNull();
  });
});
