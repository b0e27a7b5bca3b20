import { describe, expect, it } from 'vitest';
import { dayLabel, moodWord } from './roleplay-labels';

describe('role-play labels', () => {
  it.each([
    [0, 'furious'],
    [19, 'furious'],
    [20, 'angry'],
    [45, 'uneasy'],
    [60, 'calmer'],
    [80, 'satisfied'],
    [100, 'satisfied'],
  ])('mood %i reads as %s', (mood, word) => {
    expect(moodWord(mood)).toBe(word);
  });

  it('shows a date with its weekday, whatever the time zone', () => {
    expect(dayLabel('2026-03-13')).toBe('Fri 13 Mar 2026');
  });
});
