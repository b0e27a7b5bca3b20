/**
 * Sends the xAPI outbox (./outbox) to the learning record store, first in, first out, in
 * batches of up to 50. One sender at a time across tabs (Web Locks). Failures are decided
 * by src/xapi/delivery: a refused statement is found by splitting its batch and kept aside
 * ("quarantined") for the status view; a network error, 5xx or 429 waits with jittered
 * back-off and any Retry-After; 401/403 pauses until new credentials are saved.
 */
import {
  BATCH_SIZE,
  DEFAULT_BACKOFF,
  backoffDelay,
  halves,
  verdictOf,
  type Backoff,
  type Verdict,
} from '../xapi';
import { database, type AcademyDatabase, type OutboxRow } from './database';
import {
  authorization,
  lrsConfig,
  senderState,
  setSenderState,
  type LrsConfig,
  type SenderState,
} from './outbox';

export interface SendOptions {
  /** Send even while backing off (the browser came back online, or a person asked). */
  force?: boolean;
  backoff?: Backoff;
  random?: () => number;
  now?: () => number;
  /** Called before each request with the statement ids in it (tests stop the LRS here). */
  onRequest?: (ids: string[]) => void | Promise<void>;
}

export type SendOutcome =
  | { kind: 'not-configured' }
  | { kind: 'busy' }
  | { kind: 'paused' }
  | { kind: 'waiting'; until: number }
  | { kind: 'sent'; sent: number; quarantined: number }
  | { kind: 'retry'; until: number; reason: string }
  | { kind: 'credentials'; reason: string };

const LOCK = 'backorder-academy-lrs-sender';
/** Keep-alive requests may carry 64 kB in all; stay under it. */
const KEEPALIVE_LIMIT = 60_000;

let sendingHere = false;

/** Run `task` holding the sender lock, or return null when another sender holds it. */
async function withSenderLock<T>(task: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) {
    return locks.request(LOCK, { ifAvailable: true }, async (lock) => (lock ? task() : null));
  }
  if (sendingHere) return null;
  sendingHere = true;
  try {
    return await task();
  } finally {
    sendingHere = false;
  }
}

/** Send what is queued, until the queue is empty or the LRS asks to wait. */
export async function sendOutbox(options: SendOptions = {}): Promise<SendOutcome> {
  const outcome = await withSenderLock(() => sendHoldingLock(database(), options));
  return outcome ?? { kind: 'busy' };
}

async function sendHoldingLock(db: AcademyDatabase, options: SendOptions): Promise<SendOutcome> {
  const now = options.now ?? Date.now;
  const config = await lrsConfig(db);
  if (!config) return { kind: 'not-configured' };
  const state = await senderState(db);
  if (state.paused) return { kind: 'paused' };
  if (!options.force && state.nextAttemptAt && state.nextAttemptAt > now())
    return { kind: 'waiting', until: state.nextAttemptAt };
  const tally = { sent: 0, quarantined: 0 };
  for (;;) {
    const batch = await nextBatch(db);
    if (batch.length === 0) break;
    const stop = await deliver(db, config, batch, options, tally);
    if (stop) return settle(db, state, stop, options);
  }
  await setSenderState(db, { failures: 0, lastSentAt: now() });
  return { kind: 'sent', ...tally };
}

/** The oldest queued statements, up to a batch. */
export function nextBatch(db: AcademyDatabase = database(), limit = BATCH_SIZE) {
  return db.outbox
    .where('[state+seq]')
    .between(['queued', -Infinity], ['queued', Infinity])
    .limit(limit)
    .toArray();
}

type Stop = Extract<Verdict, { kind: 'retry' | 'credentials' }>;

/**
 * Post a batch and act on the answer; a refused batch is split in halves, in order, until
 * the statement at fault is alone and can be quarantined. Returns why sending must stop.
 */
async function deliver(
  db: AcademyDatabase,
  config: LrsConfig,
  batch: OutboxRow[],
  options: SendOptions,
  tally: { sent: number; quarantined: number },
): Promise<Stop | null> {
  const verdict = await post(config, batch, options);
  switch (verdict.kind) {
    case 'stored':
    case 'already-stored':
      await markSent(db, batch);
      tally.sent += batch.length;
      return null;
    case 'split': {
      if (batch.length === 1) {
        await db.outbox.update(batch[0]!.seq!, { state: 'failed', error: verdict.reason });
        tally.quarantined += 1;
        return null;
      }
      for (const half of halves(batch)) {
        const stop = await deliver(db, config, half, options, tally);
        if (stop) return stop;
      }
      return null;
    }
    default:
      return verdict;
  }
}

async function post(config: LrsConfig, batch: OutboxRow[], options: SendOptions): Promise<Verdict> {
  const body = JSON.stringify(batch.map((row) => row.statement));
  await options.onRequest?.(batch.map((row) => row.statementId));
  let response: Response;
  try {
    response = await fetch(`${config.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: authorization(config),
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body,
      // A small batch survives the page closing mid-send.
      keepalive: body.length < KEEPALIVE_LIMIT,
    });
  } catch (error) {
    return { kind: 'retry', reason: `Could not reach the LRS (${String(error)})` };
  }
  const text = response.ok ? '' : await response.text().catch(() => '');
  return verdictOf(
    response.status,
    batch.length,
    text,
    response.headers.get('Retry-After'),
    (options.now ?? Date.now)(),
  );
}

async function markSent(db: AcademyDatabase, batch: OutboxRow[]): Promise<void> {
  const sentAt = new Date();
  await db.transaction('rw', db.outbox, async () => {
    for (const row of batch) {
      // The statement itself is no longer needed once the LRS has it; the row keeps the id.
      await db.outbox.put({
        seq: row.seq!,
        statementId: row.statementId,
        state: 'sent',
        queuedAt: row.queuedAt,
        sentAt,
      });
    }
  });
}

async function settle(
  db: AcademyDatabase,
  state: SenderState,
  stop: Stop,
  options: SendOptions,
): Promise<SendOutcome> {
  const now = (options.now ?? Date.now)();
  if (stop.kind === 'credentials') {
    await setSenderState(db, { ...state, paused: 'credentials', lastError: stop.reason });
    return { kind: 'credentials', reason: stop.reason };
  }
  const failures = state.failures + 1;
  const wait = backoffDelay(
    failures,
    (options.random ?? Math.random)(),
    stop.retryAfterMs,
    options.backoff ?? DEFAULT_BACKOFF,
  );
  const until = now + wait;
  await setSenderState(db, { ...state, failures, nextAttemptAt: until, lastError: stop.reason });
  return { kind: 'retry', until, reason: stop.reason };
}

/**
 * On `pagehide`: post the next batch with a keep-alive request, which the browser finishes
 * after the page is gone. Nothing is marked: the next sender posts it again, and the LRS
 * keeps a statement it already has once (same id, same content).
 */
export function flushOnLeave(config: LrsConfig, batch: OutboxRow[]): void {
  const body = JSON.stringify(batch.map((row) => row.statement));
  if (batch.length === 0 || body.length >= KEEPALIVE_LIMIT) return;
  void fetch(`${config.endpoint}statements`, {
    method: 'POST',
    headers: {
      Authorization: authorization(config),
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
    },
    body,
    keepalive: true,
  }).catch(() => undefined);
}
