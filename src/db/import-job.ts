/**
 * Importing a bundle or restoring a backup without freezing the page (issue 11, item 4):
 * the file is read, parsed, verified and stored in a Web Worker (./import-worker.ts) that
 * reports its progress, and cancelling ends the worker. Where workers are not available,
 * the same pipeline runs on the page, yielding between records so progress still shows
 * and Cancel still answers.
 *
 * Cancelling changes nothing: the worker is ended before its one transaction commits
 * (IndexedDB then aborts it), and once that transaction has begun, the job no longer
 * offers to cancel (`stage: 'saving'`).
 */
import { runImport } from './import-run';
import { announceRecordChanges } from './record-changes';
import type { ImportOutcome, ImportProgress, References, RestoreOutcome } from '../records/import';

export type ImportKind = 'bundle' | 'backup';
export { MAX_IMPORT_BYTES } from './import-run';
type Outcome<K extends ImportKind> = K extends 'bundle' ? ImportOutcome : RestoreOutcome;

/** What the page sends the worker: one file, and what to verify it against. */
export interface ImportRequest {
  kind: ImportKind;
  file: File;
  refs: References;
}

/** What the worker sends back: progress as it goes, then the outcome. */
export type ImportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome | RestoreOutcome };

export interface ImportJob<K extends ImportKind> {
  /** The outcome; `cancelled` when `cancel` ended the job first. */
  done: Promise<Outcome<K>>;
  /** Stop the job; does nothing once it has started saving. */
  cancel(): void;
}

/** Start importing one file in a worker, or on the page where workers are not available. */
export function startImport<K extends ImportKind>(
  kind: K,
  file: File,
  refs: References,
  onProgress: (progress: ImportProgress) => void,
): ImportJob<K> {
  const request: ImportRequest = { kind, file, refs };
  let worker: Worker | null = null;
  try {
    if (typeof Worker !== 'undefined')
      worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  const job = worker ? inWorker<K>(worker, request, onProgress) : onThePage<K>(request, onProgress);
  // An import may have queued statements for this browser's LRS: send them now.
  void job.done.then(() => import('./outbox-triggers').then((m) => m.kickOutbox()));
  return job;
}

function inWorker<K extends ImportKind>(
  worker: Worker,
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
): ImportJob<K> {
  let saving = false;
  let finish: (outcome: Outcome<K>) => void = () => {};
  let fallback: ImportJob<K> | null = null;
  const done = new Promise<Outcome<K>>((resolve) => (finish = resolve));
  worker.onmessage = (event: MessageEvent<ImportMessage>) => {
    const message = event.data;
    if (message.type === 'progress') {
      saving = message.progress.stage === 'saving';
      onProgress(message.progress);
      return;
    }
    worker.terminate();
    // Ended before Dexie's own notice of its writes may have left it: tell the page here.
    if (message.outcome.status === 'imported' || message.outcome.status === 'restored')
      announceRecordChanges();
    finish(message.outcome as Outcome<K>);
  };
  // The worker could not start (a blocked script, an old browser): run on the page instead.
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    fallback = onThePage<K>(request, onProgress);
    void fallback.done.then(finish);
  };
  worker.postMessage(request);
  return {
    done,
    cancel() {
      if (fallback) return fallback.cancel();
      if (saving) return;
      worker.terminate();
      finish({ status: 'cancelled', file: request.file.name } as Outcome<K>);
    },
  };
}

/** Between records, give the page a turn to draw progress and hear a click on Cancel. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function onThePage<K extends ImportKind>(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
): ImportJob<K> {
  const controller = new AbortController();
  let saving = false;
  const done = runImport(
    request,
    async (progress) => {
      if (controller.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      saving = progress.stage === 'saving';
      onProgress(progress);
      if (!saving) await nextTurn();
    },
    controller.signal,
  ).catch((error: unknown) => {
    if (controller.signal.aborted) return { status: 'cancelled' as const, file: request.file.name };
    throw error;
  });
  return {
    done: done as Promise<Outcome<K>>,
    cancel() {
      if (!saving) controller.abort();
    },
  };
}
