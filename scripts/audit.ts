/**
 * `npm run audit`: Lighthouse on the built site, served by `astro preview` on 127.0.0.1
 * (port AUDIT_PORT, default 4329), for the home page, the first course, its first lesson,
 * the glossary, a simulation, a role-play and the manager's dashboard. Prints JSON: the
 * four category scores (0 to 100) per page, and on stderr every audit that kept a
 * category under 100. Not part of `npm test`: scores move between runs, most of all
 * performance on a busy machine, so AUDIT_RUNS=5 audits each page five times and prints
 * each category's median (the audits on stderr are from the last run).
 *
 * Chromium is Debian's (`CHROME_PATH`, default /usr/bin/chromium), with the flags that keep
 * it quiet on a closed network (STACK.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { readCourseFiles } from '../src/files/course-files.ts';

const HOST = '127.0.0.1';
// Not 4321, so an audit can run beside `npm start` or a Playwright server.
const PORT = Number(process.env.AUDIT_PORT ?? 4329);
const ORIGIN = `http://${HOST}:${PORT}`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS = ['--headless', ...CHROMIUM_ARGS];
const RUNS = Math.max(1, Number(process.env.AUDIT_RUNS ?? 1));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

if (!existsSync('dist/index.html')) {
  process.stderr.write('audit: no dist/index.html; run `npm run build` first\n');
  process.exit(2);
}

const [course] = readCourseFiles('content').courses;
const firstModule = course?.modules.find((m) => m.lessons.length > 0);
const pages: Record<string, string> = { home: '/' };
if (course) pages.course = `/courses/${course.slug}/`;
if (course && firstModule)
  pages.lesson = `/courses/${course.slug}/${firstModule.slug}/${firstModule.lessons[0]!.slug}/`;
pages.glossary = '/glossary/';
// One page of each interactive kind: the order desk, a role-play and the dashboard.
pages.simulation = '/simulations/three-backorder-types/';
pages.roleplay = '/roleplays/date-that-moved/';
pages.manager = '/manager/';
for (const [name, path] of Object.entries(pages))
  if (!existsSync(`dist${path}index.html`)) {
    process.stderr.write(`audit: the ${name} page ${path} is not in dist/; was it renamed?\n`);
    process.exit(2);
  }

async function waitForServer(url: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`no answer from ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One Lighthouse run of one page: its category scores; `report` lists what kept them under 100. */
async function auditPage(
  name: string,
  path: string,
  report: boolean,
): Promise<Record<string, number | null>> {
  const result = await lighthouse(`${ORIGIN}${path}`, {
    port: chrome!.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  const { categories, audits } = result.lhr;
  // What kept a category under 100, so the fix can start from the report.
  if (report)
    for (const id of CATEGORIES)
      for (const ref of categories[id]?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          process.stderr.write(
            `${name} ${path} ${id}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` ${audit.displayValue}` : ''}\n`,
          );
      }
  return Object.fromEntries(
    CATEGORIES.map((id) => {
      const score = categories[id]?.score;
      return [id, score === null || score === undefined ? null : Math.round(score * 100)];
    }),
  );
}

const preview = spawn(
  'node_modules/.bin/astro',
  ['preview', '--host', HOST, '--port', String(PORT)],
  { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
);
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await waitForServer(`${ORIGIN}/`);
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROME_FLAGS,
  });
  const scores: Record<string, Record<string, number | null>> = {};
  for (const [name, path] of Object.entries(pages)) {
    const runs: Record<string, number | null>[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await auditPage(name, path, run === RUNS - 1));
    scores[name] = Object.fromEntries(
      CATEGORIES.map((id) => {
        const values = runs.map((r) => r[id]).filter((v): v is number => typeof v === 'number');
        return [id, values.length > 0 ? median(values) : null];
      }),
    );
  }
  process.stdout.write(
    `${JSON.stringify({ origin: ORIGIN, runs: RUNS, pages, scores }, null, 2)}\n`,
  );
} finally {
  chrome?.kill();
  preview.kill();
}
