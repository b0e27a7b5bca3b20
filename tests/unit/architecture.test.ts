/**
 * The layout enforces itself (STYLE.md 1, issue 17): dependencies point one way, and this
 * test fails on an import that goes against them, naming the file, the line and the import.
 * It reads import statements, `export ... from`, dynamic `import()` and `typeof import()`
 * in every source file (the scripts of Svelte and Astro files included), the way Starlight's
 * `__tests__/basics/no-internal-barrel-imports.test.ts` guards its own layering.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { scriptsOf } from './sizes';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_EXTENSIONS = /\.(ts|js|mjs|svelte|astro)$/;

interface Import {
  /** The importing file, relative to the project root, with forward slashes. */
  file: string;
  line: number;
  specifier: string;
  /** The imported module relative to the project root (no extension), or the package name. */
  target: string;
  /** `import type` or `export type`, or every name in it marked `type`: gone after compiling. */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE_EXTENSIONS.test(entry.name) ? [path] : [];
  });
}

/** Where a specifier leads: a project path for a relative import, else the package name. */
function targetOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const path = relative(ROOT, resolve(ROOT, dirname(file), specifier))
    .split(sep)
    .join('/');
  return path.replace(/\.(ts|js|mjs)$/, '').replace(/\/index$/, '');
}

/** Whether an import or export declaration brings in types only. */
function isTypeOnly(node: ts.Node): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false; // `import './x'` runs the module
    if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
    const named = clause.namedBindings;
    return (
      !clause.name &&
      !!named &&
      ts.isNamedImports(named) &&
      named.elements.length > 0 &&
      named.elements.every((element) => element.isTypeOnly)
    );
  }
  if (ts.isExportDeclaration(node)) {
    const named = node.exportClause;
    return (
      node.isTypeOnly ||
      (!!named &&
        ts.isNamedExports(named) &&
        named.elements.length > 0 &&
        named.elements.every((element) => element.isTypeOnly))
    );
  }
  return false;
}

function importsOf(file: string): Import[] {
  const text = scriptsOf(file, readFileSync(join(ROOT, file), 'utf8'));
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  /** Where each type-only declaration's module name starts. */
  const typeOnlyAt = new Set(
    source.statements
      .filter(isTypeOnly)
      .flatMap((node) =>
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
          ? [node.moduleSpecifier.getStart(source)]
          : [],
      ),
  );
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName, pos }) => ({
    file,
    line: source.getLineAndCharacterOfPosition(pos).line + 1,
    specifier: fileName,
    target: targetOf(file, fileName),
    typeOnly: typeOnlyAt.has(pos),
  }));
}

const IMPORTS = sourceFiles('src').flatMap(importsOf);

const isTest = (file: string) => /\.test\.ts$/.test(file);
const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const isPackage = (target: string, names: readonly string[]) =>
  names.some((name) => target === name || target.startsWith(`${name}/`));

/** The frameworks the pure layers must not know about. */
const FRAMEWORKS = ['svelte', 'astro', '@astrojs', 'xstate', '@xstate', 'dexie'];
const isFramework = (target: string) =>
  isPackage(target, FRAMEWORKS) || target.startsWith('astro:') || target.endsWith('.svelte');
/** The site's views and the layers above the domain: storage, machines, pages, components. */
const UPPER_FLOORS = ['src/db', 'src/machines', 'src/components', 'src/pages', 'src/layouts'];
/** Node's own modules (`node:fs`, `node:path`): the disk, which a browser does not have. */
const isNodeBuiltin = (target: string) => target.startsWith('node:');
/** The layers that run the same in the browser, the CLI and the tests. */
const PURE_LAYERS = ['src/engine', 'src/roleplay', 'src/records', 'src/course', 'src/xapi'];
/**
 * The build-time readers (src/files): the disk and Astro's content collections. Pages,
 * layouts, Astro components, the collections' config and the command line may read them;
 * nothing that ships to the browser may.
 */
const mayReadFiles = (file: string) =>
  ['src/files', 'src/pages', 'src/layouts', 'src/cli', 'src/content.config.ts'].some((folder) =>
    within(file, folder),
  ) || file.endsWith('.astro');

interface Rule {
  name: string;
  /** Which importing files the rule applies to. */
  applies: (file: string) => boolean;
  forbids: (target: string, entry: Import) => boolean;
}

/**
 * Where a component or page may reach the engine for a value (a type may come from anywhere): the
 * views' entry points, which give the engine's own answers (`views` while a shift runs,
 * `review` once it ended), and the engine's vocabulary, which holds words and shapes but no
 * decision: the data model and its lookups, the scenario format, time, problems, the rule
 * and competency lists. The shift generator too: it writes a scenario to play, and decides
 * nothing at the desk (the random-shift form loads it only when asked).
 */
