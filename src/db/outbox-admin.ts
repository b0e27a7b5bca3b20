/**
 * What the LRS settings page needs (issue 15): the settings, a test of them, the outbox's
 * counts and quarantined statements, and sending on request. Loaded through
 * `loadLrsStorage` in ./index.
 */
import { liveQuery } from 'dexie';
import { database } from './database';
import { authorization, lrsConfigProblem, outboxStatus, type LrsConfig } from './outbox';
import { sendOutbox } from './outbox-sender';
import { kickOutbox } from './outbox-triggers';

export {
  lrsConfig,
  lrsConfigProblem,
  outboxStatus,
  retryQuarantined,
  saveLrsConfig,
  type LrsConfig,
  type OutboxStatus,
} from './outbox';
export { sendOutbox };

/** The outbox's status, again whenever the outbox or the settings change. */
export function watchOutboxStatus() {
  void database();
  return liveQuery(outboxStatus);
}

/** Send now, even while backing off. */
export function sendNow(): void {
  kickOutbox({ force: true });
}

/**
 * Try the settings without sending a statement: the LRS must answer `about`, and must
 * accept the credentials (a write-only key may be refused reading: 403 is accepted, 401 not).
 */
export async function testLrs(config: LrsConfig): Promise<{ ok: boolean; message: string }> {
  const problem = lrsConfigProblem(config);
  if (problem) return { ok: false, message: problem };
  const endpoint = config.endpoint.replace(/\/*$/, '/');
  const headers = { Authorization: authorization(config), 'X-Experience-API-Version': '1.0.3' };
  try {
    const about = await fetch(`${endpoint}about`, { headers });
    if (!about.ok)
      return { ok: false, message: `The endpoint answered ${about.status} to "about".` };
    const read = await fetch(`${endpoint}statements?limit=1`, { headers });
    if (read.status === 401)
      return { ok: false, message: 'The LRS refused the key and secret (401).' };
    const versions = ((await about.json()) as { version?: string[] }).version ?? [];
    return {
      ok: true,
      message: `Connected. The LRS speaks xAPI ${versions.join(', ') || 'of an unknown version'}.`,
    };
  } catch {
    return {
      ok: false,
      message: 'Could not reach the endpoint (offline, wrong address, or CORS).',
    };
  }
}
