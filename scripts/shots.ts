/**
 * `npm run shots [folder]`: screenshots of every page type at 1280 and 390 px wide, in light
 * and dark, written into one folder (default `shots/`, ignored by git) for a design review.
 * A tool, not a test: it asserts nothing and fails only when a page cannot be reached.
 *
 * It serves the built site (run `npm run build` first) with `astro preview` on SHOTS_PORT
 * (default 4390), creates a trainee, plays the first simulation to its debrief and imports
 * two trainees' bundles into the manager dashboard so the desk, the debrief, the chart and
 * the certificate have something to show.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright';
import { makeBundle, scenarioFiles } from '../tests/fixtures/bundles.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const folder = resolve(process.argv[2] ?? 'shots');
const port = Number(process.env.SHOTS_PORT ?? 4390);
const base = `http://127.0.0.1:${port}`;
const LESSON = '/courses/backorders-and-partial-shipments/01-basics/01-what-is-a-backorder/';
const SIMULATION = '/simulations/three-backorder-types/';

/** Pages that need nothing stored, by file name. */
const PLAIN: Record<string, string> = {
  home: '/',
  courses: '/courses/backorders-and-partial-shipments/',
  lesson: LESSON,
  simulations: '/simulations/',
  roleplays: '/roleplays/',
  glossary: '/glossary/',
  trainer: '/trainer/',
};

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 9));
const scenarios = [...scenarioFiles().values()];
const required = scenarios.filter((s) => s.level <= 2);
const bundles = [
  makeBundle({
    profile: { id: 'p-ben-okafor', name: 'Ben Okafor', team: 'South' },
    courseDoneOn: day(3),
    runs: required.map((scenario, i) => ({ id: `ben-run-${i}`, scenario, at: day(4 + i) })),
  }),
  makeBundle({
    profile: { id: 'p-cleo', name: 'Cleo Lane', team: 'North' },
    runs: [{ id: 'cleo-run-1', scenario: scenarios[0]!, at: day(5) }],
  }),
];

async function waitForServer(): Promise<void> {
  for (let tries = 0; tries < 120; tries++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`shots: nothing answered at ${base}; is dist/ built?`);
}

async function settle(page: Page): Promise<void> {
  await page.locator('astro-island[ssr]:not([client="visible"])').first().waitFor({
    state: 'detached',
    timeout: 15_000,
  });
  await page.waitForTimeout(300);
}

/** The whole page, and what fits in the first screen (where a reader's eye lands). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
  await page.screenshot({ path: join(folder, `${name}-top.png`) });
}

async function createProfile(page: Page, name: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Profiles on this browser' });
  await page.locator('[data-profile-ready]').or(panel).first().waitFor({ state: 'attached' });
  if (!(await panel.isVisible())) await page.locator('[aria-controls="profile-panel"]').click();
  await panel.getByLabel('Your name').fill(name);
  await panel.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('button', { name: new RegExp(name) }).waitFor();
}

/** The trainer's records of the shift just played, the authoring editor and a live session. */
async function shootTrainer(page: Page, suffix: string): Promise<void> {
  await page.goto(`${base}/trainer/records/`);
  await settle(page);
  await page.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Sam Shots' });
  await page.getByRole('button', { name: 'Every decision in this shift' }).click();
  await page.getByText(/^Replaying the shift/).waitFor({ state: 'detached' });
  await shoot(page, `trainer-records-${suffix}`);
  await page.goto(`${base}/trainer/authoring/`);
  await settle(page);
  await page.getByRole('button', { name: 'Write a new scenario' }).click();
  const source = page.getByLabel('Scenario file (YAML)');
  await source.fill((await source.inputValue()).replace('onHand: 10', 'onHand: -4'));
  await page.getByRole('list', { name: 'Problems in the scenario' }).waitFor();
  await shoot(page, `trainer-authoring-${suffix}`);
  await page.goto(`${base}/trainer/`);
  await settle(page);
  await page.getByLabel('Your name (trainer)').fill('Maria Keller');
  await page.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Sam Shots' });
  await page.getByLabel('Scenario or role-play').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Start the live session' }).click();
  await page.getByTestId('session-code').waitFor();
  await shoot(page, `trainer-live-${suffix}`);
  await page.getByRole('button', { name: 'End the live session' }).click();
}

async function shootAll(page: Page, suffix: string): Promise<void> {
  for (const [name, path] of Object.entries(PLAIN)) {
    await page.goto(base + path);
    await settle(page);
    await shoot(page, `${name}-${suffix}`);
  }
  await page.goto(base + SIMULATION);
  await settle(page);
  await createProfile(page, 'Sam Shots');
  await shoot(page, `briefing-${suffix}`);
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await page.getByTestId('clock-now').waitFor();
  await shoot(page, `desk-${suffix}`);
  // On a phone the clock's less used controls sit behind "More".
  const more = page.getByRole('button', { name: 'More', exact: true });
  if (await more.isVisible()) await more.click();
  await page.getByRole('button', { name: 'End shift' }).click();
  await page.getByRole('button', { name: 'End the shift now' }).click();
  await page.getByRole('heading', { name: 'Debrief' }).waitFor();
  await shoot(page, `debrief-${suffix}`);
  await shootTrainer(page, suffix);

  await page.goto(`${base}/manager/`);
  await settle(page);
  await page.getByLabel('Choose bundle files').setInputFiles(
    bundles.map((bundle, i) => ({
      name: `trainee-${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bundle)),
    })),
  );
  await page.getByRole('list', { name: 'Import results' }).waitFor();
  await page.waitForTimeout(500);
  await shoot(page, `manager-${suffix}`);
  await page.goto(`${base}/manager/#trainee=p-ben-okafor`);
  await settle(page);
  await page.waitForTimeout(800);
  await shoot(page, `manager-trainee-${suffix}`);
  await page.goto(`${base}/manager/#trainee=p-ben-okafor&certificate`);
  await settle(page);
  await page.getByTestId('certificate').waitFor();
  await shoot(page, `certificate-${suffix}`);
  // Printed: A4 landscape less the 10 mm margins is 277 x 190 mm, 1047 x 718 CSS px.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 1047, height: 718 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(folder, `certificate-print-${suffix}.png`) });
  await page.pdf({
    path: join(folder, `certificate-print-${suffix}.pdf`),
    preferCSSPageSize: true,
  });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(viewport);
}

mkdirSync(folder, { recursive: true });
// astro itself, not through npx: killing npx would leave the preview server running.
const server = spawn(
  'node_modules/.bin/astro',
  ['preview', '--host', '127.0.0.1', '--port', String(port)],
  {
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  },
);
try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const only = process.env.SHOTS_ONLY?.split(',');
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = `${width}-${scheme}`;
      if (only && !only.includes(suffix)) continue;
      const context = await browser.newContext({
        viewport: { width, height: width > 800 ? 900 : 844 },
        colorScheme: scheme,
      });
      await shootAll(await context.newPage(), suffix);
      await context.close();
      process.stdout.write(`shots: ${suffix} done\n`);
    }
  }
  await browser.close();
  process.stdout.write(`shots: written to ${folder}\n`);
} finally {
  server.kill();
}
