import { describe, expect, it } from 'vitest';
import { countLabel, firstSentence } from './text';

describe('countLabel', () => {
  it.each([
    [0, '0 modules'],
    [1, '1 module'],
    [8, '8 modules'],
  ])('%i -> %s', (count, label) => {
    expect(countLabel(count, 'module', 'modules')).toBe(label);
  });
});

describe('firstSentence', () => {
  it.each([
    ['How to handle it: tell them. Then more.', 'How to handle it: tell them.'],
    ['Spans\n  two lines. Second.', 'Spans two lines.'],
    ['No full stop', 'No full stop'],
    ['Costs £2.50 each. Then.', 'Costs £2.50 each.'],
  ])('%j -> %j', (text, sentence) => {
    expect(firstSentence(text)).toBe(sentence);
  });
});
