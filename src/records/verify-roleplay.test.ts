import { describe, expect, it } from 'vitest';
import { bundleRoleplay, roleplayFiles } from '../../tests/fixtures/bundles';
import { roleplayHash, scoreRecord, stepRecords } from '../roleplay/record';
import { viewConversation } from '../roleplay/session';
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

  it("applies a trainer's overrides of typed replies, as the stored score does", () => {
    const result = bundleRoleplay({ id: 'r1', roleplay, at });
    const first = result.steps[0]!;
    const option = roleplay.nodes[first.node]!.options[first.option]!;
    const steps = [
      { node: first.node, option: first.option, typed: option.text },
      ...result.steps.slice(1).map(({ node, option }) => ({ node, option })),
    ];
    const conversation = { roleplay: roleplay.id, mode: 'assessment' as const, steps };
    const matched = viewConversation(roleplay, conversation).steps[0]!.credits;
    expect(matched.length).toBeGreaterThan(0);
    const overrides = [
      {
        step: 0,
        typed: option.text,
        item: matched[0]!,
        credited: false,
        by: 'Tess Trainer',
        reason: 'Said without meaning it.',
        at: '2026-03-06T10:00:00.000Z',
      },
    ];
    const view = viewConversation(roleplay, conversation, overrides);
    const overridden = {
      ...result,
      steps: stepRecords(view),
      overrides,
      score: scoreRecord(view)!,
    };
    expect(verifyRoleplayResult(overridden, byHash).flag).toBeNull();
    // Without the overrides the steps give another score: the stored one is not trusted.
    const { overrides: _, ...without } = overridden;
    expect(verifyRoleplayResult(without, byHash).flag).toBe('score-differs');
  });
});
