import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { AcademyDatabase, useDatabase } from './database';
import {
  abandonRoleplayResult,
  roleplayResultsFor,
  roleplayResultsOf,
  saveRoleplayOverrides,
  saveRoleplaySteps,
  startRoleplayResult,
} from './roleplays';

let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`roleplay-test-${++n}`)));

const attempt = (id: string, roleplay = 'tap-that-stayed-behind') => ({
  id,
  profileId: 'ana',
  roleplay,
  roleplayHash: 'abc',
  mode: 'practice' as const,
});
const score = {
  total: 80,
  max: 100,
  percent: 80,
  ending: 'resolved',
  rubric: { 'keep-record': 0 },
};

describe('role-play results', () => {
  it('keeps every step, ends with a score, and clears it again when going back from the ending', async () => {
    await startRoleplayResult(attempt('a1'));
    await saveRoleplaySteps('a1', 0, [{ node: 'opening', option: 0 }], null);
    await saveRoleplaySteps(
      'a1',
      1,
      [
        { node: 'opening', option: 0 },
        { node: 'when', option: 1 },
      ],
      score,
    );
    let [stored] = await roleplayResultsOf('ana', 'tap-that-stayed-behind');
    expect(stored).toMatchObject({
      status: 'ended',
      score,
      steps: [{ node: 'opening' }, { node: 'when' }],
    });
    await saveRoleplaySteps('a1', 2, [{ node: 'opening', option: 0 }], null);
    [stored] = await roleplayResultsOf('ana', 'tap-that-stayed-behind');
    expect(stored?.status).toBe('running');
    expect(stored?.score).toBeUndefined();
  });

  it('refuses steps built on a different count (another tab) and changes nothing', async () => {
    await startRoleplayResult(attempt('a1'));
    await saveRoleplaySteps('a1', 0, [{ node: 'opening', option: 0 }], null);
    await expect(
      saveRoleplaySteps('a1', 0, [{ node: 'opening', option: 2 }], null),
    ).rejects.toThrow(/another tab/);
    const [stored] = await roleplayResultsOf('ana', 'tap-that-stayed-behind');
    expect(stored?.steps).toEqual([{ node: 'opening', option: 0 }]);
  });

  it('refuses to save an abandoned attempt', async () => {
    await startRoleplayResult(attempt('a1'));
    await abandonRoleplayResult('a1');
    await expect(saveRoleplaySteps('a1', 0, [{ node: 'x', option: 0 }], null)).rejects.toThrow(
      /no longer open/,
    );
  });

  it('lists a profile’s attempts newest first, per role-play and in all', async () => {
    await startRoleplayResult(attempt('a1'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await startRoleplayResult(attempt('a2', 'just-cancel-it'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await startRoleplayResult(attempt('a3'));
    expect((await roleplayResultsOf('ana', 'tap-that-stayed-behind')).map((r) => r.id)).toEqual([
      'a3',
      'a1',
    ]);
    expect((await roleplayResultsFor('ana')).map((r) => r.id)).toEqual(['a3', 'a2', 'a1']);
    expect(await roleplayResultsFor('ben')).toEqual([]);
  });

  it('keeps a trainer’s overrides with the new score on an ended attempt only', async () => {
    const override = { step: 0, typed: 'Sorry', item: 'transparent-date', credited: true };
    const steps = [{ node: 'opening', option: 0, typed: 'Sorry' }];
    await startRoleplayResult(attempt('a1'));
    await saveRoleplaySteps('a1', 0, steps, null);
    await expect(saveRoleplayOverrides('a1', 1, [override], score)).rejects.toThrow(/finished/);
    await saveRoleplaySteps('a1', 1, steps, { ...score, total: 20, percent: 20 });
    await expect(saveRoleplayOverrides('a1', 2, [override], score)).rejects.toThrow(/meanwhile/);
    expect((await roleplayResultsOf('ana', 'tap-that-stayed-behind'))[0]?.score?.total).toBe(20);
    await saveRoleplayOverrides('a1', 1, [override], score);
    const [stored] = await roleplayResultsOf('ana', 'tap-that-stayed-behind');
    expect(stored).toMatchObject({ status: 'ended', score, overrides: [override], steps });
    await expect(saveRoleplayOverrides('gone', 1, [], score)).rejects.toThrow(/no longer/);
  });
});
