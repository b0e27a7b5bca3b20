/**
 * What the service worker downloads and stores on a first visit, measured on `dist/` as it
 * ships: the precache list Workbox wrote into `dist/sw.js`, each file's size on disk (what
 * the browser keeps in Cache Storage) and gzipped (about what a compressing server sends).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The URLs in a generated service worker's precache list, in its order. Workbox writes the
 * list as `precacheAndRoute([{url:"index.html",revision:"…"}, …])`; a service worker with no
 * such list gives an empty array, which the caller reports.
 */
export function precacheUrls(serviceWorker: string): string[] {
  const list = /precacheAndRoute\(\s*\[([\s\S]*?)\]\s*,/.exec(serviceWorker)?.[1] ?? '';
  const urls = [...list.matchAll(/\burl:\s*["']([^"']+)["']/g)].map((match) => match[1]!);
  return [...new Set(urls)];
}

export interface PrecacheWeight {
  entries: number;
  /** Bytes on disk: what the browser stores. */
  bytes: number;
  /** Bytes gzipped: roughly what a first visit downloads from a compressing server. */
  gzipBytes: number;
  /** The heaviest entries, largest first, for a report a person can act on. */
  largest: { url: string; bytes: number }[];
  /** Entries in the list that are not in dist/. */
  missing: string[];
}

/** Sizes of every precached file under `dist`, gzipped at level 9 as bundle-size.ts does. */
export function precacheWeight(
  dist: string,
  urls: readonly string[],
  keepLargest = 5,
): PrecacheWeight {
  let bytes = 0;
  let gzipBytes = 0;
  const sizes: { url: string; bytes: number }[] = [];
  const missing: string[] = [];
  for (const url of urls) {
    let content: Buffer;
    try {
      content = readFileSync(join(dist, decodeURIComponent(url.replace(/^\//, ''))));
    } catch {
      missing.push(url);
      continue;
    }
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
    sizes.push({ url, bytes: content.length });
  }
  const largest = sizes.sort((a, b) => b.bytes - a.bytes).slice(0, keepLargest);
  return { entries: urls.length, bytes, gzipBytes, largest, missing };
}
