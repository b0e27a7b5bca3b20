/**
 * Record changes this page is told of directly, beside Dexie's own notices
 * (`watchRecordChanges` in ./records.ts listens to both).
 *
 * Dexie passes a worker's writes on to the page only after the transaction, through a
 * broadcast the worker sends itself; the page ends the import worker as soon as it reports
 * its outcome (./import-job.ts), which can be before that broadcast goes out. The dashboard
 * then never read the imported records again and waited for a roster row that never came
 * (what kept bench:manager from finishing). So the job announces the change itself.
 */
export const recordChanges = new EventTarget();

/** Tell this page's watchers that the records changed. */
export function announceRecordChanges(): void {
  recordChanges.dispatchEvent(new Event('change'));
}
