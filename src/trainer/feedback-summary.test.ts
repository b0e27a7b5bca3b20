import { describe, expect, it } from 'vitest';
import { groupFeedback, type FeedbackRow, type KnownLesson } from './feedback-summary';

const COURSE = 'backorders';
const lessons: KnownLesson[] = [
  { course: COURSE, key: '01-basics/01-what', title: 'What a backorder is', href: '/a/' },
  { course: COURSE, key: '01-basics/02-types', title: 'Three kinds', href: '/b/' },
];

const row = (lesson: string, useful: FeedbackRow['useful'], change = '', day = 1): FeedbackRow => ({
  profileId: `p-${day}`,
  course: COURSE,
  lesson,
  at: new Date(Date.UTC(2026, 0, day)),
  useful,
  change,
});

describe('groupFeedback', () => {
  it('groups rows by lesson in course order and counts each answer', () => {
    const groups = groupFeedback(
      [
        row('01-basics/02-types', 'no', 'Too long', 1),
        row('01-basics/01-what', 'yes', '', 2),
        row('01-basics/02-types', 'partly', '', 3),
        row('01-basics/02-types', 'no', 'More pictures', 4),
      ],
      lessons,
    );
    expect(groups.map((g) => [g.title, g.total, g.counts])).toEqual([
      ['What a backorder is', 1, { yes: 1, partly: 0, no: 0 }],
      ['Three kinds', 3, { yes: 0, partly: 1, no: 2 }],
    ]);
  });

  it('keeps only comments that say something, newest first', () => {
    const [group] = groupFeedback(
      [
        row('01-basics/02-types', 'no', 'Too long', 1),
        row('01-basics/02-types', 'yes', '   ', 2),
        row('01-basics/02-types', 'no', 'More pictures', 4),
      ],
      lessons,
    );
    expect(group!.comments.map((c) => c.change)).toEqual(['More pictures', 'Too long']);
  });

  it('lists feedback on a lesson the course no longer has last, under its stored key', () => {
    const groups = groupFeedback(
      [row('09-gone/01-old', 'partly'), row('01-basics/01-what', 'yes')],
      lessons,
    );
    expect(groups.map((g) => [g.title, g.href])).toEqual([
      ['What a backorder is', '/a/'],
      ['09-gone/01-old', null],
    ]);
  });

  it('returns no groups when there is no feedback', () => {
    expect(groupFeedback([], lessons)).toEqual([]);
  });
});
