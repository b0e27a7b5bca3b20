/**
 * The manager's dashboard reading an LRS (issue 15), against a fake `fetch` that pages the
 * way xAPI says (`more`): records arrive through the bundle import, so they are verified and
 * carry the same evidence; a refused key, a network error or a page elsewhere change nothing.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioHash } from '../engine/report';
import { makeBundle, scenarioFiles } from '../../tests/fixtures/bundles';
import { statementsOf } from '../../tests/fixtures/statements';
import type { References } from '../records/import';
import { AcademyDatabase, database, useDatabase } from './database';
import { lrsReadSettings, readFromLrs, saveLrsReadConfig } from './lrs-read';
import { backupAll, loadTraineeRecords } from './records';

const scenarios = scenarioFiles();
const refs: References = {
  scenariosByHash: new Map([...scenarios.values()].map((s) => [scenarioHash(s), s])),
  roleplaysByHash: new Map(),
  checksByCourse: new Map(),
};
const org = {
  homePage: 'https://learning.example.com/',
  activityBase: 'https://learning.example.com/academy/',
};
const ENDPOINT = 'https://lrs.example.com/xapi/';
const at = new Date('2026-03-05T09:00:00Z');
const trainee = (id: string, name: string, runId: string) =>
  makeBundle({
    profile: { id, name },
    runs: [{ id: runId, scenario: scenarios.get('whole-lines-only')!, at }],
  });

/** An LRS holding `statements`, two a page, answering like xapi-statements. */
function fakeLrs(statements: object[]) {
  const stored = statements.map((s, i) => ({
    ...s,
    stored: new Date(Date.parse('2026-03-06T00:00:00Z') + i * 1000).toISOString(),
  }));
  const requests: { url: URL; auth: string | null }[] = [];
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    requests.push({ url, auth: new Headers(init?.headers).get('Authorization') });
    const since = url.searchParams.get('since') ?? '';
    const after = Number(url.searchParams.get('after') ?? 0);
    const left = stored.filter((s) => s.stored > since).slice(after);
    const more = left.length > 2 ? `/xapi/statements?since=${since}&after=${after + 2}` : '';
    return Response.json({ statements: left.slice(0, 2), more });
  };
  return { fetcher: fetcher as typeof fetch, requests };
}

let n = 0;
beforeEach(async () => {
  useDatabase(new AcademyDatabase(`lrs-read-${++n}`));
  await saveLrsReadConfig({
    endpoint: ENDPOINT,
    activityBase: org.activityBase,
    key: 'manager',
    secret: 'read',
  });
});

async function counts() {
  const db = database();
  return Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)),
  );
}

describe('reading the LRS', () => {
  const ana = statementsOf(trainee('p-ana', 'Ana Ruiz', 'run-a'), org);
  const ben = statementsOf(trainee('p-ben', 'Ben Okafor', 'run-b'), org);

  it('pages through every statement and stores both trainees as verified imports', async () => {
    const lrs = fakeLrs([...ana, ...ben]);
    const outcome = await readFromLrs(refs, lrs.fetcher);
    expect(outcome).toMatchObject({
      status: 'read',
      log: {
        statements: 4,
        trainees: ['Ana Ruiz', 'Ben Okafor'],
        added: 4,
        flagged: 0,
        problems: [],
      },
    });
    expect(lrs.requests).toHaveLength(2);
    const first = lrs.requests[0]!.url;
    expect(Object.fromEntries(first.searchParams)).toMatchObject({
      activity: org.activityBase,
      related_activities: 'true',
      ascending: 'true',
    });
    expect(lrs.requests.every((r) => r.auth === `Basic ${btoa('manager:read')}`)).toBe(true);
    const records = await loadTraineeRecords();
    expect(
      records.map((r) => [r.profile.name, r.imported, r.runs.map((run) => run.evidence)]),
    ).toEqual([
      ['Ana Ruiz', true, ['replay-verified']],
      ['Ben Okafor', true, ['replay-verified']],
    ]);
  });

  it('asks only for what was stored since the last read, and adds nothing twice', async () => {
    const lrs = fakeLrs([...ana, ...ben]);
    await readFromLrs(refs, lrs.fetcher);
    const before = await counts();
    const again = await readFromLrs(refs, lrs.fetcher);
    expect(again).toMatchObject({ status: 'read', log: { statements: 0, added: 0 } });
    expect(lrs.requests.at(-1)!.url.searchParams.get('since')).toBe('2026-03-06T00:00:03.000Z');
    expect(await counts()).toEqual(before);
  });

  it('a refused key asks for credentials and changes nothing', async () => {
    const before = await counts();
    const refused = (async () => new Response('no', { status: 401 })) as typeof fetch;
    expect(await readFromLrs(refs, refused)).toEqual({
      status: 'credentials',
      message: expect.stringMatching(/^The LRS refused the read key \(401\)\. Enter a key/),
    });
    expect(await counts()).toEqual(before);
    expect((await lrsReadSettings()).state).toEqual({});
  });

  it('a network error says so and changes nothing', async () => {
    const before = await counts();
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await readFromLrs(refs, down)).toMatchObject({
      status: 'offline',
      message: expect.stringContaining('Could not reach the LRS'),
    });
    expect(await counts()).toEqual(before);
  });

  it('never follows a next page to another address with the key', async () => {
    const elsewhere = (async () =>
      Response.json({
        statements: ana.slice(0, 1),
        more: 'https://evil.example.net/x',
      })) as typeof fetch;
    const before = await counts();
    expect(await readFromLrs(refs, elsewhere)).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('https://evil.example.net'),
    });
    expect(await counts()).toEqual(before);
  });

  it('keeps the read key out of a backup', async () => {
    await readFromLrs(refs, fakeLrs(ana).fetcher);
    const backup = await backupAll();
    expect(JSON.stringify(backup.settings)).not.toContain('manager');
    expect(backup.settings.map((s) => s.key)).not.toContain('lrsRead');
  });
});
