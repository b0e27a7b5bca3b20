/**
 * A day of training sessions to replay: ten small generated scenarios (the size of the
 * course's hand-written ones), the autopilot's log on each, and trainee-like variants of
 * those logs that forget to tell some customers. Debriefs and the progress page replay and
 * rescore stored runs like these in bulk.
 */
import { runAutopilot, scenarioSchema, type LogEntry, type Scenario } from '../src/engine/index';
import { generateWarehouse } from './generated-warehouse';
import { SeededRandom } from './seeded-random';

export interface TrainingRun {
  scenario: Scenario;
  log: LogEntry[];
  /** `autopilot` for the reference log, `trainee` for a variant with notices left out. */
  author: 'autopilot' | 'trainee';
}

/**
 * Ten scenarios of 20 to 25 orders and 8 to 15 SKUs with 8 to 13 events. Policies vary
 * (verification, reserve-partial, whole lines only) so every rule path is replayed; the
 * sizes are chosen so the autopilot's logs average about 200 entries.
 */
export function trainingScenarios(): Scenario[] {
  return Array.from({ length: 10 }, (_, i) =>
    scenarioSchema.parse(
      generateWarehouse({
        id: `bench-training-${i + 1}`,
        seed: 7000 + i,
        orders: 20 + ((i * 7) % 6),
        linesPerOrder: [1, 4],
        skus: 8 + (i % 8),
        customers: 10,
        stockCoverage: 0.6,
        events: 8 + (i % 6),
        policy: {
          verifyShipments: i % 2 === 0,
          ...(i % 3 === 1 ? { shipComplete: 'reserve-partial' as const } : {}),
          ...(i % 5 === 4 ? { splitLines: false } : {}),
        },
      }),
    ),
  );
}

/**
 * `logsPerScenario` runs per scenario: the autopilot's own log, then trainees who each skip
 * a different random share (up to half) of the customer notices, which is the commonest
 * slip the scoring has to find.
 */
export function trainingRuns(
  scenarios: readonly Scenario[],
  logsPerScenario: number,
): TrainingRun[] {
  const random = new SeededRandom(424242);
  return scenarios.flatMap((scenario) => {
    const reference = runAutopilot(scenario).log;
    const runs: TrainingRun[] = [{ scenario, log: reference, author: 'autopilot' }];
    while (runs.length < logsPerScenario) {
      const forgetShare = random.next() * 0.5;
      const log = reference.filter(
        (entry) => entry.type !== 'notify-customer' || !random.chance(forgetShare),
      );
      runs.push({ scenario, log, author: 'trainee' });
    }
    return runs;
  });
}
