/**
 * The outbox against a real learning record store (tests/fixtures/lrs.ts: Learning
 * Locker's xapi-statements on 127.0.0.1): statements are queued with their records, stored
 * once however often they are sent, refused ones are found and set aside, and the sender
 * waits out an unreachable LRS and stops on refused credentials.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestLrs, type TestLrs } from '../../tests/fixtures/lrs';
import type { Question } from '../course/schema';
import { AcademyDatabase, database, useDatabase } from './database';
import {
  finishRun,
  markLessonCompleted,
  markLessonOpened,
  recordCheckAttempt,
  startRun,
} from './index';
import { outboxStatus, saveLrsConfig, type LrsConfig } from './outbox';
import { sendOutbox } from './outbox-sender';

let lrs: TestLrs;
let n = 0;

beforeAll(async () => {
  lrs = await startTestLrs();
}, 30_000);
afterAll(() => lrs?.close());
beforeEach(() => useDatabase(new AcademyDatabase(`outbox-${++n}`)));

/** Each test its own organisation, so the one LRS holds separate actors per test. */
function config(overrides: Partial<LrsConfig> = {}): LrsConfig {
  return {
    endpoint: lrs.endpoint,
    key: 'trainee',
    secret: 'write-only',
    homePage: `https://org-${n}.example.com/`,
    ...overrides,
  };
}

const storedHere = async () =>
  (await lrs.statements()).filter((s) =>
    JSON.stringify(s.actor).includes(`https://org-${n}.example.com/`),
  );

const fast = { backoff: { baseMs: 1, maxMs: 5 }, random: () => 0 };
const question = {
  kind: 'single',
  id: 'q1',
  prompt: 'First?',
  options: [
    { id: 'a', text: 'A', correct: true, feedback: '' },
    { id: 'b', text: 'B', correct: false, feedback: '' },
  ],
} as Question;

const run = {
  id: 'run-x',
  profileId: 'p1',
  scenario: 'monday',
  scenarioHash: 'ab'.repeat(32),
  engineVersion: '1.1.0',
  mode: 'assessment' as const,
};

/** A lesson, a check and a shift, as a trainee does them. */
async function trainForADay(profileId = `p-${n}`) {
  await markLessonOpened(profileId, 'course', '01-basics/01-intro');
  await markLessonCompleted(profileId, 'course', '01-basics/01-intro');
  await recordCheckAttempt(
    {
      profileId,
      course: 'course',
      module: '01-basics',
      answers: { q1: { kind: 'single', option: 'a' } },
      score: 1,
      passed: true,
    },
    { questions: [question], startedAt: new Date(Date.now() - 60_000) },
  );
  await startRun({ ...run, id: `run-${profileId}-${n}`, profileId });
  await finishRun(`run-${profileId}-${n}`, 'ended', {
    total: 85,
    passed: true,
    competencies: { allocation: 85 },
  });
}

describe('the outbox', { timeout: 20_000 }, () => {
  it('queues nothing and sends nothing until an LRS is set up', async () => {
    await trainForADay();
    expect(await database().outbox.count()).toBe(0);
    expect(await sendOutbox()).toEqual({ kind: 'not-configured' });
  });

  it('queues each record with its statements, and the LRS stores each exactly once', async () => {
    await saveLrsConfig(config());
    await trainForADay();
    // experienced, completed, answered, passed, attempted, passed
    expect((await outboxStatus()).queued).toBe(6);
    expect(await sendOutbox()).toMatchObject({ kind: 'sent', sent: 6 });
    expect(await outboxStatus()).toMatchObject({ queued: 0, sent: 6, failed: 0 });

    // The answers were lost on the way back: everything goes again. Nothing is doubled.
    await database().outbox.toCollection().modify({ state: 'queued' });
    const rows = await database().outbox.toArray();
    expect(rows.every((row) => row.statement === undefined)).toBe(true);
    const stored = await storedHere();
    expect(stored).toHaveLength(6);
    expect(new Set(stored.map((s) => s.id)).size).toBe(6);
  });

  it('waits while offline, then sends everything once when the LRS is back', async () => {
    await saveLrsConfig(config());
    await trainForADay();
    await lrs.stop();
    try {
      const offline = await sendOutbox({ random: () => 0 });
      expect(offline.kind).toBe('retry');
      expect((await outboxStatus()).state.failures).toBe(1);
      // The default back-off: a first failure waits 1 to 2 seconds; a new record does not
      // cut it short, coming back online does.
      expect(await sendOutbox()).toMatchObject({ kind: 'waiting' });
    } finally {
      await lrs.start();
    }
    expect(await sendOutbox({ ...fast, force: true })).toMatchObject({ kind: 'sent', sent: 6 });
    expect(await storedHere()).toHaveLength(6);
    expect((await outboxStatus()).state.failures).toBe(0);
  });

  it('loses and doubles nothing when the LRS goes down between batches', async () => {
    await saveLrsConfig(config());
    for (let i = 0; i < 20; i++) await trainForADay(`p-${n}-${i}`);
    expect((await outboxStatus()).queued).toBe(120);
    let requests = 0;
    const first = await sendOutbox({
      ...fast,
      onRequest: async () => {
        if (++requests === 2) await lrs.stop();
      },
    });
    expect(first).toMatchObject({ kind: 'retry' });
    expect(await outboxStatus()).toMatchObject({ queued: 70, sent: 50 });
    await lrs.start();
    // The first batch is posted again too, as if its answer had been lost.
    await database().outbox.toCollection().modify({ state: 'queued' });
    await expect(sendOutbox({ ...fast, force: true })).resolves.toMatchObject({ kind: 'sent' });
    const stored = await storedHere();
    expect(stored).toHaveLength(120);
    expect(new Set(stored.map((s) => s.id)).size).toBe(120);
  });

  it('splits a refused batch to set the bad statement aside, and sends the rest', async () => {
    await saveLrsConfig(config());
    await trainForADay();
    const [bad] = await database().outbox.limit(3).offset(2).toArray();
    await database().outbox.update(bad!.seq!, {
      statement: { ...(bad!.statement as object), verb: { id: 'not an IRI' } },
    });
    await expect(sendOutbox()).resolves.toEqual({ kind: 'sent', sent: 5, quarantined: 1 });
    const status = await outboxStatus();
    expect(status).toMatchObject({ queued: 0, sent: 5, failed: 1 });
    expect(status.quarantined[0]).toMatchObject({ statementId: bad!.statementId });
    expect(status.quarantined[0]!.error).toMatch(/^HTTP 400.*verb/);
    expect(await storedHere()).toHaveLength(5);
  });

  it('pauses on refused credentials until new ones are saved', async () => {
    await saveLrsConfig(config({ key: undefined, secret: undefined, token: 'missing_token' }));
    await trainForADay();
    const refused = await sendOutbox();
    expect(refused).toMatchObject({ kind: 'credentials' });
    expect(await sendOutbox({ force: true })).toEqual({ kind: 'paused' });
    expect((await outboxStatus()).state.paused).toBe('credentials');
    await saveLrsConfig(config());
    expect(await sendOutbox()).toMatchObject({ kind: 'sent', sent: 6 });
  });
});
