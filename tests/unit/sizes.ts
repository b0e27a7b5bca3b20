/**
 * Measuring the pieces of the source (STYLE.md, issue 17): how long each function is, and
 * how long each component file is. Read by sizes.test.ts, which holds them to their limits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Piece {
  /** `src/engine/generate.ts:generateShift`, the key an allow-list uses. */
  key: string;
  lines: number;
}

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The script parts of a Svelte or Astro file, with everything else blanked out (newlines
 * kept), so positions in the result are positions in the file. The layout test reads
 * imports through it too.
 */
export function scriptsOf(file: string, text: string): string {
  if (/\.(ts|js|mjs)$/.test(file)) return text;
  const keep: [number, number][] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (file.endsWith('.astro') && frontmatter)
    keep.push([frontmatter.index + 3, frontmatter.index + 3 + frontmatter[1]!.length + 1]);
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = script.index + script[0].indexOf('>') + 1;
    keep.push([start, start + script[1]!.length]);
  }
  return text.replace(/[^\n]/g, (char, offset: number) =>
    keep.some(([from, to]) => offset >= from && offset < to) ? char : ' ',
  );
}

/** A function's name as a reader would look for it: its own, or the variable or key it is bound to. */
function nameOf(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  if (named.name && (ts.isStringLiteral(named.name) || ts.isPrivateIdentifier(named.name)))
    return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText();
  if (ts.isCallExpression(parent)) return `${nameOfCall(parent)}(callback)`;
  return '(anonymous)';
}

function nameOfCall(call: ts.CallExpression): string {
  return call.expression.getText().split('.').pop() ?? 'call';
}

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** Every function in the TypeScript of `src` (Svelte and Astro scripts included), with its length in lines. */
export function functionSizes(): Piece[] {
  return sourceFiles('src', /\.(ts|svelte|astro)$/).flatMap((file) => {
    const text = scriptsOf(file, readFileSync(join(ROOT, file), 'utf8'));
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const pieces: Piece[] = [];
    const seen = new Map<string, number>();
    const visit = (node: ts.Node) => {
      if (isFunction(node) && node.body) {
        const from = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const to = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const name = nameOf(node);
        // Two functions of one name in a file (two `(anonymous)`) are told apart by a number.
        const count = (seen.get(name) ?? 0) + 1;
        seen.set(name, count);
        pieces.push({
          key: `${file}:${name}${count > 1 ? `#${count}` : ''}`,
          lines: to - from + 1,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return pieces;
  });
}

/** Every component (Svelte and Astro file under src/components and src/pages), with its length. */
export function componentSizes(): Piece[] {
  return sourceFiles('src', /\.(svelte|astro)$/).map((file) => ({
    key: file,
    lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length,
  }));
}
