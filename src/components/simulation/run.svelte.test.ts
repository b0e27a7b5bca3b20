import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../../tests/fixtures/bundles';
import { AcademyDatabase, useDatabase } from '../../db/database';
import { createProfile, runLog } from '../../db/index';
import { STALE_RUN_MESSAGE } from '../../machines/simulation-session';
import { ShiftRun } from './run.svelte';

const scenario = scenarioFiles().get('three-backorder-types')!;
const sku = scenario.catalog[0]!.sku;
let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`shift-run-${++n}`)));

/** Wait, a few milliseconds at a time, until storage and the machine have caught up. */
async function until(done: () => boolean) {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}

describe('two tabs on one run', () => {
  it('the stale tab is told the run continued in another tab, and reloads only that run', async () => {
    const profile = await createProfile('Ana', 'trainee');
    const first = new ShiftRun(scenario);
    await first.open(profile);
    await first.start();
    first.act({ type: 'check-stock', sku });
    await until(
      () => first.snapshot?.context.log.length === 1 && !first.snapshot.matches('saving'),
    );

    // A second tab opens the same shift at the desk; the first tab then moves it on.
    const second = new ShiftRun(scenario);
    await second.open(profile);
    expect(second.runId).toBe(first.runId);
    expect(second.snapshot!.context.log).toHaveLength(1);
    first.act({ type: 'check-stock', sku });
    await until(
      () => first.snapshot?.context.log.length === 2 && !first.snapshot.matches('saving'),
    );

    second.act({ type: 'check-stock', sku });
    await until(() => second.stale && !second.snapshot!.matches('saving'));
    expect(second.snapshot!.context.saveError).toBe(STALE_RUN_MESSAGE);
    expect(second.snapshot!.context.log).toHaveLength(1);
    expect(await runLog(first.runId!)).toHaveLength(2);

    await second.reload();
    expect(second.stale).toBe(false);
    expect(second.runId).toBe(first.runId);
    expect(second.snapshot!.context.log).toHaveLength(2);
    expect(second.snapshot!.context.saveError).toBeNull();
    first.stop();
    second.stop();
  });
});
