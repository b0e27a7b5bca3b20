import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblems, readScenarioFiles } from './scenario-files';

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
