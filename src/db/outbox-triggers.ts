/**
 * When the outbox is sent (issue 15): when a page that keeps records starts, when a record
 * is written, when the browser comes back online, when the tab becomes visible again, and
 * when a back-off ends. On `pagehide` the next batch goes out as a keep-alive request.
 * Does nothing at all until an LRS is set up.
 */
import { database } from './database';
import { lrsConfig, type LrsConfig, type OutboxRow } from './outbox';
import { flushOnLeave, nextBatch, sendOutbox, type SendOptions } from './outbox-sender';

let started = false;
let running = false;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
/** The batch to post on `pagehide`, read ahead because a leaving page cannot wait for IndexedDB. */
let onLeave: { config: LrsConfig; rows: OutboxRow[] } | null = null;

export function startOutboxTriggers(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => kickOutbox({ force: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') kickOutbox();
  });
  window.addEventListener('pagehide', () => {
    if (onLeave && !running) flushOnLeave(onLeave.config, onLeave.rows);
  });
  kickOutbox();
}

/** Send now, or as soon as the send under way in this tab ends. */
export function kickOutbox(options: SendOptions = {}): void {
  if (running) {
    again = true;
    return;
  }
  running = true;
  void run(options).finally(() => {
    running = false;
    if (again) {
      again = false;
      kickOutbox();
    }
  });
}

async function run(options: SendOptions): Promise<void> {
  try {
    const outcome = await sendOutbox(options);
    clearTimeout(timer);
    if (outcome.kind === 'retry' || outcome.kind === 'waiting')
      timer = setTimeout(() => kickOutbox(), Math.max(0, outcome.until - Date.now()));
    const config = await lrsConfig();
    const rows = config ? await nextBatch(database()) : [];
    onLeave = config && rows.length > 0 ? { config, rows } : null;
  } catch {
    // Storage went away (private mode, another tab deleting it): the next trigger tries again.
  }
}
