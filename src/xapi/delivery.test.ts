import { describe, expect, it } from 'vitest';
import { backoffDelay, halves, parseRetryAfter, verdictOf } from './delivery';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe("what the sender does with the LRS's answer", () => {
  it('stores on 2xx; a 409 for one statement means the LRS already has it', () => {
    expect(verdictOf(200, 50, '', null, NOW)).toEqual({ kind: 'stored' });
    expect(verdictOf(204, 1, '', null, NOW)).toEqual({ kind: 'stored' });
    expect(verdictOf(409, 1, 'conflict', null, NOW)).toEqual({ kind: 'already-stored' });
  });

  it('splits a batch the LRS refuses, 400 or a batch-wide 409', () => {
    expect(verdictOf(400, 10, 'bad verb', null, NOW)).toEqual({
      kind: 'split',
      reason: 'HTTP 400: bad verb',
    });
    expect(verdictOf(409, 10, '', null, NOW).kind).toBe('split');
  });

  it('asks for credentials on 401 and 403', () => {
    expect(verdictOf(401, 3, '', null, NOW).kind).toBe('credentials');
    expect(verdictOf(403, 3, '', null, NOW).kind).toBe('credentials');
  });

  it('retries 429 and 5xx, honouring Retry-After in seconds or as a date', () => {
    expect(verdictOf(429, 5, '', '30', NOW)).toEqual({
      kind: 'retry',
      reason: 'HTTP 429',
      retryAfterMs: 30_000,
    });
    expect(verdictOf(503, 5, '', 'Sun, 01 Mar 2026 12:02:00 GMT', NOW)).toMatchObject({
      retryAfterMs: 120_000,
    });
    expect(verdictOf(502, 5, '', null, NOW)).toEqual({ kind: 'retry', reason: 'HTTP 502' });
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });
});

describe('back-off', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per failure with jitter between half and all of the step, up to a cap', () => {
    expect(backoffDelay(1, 0, undefined, policy)).toBe(500);
    expect(backoffDelay(1, 1, undefined, policy)).toBe(1000);
    expect(backoffDelay(4, 0.5, undefined, policy)).toBe(6000);
    expect(backoffDelay(30, 1, undefined, policy)).toBe(60_000);
  });

  it('never retries sooner than Retry-After asks', () => {
    expect(backoffDelay(1, 0, 90_000, policy)).toBe(90_000);
  });

  it('splits in order, the first half not smaller', () => {
    expect(halves([1, 2, 3, 4, 5])).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });
});
