/**
 * Generates the JSON Schemas that authors' editors read from the zod schemas, the single
 * source of truth: public/schemas/scenario.schema.json (src/engine/schema.ts) and
 * public/schemas/roleplay.schema.json (src/roleplay/schema.ts).
 *
 *   npm run schema             write the file
 *   npm run schema -- --check  exit 1 if the committed file differs from what would be written
 *
 * The JSON Schema describes the INPUT side: a field with a zod default is optional, because
 * authors may leave it out. Cross-reference rules (unknown SKUs, duplicate ids, event order)
 * are not expressible in JSON Schema; `npm run sim -- check` reports them. Nor are a
 * role-play's graph rules (unknown nodes, unreachable nodes, dead ends); the build reports them.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodToJsonSchema } from 'zod-to-json-schema';
import type { ZodTypeAny } from 'zod';
import { scenarioSchema } from '../src/engine/schema.ts';
import { roleplaySchema } from '../src/roleplay/schema.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Target {
  /** Below `public/`: served from the site root, so it is also the `$id` an editor fetches. */
  path: string;
  schema: ZodTypeAny;
  source: string;
  title: string;
  description: string;
}

const TARGETS: readonly Target[] = [
  {
    path: 'schemas/scenario.schema.json',
    schema: scenarioSchema,
    source: 'src/engine/schema.ts',
    title: 'Backorder Academy scenario',
    description:
      'A training scenario for the Backorder Academy fulfilment simulator (docs/engine.md section 1).',
  },
  {
    path: 'schemas/roleplay.schema.json',
    schema: roleplaySchema,
    source: 'src/roleplay/schema.ts',
    title: 'Backorder Academy role-play',
    description:
      'A customer role-play for Backorder Academy (issue 5): a persona, a rubric and a conversation graph.',
  },
];

/** Builds the JSON text: same schema in, same bytes out (no timestamps, stable key order). */
function renderJsonSchema(target: Target): string {
  const generated = zodToJsonSchema(target.schema, {
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
    $id: `/${target.path}`,
    title: target.title,
    description: `${target.description} Generated from ${target.source} by \`npm run schema\`; do not edit by hand.`,
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
  let status = 0;
  for (const target of TARGETS) status = Math.max(status, await writeOrCheck(target, argv));
  return status;
}

async function writeOrCheck(target: Target, argv: readonly string[]): Promise<number> {
  const outputPath = resolve(root, 'public', target.path);
  const expected = renderJsonSchema(target);
  const shownPath = relative(root, outputPath);

  if (argv.includes('--check')) {
    const committed = await readFile(outputPath, 'utf8').catch(() => null);
    if (committed === null) {
      process.stderr.write(`${shownPath} is missing: run \`npm run schema\` and commit it.\n`);
      return 1;
    }
    if (committed !== expected) {
      process.stderr.write(
        `${shownPath} is out of date with ${target.source}: ` +
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
