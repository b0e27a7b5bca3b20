import validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { CMI5, cmi5Allows, cmi5Statement, cmi5Verdict, parseLaunch, type LaunchData } from './cmi5';

const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (
  data: unknown,
) => unknown[];

const actor = {
  objectType: 'Agent',
  account: { homePage: 'https://lms.example.com', name: 'l-7' },
};
const search = `?${new URLSearchParams({
  endpoint: 'https://lms.example.com/lrs',
  fetch: 'https://lms.example.com/fetch/abc',
  actor: JSON.stringify(actor),
  registration: '1c5e3a2d-6a53-4f0e-9d7b-0a4c1e2f3b4d',
  activityId: 'https://lms.example.com/au/01-basics',
})}`;
const data: LaunchData = {
  contextTemplate: { extensions: { [CMI5.sessionId]: 'session-1' } },
  launchMode: 'Normal',
  masteryScore: 0.8,
};
const fresh = { initialized: false, completed: false, passed: false, terminated: false };

describe('cmi5 launch', () => {
  it('reads the five launch parameters, and nothing when one is missing', () => {
    expect(parseLaunch(search)).toMatchObject({
      endpoint: 'https://lms.example.com/lrs/',
      actor,
      registration: '1c5e3a2d-6a53-4f0e-9d7b-0a4c1e2f3b4d',
    });
    expect(parseLaunch(search.replace(/&registration=[^&]+/, ''))).toBeNull();
    expect(parseLaunch('?endpoint=x&fetch=y&actor=%7B&registration=r&activityId=a')).toBeNull();
  });

  it('allows initialized first, terminated last, and no verdicts outside Normal mode', () => {
    expect(cmi5Allows('passed', fresh, data)).toBe('Not initialized yet.');
    expect(cmi5Allows('initialized', fresh, data)).toBeNull();
    const started = { ...fresh, initialized: true };
    expect(cmi5Allows('initialized', started, data)).toBe('Already initialized.');
    expect(cmi5Allows('completed', started, data)).toBeNull();
    expect(cmi5Allows('completed', { ...started, completed: true }, data)).toBe(
      'Already completed.',
    );
    expect(cmi5Allows('failed', { ...started, passed: true }, data)).toBe('Already passed.');
    expect(cmi5Allows('passed', started, { ...data, launchMode: 'Review' })).toBe(
      'No passed in Review mode.',
    );
    expect(cmi5Allows('completed', { ...started, terminated: true }, data)).toBe(
      'The session has ended.',
    );
  });

  it('merges the context template and adds the categories and mastery score', () => {
    const launch = parseLaunch(search)!;
    const verdict = cmi5Verdict(0.75, true, data, 90);
    expect(verdict.verb).toBe('failed');
    const statement = cmi5Statement(
      '0b6f6e2a-1d2c-4e3f-8a9b-0c1d2e3f4a5b',
      verdict.verb,
      launch,
      data,
      new Date('2026-03-01T10:00:00Z'),
      verdict.result,
    );
    expect(validate(statement)).toEqual([]);
    expect(statement.context).toMatchObject({
      registration: launch.registration,
      extensions: { [CMI5.sessionId]: 'session-1', [CMI5.masteryScore]: 0.8 },
      contextActivities: {
        category: [
          { objectType: 'Activity', id: CMI5.category },
          { objectType: 'Activity', id: CMI5.moveOn },
        ],
      },
    });
    expect(statement.result).toEqual({
      score: { scaled: 0.75 },
      success: false,
      duration: 'PT1M30S',
    });
  });
});
