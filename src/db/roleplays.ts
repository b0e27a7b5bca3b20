/**
 * Role-play results (issue 5) in IndexedDB: one record per attempt, with every step kept so
 * a trainer sees each choice and typed reply. Islands reach it through `./index`.
 */
import { roleplayOverrideScored, roleplayStatements } from '../xapi';
import { database, type RoleplayResult } from './database';
import { mirrorRecord, notifyOutbox } from './outbox';

export type { RoleplayResult };

/** Start an attempt. */
export async function startRoleplayResult(
  result: Pick<RoleplayResult, 'id' | 'profileId' | 'roleplay' | 'roleplayHash' | 'mode'>,
): Promise<RoleplayResult> {
  const now = new Date();
  const saved: RoleplayResult = {
    ...result,
    startedAt: now,
    updatedAt: now,
    status: 'running',
    steps: [],
  };
  await database().roleplayResults.add(saved);
  return saved;
}

/**
 * Save the steps of an attempt in one transaction, building on `previousCount` stored
 * steps (going back a step saves one fewer). Refuses when the attempt was abandoned or
 * changed in another tab, so two windows never interleave their replies. Reaching an
 * ending stores the score; going back from it clears the score again.
 */
export async function saveRoleplaySteps(
  id: string,
  previousCount: number,
  steps: readonly unknown[],
  score: RoleplayResult['score'] | null,
): Promise<void> {
  const db = database();
  const queued = await db.transaction(
    'rw',
    [db.roleplayResults, db.profiles, db.settings, db.outbox],
    async () => {
      const stored = await db.roleplayResults.get(id);
      if (!stored || stored.status === 'abandoned')
        throw new Error('This attempt is no longer open.');
      if (stored.steps.length !== previousCount)
        throw new Error('This conversation changed in another tab; reload to continue.');
      const { score: _old, ...rest } = stored;
      const next: RoleplayResult = {
        ...rest,
        steps: [...steps],
        status: score ? 'ended' : 'running',
        updatedAt: new Date(),
        ...(score ? { score } : {}),
      };
      await db.roleplayResults.put(next);
      return mirrorRecord(db, next.profileId, (who) =>
        roleplayStatements(who, next, previousCount),
      );
    },
  );
  notifyOutbox(queued);
}

/** Give up an attempt; it stays on the record as abandoned. */
export async function abandonRoleplayResult(id: string): Promise<void> {
  await database().roleplayResults.update(id, { status: 'abandoned', updatedAt: new Date() });
}

/** A profile's attempts at one role-play, newest first. */
export async function roleplayResultsOf(
  profileId: string,
  roleplay: string,
): Promise<RoleplayResult[]> {
  const results = await database()
    .roleplayResults.where('[profileId+roleplay]')
    .equals([profileId, roleplay])
    .sortBy('startedAt');
  return results.reverse();
}

/** All of a profile's role-play attempts, newest first (the list page's best and last). */
export async function roleplayResultsFor(profileId: string): Promise<RoleplayResult[]> {
  const results = await database()
    .roleplayResults.where('profileId')
    .equals(profileId)
    .sortBy('startedAt');
  return results.reverse();
}

/**
 * A trainer's overrides of the matcher on an ended attempt, with the score recomputed from
 * the steps and the overrides (by the caller, through the role-play module). Refuses when
 * the attempt is gone or not ended, or its steps changed since the trainer read it.
 */
export async function saveRoleplayOverrides(
  id: string,
  stepCount: number,
  overrides: readonly unknown[],
  score: NonNullable<RoleplayResult['score']>,
): Promise<void> {
  const db = database();
  const queued = await db.transaction(
    'rw',
    [db.roleplayResults, db.profiles, db.settings, db.outbox],
    async () => {
      const stored = await db.roleplayResults.get(id);
      if (!stored) throw new Error('This attempt is no longer on the record.');
      if (stored.status !== 'ended')
        throw new Error('Only a finished conversation can be re-scored.');
      if (stored.steps.length !== stepCount)
        throw new Error('The trainee changed this conversation meanwhile; reload to see it.');
      await db.roleplayResults.put({ ...stored, overrides: [...overrides], score });
      const trainer = (overrides.at(-1) as { by?: string } | undefined)?.by ?? '';
      return mirrorRecord(db, stored.profileId, (who) => [
        roleplayOverrideScored(who, stored, score, overrides, trainer, new Date()),
      ]);
    },
  );
  notifyOutbox(queued);
}
