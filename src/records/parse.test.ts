import { describe, expect, it } from 'vitest';
import { makeBundle, scenarioFiles } from '../../tests/fixtures/bundles';
import { parseBundle } from './parse';

const scenario = scenarioFiles().get('three-backorder-types')!;
const good = makeBundle({
  profile: { id: 'p-ana', name: 'Ana Ruiz', team: 'North' },
  runs: [{ id: 'run-1', scenario, at: new Date('2026-03-05T09:00:00Z') }],
  courseDoneOn: new Date('2026-03-04T09:00:00Z'),
});
const text = (value: unknown) => JSON.stringify(value);

describe('reading a bundle file', () => {
  it('reads a bundle the app wrote, with dates as dates', () => {
    const result = parseBundle(text(good), 'ana.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.profile.name).toBe('Ana Ruiz');
    expect(result.value.runs[0]!.startedAt).toBeInstanceOf(Date);
  });

  it.each([
    ['truncated JSON', text(good).slice(0, 200), '', /not complete JSON/],
    ['a JSON array', '[1,2]', '', /expected a JSON object/],
    [
      'another JSON file',
      text({ name: 'package', version: '1.0.0' }),
      'format',
      /must be "backorder-academy-progress"/,
    ],
  ])('rejects %s', (_, file, path, message) => {
    const result = parseBundle(file, 'x.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: 'x.json', path });
    expect(result.problems[0]!.message).toMatch(message);
  });

  it('names each bad field by its path', () => {
    const bad = structuredClone(good) as Record<string, any>;
    bad.version = 2;
    bad.profile.name = '';
    bad.runs[0].startedAt = 'yesterday';
    bad.runs[0].scenarioHash = 'abc';
    const result = parseBundle(text(bad), 'bad.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual(
      ['profile.name', 'runs[0].scenarioHash', 'runs[0].startedAt', 'version'].sort(),
    );
  });

  it('refuses keys that reach a prototype, wherever they are', () => {
    const file = text(good).replace('"answers":{', '"answers":{"__proto__":{"polluted":true},');
    const result = parseBundle(file, 'evil.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ path: 'checkAttempts[0].answers' });
    expect(result.problems[0]!.message).toMatch(/"__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an overlong string even inside a log, naming where it is', () => {
    const bad = structuredClone(good) as Record<string, any>;
    bad.runs[0].log[2].by = 'x'.repeat(6000);
    const result = parseBundle(text(bad), 'long.json');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          file: 'long.json',
          path: 'runs[0].log[2].by',
          message: 'must be 5000 characters or fewer',
        },
      ]);
  });

  it('refuses duplicate run ids and ids that are not plain tokens', () => {
    const bad = structuredClone(good) as Record<string, any>;
    bad.runs.push({ ...bad.runs[0] });
    bad.profile.id = '<script>';
    const result = parseBundle(text(bad), 'dup.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        'runs[1].id: duplicate id "run-1"',
        expect.stringMatching(/^profile\.id: must be letters/),
      ]),
    );
  });

  it('refuses a file over the size limit before reading it', () => {
    const result = parseBundle('{}', 'huge.json', 65 * 1024 * 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/at most 64 MB/);
  });
});
