/**
 * Astro content collections. Scenario files in `simulations/` are validated at build time
 * against the engine's own `scenarioSchema`, so a file the engine would reject never
 * reaches a page: the build stops and names the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { scenarioSchema } from './engine/schema';

/** `late-supplier.yaml` -> `late-supplier`. */
function fileStem(entry: string): string {
  return entry.replace(/\.(ya?ml|json)$/, '');
}

const scenarios = defineCollection({
  loader: glob({
    pattern: '*.{yaml,yml,json}',
    base: './simulations',
    // Scenario ids equal their file names, so a link, a saved run and a CLI call all name
    // the same file. Astro's default id would be a slug of the name; keep it exact, and
    // stop the build when the file's own `id` disagrees with its name.
    generateId: ({ entry, data }) => {
      const stem = fileStem(entry);
      if (typeof data.id === 'string' && data.id !== stem) {
        throw new Error(
          `simulations/${entry}: field "id" is "${data.id}" but must equal the file name "${stem}".`,
        );
      }
      return stem;
    },
  }),
  schema: scenarioSchema,
});

export const collections = { scenarios };
