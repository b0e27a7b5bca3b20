import { describe, expect, it } from 'vitest';
import { bundleRoleplay, roleplayFiles } from '../../tests/fixtures/bundles';
import { roleplayHash } from '../roleplay/record';
import { verifyRoleplayResult } from './verify-roleplay';

const roleplays = [...roleplayFiles().values()];
const roleplay = roleplays[0]!;
const byHash = new Map(roleplays.map((r) => [roleplayHash(r), r]));
const at = new Date(Date.UTC(2026, 2, 5, 9));

describe('verifyRoleplayResult', () => {
  it('trusts a result whose steps give its stored score, and returns the replayed view', () => {
    const result = bundleRoleplay({ id: 'r1', roleplay, at });
    const check = verifyRoleplayResult(result, byHash);
    expect(check.flag).toBeNull();
    expect(check.view?.ending?.id).toBe(result.score.ending);
    expect(check.view?.score.percent).toBe(result.score.percent);
  });

  it('flags an edited percentage, naming both numbers', () => {
    const result = bundleRoleplay({ id: 'r1', roleplay, at, percent: 100 });
    const honest = bundleRoleplay({ id: 'r1', roleplay, at }).score.percent;
    // The best path may already earn 100 %: then edit downwards instead.
    const edited = honest === 100 ? { ...result, score: { ...result.score, percent: 40 } } : result;
    const check = verifyRoleplayResult(edited, byHash);
    expect(check.flag).toBe('score-differs');
    expect(check.reason).toContain(`its steps give ${honest} %`);
  });

  it('flags an edited rubric item even when the total is left alone', () => {
    const result = bundleRoleplay({ id: 'r1', roleplay, at });
    const [item] = Object.keys(result.score.rubric);
    const rubric = { ...result.score.rubric, [item!]: result.score.rubric[item!]! + 5 };
    const check = verifyRoleplayResult({ ...result, score: { ...result.score, rubric } }, byHash);
    expect(check.flag).toBe('score-differs');
  });

  it('flags an unknown role-play version, and a hash of another role-play', () => {
    const result = bundleRoleplay({ id: 'r1', roleplay, at });
    expect(verifyRoleplayResult({ ...result, roleplayHash: 'f'.repeat(64) }, byHash).flag).toBe(
      'unknown-roleplay',
    );
    const other = roleplays[1]!;
    expect(
      verifyRoleplayResult({ ...result, roleplayHash: roleplayHash(other) }, byHash).flag,
    ).toBe('unknown-roleplay');
  });

  it('flags steps that do not fit the graph or are not steps at all', () => {
    const result = bundleRoleplay({ id: 'r1', roleplay, at });
    const wrong = [{ node: 'nowhere', option: 0 }, ...result.steps.slice(1)];
    expect(verifyRoleplayResult({ ...result, steps: wrong }, byHash)).toMatchObject({
      flag: 'does-not-replay',
      reason: expect.stringContaining('"nowhere"'),
    });
    expect(verifyRoleplayResult({ ...result, steps: ['hello'] }, byHash).flag).toBe(
      'does-not-replay',
    );
  });

  it('flags an ended result whose steps stop before an ending, and a running one with a score', () => {
    const result = bundleRoleplay({ id: 'r1', roleplay, at });
    const cut = { ...result, steps: result.steps.slice(0, 1) };
    expect(verifyRoleplayResult(cut, byHash).flag).toBe('does-not-replay');
    expect(verifyRoleplayResult({ ...cut, status: 'running' }, byHash).flag).toBe('score-differs');
    const { score: _, ...unscored } = cut;
    expect(verifyRoleplayResult({ ...unscored, status: 'running' }, byHash).flag).toBeNull();
  });
});
