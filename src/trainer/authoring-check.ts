/**
 * Checking authored text without freezing the page (issue 11, item 9): the loader runs in
 * a Web Worker (./authoring-worker.ts). A newer text supersedes the check still running:
 * that worker is ended and a fresh one starts, so a long paste followed by more typing never
 * queues up stale work. Where workers are unavailable (an old browser, or offline, since the
 * worker is not precached) the check runs on the page after a turn of the event loop.
 */
import type { Problem } from '../engine/problems';
import type { CheckedContent, ContentKind } from './authoring';

/** The verdict on one text: content ready to keep, or every problem found. */
export type SourceCheck =
  { ok: true; content: CheckedContent } | { ok: false; problems: Problem[] };

export interface Reserved {
  scenarios: readonly string[];
  roleplays: readonly string[];
}

/** What the page sends the worker; `kind` absent means "tell from the fields". */
export interface CheckRequest {
  id: number;
  text: string;
  file: string;
  reserved: Reserved;
  kind?: ContentKind;
}

export interface CheckReply {
  id: number;
  result: SourceCheck;
}

export interface SourceChecker {
  /** The verdict on `text`, or null when a later call superseded this one first. */
  check(text: string, file: string, kind?: ContentKind): Promise<SourceCheck | null>;
  /** End the worker, if one runs. */
  dispose(): void;
}

async function onThePage(request: CheckRequest): Promise<SourceCheck> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { checkSource } = await import('./authoring');
  const checked = checkSource(request.text, request.file, request.reserved, request.kind);
  return checked.ok ? { ok: true, content: checked.content } : checked;
}

function startWorker(): Worker | null {
  try {
    return typeof Worker === 'undefined'
      ? null
      : new Worker(new URL('./authoring-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** A checker for one page: `reserved` are the built-in ids custom content may not take. */
export function sourceChecker(given: Reserved): SourceChecker {
  // Plain arrays: a component's props may be proxies, which a worker message cannot carry.
  const reserved: Reserved = { scenarios: [...given.scenarios], roleplays: [...given.roleplays] };
  let worker: Worker | null = null;
  let onPage = false;
  let latest = 0;
  /** The request being checked, and how to answer its caller. */
  let pending: { request: CheckRequest; answer: (result: SourceCheck | null) => void } | null =
    null;

  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  /** Answer request `id`, unless a later request has superseded (and answered) it. */
  const finish = (id: number, result: SourceCheck | null) => {
    if (pending?.request.id !== id) return;
    const { answer } = pending;
    pending = null;
    answer(result);
  };
  const checkOnPage = (request: CheckRequest) =>
    void onThePage(request).then((result) => finish(request.id, result));

  function send(request: CheckRequest): void {
    worker ??= startWorker();
    if (!worker) {
      onPage = true;
      return checkOnPage(request);
    }
    worker.onmessage = (event: MessageEvent<CheckReply>) =>
      finish(event.data.id, event.data.result);
    // The script could not load (offline, blocked): check on the page from now on.
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      onPage = true;
      if (pending) checkOnPage(pending.request);
    };
    try {
      worker.postMessage(request);
    } catch {
      stop();
      onPage = true;
      checkOnPage(request);
    }
  }

  return {
    check(text, file, kind) {
      const request: CheckRequest = {
        id: ++latest,
        text,
        file,
        reserved,
        ...(kind ? { kind } : {}),
      };
      if (pending) {
        // The check still running is for an older text: stop it rather than wait for it.
        if (!onPage) stop();
        finish(pending.request.id, null);
      }
      return new Promise((answer) => {
        pending = { request, answer };
        if (onPage) checkOnPage(request);
        else send(request);
      });
    },
    dispose() {
      stop();
      if (pending) finish(pending.request.id, null);
    },
  };
}
