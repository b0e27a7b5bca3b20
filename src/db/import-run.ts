/**
 * One import request run through the pipeline in this thread: the worker's
 * (./import-worker.ts), or the page's where workers are not available (./import-job.ts).
 */
import { MAX_BUNDLE_BYTES } from '../engine/limits';
import type { ImportOutcome, ImportProgress, RestoreOutcome } from '../records/import';
import { importBundleText, restoreBackupText } from './import';
import type { ImportKind, ImportRequest } from './import-job';

/** The largest file of each kind; a larger one is refused by its size without reading it. */
export const MAX_IMPORT_BYTES: Record<ImportKind, number> = {
  bundle: MAX_BUNDLE_BYTES,
  backup: MAX_BUNDLE_BYTES * 4,
};

/**
 * The file's text read as UTF-8, or '' when it is over the limit: the pipeline then
 * refuses it by the size the browser reports, without holding it in memory. Decoded here
 * rather than by `Blob.text()`, which in Chromium quietly honours a UTF-16 byte order
 * mark, so a UTF-16 file is named as such (src/engine/file-text.ts), as the CLI names it.
 */
export async function fileText(kind: ImportKind, file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES[kind]) return '';
  return new TextDecoder('utf-8').decode(await file.arrayBuffer());
}

/** Run one request through the pipeline in this thread (the worker's, or the page's). */
export async function runImport(
  { kind, file, refs }: ImportRequest,
  report: (progress: ImportProgress) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<ImportOutcome | RestoreOutcome> {
  const text = await fileText(kind, file);
  const run = kind === 'bundle' ? importBundleText : restoreBackupText;
  return run(text, file.name, file.size, refs, { report, ...(signal ? { signal } : {}) });
}
