/**
 * Lesson feedback grouped for the trainer's records page (issue 14, guide section 8): one
 * group per lesson, in course order, with how many trainees found it useful, partly useful
 * or not useful, and what they would change. Pure, so the grouping is tested without a
 * browser; the page passes the rows it read and the lessons the build knows.
 */

export type Usefulness = 'yes' | 'partly' | 'no';

/** One stored feedback row, as far as the summary needs it. */
export interface FeedbackRow {
  profileId: string;
  course: string;
  lesson: string;
  at: Date;
  useful: Usefulness;
  change: string;
}

/** A lesson the course has: where feedback is stored (`course` + `key`) and its title. */
export interface KnownLesson {
  course: string;
  key: string;
  title: string;
  href: string;
}

export interface FeedbackComment {
  profileId: string;
  at: Date;
  useful: Usefulness;
  change: string;
}

export interface LessonFeedbackGroup {
  course: string;
  lesson: string;
  /** The lesson's title, or its stored key when the course no longer has it. */
  title: string;
  href: string | null;
  counts: Record<Usefulness, number>;
  total: number;
  /** Rows that say what to change, newest first. */
  comments: FeedbackComment[];
}

const keyOf = (course: string, lesson: string) => `${course}\u0000${lesson}`;

/** Group feedback by lesson: lessons in course order, then lessons the course no longer has. */
export function groupFeedback(
  rows: readonly FeedbackRow[],
  lessons: readonly KnownLesson[],
): LessonFeedbackGroup[] {
  const order = new Map(lessons.map((lesson, index) => [keyOf(lesson.course, lesson.key), index]));
  const groups = new Map<string, LessonFeedbackGroup>();
  for (const row of rows) {
    const key = keyOf(row.course, row.lesson);
    let group = groups.get(key);
    if (!group) {
      const known = lessons[order.get(key) ?? -1];
      group = {
        course: row.course,
        lesson: row.lesson,
        title: known?.title ?? row.lesson,
        href: known?.href ?? null,
        counts: { yes: 0, partly: 0, no: 0 },
        total: 0,
        comments: [],
      };
      groups.set(key, group);
    }
    group.counts[row.useful] += 1;
    group.total += 1;
    const change = row.change.trim();
    if (change)
      group.comments.push({ profileId: row.profileId, at: row.at, useful: row.useful, change });
  }
  const rank = (group: LessonFeedbackGroup) =>
    order.get(keyOf(group.course, group.lesson)) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...groups.values()].sort(
    (a, b) => rank(a) - rank(b) || a.lesson.localeCompare(b.lesson),
  );
  for (const group of sorted) group.comments.sort((a, b) => b.at.getTime() - a.at.getTime());
  return sorted;
}
