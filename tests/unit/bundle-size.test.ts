import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  builtPages,
  distReader,
  pageWeight,
  resolveImport,
  startupScripts,
  staticImports,
} from '../../scripts/bundle-size';

const DIST = 'tests/fixtures/bundle-dist';
const PAGE = '/courses/c/m/l/';
const html = readFileSync(`${DIST}${PAGE}index.html`, 'utf8');
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

describe('startupScripts', () => {
  it('finds script src, module preloads and island modules, not JSON or stylesheets', () => {
    const { urls, inline } = startupScripts(html);
    expect(urls).toEqual([
      '/_astro/shared.js',
      '/_astro/page.js',
      '/_astro/Island.js',
      '/_astro/client.js',
    ]);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('window.inlineRan = true');
  });
});

describe('islands hydrated when visible', () => {
  const withCheck = html.replace(
    '</body>',
    '<astro-island component-url="/_astro/Check.js" renderer-url="/_astro/client.js" client="visible"></astro-island></body>',
  );

  it('load once the reader scrolls to them: left out of start-up, counted for the whole page', () => {
    expect(startupScripts(withCheck).urls).not.toContain('/_astro/Check.js');
    expect(startupScripts(withCheck, { visible: true }).urls).toContain('/_astro/Check.js');
  });
});

describe('staticImports', () => {
  it.each([
    ['import { a } from "./a.js";', ['./a.js']],
    ["import './side-effect.js';", ['./side-effect.js']],
    ['export * from "./all.js"; export { b } from "./b.js";', ['./all.js', './b.js']],
    ['const later = import("./lazy.js");', []],
    ['import{a as b}from"./min.js";const c=import.meta.url;', ['./min.js']],
  ])('%s -> %j', async (code, expected) => {
    expect(await staticImports(code)).toEqual(expected);
  });
});

describe('resolveImport', () => {
  it.each([
    ['./b.js', '/_astro/a.js', '/_astro/b.js'],
    ['../x/c.js', '/_astro/a.js', '/x/c.js'],
    ['/_astro/d.js', '/courses/c/', '/_astro/d.js'],
    ['svelte', '/_astro/a.js', null],
    ['//cdn.example/e.js', '/_astro/a.js', null],
    ['data:text/javascript,1', '/_astro/a.js', null],
  ])('%s from %s -> %s', (specifier, from, expected) => {
    expect(resolveImport(specifier, from)).toBe(expected);
  });
});

describe('pageWeight', () => {
  it('follows static imports recursively, skips dynamic ones, counts each file once', async () => {
    const read = distReader(DIST);
    const weight = await pageWeight(html, PAGE, read);
    expect(weight.files).toEqual([
      '/_astro/Island.js',
      '/_astro/client.js',
      '/_astro/page.js',
      '/_astro/reexported.js',
      '/_astro/shared.js',
    ]);
    expect(weight.missing).toEqual([]);
    const expected =
      weight.files.reduce((sum, file) => sum + gzip(read(file)!), 0) +
      gzip(startupScripts(html).inline[0]!);
    expect(weight.gzipBytes).toBe(expected);
  });

  it('reports a module the page loads that is not in dist/', async () => {
    const weight = await pageWeight(
      '<script type="module" src="/_astro/gone.js"></script>',
      '/',
      distReader(DIST),
    );
    expect(weight).toEqual({ files: [], missing: ['/_astro/gone.js'], gzipBytes: 0 });
  });
});

describe('builtPages', () => {
  it('lists every index.html as a site path', () => {
    expect(builtPages(DIST)).toEqual([PAGE]);
  });
});
