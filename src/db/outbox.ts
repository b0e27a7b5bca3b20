/**
 * The xAPI outbox (issue 15): where a learning record store is set up, every record written
 * also queues its statements here, in the same transaction, so a record is never kept
 * without its statements or the other way round. ./outbox-sender sends them.
 * Nothing is queued, and nothing leaves the browser, until someone sets up an LRS.
 */
import { normaliseBase, type Statement, type Who } from '../xapi';
import { database, type AcademyDatabase, type OutboxRow } from './database';

/** Where statements go, as the settings page saves it (setting `lrs`). */
export interface LrsConfig {
  /** The LRS's xAPI endpoint, ending in `/`; statements go to `<endpoint>statements`. */
  endpoint: string;
  /** A key and secret (HTTP Basic), or a ready token sent as `Authorization: Basic <token>`. */
  key?: string;
  secret?: string;
  token?: string;
  /** The organisation's home page: the actor's `account.homePage`. */
  homePage: string;
  /** Where activity ids start; the home page when not given. */
  activityBase?: string;
}

/** How sending is going (setting `lrsStatus`). */
export interface SenderState {
  /** Consecutive failed attempts, for the back-off. */
  failures: number;
  /** Epoch ms before which the sender waits (back-off or Retry-After). */
  nextAttemptAt?: number;
  /** The LRS refused the credentials: nothing is sent until new ones are saved. */
  paused?: 'credentials';
  lastError?: string;
  lastSentAt?: number;
}

const CONFIG = 'lrs';
const STATE = 'lrsStatus';

export type { OutboxRow };

/** A problem with an LRS setting, naming the field, or null when it is usable. */
export function lrsConfigProblem(config: LrsConfig): string | null {
  const url = (value: string, field: string) => {
    try {
      const parsed = new URL(value);
      if (!/^https?:$/.test(parsed.protocol))
        return `${field} must start with https:// or http://.`;
      return null;
    } catch {
      return `${field} is not a web address.`;
    }
  };
  return (
    url(config.endpoint, 'Endpoint') ??
    url(config.homePage, 'Organisation home page') ??
    (config.activityBase ? url(config.activityBase, 'Activity base') : null) ??
    (config.token || (config.key && config.secret) ? null : 'Give a key and a secret, or a token.')
  );
}

export async function lrsConfig(db: AcademyDatabase = database()): Promise<LrsConfig | null> {
  const row = await db.settings.get(CONFIG);
  return row ? (JSON.parse(row.value) as LrsConfig) : null;
}

/** Save (or, with null, remove) the LRS; new settings lift a credentials pause. */
export async function saveLrsConfig(config: LrsConfig | null): Promise<void> {
  if (config) {
    const problem = lrsConfigProblem(config);
    if (problem) throw new Error(problem);
  }
  const db = database();
  await db.transaction('rw', db.settings, async () => {
    if (!config) await db.settings.delete(CONFIG);
    else {
      const clean: LrsConfig = {
        ...config,
        endpoint: normaliseBase(config.endpoint.trim()),
        homePage: config.homePage.trim(),
        ...(config.activityBase ? { activityBase: normaliseBase(config.activityBase.trim()) } : {}),
      };
      await db.settings.put({ key: CONFIG, value: JSON.stringify(clean) });
    }
    await db.settings.put({ key: STATE, value: JSON.stringify({ failures: 0 }) });
  });
}

/** The `Authorization` header for a config. */
export function authorization(config: LrsConfig): string {
  if (config.token) return `Basic ${config.token}`;
  return `Basic ${btoa(`${config.key ?? ''}:${config.secret ?? ''}`)}`;
}

export async function senderState(db: AcademyDatabase = database()): Promise<SenderState> {
  const row = await db.settings.get(STATE);
  return row ? (JSON.parse(row.value) as SenderState) : { failures: 0 };
}

export async function setSenderState(db: AcademyDatabase, state: SenderState): Promise<void> {
  await db.settings.put({ key: STATE, value: JSON.stringify(state) });
}

/** A record queued statements: send them, in the browser, once the write is done. */
export function notifyOutbox(queued: number): void {
  if (queued > 0 && typeof window !== 'undefined')
    void import('./outbox-triggers').then((m) => m.kickOutbox());
}

/**
 * Inside a transaction that includes `profiles`, `settings` and `outbox`: queue the
 * statements `build` makes for a profile's record, when an LRS is set up. Returns how many
 * were queued.
 */
export async function mirrorRecord(
  db: AcademyDatabase,
  profileId: string,
  build: (who: Who) => (Statement | null)[] | Promise<(Statement | null)[]>,
): Promise<number> {
  const config = await lrsConfig(db);
  if (!config) return 0;
  const profile = await db.profiles.get(profileId);
  const who: Who = {
    homePage: config.homePage,
    activityBase: normaliseBase(config.activityBase ?? config.homePage),
    profileId,
    ...(profile ? { name: profile.name } : {}),
  };
  const statements = (await build(who)).filter((s): s is Statement => s !== null);
  if (statements.length === 0) return 0;
  const existing = new Set(
    (
      await db.outbox
        .where('statementId')
        .anyOf(statements.map((s) => s.id))
        .toArray()
    ).map((row) => row.statementId),
  );
  const now = new Date();
  const rows: OutboxRow[] = statements
    .filter((s) => !existing.has(s.id))
    .map((statement) => ({ statementId: statement.id, statement, state: 'queued', queuedAt: now }));
  await db.outbox.bulkAdd(rows);
  return rows.length;
}

export interface OutboxStatus {
  configured: boolean;
  endpoint?: string;
  queued: number;
  sent: number;
  failed: number;
  state: SenderState;
  /** The quarantined statements, oldest first, with why the LRS refused each. */
  quarantined: { statementId: string; error: string; statement: unknown }[];
}

const countOf = (db: AcademyDatabase, state: OutboxRow['state']) =>
  db.outbox.where('[state+seq]').between([state, -Infinity], [state, Infinity]).count();

/** Counts and quarantined statements for the status view. */
export async function outboxStatus(): Promise<OutboxStatus> {
  const db = database();
  return db.transaction('r', db.settings, db.outbox, async () => {
    const config = await lrsConfig(db);
    const [queued, sent, failed, state, rows] = await Promise.all([
      countOf(db, 'queued'),
      countOf(db, 'sent'),
      countOf(db, 'failed'),
      senderState(db),
      db.outbox.where('[state+seq]').between(['failed', -Infinity], ['failed', Infinity]).toArray(),
    ]);
    return {
      configured: !!config,
      ...(config ? { endpoint: config.endpoint } : {}),
      queued,
      sent,
      failed,
      state,
      quarantined: rows.map((row) => ({
        statementId: row.statementId,
        error: row.error ?? '',
        statement: row.statement,
      })),
    };
  });
}

/** Put quarantined statements back in the queue, e.g. after the LRS was fixed. */
export async function retryQuarantined(): Promise<void> {
  const db = database();
  await db.outbox
    .where('[state+seq]')
    .between(['failed', -Infinity], ['failed', Infinity])
    .modify((row) => {
      row.state = 'queued';
      delete row.error;
    });
}
