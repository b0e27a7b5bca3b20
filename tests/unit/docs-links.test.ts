/**
 * The README and docs/ are for the project's users, who have the repository and nothing
 * beside it: no link or path in them may lead outside it (issue 17). Web addresses are
 * fine; what is checked is every Markdown link and image, every HTML `href` or `src`, and
 * every `../` path or workspace path written in prose or code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Every folder of the repository, relative to its root ('' for the root). */
const FOLDERS = [
  '',
  ...new Set(
    execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .flatMap((file) => {
        const parts = file.split('/').slice(0, -1);
        return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
      }),
  ),
];

const leavesRepository = (path: string) => path === '..' || path.startsWith('../');
const exists = (path: string) => existsSync(join(ROOT, path));

/** A link target, relative to the Markdown file: it must resolve to something in the repository. */
function linkProblem(doc: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target))
    return /^(https?|mailto):/i.test(target) ? null : 'a link outside the repository';
  if (target.startsWith('#')) return null;
  if (target.startsWith('/')) return 'an absolute path';
  const path = posix.normalize(posix.join(posix.dirname(doc), target.split('#')[0]!));
  if (leavesRepository(path)) return 'leaves the repository';
  return exists(path) ? null : 'no such file in the repository';
}

/**
 * A `../` path written in prose or an example: it must name something in the repository
 * from some folder of it (a scenario's `$schema=../public/...` is relative to simulations/).
 */
function pathProblem(path: string): string | null {
  const clean = path.replace(/[.,;:]+$/, '');
  const lands = FOLDERS.map((folder) => posix.normalize(posix.join(folder, clean)));
  return lands.some((landed) => !leavesRepository(landed) && exists(landed))
    ? null
    : 'leaves the repository';
}

function problemsOf(doc: string): string[] {
  const problems: string[] = [];
  readFileSync(join(ROOT, doc), 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const where = `${doc}:${index + 1}`;
      const links = [
        ...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
        ...line.matchAll(/\b(?:href|src)=["']([^"']+)["']/g),
      ].map((match) => match[1]!);
      for (const target of links) {
        const problem = linkProblem(doc, target);
        if (problem) problems.push(`${where} links to ${target}: ${problem}`);
      }
      for (const [path] of line.matchAll(/(?:\.\.\/)+[^\s)`'"\]>]*/g)) {
        const problem = pathProblem(path);
        if (problem) problems.push(`${where} names ${path}: ${problem}`);
      }
      for (const [path] of line.matchAll(/(?:~\/|\/work\/|file:\/\/)[^\s)`'"\]>]*/g))
        problems.push(`${where} names ${path}: a path on someone's machine`);
    });
  return problems;
}

describe('README.md and docs/', () => {
  it('include docs/engine.md, the engine contract the README points to', () => {
    expect(DOCS).toContain('docs/engine.md');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/engine.md)');
  });

  it.each(DOCS)('%s has no link or path leading outside the repository', (doc) => {
    expect(problemsOf(doc)).toEqual([]);
  });

  it('catches the links and paths it is meant to catch', () => {
    expect(linkProblem('README.md', '../shared/design/ENGINE.md')).toBe('leaves the repository');
    expect(linkProblem('docs/engine.md', '../README.md')).toBeNull();
    expect(linkProblem('docs/engine.md', 'missing.md')).toBe('no such file in the repository');
    expect(linkProblem('README.md', 'file:///etc/passwd')).toBe('a link outside the repository');
    expect(pathProblem('../shared/design/ENGINE.md')).toBe('leaves the repository');
    expect(pathProblem('../public/schemas/scenario.schema.json')).toBeNull();
  });
});
