import validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { makeBundle, roleplayFiles, scenarioFiles } from '../../tests/fixtures/bundles';
import { statementsOf } from '../../tests/fixtures/statements';
import { ENGINE_VERSION } from '../engine/state';
import { bundlesFromStatements } from './from-statements';
import { parseBundle } from './parse';

const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (
  data: unknown,
) => unknown[];

const org = {
  homePage: 'https://learning.example.com/',
  activityBase: 'https://learning.example.com/academy/',
};
const at = new Date('2026-03-05T09:00:00Z');
const ana = makeBundle({
  profile: { id: 'p-ana', name: 'Ana Ruiz' },
  courseDoneOn: at,
  runs: [{ id: 'run-a1', scenario: scenarioFiles().get('three-backorder-types')!, at }],
  roleplays: [{ id: 'rp-a1', roleplay: [...roleplayFiles().values()][0]!, at }],
});

/** As an LRS returns them: each with the time it was stored, oldest first. */
const stored = (statements: object[], from = Date.parse('2026-03-06T00:00:00Z')) =>
  statements.map((s, i) => ({ ...s, stored: new Date(from + i * 1000).toISOString() }));

describe('statements read back from an LRS', () => {
  const statements = statementsOf(ana, org);

  it('are valid xAPI 1.0.3, each naming the trainee by account and name', () => {
    expect(statements.flatMap((s) => validate(s))).toEqual([]);
    expect(new Set(statements.map((s) => JSON.stringify(s.actor)))).toEqual(
      new Set([
        JSON.stringify({
          objectType: 'Agent',
          name: 'Ana Ruiz',
          account: { homePage: org.homePage, name: 'p-ana' },
        }),
      ]),
    );
  });

  it('rebuild the bundle the trainee would have exported, record for record', () => {
    const { bundles, skipped } = bundlesFromStatements(
      stored(statements),
      org.activityBase,
      ENGINE_VERSION,
    );
    expect(skipped).toEqual([]);
    expect(bundles).toHaveLength(1);
    const parsed = parseBundle(JSON.stringify(bundles[0]), 'lrs');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const original = parseBundle(JSON.stringify(ana), 'ana.json');
    if (!original.ok) throw new Error('fixture bundle does not parse');
    const { exportedAt: _, ...rebuilt } = parsed.value;
    const { exportedAt: __, ...exported } = original.value;
    expect(rebuilt).toEqual({ ...exported, profile: { ...exported.profile, createdAt: at } });
  });

  it('skip a record that does not fit a bundle, naming the statement, and keep the rest', () => {
    const broken = structuredClone(statements);
    const verdict = broken.find(
      (s) => s.verb.id.endsWith('/passed') && s.object.id.includes('simulations'),
    )!;
    const run = verdict.context!.extensions![`${org.activityBase}xapi/extensions/run`] as {
      scenarioHash: string;
    };
    run.scenarioHash = 'not-a-hash';
    const { bundles, skipped } = bundlesFromStatements(
      stored(broken),
      org.activityBase,
      ENGINE_VERSION,
    );
    expect(skipped).toEqual([
      { statementId: verdict.id, reason: 'run: scenarioHash must be a SHA-256 in hex' },
    ]);
    expect(bundles[0]!.runs).toEqual([]);
    expect(bundles[0]!.lessonVisits).toHaveLength(ana.lessonVisits.length);
  });

  it('keep two trainees apart, and give an unnamed one a name from the id', () => {
    const ben = makeBundle({ profile: { id: 'p-ben-0001', name: 'Ben' }, courseDoneOn: at });
    const unnamed = statementsOf(ben, org).map((s) => {
      const { name: _, ...actor } = s.actor;
      return { ...s, actor };
    });
    const { bundles } = bundlesFromStatements(
      stored([...statements, ...unnamed]),
      org.activityBase,
      ENGINE_VERSION,
    );
    expect(bundles.map((b) => [b.profile.id, b.profile.name])).toEqual([
      ['p-ana', 'Ana Ruiz'],
      ['p-ben-0001', 'Trainee p-ben-00'],
    ]);
  });

  it('carry nothing for a record of another site (another activity base)', () => {
    const { bundles } = bundlesFromStatements(
      stored(statements),
      'https://elsewhere.example.com/',
      ENGINE_VERSION,
    );
    expect(bundles.flatMap((b) => [...b.lessonVisits, ...b.runs])).toEqual([]);
  });
});
