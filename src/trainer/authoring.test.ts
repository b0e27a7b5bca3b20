import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkRoleplaySource,
  checkSource,
  checkScenarioSource,
  contentKindOf,
  exportFileName,
  MAX_SOURCE_BYTES,
  ROLEPLAY_STARTER,
  SCENARIO_STARTER,
} from './authoring';

/** A "billion laughs" file: each anchor is a list of nine of the one before. */
function aliasBomb(): string {
  const names = 'abcdefghi';
  return [...names]
    .map((name, i) =>
      i === 0
        ? `${name}: &${name} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`
        : `${name}: &${name} [${Array(9)
            .fill(`*${names[i - 1]}`)
            .join(', ')}]`,
    )
    .join('\n');
}

describe('checking a scenario written or imported by a trainer', () => {
  it('accepts the starter, keeping the text exactly as typed', () => {
    const checked = checkScenarioSource(SCENARIO_STARTER, 'the editor');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.content).toEqual({
      kind: 'scenario',
      id: 'my-first-scenario',
      title: 'Short on copper elbows',
      source: SCENARIO_STARTER,
    });
    expect(checked.value.orders).toHaveLength(2);
  });

  it('accepts a built-in scenario file under any file name, once its id is its own', () => {
    const text = readFileSync('simulations/late-purchase-order.yaml', 'utf8');
    expect(checkScenarioSource(text, 'Copy of chairs.yaml').ok).toBe(true);
    const checked = checkScenarioSource(text, 'chairs.yaml', ['late-purchase-order']);
    expect(checked).toMatchObject({
      ok: false,
      problems: [
        {
          file: 'chairs.yaml',
          path: 'id',
          line: 15,
          message: expect.stringMatching(/built-in scenario/),
        },
      ],
    });
  });

  it('lists every problem with the file, the field path and the line', () => {
    const broken = SCENARIO_STARTER.replace('price: 2.5', 'price: -1')
      .replace('tier: contractor', 'tier: wholesale')
      .replace('lines: [{ sku: CU-ELB-15, qty: 8 }]', 'lines: [{ sku: CU-ELB-99, qty: 8 }]');
    const checked = checkScenarioSource(broken, 'broken.yaml');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => [p.file, p.path, p.line])).toEqual([
      ['broken.yaml', 'catalog[0].price', 16],
      ['broken.yaml', 'customers[1].tier', 23],
    ]);
    // Cross-references are checked once the schema holds.
    const unknownSku = checkScenarioSource(
      SCENARIO_STARTER.replace('qty: 8', 'qty: 8 }, { sku: NOPE, qty: 1'),
      'x.yaml',
    );
    expect(unknownSku).toMatchObject({
      ok: false,
      problems: [{ path: 'orders[1].lines[1].sku', line: 32 }],
    });
  });

  it.each([
    ['not YAML', 'id: [unclosed', /not valid YAML/],
    ['empty', '  \n', /empty/],
    ['too large', `# ${'x'.repeat(MAX_SOURCE_BYTES)}`, /may be at most 512 kB/],
    ['not a scenario', '- just\n- a list\n', /expected object/],
    ['a "billion laughs" alias bomb', aliasBomb(), /aliases .* expand too far/],
  ])('refuses a file that is %s', (_name, text, message) => {
    const checked = checkScenarioSource(text, 'f.yaml');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]!.message).toMatch(message);
  });

  it('accepts JSON, which is YAML too', () => {
    const text = readFileSync('simulations/whole-lines-only.yaml', 'utf8');
    const checked = checkScenarioSource(text, 'a.yaml');
    if (!checked.ok) throw new Error('fixture does not load');
    expect(checkScenarioSource(JSON.stringify(checked.value), 'a.json').ok).toBe(true);
  });

  it('exports under a name that imports back to the same id', () => {
    expect(exportFileName({ kind: 'scenario', id: 'zinc' })).toBe('zinc.yaml');
  });
});

describe('checking a role-play written or imported by a trainer', () => {
  const reserved = { scenarios: [], roleplays: ['date-that-moved'] };

  it('accepts the starter', () => {
    expect(checkRoleplaySource(ROLEPLAY_STARTER, 'the editor')).toMatchObject({
      ok: true,
      content: { kind: 'roleplay', id: 'my-first-roleplay', source: ROLEPLAY_STARTER },
    });
  });

  it('tells a role-play from a scenario by its fields', () => {
    expect(contentKindOf(ROLEPLAY_STARTER)).toBe('roleplay');
    expect(contentKindOf(SCENARIO_STARTER)).toBe('scenario');
    expect(checkSource(ROLEPLAY_STARTER, 'r.yaml', reserved)).toMatchObject({
      ok: true,
      content: { kind: 'roleplay' },
    });
    expect(checkSource(SCENARIO_STARTER, 's.yaml', reserved)).toMatchObject({
      ok: true,
      content: { kind: 'scenario' },
    });
  });

  it('lists graph problems with the path and the line: a reply that points nowhere', () => {
    const broken = ROLEPLAY_STARTER.replace('next: resolved', 'next: happy-end');
    const checked = checkRoleplaySource(broken, 'broken.yaml');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.every((p) => p.file === 'broken.yaml')).toBe(true);
    expect(checked.problems).toContainEqual(
      expect.objectContaining({ path: 'nodes.options.options[0].next', line: expect.any(Number) }),
    );
  });

  it('refuses a "billion laughs" alias bomb with a problem, not a page error', () => {
    const checked = checkRoleplaySource(`persona:\n  x: 1\n${aliasBomb()}`, 'bomb.yaml');
    expect(checked).toMatchObject({
      ok: false,
      problems: [{ file: 'bomb.yaml', message: expect.stringMatching(/expand too far/) }],
    });
  });

  it('refuses a built-in role-play id', () => {
    const text = readFileSync('simulations/roleplays/date-that-moved.yaml', 'utf8');
    expect(checkSource(text, 'copy.yaml', reserved)).toMatchObject({
      ok: false,
      problems: [{ path: 'id', message: expect.stringMatching(/built-in role-play/) }],
    });
  });
});
