/**
 * Astro content collections. Scenario files in `simulations/` go through the engine's own
 * loader (schema, then cross-references: unknown SKUs, duplicate ids, events out of time
 * order), so a file `sim check` would reject stops the build with the same message, naming
 * the file, the field and the line.
 *
 * Role-play files in `simulations/roleplays/` go through the role-play module's loader and
 * graph checks (unknown or unreachable nodes, dead ends, loops with no way out) the same way.
 *
 * The course in `content/` is read with the schemas of `src/course/schema.ts`, the same ones
 * `npm run content:check` uses, so a lesson with a bad field stops the build naming the file
 * and the field. Entry ids are the file paths without extension
 * (`backorders-and-partial-shipments/01-basics/01-what-is-a-backorder`): the numbered
 * folder and file names carry the teaching order, and `src/course/courses.ts` sorts by
 * them.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { scenarioSchema } from './engine/schema';
import {
  checkSchema,
  courseSchema,
  glossarySchema,
  lessonSchema,
  moduleSchema,
  templateSchema,
} from './course/schema';
import { describeProblems, readScenarioFiles } from './files/scenarios';
import { roleplaySchema } from './roleplay/schema';
import { describeRoleplayProblems, readRoleplayFiles } from './files/roleplays';

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

const ROLEPLAYS = `${SIMULATIONS}/roleplays`;

const roleplayLoader: Loader = {
  name: 'backorder-academy-roleplays',
  load: async ({ store, parseData, generateDigest, watcher }) => {
    const { roleplays, problems } = readRoleplayFiles(`${process.cwd()}/${ROLEPLAYS}`, ROLEPLAYS);
    if (problems.length > 0) throw new Error(describeRoleplayProblems(problems));
    store.clear();
    for (const { roleplay, text } of roleplays) {
      const data = await parseData({ id: roleplay.id, data: roleplay });
      store.set({ id: roleplay.id, data, digest: generateDigest(text) });
    }
    watcher?.add(`${process.cwd()}/${ROLEPLAYS}`);
  },
};

const roleplays = defineCollection({ loader: roleplayLoader, schema: roleplaySchema });

const COURSES = './content/courses';

/**
 * The path below `base` without its extension. Astro's default id would slugify each
 * segment and let a `slug` field override it; course ids must stay the folder names.
 */
function pathId({ entry }: { entry: string }): string {
  return entry.replace(/\.(ya?ml|mdx?)$/, '');
}

const courses = defineCollection({
  loader: glob({ pattern: '*/course.yaml', base: COURSES, generateId: pathId }),
  schema: courseSchema,
});

const modules = defineCollection({
  loader: glob({ pattern: '*/*/module.yaml', base: COURSES, generateId: pathId }),
  schema: moduleSchema,
});

const checks = defineCollection({
  loader: glob({ pattern: '*/*/check.yaml', base: COURSES, generateId: pathId }),
  schema: checkSchema,
});

const lessons = defineCollection({
  loader: glob({ pattern: '*/*/*.mdx', base: COURSES, generateId: pathId }),
  schema: lessonSchema,
});

const templates = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/templates', generateId: pathId }),
  schema: templateSchema,
});

/** One entry, `glossary`, holding the whole list, so its errors read `[3].taughtIn`. */
const glossary = defineCollection({
  loader: glob({ pattern: 'glossary.yaml', base: './content', generateId: pathId }),
  schema: glossarySchema,
});

export const collections = {
  scenarios,
  roleplays,
  courses,
  modules,
  checks,
  lessons,
  templates,
  glossary,
};
