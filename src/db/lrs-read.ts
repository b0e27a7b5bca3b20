/**
 * The manager's dashboard reading a learning record store (issue 15). The read key is kept
 * in this browser's settings only: it is sent to the configured LRS and nowhere else (not
 * even in a backup, see ./records.ts), and a `more` link pointing at another address is
 * refused. Statements are paged through `GET statements` (`activity` = the academy,
 * `related_activities`, `since` the last one stored, `more`), rebuilt into one bundle per
 * trainee (src/records/from-statements.ts) and stored by the bundle import (./import.ts),
 * so verification, evidence and conflicts are exactly those of a bundle file.
 */
import { ENGINE_VERSION } from '../engine/state';
import { formatProblem } from '../engine/problems';
import { bundlesFromStatements } from '../records/from-statements';
import type { ImportOutcome, References } from '../records/import';
import { database } from './database';
import {
  LRS_READ_SETTINGS,
  LRS_READ_STATE,
  lrsReadConfigProblem,
  lrsReadSettings,
  saveLrsReadConfig,
  type LrsReadConfig,
  type LrsReadLog,
  type LrsReadOutcome,
  type LrsReadState,
} from './lrs-read-settings';
import { importBundleText } from './import';

export {
  LRS_READ_SETTINGS,
  lrsReadConfigProblem,
  lrsReadSettings,
  saveLrsReadConfig,
  type LrsReadConfig,
  type LrsReadLog,
  type LrsReadOutcome,
  type LrsReadState,
};

const PAGE_SIZE = 200;
/** At most this many pages a read (100,000 statements); the next read goes on from there. */
const MAX_PAGES = 500;

const authorization = (c: LrsReadConfig) =>
  `Basic ${c.token ?? btoa(`${c.key ?? ''}:${c.secret ?? ''}`)}`;

type Fetch = typeof fetch;
type Page = { statements: unknown[]; more?: string };

/** Every statement since the last read, oldest stored first; or why reading stopped. */
async function readStatements(
  config: LrsReadConfig,
  since: string | undefined,
  fetcher: Fetch,
): Promise<{ ok: true; statements: unknown[] } | Exclude<LrsReadOutcome, { status: 'read' }>> {
  const query = new URLSearchParams({
    activity: config.activityBase,
    related_activities: 'true',
    ascending: 'true',
    limit: String(PAGE_SIZE),
    ...(since ? { since } : {}),
  });
  const origin = new URL(config.endpoint).origin;
  let next: string | null = `${config.endpoint}statements?${query}`;
  const statements: unknown[] = [];
  for (let pages = 0; next && pages < MAX_PAGES; pages++) {
    let response: Response;
    try {
      response = await fetcher(next, {
        headers: { Authorization: authorization(config), 'X-Experience-API-Version': '1.0.3' },
      });
    } catch {
      return {
        status: 'offline',
        message:
          'Could not reach the LRS (offline, a wrong address, or the LRS does not allow this site). Nothing was changed.',
      };
    }
    if (response.status === 401 || response.status === 403)
      return {
        status: 'credentials',
        message: `The LRS refused the read key (${response.status}). Enter a key and secret that may read statements. Nothing was changed.`,
      };
    const page = response.ok ? ((await response.json().catch(() => null)) as Page | null) : null;
    if (!page || !Array.isArray(page.statements))
      return {
        status: 'failed',
        message: `The LRS answered ${response.status} to GET statements${response.ok ? ' with something that is not a statement list' : ''}. Nothing was changed.`,
      };
    statements.push(...page.statements);
    next = page.more ? new URL(page.more, config.endpoint).href : null;
    if (next && new URL(next).origin !== origin)
      return {
        status: 'failed',
        message: `The LRS sent its next page to another address (${new URL(next).origin}); the read key goes only to ${origin}. Nothing was changed.`,
      };
  }
  return { ok: true, statements };
}

const newest = (statements: unknown[], since: string | undefined) =>
  statements.reduce<string | undefined>((latest, s) => {
    const stored = (s as { stored?: unknown }).stored;
    return typeof stored === 'string' && (!latest || stored > latest) ? stored : latest;
  }, since);

function flaggedIn(outcome: ImportOutcome): number {
  if (outcome.status !== 'imported') return 0;
  return [
    ...outcome.verifications,
    ...outcome.roleplayVerifications,
    ...outcome.checkVerifications,
  ].filter((v) => v.flag).length;
}

/**
 * Read what the LRS stored since the last read and store it as bundle imports would. A
 * refused key, a network error or a bad answer changes nothing. `since` moves on only when
 * every trainee's records were stored, so a failed one is read again next time.
 */
export async function readFromLrs(
  refs: References,
  fetcher: Fetch = (...args) => fetch(...args),
): Promise<LrsReadOutcome> {
  const { config, state } = await lrsReadSettings();
  if (!config) return { status: 'failed', message: 'Save a read key first.' };
  const read = await readStatements(config, state.since, fetcher);
  if (!('ok' in read)) return read;
  const { bundles, skipped } = bundlesFromStatements(
    read.statements,
    config.activityBase,
    ENGINE_VERSION,
  );
  const host = new URL(config.endpoint).host;
  const at = new Date().toISOString();
  const outcomes: ImportOutcome[] = [];
  for (const bundle of bundles) {
    const text = JSON.stringify(bundle);
    const file = `LRS ${host}, ${bundle.profile.name}`;
    outcomes.push(await importBundleText(text, file, text.length, refs, { mirror: false }));
  }
  const problems = [
    ...skipped.map((s) => `Statement ${s.statementId} was skipped: ${s.reason}.`),
    ...outcomes.flatMap((o) =>
      o.status === 'rejected' ? o.problems.slice(0, 5).map(formatProblem) : [],
    ),
  ];
  const log: LrsReadLog = {
    at,
    statements: read.statements.length,
    trainees: bundles.map((b) => b.profile.name),
    added: outcomes.reduce(
      (n, o) =>
        n + (o.status === 'imported' ? Object.values(o.added).reduce((a, b) => a + b, 0) : 0),
      0,
    ),
    flagged: outcomes.reduce((n, o) => n + flaggedIn(o), 0),
    problems,
  };
  const stored = outcomes.every((o) => o.status !== 'rejected');
  const next: LrsReadState = {
    ...(stored ? { since: newest(read.statements, state.since) } : { since: state.since }),
    last: log,
  };
  await database().settings.put({ key: LRS_READ_STATE, value: JSON.stringify(next) });
  return { status: 'read', log };
}
