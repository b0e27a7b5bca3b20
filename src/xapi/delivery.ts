/**
 * What to do with a learning record store's answer to a batch of statements (xAPI
 * Communication §2.1.2 and §3.2): pure decisions, so the sender in src/db only acts on them.
 */

export type Verdict =
  /** Stored: 200 or 204. */
  | { kind: 'stored' }
  /** 409 for one statement: the LRS already has a statement with this id. */
  | { kind: 'already-stored' }
  /** 400 (or 409 for a batch): split the batch; a single statement is quarantined. */
  | { kind: 'split'; reason: string }
  /** 401 or 403: stop until someone gives new credentials. */
  | { kind: 'credentials'; reason: string }
  /** A network error, 5xx, 429 or anything unexpected: wait and try again. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

export function verdictOf(
  status: number,
  batchSize: number,
  body: string,
  retryAfter: string | null,
  now: number,
): Verdict {
  if (status >= 200 && status < 300) return { kind: 'stored' };
  const reason = `HTTP ${status}${body ? `: ${body.slice(0, 500)}` : ''}`;
  if (status === 409 && batchSize === 1) return { kind: 'already-stored' };
  if (status === 400 || status === 409) return { kind: 'split', reason };
  if (status === 401 || status === 403) return { kind: 'credentials', reason };
  const wait = parseRetryAfter(retryAfter, now);
  return { kind: 'retry', reason, ...(wait !== null ? { retryAfterMs: wait } : {}) };
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 10 * 60_000 };

/**
 * How long to wait after `failures` failed attempts in a row: exponential, capped, with
 * "equal jitter" (half fixed, half random) so many browsers coming back online do not all
 * retry at once; never sooner than the server's `Retry-After`.
 */
export function backoffDelay(
  failures: number,
  random: number,
  retryAfterMs: number | undefined,
  { baseMs, maxMs }: Backoff = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(ceiling / 2 + (ceiling / 2) * random);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Split a batch in two halves, the first not smaller, keeping the order. */
export function halves<T>(batch: readonly T[]): [T[], T[]] {
  const cut = Math.ceil(batch.length / 2);
  return [batch.slice(0, cut), batch.slice(cut)];
}

export const BATCH_SIZE = 50;
