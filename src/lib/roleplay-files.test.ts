import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestPath, maxScore, shortestPathTo, SITUATIONS } from '../roleplay';
import { describeRoleplayProblems, readRoleplayFiles } from './roleplay-files';

describe('the role-plays shipped in simulations/roleplays', () => {
  const { roleplays, problems } = readRoleplayFiles('simulations/roleplays');

  it('are all valid', () => {
    expect(problems).toEqual([]);
    expect(roleplays.length).toBeGreaterThanOrEqual(6);
  });

  it('cover every situation of the training guide', () => {
    const situations = new Set(roleplays.map((r) => r.roleplay.situation));
    expect([...situations].sort()).toEqual([...SITUATIONS].sort());
  });

  it.each(
    readRoleplayFiles('simulations/roleplays').roleplays.map((r) => [r.roleplay.id, r] as const),
  )(
    '%s has a resolved best ending, a way to lose the customer and an escalation',
    (_id, { roleplay, text }) => {
      const best = bestPath(roleplay)!;
      expect(best.outcome).toBe('resolved');
      expect(best.points).toBe(maxScore(roleplay));
      expect(shortestPathTo(roleplay, 'lost')).not.toBeNull();
      expect(shortestPathTo(roleplay, 'escalated')).not.toBeNull();
      expect(text.split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../../public/schemas/roleplay.schema.json',
      );
    },
  );
});

describe('readRoleplayFiles', () => {
  it('names the file, line and field of each problem, and keeps no broken role-play', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roleplays-'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: Broken\nsituation: lost-parcel\n');
    const { roleplays, problems } = readRoleplayFiles(dir, 'simulations/roleplays');
    expect(roleplays).toEqual([]);
    const text = describeRoleplayProblems(problems);
    expect(text).toContain(
      'simulations/roleplays/broken.yaml:3 situation: expected one of "partial-shipment", "backorder-slipped", "cancelled-backorder", "wrong-item", got "lost-parcel"',
    );
    expect(text).toContain('simulations/roleplays/broken.yaml:1 persona: required field missing');
  });
});
