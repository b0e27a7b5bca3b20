import { describe, expect, it } from 'vitest';
import { requiredScenarios } from './certificate';
import type { ScenarioInfo } from './aggregate';

describe('the scenarios a certificate needs', () => {
  it('are the beginner and intermediate shifts, not the guided first shift or advanced ones', () => {
    const info = (id: string, level: number) => ({ id, level }) as unknown as ScenarioInfo;
    const required = requiredScenarios([
      info('first-shift', 0),
      info('b', 1),
      info('a', 2),
      info('c', 3),
    ]);
    expect(required.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
