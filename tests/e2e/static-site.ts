/**
 * A small static web server over the built site, for the offline and update specs. Unlike
 * the shared `astro preview` server it can be switched off (the network is gone: every
 * request that still reaches it is recorded and refused) and can serve a second build.
 *
 * A later build is the first with one change a person can see, made the way a real
 * rebuild changes things: every page's footer says "Version two" (or three), and the
 * service worker's precache list gives each page a new revision, so the browser finds a new
 * service worker and that worker fetches the new pages. (Rebuilding the whole site a second time would
 * take a minute of the test run for the same effect.)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

const BUILD_WORDS = { 2: 'two', 3: 'three' } as const;
/** What every page's footer says in build 2 or 3. */
export const buildText = (build: 2 | 3) => `Version ${BUILD_WORDS[build]} of the site.`;
export const SECOND_BUILD_TEXT = buildText(2);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticSite {
  /** The address of `path` on this server. */
  url(path: string): string;
  /** Which build is served: the one in dist/, or a later one made from it. */
  build: 1 | 2 | 3;
  /** When true, nothing is served: each request is recorded in `reached` and refused. */
  offline: boolean;
  reached: string[];
  close(): Promise<void>;
}

/** A later build's version of a file of the first. */
function laterBuild(build: 2 | 3, path: string, body: Buffer): Buffer {
  if (path.endsWith('.html'))
    return Buffer.from(
      body.toString('utf8').replace('</footer>', `<p>${buildText(build)}</p></footer>`),
    );
  if (path === '/sw.js')
    return Buffer.from(
      body
        .toString('utf8')
        .replace(
          /(url:"[^"]*\.html",revision:")([^"]+)"/g,
          (_, head, rev) => `${head}${rev}${build}"`,
        ),
    );
  return body;
}

export async function serveSite(dir = 'dist'): Promise<StaticSite> {
  if (!existsSync(join(dir, 'sw.js')))
    throw new Error(`${dir}/sw.js is missing: build the site first (npm run build)`);
  const site = { build: 1, offline: false, reached: [] as string[] } as StaticSite;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://site.invalid').pathname);
    if (site.offline) {
      site.reached.push(path);
      response.writeHead(503).end();
      return;
    }
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(dir, '404.html');
    const body = readFileSync(file);
    const served = file.slice(dir.length).replaceAll('\\', '/');
    response.writeHead(found ? 200 : 404, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(site.build === 1 ? body : laterBuild(site.build, served, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  site.url = (path) => `http://127.0.0.1:${port}${path}`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site;
}
