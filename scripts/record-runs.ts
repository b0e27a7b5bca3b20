/**
 * `npx tsx scripts/record-runs.ts`: record runs for the stored-runs regression test. For
 * every scenario in simulations/, the autopilot's run and two trainee runs with the classic
 * mistakes (no customer told; a look-alike picked), each with the score the engine gave it
 * and the engine version. Recorded once and committed: the test replays them through the
 * engine of the day and must get the same scores, as a manager's stored records must.
 * Re-record only when a scoring change is intended (and bump ENGINE_VERSION).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  ENGINE_VERSION,
  parseScenario,
  runAutopilot,
  scenarioHash,
  scoreLog,
  type LogEntry,
} from '../src/engine/index';

const variants: Record<string, (log: LogEntry[]) => LogEntry[]> = {
  reference: (log) => log,
  'no-notices': (log) => log.filter((entry) => entry.type !== 'notify-customer'),
  'look-alike-picked': (log) => {
    let done = false;
    return log.map((entry) => {
      if (done || entry.type !== 'pick') return entry;
      done = true;
      return { ...entry, picked: 'LOOKALIKE' };
    });
  },
};

for (const file of readdirSync('simulations').filter((name) => name.endsWith('.yaml'))) {
  const parsed = parseScenario(readFileSync(`simulations/${file}`, 'utf8'), `simulations/${file}`);
  if (!parsed.ok) throw new Error(`simulations/${file} is invalid`);
  const scenario = parsed.value;
  const { log } = runAutopilot(scenario);
  const runs = Object.entries(variants).flatMap(([name, change]) => {
    let trainee = change(log);
    if (name === 'look-alike-picked') {
      const pick = trainee.find((entry) => entry.type === 'pick');
      const lookalike =
        pick && pick.type === 'pick'
          ? scenario.catalog.find((c) => c.sku === pick.sku)?.lookalikes[0]
          : undefined;
      if (!lookalike) return [];
      trainee = trainee.map((entry) =>
        entry.type === 'pick' && entry.picked === 'LOOKALIKE'
          ? { ...entry, picked: lookalike }
          : entry,
      );
    }
    const result = scoreLog(scenario, trainee);
    if (!result.ok) throw new Error(`${file} ${name}: ${result.error.message}`);
    const { total, passed, competencies, deductions } = result.score;
    return [
      {
        name,
        log: trainee,
        score: { total, passed, competencies, rules: deductions.map((d) => d.rule) },
      },
    ];
  });
  const record = {
    scenario: scenario.id,
    scenarioHash: scenarioHash(scenario),
    engineVersion: ENGINE_VERSION,
    runs,
  };
  writeFileSync(`tests/fixtures/runs/${scenario.id}.json`, `${JSON.stringify(record)}\n`);
  process.stderr.write(`recorded ${runs.length} run(s) of ${scenario.id}\n`);
}
