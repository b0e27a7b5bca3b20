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
 * The file's text, or '' when it is over the limit: the pipeline then refuses it by the
 * size the browser reports, without holding it in memory.
 */
export function fileText(kind: ImportKind, file: Blob): Promise<string> {
  return file.size > MAX_IMPORT_BYTES[kind] ? Promise.resolve('') : file.text();
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
