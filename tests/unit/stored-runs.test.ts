/**
 * Stored runs replayed through today's engine must get the scores they were stored with
 * (issue 4: "an integration test that replays stored runs through the engine and gets the
 * stored scores"). The runs were recorded by scripts/record-runs.ts; a failure here means a
 * change would silently re-mark every trainee's past shifts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  parseLog,
  parseScenario,
  replay,
  scenarioHash,
  scoreLog,
} from '../../src/engine/index';

interface StoredRuns {
  scenario: string;
  scenarioHash: string;
  engineVersion: string;
  runs: {
    name: string;
    log: unknown;
    score: {
      total: number;
      passed: boolean;
      competencies: Record<string, number>;
      rules: string[];
    };
  }[];
}

const records = readdirSync('tests/fixtures/runs').map(
  (file) => JSON.parse(readFileSync(`tests/fixtures/runs/${file}`, 'utf8')) as StoredRuns,
);

describe.each(records)('stored runs of $scenario', (record) => {
  const parsed = parseScenario(
    readFileSync(`simulations/${record.scenario}.yaml`, 'utf8'),
    `simulations/${record.scenario}.yaml`,
  );
  if (!parsed.ok) throw new Error(`simulations/${record.scenario}.yaml is invalid`);
  const scenario = parsed.value;

  it('were recorded on this scenario version and engine version', () => {
    expect(scenarioHash(scenario)).toBe(record.scenarioHash);
    expect(ENGINE_VERSION).toBe(record.engineVersion);
  });

  it.each(record.runs)('$name replays and scores as stored', ({ log, score }) => {
    const parsedLog = parseLog(log);
    expect(parsedLog.ok).toBe(true);
    if (!parsedLog.ok) return;
    expect(replay(scenario, parsedLog.log).ok).toBe(true);
    const result = scoreLog(scenario, parsedLog.log);
    expect(
      result.ok && {
        total: result.score.total,
        passed: result.score.passed,
        competencies: result.score.competencies,
        rules: result.score.deductions.map((d) => d.rule),
      },
    ).toEqual(score);
  });
});
