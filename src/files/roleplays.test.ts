import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ROLEPLAY_BYTES, formatBytes } from '../engine/limits';
import { bestPath, matchReply, maxScore, shortestPathTo, SITUATIONS } from '../roleplay';
import { describeRoleplayProblems, readRoleplayFiles } from './roleplays';

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

describe('the matcher on the shipped scripts', () => {
  // A trainee who types a scripted reply word for word must earn at least what choosing it
  // earns; otherwise the matcher (or the script's wording) needs a phrase.
  const replies = readRoleplayFiles('simulations/roleplays').roleplays.flatMap(({ roleplay }) =>
    Object.entries(roleplay.nodes).flatMap(([node, { options }]) =>
      options.map((option, i) => [`${roleplay.id} ${node}[${i}]`, roleplay, option] as const),
    ),
  );
  it.each(replies)('%s typed word for word earns its credits', (_name, roleplay, option) => {
    const found = matchReply(option.text, roleplay.rubric).found;
    expect(option.credits.filter((item) => !found.includes(item))).toEqual([]);
  });
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

  it('refuses an alias bomb and a file over the size limit, naming each file, without throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roleplays-'));
    const laughs = `laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${[...'bcdefgh']
      .map((n, i) => `  ${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)
      .join('\n')}\n`;
    writeFileSync(join(dir, 'bomb.yaml'), laughs);
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), MAX_ROLEPLAY_BYTES + 1); // sparse: no disk used
    let read: ReturnType<typeof readRoleplayFiles> | undefined;
    expect(() => (read = readRoleplayFiles(dir, 'simulations/roleplays'))).not.toThrow();
    expect(read!.roleplays).toEqual([]);
    const text = describeRoleplayProblems(read!.problems);
    expect(text).toMatch(/simulations\/roleplays\/bomb\.yaml:\d+: refused: its aliases/);
    expect(text).toContain(`simulations/roleplays/huge.yaml: `);
    expect(text).toContain(`at most ${formatBytes(MAX_ROLEPLAY_BYTES)}`);
  });
});
