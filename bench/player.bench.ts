/**
 * `npm run bench:player`: how fast the order desk answers a trainee action, in Chromium, on a
 * generated 500-order shift. Prints one JSON object (progress on stderr).
 *
 * The site is built in a scratch copy of the project with the generated scenario added to
 * simulations/ (the player only exists for scenarios known at build time), served with
 * `astro preview` on its own port, and driven with the system Chromium. Each sample is the
 * time from a click on "Check stock" to the next frame after the desk re-rendered with the
 * new log entry: the engine step, the IndexedDB write that must come first, and the render.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { stringify } from 'yaml';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { generateWarehouse } from './generated-warehouse';
import { median, ms, progress } from './measure';

const PORT = 4407;
const SAMPLES = 60;
const ID = 'bench-desk-500';

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error('preview exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no server at ${url}`);
}

const site = mkdtempSync(join(tmpdir(), 'player-bench-'));
let preview: ChildProcess | null = null;
try {
  progress(`copying the project to ${site}`);
  for (const entry of [
    'src',
    'content',
    'simulations',
    'public',
    'astro.config.mjs',
    'svelte.config.js',
    'tsconfig.json',
    'package.json',
  ])
    cpSync(entry, join(site, entry), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(site, 'node_modules'));
  const scenario = generateWarehouse({
    id: ID,
    seed: 500,
    orders: 500,
    linesPerOrder: [1, 4],
    skus: 120,
    customers: 80,
    stockCoverage: 0.6,
    events: 6,
  });
  writeFileSync(join(site, 'simulations', `${ID}.yaml`), stringify(scenario));
  progress('building the site with a 500-order scenario');
  await run('npx', ['astro', 'build'], site);
  // Its own process group, so stopping it stops the server npx starts, not only npx.
  preview = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: site,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServer(`${base}/simulations/${ID}/`, preview);

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/simulations/${ID}/`);
  const panel = page.getByRole('region', { name: 'Profiles on this browser' });
  await panel.getByLabel('Your name').fill('Bench Trainee');
  await panel.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  const buttons = page.getByRole('button', { name: /^Check stock of / });
  await buttons.first().waitFor();
  const count = await buttons.count();

  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const button = buttons.nth(i % count);
    await button.scrollIntoViewIfNeeded();
    const elapsed = await button.evaluate(
      (element) =>
        new Promise<number>((resolve) => {
          // The desk renders the log's length on its root in the same update as every
          // panel, so its change marks the screen as updated.
          const desk = document.querySelector('[data-log-length]')!;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          });
          observer.observe(desk, { attributes: true, attributeFilter: ['data-log-length'] });
          (element as HTMLButtonElement).click();
        }),
    );
    samples.push(elapsed);
    progress(`check stock ${i + 1}: ${ms(elapsed)} ms`);
  }
  await browser.close();

  const p95 = percentile(samples, 95);
  process.stdout.write(
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        scenario: { orders: scenario.orders?.length ?? 0, skus: scenario.catalog.length },
        action: 'check-stock (engine step + IndexedDB write + render)',
        samples: samples.length,
        medianMs: ms(median(samples)),
        p95Ms: ms(p95),
        maxMs: ms(Math.max(...samples)),
        target: { p95MsAtMost: 16 },
        withinTarget: p95 <= 16,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  if (preview?.pid) process.kill(-preview.pid);
  if (existsSync(site)) rmSync(site, { recursive: true, force: true });
}
