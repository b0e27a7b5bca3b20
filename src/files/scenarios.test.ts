import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, formatBytes } from '../engine/limits';
import { describeProblems, readScenarioFiles } from './scenarios';

const valid = readFileSync('simulations/three-backorder-types.yaml', 'utf8');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('readScenarioFiles (the site build)', () => {
  it('reads every scenario of the folder, skipping subfolders and other files', () => {
    const dir = folder({ 'three-backorder-types.yaml': valid, 'notes.txt': 'not a scenario' });
    mkdirSync(join(dir, 'roleplays'));
    const { scenarios, problems } = readScenarioFiles(dir, 'simulations');
    expect(problems).toEqual([]);
    expect(scenarios.map((s) => [s.file, s.scenario.id])).toEqual([
      ['simulations/three-backorder-types.yaml', 'three-backorder-types'],
    ]);
  });

  it('fails with the same message sim check prints: file, line, field path', () => {
    const broken = valid.replace(
      '- { sku: PLB-CU22-EL90, qty: 40 }',
      '- { sku: PLB-CU22-EL99, qty: 40 }',
    );
    expect(broken).not.toBe(valid);
    const { scenarios, problems } = readScenarioFiles(
      folder({ 'three-backorder-types.yaml': broken }),
      'simulations',
    );
    expect(scenarios).toEqual([]);
    expect(describeProblems(problems)).toMatch(
      /^Invalid scenario files:\nsimulations\/three-backorder-types\.yaml:\d+ orders\[\d+\]\.lines\[0\]\.sku: unknown SKU "PLB-CU22-EL99"$/,
    );
  });

  it('a missing folder means no scenarios, not a crash', () => {
    expect(readScenarioFiles(join(tmpdir(), 'no-such-folder-here'))).toEqual({
      scenarios: [],
      problems: [],
    });
  });
});

describe('readScenarioFiles on hostile files', () => {
  it('refuses a YAML alias bomb with a problem naming the file, instead of throwing', () => {
    const bomb = `${valid}laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${[
      ...'bcdefgh',
    ]
      .map((n, i) => `  ${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)
      .join('\n')}\n`;
    const dir = folder({ 'three-backorder-types.yaml': bomb });
    let read: ReturnType<typeof readScenarioFiles> | undefined;
    expect(() => (read = readScenarioFiles(dir, 'simulations'))).not.toThrow();
    expect(read!.scenarios).toEqual([]);
    expect(describeProblems(read!.problems)).toMatch(
      /^Invalid scenario files:\nsimulations\/three-backorder-types\.yaml:\d+: refused: its aliases/,
    );
  });

  it('refuses a file over the size limit by its size, naming the limit', () => {
    const dir = folder({ 'huge.yaml': '' });
    truncateSync(join(dir, 'huge.yaml'), MAX_SCENARIO_BYTES + 1); // sparse: no disk used
    const { problems } = readScenarioFiles(dir, 'simulations');
    expect(problems).toEqual([
      {
        file: 'simulations/huge.yaml',
        path: '',
        message: expect.stringContaining(`at most ${formatBytes(MAX_SCENARIO_BYTES)}`),
      },
    ]);
  });
});
