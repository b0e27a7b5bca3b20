import { describe, expect, it } from 'vitest';
import { COMPETENCIES } from '../engine/schema';
import { competencyLabel, levelLabel, minutesLabel, moodWord } from './labels';

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
});

describe('levelLabel', () => {
  it.each([
    [1, 'Beginner'],
    [2, 'Intermediate'],
    [3, 'Advanced'],
  ] as const)('level %i reads %s', (level, label) => {
    expect(levelLabel(level)).toBe(label);
  });
});

describe('competencyLabel', () => {
  it.each(COMPETENCIES)('%s has a label in words, not its code', (competency) => {
    const label = competencyLabel(competency);
    expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
    expect(label).not.toContain('-');
  });

  it('gives every competency a different label', () => {
    const labels = COMPETENCIES.map(competencyLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('minutesLabel', () => {
  it.each([
    [1, '1 minute'],
    [20, '20 minutes'],
    [240, '240 minutes'],
  ])('%i reads %s', (minutes, label) => {
    expect(minutesLabel(minutes)).toBe(label);
  });
});
