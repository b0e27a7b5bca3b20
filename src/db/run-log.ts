/** A run's log as stored, one row per entry in order: the one reader of `runEntries` logs. */
import { database } from './database';

export async function runLog(runId: string): Promise<unknown[]> {
  const rows = await database()
    .runEntries.where('[runId+seq]')
    .between([runId, 0], [runId, Infinity])
    .toArray();
  return rows.map((row) => row.entry);
}
