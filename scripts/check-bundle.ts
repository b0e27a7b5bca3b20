/**
 * `npm run check:bundle`: the JavaScript budget, checked on the built site (run after
 * `npm run build`). Prints a JSON table of every budgeted page and its start-up JavaScript
 * in kB of gzip (1 kB = 1000 bytes, as Vite reports), and exits 1 naming each page over
 * its budget. What counts as start-up JavaScript is described in scripts/bundle-size.ts.
 *
 *   lesson pages        /courses/<course>/<module>/<lesson>/   25 kB: read on phones, often on
 *                                                                    a warehouse network (24.2 kB
 *                                                                    once a prop default and a
 *                                                                    bind:this that pulled 1.4 kB
 *                                                                    of Svelte helpers left)
 *                                                      60 kB once read to the end, with
 *                                                                    the knowledge check
 *   simulation pages    /simulations/**                       150 kB: the engine and the
 *                                                                    order-desk islands
 *   role-play pages     /roleplays/**                          75 kB: the conversation
 *                                                                    machine, the matcher and
 *                                                                    the chat islands
 *   manager dashboard   /manager/                             100 kB: roster, heatmap and
 *                                                                    aggregation; storage, the
 *                                                                    chart and the replay load
 *                                                                    only when used
 *
 * It also reports the offline precache (scripts/precache-size.ts): everything the service
 * worker downloads in the background on a first visit and keeps on the device.
 *
 *   precache            gzip 1500 kB: what a first visit fetches over a warehouse's Wi-Fi,
 *                                     about 12 s at 1 Mbit/s; 1070 kB when first set, 1363 kB
 *                                     once three lessons, the cmi5 and LRS pages and the font
 *                                     arrived
 *                       disk 5000 kB: what the browser keeps; 4325 kB at the same point
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, createGzipSizer, distReader, pageWeight } from './bundle-size.ts';
import { precacheUrls, precacheWeight } from './precache-size.ts';

const DIST = 'dist';

const BUDGETS = [
  { name: 'lesson', pattern: /^\/courses\/[^/]+\/[^/]+\/[^/]+\/$/, kB: 25, readKB: 60 },
  { name: 'simulation', pattern: /^\/simulations\//, kB: 150, readKB: 150 },
  { name: 'role-play', pattern: /^\/roleplays\//, kB: 75, readKB: 75 },
  { name: 'manager', pattern: /^\/manager\/$/, kB: 100, readKB: 100 },
] as const;

const PRECACHE_BUDGET = { gzipKB: 1500, kB: 5000 };

if (!existsSync(join(DIST, 'index.html'))) {
  process.stderr.write('check:bundle: no dist/index.html; run `npm run build` first\n');
  process.exit(2);
}

const read = distReader(DIST);
const gzipSize = createGzipSizer();
const rows: {
  page: string;
  kB: number;
  budgetKB: number;
  readKB: number;
  readBudgetKB: number;
  ok: boolean;
}[] = [];
const problems: string[] = [];

for (const page of builtPages(DIST)) {
  const budget = BUDGETS.find(({ pattern }) => pattern.test(page));
  if (!budget) continue;
  const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
  const weight = await pageWeight(html, page, read, gzipSize);
  const whole = await pageWeight(html, page, read, gzipSize, { visible: true });
  const kB = Math.round(weight.gzipBytes / 10) / 100;
  const readKB = Math.round(whole.gzipBytes / 10) / 100;
  const ok = kB <= budget.kB && readKB <= budget.readKB;
  rows.push({ page, kB, budgetKB: budget.kB, readKB, readBudgetKB: budget.readKB, ok });
  if (kB > budget.kB)
    problems.push(
      `${page}: ${kB} kB of start-up JavaScript, over the ${budget.name} budget of ${budget.kB} kB`,
    );
  if (readKB > budget.readKB)
    problems.push(
      `${page}: ${readKB} kB of JavaScript once read to the end, over ${budget.readKB} kB`,
    );
  for (const path of weight.missing) problems.push(`${page}: loads ${path}, which is not in dist/`);
}

const precache = checkPrecache();

process.stdout.write(`${JSON.stringify({ pages: rows, precache }, null, 2)}\n`);
if (rows.length === 0) problems.push('no budgeted pages found in dist/');
for (const problem of problems) process.stderr.write(`check:bundle: ${problem}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;

/** The service worker's precache against its budget; problems go to `problems`. */
function checkPrecache() {
  const sw = join(DIST, 'sw.js');
  const urls = existsSync(sw) ? precacheUrls(readFileSync(sw, 'utf8')) : [];
  if (urls.length === 0) {
    problems.push('dist/sw.js has no precache list: the site would not work offline');
    return null;
  }
  const weight = precacheWeight(DIST, urls);
  const kB = (bytes: number) => Math.round(bytes / 10) / 100;
  const report = {
    entries: weight.entries,
    gzipKB: kB(weight.gzipBytes),
    gzipBudgetKB: PRECACHE_BUDGET.gzipKB,
    kB: kB(weight.bytes),
    budgetKB: PRECACHE_BUDGET.kB,
    largest: weight.largest.map(({ url, bytes }) => ({ url, kB: kB(bytes) })),
    ok: kB(weight.gzipBytes) <= PRECACHE_BUDGET.gzipKB && kB(weight.bytes) <= PRECACHE_BUDGET.kB,
  };
  if (report.gzipKB > PRECACHE_BUDGET.gzipKB)
    problems.push(
      `precache: ${report.gzipKB} kB gzipped, over the budget of ${PRECACHE_BUDGET.gzipKB} kB`,
    );
  if (report.kB > PRECACHE_BUDGET.kB)
    problems.push(`precache: ${report.kB} kB on disk, over the budget of ${PRECACHE_BUDGET.kB} kB`);
  for (const url of weight.missing) problems.push(`precache lists ${url}, which is not in dist/`);
  return report;
}
