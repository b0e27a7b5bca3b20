import { describe, expect, it } from 'vitest';
import { ROLEPLAY_STARTER, SCENARIO_STARTER } from '../trainer/authoring';
import {
  parseStoredContent,
  parseStoredRoleplay,
  parseStoredScenario,
  roleplaysThatLoad,
} from './custom-content';

describe('content trainers wrote, read back from storage', () => {
  it('loads a stored scenario and a stored role-play with their own loaders', () => {
    const scenario = parseStoredContent({ kind: 'scenario', source: SCENARIO_STARTER });
    expect(scenario).toMatchObject({
      ok: true,
      value: { kind: 'scenario', scenario: { id: 'my-first-scenario' } },
    });
    const roleplay = parseStoredContent({ kind: 'roleplay', source: ROLEPLAY_STARTER });
    expect(roleplay.ok && roleplay.value.kind).toBe('roleplay');
  });

  it('does not ask the id to match a file name: the id is the author’s', () => {
    const renamed = SCENARIO_STARTER.replace('id: my-first-scenario', 'id: copper-elbows');
    expect(parseStoredScenario({ source: renamed })).toMatchObject({
      ok: true,
      value: { id: 'copper-elbows' },
    });
  });

  it('refuses a row whose source no longer loads, naming the problems', () => {
    const edited = parseStoredContent({ kind: 'roleplay', source: 'id: half\ntitle: [' });
    expect(edited.ok).toBe(false);
    expect(!edited.ok && edited.problems.length).toBeGreaterThan(0);
    // A scenario's text stored as a role-play is checked as a role-play, and refused.
    expect(parseStoredRoleplay({ source: SCENARIO_STARTER }).ok).toBe(false);
  });

  it('keeps the role-plays that still load, in order, and leaves out the others', () => {
    const second = ROLEPLAY_STARTER.replace(/^id: .*$/m, 'id: second-caller');
    const loaded = roleplaysThatLoad([
      { source: ROLEPLAY_STARTER },
      { source: 'not: [a role-play' },
      { source: second },
    ]);
    expect(loaded.map((r) => r.id)).toEqual(['my-first-roleplay', 'second-caller']);
  });
});
