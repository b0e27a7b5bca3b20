/**
 * Keeps `runDigests` (each trainee's runs in one row, see `RunDigest`) equal to `runs`.
 * Call it inside the transaction that changed the runs, with that transaction's tables
 * including both, so the copy can never drift from the rows it copies.
 */
import type { AcademyDatabase } from './database';

export async function refreshRunDigests(
  db: AcademyDatabase,
  profileIds: Iterable<string>,
): Promise<void> {
  for (const profileId of new Set(profileIds)) {
    const runs = await db.runs.where('profileId').equals(profileId).sortBy('startedAt');
    if (runs.length === 0) await db.runDigests.delete(profileId);
    else await db.runDigests.put({ profileId, runs });
  }
}
