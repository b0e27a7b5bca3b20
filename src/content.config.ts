/**
 * Astro content collections. Scenario files in `simulations/` go through the engine's own
 * loader (schema, then cross-references: unknown SKUs, duplicate ids, events out of time
 * order), so a file `sim check` would reject stops the build with the same message, naming
 * the file, the field and the line.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { scenarioSchema } from './engine/schema';
import { describeProblems, readScenarioFiles } from './lib/scenario-files';

const SIMULATIONS = 'simulations';

const scenarioLoader: Loader = {
  name: 'backorder-academy-scenarios',
  load: async ({ store, parseData, generateDigest, watcher }) => {
    const { scenarios, problems } = readScenarioFiles(
      `${process.cwd()}/${SIMULATIONS}`,
      SIMULATIONS,
    );
    if (problems.length > 0) throw new Error(describeProblems(problems));
    store.clear();
    for (const { scenario, text } of scenarios) {
      const data = await parseData({ id: scenario.id, data: scenario });
      store.set({ id: scenario.id, data, digest: generateDigest(text) });
    }
    watcher?.add(`${process.cwd()}/${SIMULATIONS}`);
  },
};

const scenarios = defineCollection({ loader: scenarioLoader, schema: scenarioSchema });

export const collections = { scenarios };
