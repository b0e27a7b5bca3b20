/**
 * The glossary page's shape: terms in alphabetical order, grouped by first letter, each with
 * an anchor id and the lesson that teaches it. Pure, like courses.ts: a term pointing
 * at a lesson that does not exist comes back as a problem naming the entry.
 */
import type { Problem } from '../engine/problems';
import type { LessonRef } from './outline';
import type { Glossary } from './schema';

export interface GlossaryTerm {
  term: string;
  definition: string;
  /** Fragment id on the glossary page, e.g. `term-partial-shipment`. */
  anchor: string;
  taughtIn: LessonRef;
}

export interface GlossaryLetter {
  /** `A` to `Z`, or `#` for a term starting with a digit or a sign. */
  letter: string;
  terms: GlossaryTerm[];
}

/** The letters of the jump list, each a link when some term starts with it. */
export const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** `Promise date (ETA)` -> `term-promise-date-eta`. */
export function termAnchor(term: string): string {
  const words = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return `term-${(words ?? ['term']).join('-')}`;
}

/** `A` for `allocation`, `#` for `3PL`. */
export function termLetter(term: string): string {
  const first = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
  return ALPHABET.includes(first) ? first : '#';
}

/**
 * Groups and sorts `glossary`; `lessons` maps `<course>/<module>/<lesson>` (the `taughtIn`
 * form) to the lesson.
 */
export function glossaryLetters(
  glossary: Glossary,
  lessons: ReadonlyMap<string, LessonRef>,
  file = 'content/glossary.yaml',
): { letters: GlossaryLetter[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const anchors = new Set<string>();
  const terms: GlossaryTerm[] = [];
  glossary.forEach(({ term, definition, taughtIn }, index) => {
    const lesson = lessons.get(taughtIn);
    const anchor = termAnchor(term);
    if (!lesson)
      problems.push({ file, path: `[${index}].taughtIn`, message: `no lesson "${taughtIn}"` });
    if (anchors.has(anchor))
      problems.push({ file, path: `[${index}].term`, message: `"${term}" is listed twice` });
    anchors.add(anchor);
    if (lesson) terms.push({ term, definition, anchor, taughtIn: lesson });
  });
  terms.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const letters: GlossaryLetter[] = [];
  for (const term of terms) {
    const letter = termLetter(term.term);
    const group = letters.find((g) => g.letter === letter);
    if (group) group.terms.push(term);
    else letters.push({ letter, terms: [term] });
  }
  // Terms starting with a digit or sign come first, as in a printed index.
  letters.sort((a, b) => (a.letter === '#' ? -1 : b.letter === '#' ? 1 : 0));
  return { letters, problems };
}
