/**
 * A run's log as stored: whole in one `runLogs` row (an imported run), or one `runEntries`
 * row per entry (a run played on this browser, appended to step by step). The one reader
 * and remover of both.
 */
import type { AcademyDatabase } from './database';
import { database } from './database';

/** The log with the desk's time of each entry; no times for a run made before times were kept. */
export async function timedRunLog(
  runId: string,
): Promise<{ log: unknown[]; actedAt?: (number | null)[] }> {
  const db = database();
  const whole = await db.runLogs.get(runId);
  if (whole) return { log: whole.log, ...(whole.actedAt ? { actedAt: whole.actedAt } : {}) };
  const rows = await db.runEntries
    .where('[runId+seq]')
    .between([runId, 0], [runId, Infinity])
    .toArray();
  const log = rows.map((row) => row.entry);
  return rows.some((row) => row.actedAt !== undefined)
    ? { log, actedAt: rows.map((row) => row.actedAt ?? null) }
    : { log };
}

export async function runLog(runId: string): Promise<unknown[]> {
  return (await timedRunLog(runId)).log;
}

/** Remove the stored logs of these runs, inside the caller's transaction. */
export async function deleteRunLogs(db: AcademyDatabase, runIds: readonly string[]): Promise<void> {
  for (const runId of runIds)
    await db.runEntries.where('[runId+seq]').between([runId, 0], [runId, Infinity]).delete();
  await db.runLogs.bulkDelete([...runIds]);
}
