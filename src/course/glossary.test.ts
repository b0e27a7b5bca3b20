import { describe, expect, it } from 'vitest';
import type { LessonRef } from './outline';
import { glossaryLetters, termAnchor, termLetter } from './glossary';

const lesson: LessonRef = {
  key: '01-basics/01-what',
  title: 'What a backorder is',
  href: '/courses/bo/01-basics/01-what/',
  minutes: 8,
};
const lessons = new Map([['bo/01-basics/01-what', lesson]]);
const entry = (term: string, taughtIn = 'bo/01-basics/01-what') => ({
  term,
  definition: `${term} means something.`,
  taughtIn,
});

describe('termAnchor', () => {
  it.each([
    ['Backorder', 'term-backorder'],
    ['Promise date (ETA)', 'term-promise-date-eta'],
    ['Café order', 'term-cafe-order'],
    ['3PL', 'term-3pl'],
  ])('%s -> %s', (term, anchor) => {
    expect(termAnchor(term)).toBe(anchor);
  });
});

describe('termLetter', () => {
  it.each([
    ['allocation', 'A'],
    ['Élan', 'E'],
    ['3PL', '#'],
  ])('%s -> %s', (term, letter) => {
    expect(termLetter(term)).toBe(letter);
  });
});

describe('glossaryLetters', () => {
  it('sorts terms case-insensitively and groups them by letter, digits first', () => {
    const { letters, problems } = glossaryLetters(
      [
        entry('partial shipment'),
        entry('Backorder'),
        entry('3PL'),
        entry('allocation'),
        entry('Available stock'),
      ],
      lessons,
    );
    expect(problems).toEqual([]);
    expect(letters.map(({ letter, terms }) => [letter, terms.map((t) => t.term)])).toEqual([
      ['#', ['3PL']],
      ['A', ['allocation', 'Available stock']],
      ['B', ['Backorder']],
      ['P', ['partial shipment']],
    ]);
    expect(letters[2]!.terms[0]).toEqual({
      term: 'Backorder',
      definition: 'Backorder means something.',
      anchor: 'term-backorder',
      taughtIn: lesson,
    });
  });

  it('reports a lesson that does not exist and a term listed twice', () => {
    const { problems } = glossaryLetters(
      [entry('Backorder'), entry('Lost', 'bo/09-x/01-y'), entry('backorder')],
      lessons,
    );
    expect(problems).toEqual([
      { file: 'content/glossary.yaml', path: '[1].taughtIn', message: 'no lesson "bo/09-x/01-y"' },
      { file: 'content/glossary.yaml', path: '[2].term', message: '"backorder" is listed twice' },
    ]);
  });
});