const ENGINE_FOR_VIEWS = [
  'views',
  'review',
  'state',
  'schema',
  'time',
  'problems',
  'rules',
  'competencies',
  'generate',
].map((name) => `src/engine/${name}`);

const RULES: Rule[] = [
  {
    name: 'engine/, roleplay/, records/, course/ and xapi/ import no framework, db, component, file reader or node module',
    applies: (file) => PURE_LAYERS.some((folder) => within(file, folder)) && !isTest(file),
    forbids: (target) =>
      isFramework(target) ||
      isNodeBuiltin(target) ||
      [...UPPER_FLOORS, 'src/files'].some((folder) => within(target, folder)),
  },
  {
    name: "node's modules (the disk) are imported only by the readers in files/ and the command line",
    applies: (file) => !isTest(file) && !within(file, 'src/files') && !within(file, 'src/cli'),
    forbids: isNodeBuiltin,
  },
  {
    name: 'the build-time readers in files/ are reached only by pages, layouts, Astro components and the command line',
    applies: (file) => !isTest(file) && !mayReadFiles(file),
    forbids: (target) => within(target, 'src/files'),
  },
  {
    name: 'components and pages reach the engine only through its views (views, review) and vocabulary',
    applies: (file) =>
      ['src/components', 'src/pages', 'src/layouts'].some((folder) => within(file, folder)) &&
      !isTest(file),
    forbids: (target, entry) =>
      within(target, 'src/engine') && !entry.typeOnly && !ENGINE_FOR_VIEWS.includes(target),
  },
  {
    name: 'Dexie is imported only in db/',
    applies: (file) => !within(file, 'src/db'),
    forbids: (target) => isPackage(target, ['dexie']),
  },
  {
    name: 'outside db/, storage is reached only through its entry point, src/db/index.ts',
    // A test may open its own throwaway database (db/database's useDatabase); code may not.
    applies: (file) => !within(file, 'src/db') && !isTest(file),
    forbids: (target) => within(target, 'src/db') && target !== 'src/db',
  },
  {
    name: 'lib/ never imports components (nor any framework, storage, machine or page)',
    applies: (file) => within(file, 'src/lib'),
    forbids: (target) =>
      isFramework(target) ||
      isNodeBuiltin(target) ||
      [...UPPER_FLOORS, 'src/files'].some((folder) => within(target, folder)),
  },
];

const violations = (rule: Rule) =>
  IMPORTS.filter((entry) => rule.applies(entry.file) && rule.forbids(entry.target, entry)).map(
    (entry) => `${entry.file}:${entry.line} imports '${entry.specifier}'`,
  );

describe('the layout', () => {
  it('finds the imports it checks', () => {
    // A scan that silently found nothing would pass every rule.
    expect(IMPORTS.length).toBeGreaterThan(500);
    expect(IMPORTS).toContainEqual(
      expect.objectContaining({ file: 'src/db/database.ts', target: 'dexie' }),
    );
    expect(IMPORTS.some((entry) => entry.file.endsWith('.svelte'))).toBe(true);
    expect(IMPORTS.some((entry) => entry.file.endsWith('.astro'))).toBe(true);
    expect(IMPORTS).toContainEqual(
      expect.objectContaining({ file: 'src/files/read-limited.ts', target: 'node:fs' }),
    );
    // Types are told from values, in a Svelte component's script as in a module.
    expect(IMPORTS).toContainEqual(
      expect.objectContaining({
        file: 'src/components/simulation/DeskOrder.svelte',
        target: 'src/engine/duties',
        typeOnly: true,
      }),
    );
    expect(IMPORTS).toContainEqual(
      expect.objectContaining({
        file: 'src/components/simulation/Desk.svelte',
        target: 'src/engine/views',
        typeOnly: false,
      }),
    );
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (_, rule) => {
    expect(violations(rule)).toEqual([]);
  });
});

/** The coded values whose words people read; each has one table, in components/labels.ts. */
const LABEL_TABLE =
  /Record<\s*(Level|Competency|Situation|RubricItemId|Outcome|Channel|Tier)\s*,\s*string\s*>/;

describe('the words for coded values', () => {
  it('are written in one module of labels, so a rubric item reads the same on every page', () => {
    const tables = sourceFiles('src')
      .filter((file) => !isTest(file))
      .filter((file) => LABEL_TABLE.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(tables).toEqual(['src/components/labels.ts']);
  });
});
