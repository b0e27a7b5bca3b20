/**
 * How much JavaScript a built page loads at start, measured on `dist/` as it ships.
 *
 * A page loads at start: its `<script>` elements (inline or `src`), its `modulepreload`
 * links, and the component, renderer and before-hydration modules of every
 * `<astro-island>` hydrated on load or when idle. An island hydrated when visible
 * (`client:visible`, such as the knowledge check at the end of a lesson) loads only once
 * the reader scrolls to it; with `{ visible: true }` those are counted too, for the
 * page's weight once read to the end. From each of those, every STATIC import (`import ... from`,
 * `import '...'`, `export ... from`) is followed through the built files; a dynamic
 * `import()` is a later, on-demand load and is not followed. Each file is gzipped once and
 * counted once per page, however many paths lead to it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { parse as parseHtml } from 'parse5';

/** What a page asks for before any interaction. */
export interface StartupScripts {
  /** Site paths of module files, e.g. `/_astro/Island.Bx1.js`, in document order. */
  urls: string[];
  /** The source of each inline `<script>` that runs as JavaScript. */
  inline: string[];
}

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

/** `type` values a browser runs as JavaScript (HTML's "JavaScript MIME type essence"). */
const JAVASCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The scripts, module preloads and island modules of one HTML page. */
export function startupScripts(
  html: string,
  { visible = false }: { visible?: boolean } = {},
): StartupScripts {
  const urls: string[] = [];
  const inline: string[] = [];
  const visit = (node: HtmlNode): void => {
    const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
    if (node.nodeName === 'script' && JAVASCRIPT_TYPES.has((attr('type') ?? '').toLowerCase())) {
      const src = attr('src');
      if (src) urls.push(src);
      else {
        const text = (node.childNodes ?? []).map((child) => child.value ?? '').join('');
        if (text.trim()) inline.push(text);
      }
    }
    if (node.nodeName === 'link') {
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr('href');
      if (href && rel.includes('modulepreload')) urls.push(href);
    }
    if (node.nodeName === 'astro-island' && (visible || attr('client') !== 'visible'))
      for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const url = attr(name);
        if (url) urls.push(url);
      }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content); // <template> contents
  };
  visit(parseHtml(html) as unknown as HtmlNode);
  return { urls: [...new Set(urls)], inline };
}

let lexerReady: Promise<void> | undefined;

/** The specifiers a module imports statically, in source order; dynamic `import()` left out. */
export async function staticImports(code: string): Promise<string[]> {
  lexerReady ??= initLexer;
  await lexerReady;
  const [imports] = parseModule(code);
  // d === -1: a static import or re-export; d >= 0: import(); d === -2: import.meta.
  return imports.filter((entry) => entry.d === -1 && entry.n !== undefined).map((e) => e.n!);
}

/**
 * A site path for `specifier` imported from the module at site path `from`, or null for a
 * bare specifier (`svelte`), a data URL or another origin: none of those are in dist/.
 */
export function resolveImport(specifier: string, from: string): string | null {
  if (!/^(\/|\.\.?\/)/.test(specifier) || specifier.startsWith('//')) return null;
  return new URL(specifier, new URL(from, 'http://site.invalid')).pathname;
}

/** Reads a built file by its site path; null when it is not there. */
export type ReadSiteFile = (sitePath: string) => string | null;

export interface PageWeight {
  /** Every module file the page loads at start, by site path, sorted. */
  files: string[];
  /** Site paths that were referenced but are not in dist/. */
  missing: string[];
  /** Gzipped bytes: module files plus inline scripts. */
  gzipBytes: number;
}

/** Gzipped size, each distinct text compressed only once per run. */
export function createGzipSizer(): (key: string, text: string) => number {
  const sizes = new Map<string, number>();
  return (key, text) => {
    let size = sizes.get(key);
    if (size === undefined) {
      size = gzipSync(text, { level: 9 }).length;
      sizes.set(key, size);
    }
    return size;
  };
}

/** The start-up JavaScript of the page at `pagePath` (`/courses/x/`), following static imports. */
export async function pageWeight(
  html: string,
  pagePath: string,
  read: ReadSiteFile,
  gzipSize = createGzipSizer(),
  options: { visible?: boolean } = {},
): Promise<PageWeight> {
  const { urls, inline } = startupScripts(html, options);
  const seen = new Set<string>();
  const missing = new Set<string>();
  const queue: string[] = [];
  const enqueue = (specifier: string, from: string) => {
    const path = resolveImport(specifier, from);
    if (path && !seen.has(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  for (const url of urls) enqueue(url, pagePath);
  for (const code of inline) for (const spec of await staticImports(code)) enqueue(spec, pagePath);

  let gzipBytes = inline.reduce((sum, code) => sum + gzipSize(`inline:${code}`, code), 0);
  const files: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const code = read(path);
    if (code === null) {
      missing.add(path);
      continue;
    }
    files.push(path);
    gzipBytes += gzipSize(path, code);
    if (/\.m?js$/.test(path)) for (const spec of await staticImports(code)) enqueue(spec, path);
  }
  return { files: files.sort(), missing: [...missing].sort(), gzipBytes };
}

/** A reader of files under `dist`, by site path. */
export function distReader(dist: string): ReadSiteFile {
  return (sitePath) => {
    try {
      return readFileSync(join(dist, decodeURIComponent(sitePath)), 'utf8');
    } catch {
      return null;
    }
  };
}

/** Every `index.html` under `dist`, as site paths (`/courses/x/`), sorted. */
export function builtPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html')
        pages.push(`/${relative(dist, dir).split(sep).join('/')}/`.replace(/^\/\/$/, '/'));
    }
  };
  walk(dist);
  return pages.sort();
}
