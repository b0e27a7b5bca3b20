/**
 * Browser tests against the built site, served by `astro preview` exactly as it ships.
 *
 * Chromium comes from Debian (`apt-get install chromium`), never `playwright install`,
 * which downloads browsers and fails on our closed network (STACK.md).
 */
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

// Another port lets a second checkout run its browser tests beside this one (E2E_PORT=4331).
const port = Number(process.env.E2E_PORT ?? 4321);
const base = `http://127.0.0.1:${port}`;
const preview = `npx astro preview --host 127.0.0.1 --port ${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // Tests must pass first time; a retry would hide flakiness instead of fixing it.
  retries: 0,
  workers: 2,
  // Guards against a hang, not speed checks: on a loaded 2-core machine an axe pass over a
  // long page, or a service worker installing the whole site, takes several times longer.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: base,
    trace: 'retain-on-failure',
    // The site registers a service worker that downloads the whole site (about 150 files)
    // in the background on a first visit. Every test starts a fresh context, so allowing it
    // everywhere would repeat that download in each test, compete for the CPU, and answer
    // requests from its cache where a spec means to see the server's. Only offline.spec.ts,
    // which is about the service worker, allows it (`test.use({ serviceWorkers: 'allow' })`).
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // `npm test` builds dist/ once and sets PLAYWRIGHT_PREBUILT, so the browser tests serve
    // that same build; `npx playwright test` on its own builds first.
    command: process.env.PLAYWRIGHT_PREBUILT ? preview : `npm run build && ${preview}`,
    url: `${base}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
