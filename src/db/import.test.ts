/**
 * Hostile files through the import pipeline (issue 11: "drag-and-drop import and backup
 * restore with hostile files", "role-play results tampered in a bundle"): each is refused
 * or flagged with a message naming the file and what is wrong, and a refused file changes
 * nothing on the browser.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioHash } from '../engine/report';
import { MAX_BUNDLE_BYTES } from '../engine/limits';
import {
  makeBundle,
  roleplayFiles,
  scenarioFiles,
  withOverride,
} from '../../tests/fixtures/bundles';
import { roleplayHash } from '../roleplay/record';
import { roleplayScore } from '../records/aggregate';
import type { References } from '../records/import';
import { AcademyDatabase, database, useDatabase } from './database';
import { importBundleText, restoreBackupText } from './import';
import { runImport } from './import-run';
import { backupAll, loadTraineeRecords } from './records';
import { saveRoleplayOverrides } from './roleplays';

const scenarios = scenarioFiles();
const scenario = scenarios.get('three-backorder-types')!;
const roleplays = [...roleplayFiles().values()];
const refs: References = {
  scenariosByHash: new Map([...scenarios.values()].map((s) => [scenarioHash(s), s])),
  roleplaysByHash: new Map(roleplays.map((r) => [roleplayHash(r), r])),
  checksByCourse: new Map(),
};
const at = new Date('2026-03-05T09:00:00Z');
const ana = () =>
  makeBundle({
    profile: { id: 'p-ana', name: 'Ana Ruiz' },
    runs: [{ id: 'run-a1', scenario, at }],
    roleplays: [{ id: 'rp-a1', roleplay: roleplays[0]!, at }],
  });

let n = 0;
beforeEach(async () => {
  useDatabase(new AcademyDatabase(`import-${++n}`));
  const text = JSON.stringify(makeBundle({ profile: { id: 'p-ben', name: 'Ben' } }));
  await importBundleText(text, 'ben.json', text.length, refs);
});

async function counts() {
  const db = database();
  return Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)),
  );
}

const importText = (text: string, file: string, bytes = text.length) =>
  importBundleText(text, file, bytes, refs);

/** Bytes of `text` as UTF-16 little-endian with its byte order mark, read back as UTF-8. */
function asUtf16ReadAsUtf8(text: string): string {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

describe('a hostile bundle file', () => {
  it.each([
    [
      'oversized.json',
      '',
      MAX_BUNDLE_BYTES + 1,
      /the file is 64\.0 MB; a progress bundle may be at most 64 MB/,
    ],
    [
      'utf16.json',
      asUtf16ReadAsUtf8(JSON.stringify(ana())),
      undefined,
      /encoded as UTF-16 \(little-endian\), not UTF-8/,
    ],
    ['laughs.yaml', LAUGHS, undefined, /not a progress bundle: the file is not JSON/],
    ['laughs.json', LAUGHS, undefined, /not a progress bundle: the file is not JSON/],
  ])(
    '%s is refused with a message naming it, and changes nothing',
    async (name, text, bytes, message) => {
      const before = await counts();
      const outcome = await importText(text, name, bytes);
      expect(outcome).toMatchObject({ status: 'rejected', file: name, problems: [{ file: name }] });
      expect(outcome.status === 'rejected' && outcome.problems[0]!.message).toMatch(message);
      expect(await counts()).toEqual(before);
    },
  );

  it('with a duplicate key is refused at its field and line: JSON.parse would keep the last', async () => {
    const before = await counts();
    const text = JSON.stringify(ana(), null, 1).replace(
      '"name": "Ana Ruiz"',
      '"name": "Ana Ruiz",\n  "name": "Someone Else"',
    );
    const outcome = await importText(text, 'twice.json');
    expect(outcome).toMatchObject({
      status: 'rejected',
      problems: [
        {
          file: 'twice.json',
          path: 'profile.name',
          message: expect.stringContaining('duplicate key "name"'),
          line: expect.any(Number),
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('with a role-play result whose steps were tampered is flagged, and its score never counts', async () => {
    const bundle = ana();
    const result = bundle.roleplayResults[0]!;
    result.steps = result.steps.map((step) => ({ ...step, node: 'invented-node' }));
    const outcome = await importText(JSON.stringify(bundle), 'tampered.json');
    expect(outcome.status === 'imported' && outcome.roleplayVerifications).toEqual([
      { resultId: 'rp-a1', flag: 'does-not-replay', reason: expect.stringContaining('do not fit') },
    ]);
    const ana_ = (await loadTraineeRecords()).find((r) => r.profile.id === 'p-ana')!;
    expect(ana_.roleplays).toMatchObject([{ id: 'rp-a1', flag: 'does-not-replay' }]);
  });
});

/** Ana's bundle, her role-play result re-scored by an override of `by` (withOverride). */
function overriddenResult(by = 'Tess Trainer') {
  const bundle = ana();
  const made = withOverride(bundle.roleplayResults[0]!, roleplays[0]!, by);
  bundle.roleplayResults[0] = made.result;
  return { bundle, ...made };
}

describe("a trainer's override inside a role-play result", () => {
  it('written into a bundle is shown as self-reported, and the score that counts leaves it out', async () => {
    const { bundle, overrides, honest, raised } = overriddenResult();
    expect(raised.percent).toBeGreaterThan(honest.percent);
    const outcome = await importText(JSON.stringify(bundle), 'forged-override.json');
    expect(outcome.status === 'imported' && outcome.roleplayVerifications).toEqual([
      {
        resultId: 'rp-a1',
        flag: null,
        reason: expect.stringContaining('not on record on this browser'),
        selfReportedOverrides: overrides.length,
        counted: expect.objectContaining({ percent: honest.percent, total: honest.total }),
      },
    ]);
    const record = (await loadTraineeRecords()).find((r) => r.profile.id === 'p-ana')!;
    expect(record.roleplays).toMatchObject([
      {
        id: 'rp-a1',
        flag: null,
        score: { percent: honest.percent },
        reportedScore: { percent: raised.percent },
      },
    ]);
    expect(roleplayScore(record, 'best').score).toBe(honest.percent);
  });

  it('counts when this browser holds the same override, made here by the trainer', async () => {
    const { bundle, result, overrides, raised } = overriddenResult();
    await importText(JSON.stringify(ana()), 'plain.json');
    // The trainer re-scores the typed reply on this browser; then a later copy comes in.
    await database().roleplayResults.update('rp-a1', { steps: result.steps });
    await saveRoleplayOverrides('rp-a1', result.steps.length, overrides, raised);
    result.updatedAt = new Date(at.getTime() + 3_600_000).toISOString();
    const outcome = await importText(JSON.stringify(bundle), 'later.json');
    expect(outcome.status === 'imported' && outcome.roleplayVerifications).toEqual([
      { resultId: 'rp-a1', flag: null, reason: 'Replayed; the score matches.' },
    ]);
    const record = (await loadTraineeRecords()).find((r) => r.profile.id === 'p-ana')!;
    expect(roleplayScore(record, 'best').score).toBe(raised.percent);
  });

  it('from another trainer name on the same step is not taken for the one made here', async () => {
    const { overrides, result, raised } = overriddenResult();
    const forged = overriddenResult('Someone Else');
    await importText(JSON.stringify(ana()), 'plain.json');
    await database().roleplayResults.update('rp-a1', { steps: result.steps });
    await saveRoleplayOverrides('rp-a1', result.steps.length, overrides, raised);
    forged.result.updatedAt = new Date(at.getTime() + 3_600_000).toISOString();
    const outcome = await importText(JSON.stringify(forged.bundle), 'renamed.json');
    expect(outcome.status === 'imported' && outcome.roleplayVerifications[0]).toMatchObject({
      selfReportedOverrides: overrides.length,
      counted: { percent: forged.honest.percent },
    });
  });
});

describe("a trainer's override inside a backup", () => {
  /** Ana imported, the typed reply re-scored on this browser by `by`; then a backup taken. */
  async function backupAfterOverride(by: string) {
    const mine = overriddenResult();
    await importText(JSON.stringify(ana()), 'plain.json');
    await database().roleplayResults.update('rp-a1', { steps: mine.result.steps });
    const made = overriddenResult(by);
    await saveRoleplayOverrides('rp-a1', made.result.steps.length, made.overrides, made.raised);
    return { backup: await backupAll(), ...made };
  }
  const restoreAndScore = async (backup: unknown) => {
    const text = JSON.stringify(backup);
    await restoreBackupText(text, 'backup.json', text.length, refs);
    const record = (await loadTraineeRecords()).find((r) => r.profile.id === 'p-ana')!;
    return roleplayScore(record, 'best').score;
  };

  it('made on this browser still counts after restoring its own backup', async () => {
    const { backup, raised } = await backupAfterOverride('Tess Trainer');
    expect(await restoreAndScore(backup)).toBe(raised.percent);
  });

  it('written into the backup file by hand is self-reported and does not raise the score', async () => {
    const { backup, honest } = await backupAfterOverride('Tess Trainer');
    const result = (backup as any).bundles
      .find((b: any) => b.profile.id === 'p-ana')
      .roleplayResults.find((r: any) => r.id === 'rp-a1');
    result.overrides = result.overrides.map((o: any) => ({ ...o, by: 'Forged Name' }));
    expect(await restoreAndScore(backup)).toBe(honest.percent);
  });
});

describe('a hostile backup file', () => {
  async function backupWith(change: (backup: Record<string, any>) => void): Promise<string> {
    const backup = JSON.parse(JSON.stringify(await backupAll()));
    change(backup);
    return JSON.stringify(backup);
  }

  it('planting an alias bomb as authored content is refused at that field, and changes nothing', async () => {
    const text = await backupWith((b) =>
      b.customContent.push({
        kind: 'scenario',
        id: 'laughs',
        title: 'Laughs',
        source: LAUGHS,
        updatedAt: at.toISOString(),
      }),
    );
    const before = await counts();
    const outcome = await restoreBackupText(text, 'backup.json', text.length, refs);
    expect(outcome).toMatchObject({
      status: 'rejected',
      problems: [
        {
          file: 'backup.json',
          path: 'customContent[0].source',
          message: expect.stringMatching(/scenario "laughs": refused: its aliases/),
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['UTF-16', (text: string) => asUtf16ReadAsUtf8(text), /encoded as UTF-16/],
    [
      'a duplicate key',
      (text: string) => text.replace('"version":1,', '"version":1,"version":1,'),
      /duplicate key "version"/,
    ],
  ])(
    'in %s is refused with a message naming it, and changes nothing',
    async (_, spoil, message) => {
      const text = spoil(await backupWith(() => {}));
      const before = await counts();
      const outcome = await restoreBackupText(text, 'backup.json', text.length, refs);
      expect(outcome).toMatchObject({ status: 'rejected', problems: [{ file: 'backup.json' }] });
      expect(outcome.status === 'rejected' && outcome.problems[0]!.message).toMatch(message);
      expect(await counts()).toEqual(before);
    },
  );

  it('over the size limit is refused by its size, without reading it', async () => {
    let read = false;
    const huge = {
      name: 'huge.json',
      size: MAX_BUNDLE_BYTES * 4 + 1,
      text: () => ((read = true), Promise.resolve('')),
      arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(0))),
    } as unknown as File;
    const before = await counts();
    const outcome = await runImport({ kind: 'backup', file: huge, refs }, () => {});
    expect(outcome).toMatchObject({
      status: 'rejected',
      problems: [
        { file: 'huge.json', message: expect.stringMatching(/a backup may be at most 256 MB/) },
      ],
    });
    expect(read).toBe(false);
    expect(await counts()).toEqual(before);
  });
});

describe('cancelling', () => {
  it('before saving keeps nothing', async () => {
    const controller = new AbortController();
    const text = JSON.stringify(ana());
    const before = await counts();
    const outcome = await importBundleText(text, 'ana.json', text.length, refs, {
      signal: controller.signal,
      report: (progress) => {
        if (progress.stage === 'verifying') controller.abort();
      },
    });
    expect(outcome).toEqual({ status: 'cancelled', file: 'ana.json' });
    expect(await counts()).toEqual(before);
  });
});
