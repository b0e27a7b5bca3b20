/**
 * Generates the JSON Schema that authors' editors read (public/schemas/scenario.schema.json)
 * from the zod scenario schema, the single source of truth (src/engine/schema.ts).
 *
 *   npm run schema             write the file
 *   npm run schema -- --check  exit 1 if the committed file differs from what would be written
 *
 * The JSON Schema describes the INPUT side: a field with a zod default is optional, because
 * authors may leave it out. Cross-reference rules (unknown SKUs, duplicate ids, event order)
 * are not expressible in JSON Schema; `npm run sim -- check` reports them.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { scenarioSchema } from '../src/engine/schema.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = resolve(root, 'public/schemas/scenario.schema.json');

/** Served from the site root, so the `$id` is the path an editor or a browser fetches. */
const SCHEMA_ID = '/schemas/scenario.schema.json';

/** Builds the JSON text: same schema in, same bytes out (no timestamps, stable key order). */
function renderScenarioJsonSchema(): string {
  const generated = zodToJsonSchema(scenarioSchema, {
    target: 'jsonSchema7',
    // Inline every sub-schema: a scenario file is small and an author reading the schema in
    // an editor tooltip is better served by the shape in place than by `$ref` chains.
    $refStrategy: 'none',
    // Refinements (calendar-date check, duplicate ranking keys) cannot be expressed in JSON
    // Schema; the input side keeps the underlying string/object shape.
    effectStrategy: 'input',
    pipeStrategy: 'input',
  });
  // zod-to-json-schema puts `$schema` first; keep it there and add identity after it.
  const { $schema, ...body } = generated as { $schema?: string } & Record<string, unknown>;
  const document = {
    $schema: $schema ?? 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Backorder Academy scenario',
    description:
      'A training scenario for the Backorder Academy fulfilment simulator (ENGINE.md section 1). ' +
      'Generated from src/engine/schema.ts by `npm run schema`; do not edit by hand.',
    ...body,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`generate-schema: unknown argument ${unknown.join(' ')}\n`);
    process.stderr.write('usage: npm run schema [-- --check]\n');
    return 2;
  }
  const expected = renderScenarioJsonSchema();
  const shownPath = relative(root, outputPath);

  if (argv.includes('--check')) {
    const committed = await readFile(outputPath, 'utf8').catch(() => null);
    if (committed === null) {
      process.stderr.write(`${shownPath} is missing: run \`npm run schema\` and commit it.\n`);
      return 1;
    }
    if (committed !== expected) {
      process.stderr.write(
        `${shownPath} is out of date with src/engine/schema.ts: ` +
          'run `npm run schema` and commit the result.\n',
      );
      return 1;
    }
    process.stderr.write(`${shownPath} is up to date.\n`);
    return 0;
  }

  await mkdir(dirname(outputPath), { recursive: true });
  await writeFile(outputPath, expected, 'utf8');
  process.stderr.write(`wrote ${shownPath}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
