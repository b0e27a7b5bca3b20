/**
 * Statements for records that are not a trainee's own steps (issue 15), against the real
 * learning record store: a trainer's re-scoring is `scored`, pointing at the attempt's
 * `completed` statement and voiding nothing; an imported bundle's records go out with the
 * ids the trainee's own browser gives them, so the LRS keeps each record once, and a
 * flagged record is not sent at all.
 */
import 'fake-indexeddb/auto';
import validation from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeBundle, scenarioFiles } from '../../tests/fixtures/bundles';
import { startTestLrs, LRS_AUTH, type TestLrs } from '../../tests/fixtures/lrs';
import { statementsOf } from '../../tests/fixtures/statements';
import { scenarioHash } from '../engine/report';
import type { References } from '../records/import';
import { AcademyDatabase, database, useDatabase } from './database';
import { createProfile } from './index';
import { importBundleText } from './import';
import { saveLrsConfig } from './outbox';
import { sendOutbox } from './outbox-sender';
import { saveRoleplayOverrides, saveRoleplaySteps, startRoleplayResult } from './roleplays';

const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (
  data: unknown,
) => unknown[];

let lrs: TestLrs;
let n = 0;
beforeAll(async () => {
  lrs = await startTestLrs();
}, 30_000);
afterAll(() => lrs?.close());
beforeEach(async () => {
  useDatabase(new AcademyDatabase(`outbox-records-${++n}`));
  await saveLrsConfig({ endpoint: lrs.endpoint, key: 'k', secret: 's', homePage: home() });
});

const home = () => `https://records-${n}.example.com/`;
const storedHere = async () =>
  (await lrs.statements()).filter((s) => JSON.stringify(s.actor).includes(home()));
const queued = async () =>
  (await database().outbox.toArray()).map(
    (row) => row.statement as { id: string; verb: { id: string } },
  );
const verb = (s: object) => (s as { verb: { id: string } }).verb.id.split('/').pop();

describe('statements beyond the trainee’s own steps', { timeout: 30_000 }, () => {
  it('a trainer’s re-scoring is scored, referring to the completed statement; nothing is voided', async () => {
    const ana = await createProfile('Ana Ruiz', 'trainee');
    const steps = [{ node: 'opening', option: 0, typed: 'Sorry' }];
    await startRoleplayResult({
      id: 'a1',
      profileId: ana.id,
      roleplay: 'tap-that-stayed-behind',
      roleplayHash: 'abc',
      mode: 'assessment',
    });
    await saveRoleplaySteps('a1', 0, steps, {
      total: 20,
      max: 100,
      percent: 20,
      ending: 'resolved',
      rubric: { 'transparent-date': 0 },
    });
    const override = {
      step: 0,
      typed: 'Sorry',
      item: 'transparent-date',
      credited: true,
      by: 'Tess',
    };
    const rescored = {
      total: 60,
      max: 100,
      percent: 60,
      ending: 'resolved',
      rubric: { 'transparent-date': 40 },
    };
    await saveRoleplayOverrides('a1', 1, [override], rescored);

    const statements = await queued();
    expect(statements.map(verb)).toEqual(['answered', 'completed', 'scored']);
    expect(statements.flatMap((s) => validate(s))).toEqual([]);
    const [, completed, scored] = statements as Record<string, unknown>[];
    expect(scored).toMatchObject({
      object: { objectType: 'StatementRef', id: completed!.id },
      result: { score: { scaled: 0.6, raw: 60, min: 0, max: 100 } },
    });
    // The first score stays on the record: the completed statement still says 20.
    expect(completed).toMatchObject({ result: { score: { raw: 20 } } });

    expect(await sendOutbox()).toMatchObject({ kind: 'sent', sent: 3 });
    const stored = await storedHere();
    expect(stored.map(verb).sort()).toEqual(['answered', 'completed', 'scored']);
    expect(stored.some((s) => JSON.stringify(s).includes('voided'))).toBe(false);
  });

  it('an imported bundle sends its records with the trainee’s own ids: the LRS keeps each once', async () => {
    const scenarios = scenarioFiles();
    const refs: References = {
      scenariosByHash: new Map([...scenarios.values()].map((s) => [scenarioHash(s), s])),
      roleplaysByHash: new Map(),
      checksByCourse: new Map(),
    };
    const at = new Date('2026-03-05T09:00:00Z');
    const scenario = scenarios.get('whole-lines-only')!;
    const bundle = makeBundle({
      profile: { id: `p-ben-${n}`, name: 'Ben Okafor' },
      runs: [
        { id: `ben-run-${n}`, scenario, at },
        // Claims 1 where its log earns more: flagged on import, never sent from here.
        { id: `ben-edited-${n}`, scenario, at, total: 1 },
      ],
    });
    // What Ben's own browser sent while he trained.
    const own = statementsOf(
      { ...bundle, runs: bundle.runs.slice(0, 1) },
      {
        homePage: home(),
        activityBase: home(),
      },
    );
    const posted = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: LRS_AUTH,
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body: JSON.stringify(own),
    });
    expect(posted.status).toBe(200);

    const text = JSON.stringify(bundle);
    expect(await importBundleText(text, 'ben.json', text.length, refs)).toMatchObject({
      status: 'imported',
    });
    const sent = await queued();
    expect(sent.map((s) => s.id).sort()).toEqual(own.map((s) => s.id).sort());
    expect(await sendOutbox()).toMatchObject({ kind: 'sent', sent: sent.length });
    const stored = await storedHere();
    expect(stored.map((s) => s.id).sort()).toEqual(own.map((s) => s.id).sort());
  });
});
