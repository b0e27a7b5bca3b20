/**
 * What the search page needs beyond Pagefind (https://pagefind.app/docs/api/): which lesson
 * a result is, whether the learner may read it yet, and the excerpt as plain text with the
 * matched words marked. Pure: the island in src/components/course/LessonSearch.svelte does
 * the fetching and the showing.
 */
import type { CourseOutline, LessonRef, ModuleRef } from './outline';
import { lockedBy } from './progress';

/** A piece of an excerpt: text, and whether Pagefind marked it as matching. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
  nbsp: '\u00a0',
};

/** Text with HTML tags dropped and the entities Pagefind writes turned back into characters. */
function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?[a-z0-9]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

/**
 * Pagefind's excerpt is HTML with `<mark>` around the matched words. Only the text and the
 * marks are kept, so nothing from the index is ever inserted as markup.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/gi;
  let at = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > at)
      parts.push({ text: plain(excerpt.slice(at, match.index)), marked: false });
    parts.push({ text: plain(match[1]!), marked: true });
    at = match.index + match[0].length;
  }
  if (at < excerpt.length) parts.push({ text: plain(excerpt.slice(at)), marked: false });
  return parts.filter((p) => p.text !== '');
}

/** A search result placed in its course: the lesson, and what must be passed first. */
export interface PlacedResult {
  course: CourseOutline;
  module: ModuleRef;
  lesson: LessonRef;
  /** The module whose check must be passed first, or null when the lesson can be read. */
  lockedBy: ModuleRef | null;
}

/** The lesson a result's address belongs to (`/courses/<course>/<module>/<lesson>/`), if any. */
export function placeResult(
  url: string,
  outlines: readonly CourseOutline[],
  passedChecks: (course: string) => ReadonlyMap<string, Date>,
): PlacedResult | null {
  const path = url.replace(/[?#].*$/, '').replace(/\/?$/, '/');
  for (const course of outlines)
    for (const module of course.modules) {
      const lesson = module.lessons.find((l) => l.href === path);
      if (lesson)
        return {
          course,
          module,
          lesson,
          lockedBy: lockedBy(course, module.slug, passedChecks(course.slug)),
        };
    }
  return null;
}
