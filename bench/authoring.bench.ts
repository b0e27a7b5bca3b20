/**
 * `npm run bench:authoring`: the trainer's authoring editor with 100,000 pasted lines
 * (issue 11, item 9: "pasting 100,000 lines freezes the authoring editor for 9.4 s").
 * Prints one JSON object (progress on stderr); every figure is a median.
 *
 * The site is built in a scratch copy of the project and served with `astro preview` on its
 * own port (BENCH_PORT, 4409 unless set). Each sample opens the editor in a fresh page, then
 * replaces its text in one input event, as a paste does, and times two things:
 *
 * - the longest main-thread task (Long Tasks API, every task over 50 ms) from the paste
 *   until the status names the outcome for the pasted text, plus one keystroke typed after
 *   it: the longest the page could not answer a key or draw a frame;
 * - the time from the paste to that status.
 *
 * Beside each sample, the same text is set in a bare text area styled like the editor's: the
 * floor, what Chromium alone needs to lay out 100,000 lines, so the ratio says what the page
 * adds on top.
 *
 * Three texts: 100,000 lines the loader must read in full (a scenario followed by comment
 * lines, under the authoring size limit), 100,000 lines of orders (over the limit, refused by
 * size), and an alias bomb followed by 100,000 comment lines (refused by the YAML reader).
 */
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { SCENARIO_STARTER } from '../src/trainer/authoring';
import { median, ms, progress } from './measure';
import { withScratchSite } from './scratch-site';

const PORT = Number(process.env.BENCH_PORT ?? 4409);
const LINES = 100_000;
const SAMPLES = 3;
const TARGET_STALL_MS = 200;

/** A "billion laughs" document: seven levels of aliases, each nine times the one before. */
const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefg'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
].join('\n');

const CASES: { name: string; text: string; settled: RegExp }[] = [
  {
    name: 'a scenario and 100,000 comment lines',
    // Another title, so the status for the starter text is not taken for this one's.
    text: `${SCENARIO_STARTER.replace('Short on copper elbows', 'Pasted lines')}${'#\n'.repeat(
      LINES - SCENARIO_STARTER.split('\n').length + 1,
    )}`,
    settled: /No problems: “Pasted lines”/,
  },
  {
    name: '100,000 lines of orders (over the size limit)',
    text: `${SCENARIO_STARTER.replace('events: []\n', '')}${Array.from(
      { length: LINES / 4 },
      (_, i) =>
        `  - id: SO-X${i}\n    customer: C-1\n    placedAt: 2026-03-02T07:00\n    lines: [{ sku: CU-ELB-15, qty: 1 }]\n`,
    ).join('')}events: []\n`,
    settled: /\d+ problem/,
  },
  {
    name: 'an alias bomb and 100,000 comment lines',
    text: `${LAUGHS}\n${'#\n'.repeat(LINES)}`,
    settled: /\d+ problem/,
  },
];

const WATCH_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
`;

interface Sample {
  settledMs: number;
  longestTaskMs: number;
}

/** Paste `text` into a fresh editor; time the status and the longest main-thread task. */
async function pasteOnce(browser: Browser, base: string, text: string, settled: RegExp) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/trainer/authoring/`);
  await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Write a new scenario' }).click();
  const source = page.getByLabel('Scenario file (YAML)');
  await page
    .locator('#editor-status')
    .getByText(/No problems/)
    .waitFor();
  await page.evaluate(WATCH_LONG_TASKS);
  // One input event with the whole text, as a paste gives; timed in the page from just before.
  await source.evaluate((area: HTMLTextAreaElement, value: string) => {
    (window as unknown as { __pastedAt: number }).__pastedAt = performance.now();
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  const done = await page.waitForFunction(
    (pattern: string) => {
      const status = document.querySelector('#editor-status')?.textContent ?? '';
      const at = (window as unknown as { __pastedAt: number }).__pastedAt;
      return new RegExp(pattern).test(status) ? performance.now() - at : false;
    },
    settled.source,
    { polling: 'raf', timeout: 120_000 },
  );
  const settledMs = (await done.jsonValue()) as number;
  // A keystroke after the paste: the editor must take it without a long wait either.
  await source.press('End');
  await source.press('Space');
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500)))',
  );
  const tasks = (await page.evaluate('window.__longTasks')) as number[];
  await page.close();
  return { settledMs, longestTaskMs: Math.max(0, ...tasks) } satisfies Sample;
}

/**
 * The floor: the same text set in a bare text area styled as the editor's (no page, no
 * checking), so the editor's figures can be read against what Chromium itself needs to lay
 * out 100,000 lines, measured in the same run on the same machine.
 */
async function bareTextArea(browser: Browser, text: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent(
    '<textarea rows="24" wrap="off" spellcheck="false" style="font: 0.9rem/1.45 ui-monospace, monospace; white-space: pre; width: 900px"></textarea>',
  );
  await page.evaluate(WATCH_LONG_TASKS);
  await page.locator('textarea').evaluate((area: HTMLTextAreaElement, value: string) => {
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500)))',
  );
  await page.locator('textarea').press('End');
  await page.locator('textarea').press('Space');
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500)))',
  );
  const tasks = (await page.evaluate('window.__longTasks')) as number[];
  await page.close();
  return Math.max(0, ...tasks);
}

await withScratchSite(
  { name: 'authoring-bench', port: PORT, ready: '/trainer/authoring/' },
  async (base) => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    const results: Record<string, unknown>[] = [];
    for (const { name, text, settled } of CASES) {
      const samples: Sample[] = [];
      const floor: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const sample = await pasteOnce(browser, base, text, settled);
        samples.push(sample);
        floor.push(await bareTextArea(browser, text));
        progress(
          `${name}: status after ${ms(sample.settledMs)} ms, longest main-thread task ${ms(sample.longestTaskMs)} ms; a bare text area ${ms(floor.at(-1)!)} ms`,
        );
      }
      const stall = median(samples.map((s) => s.longestTaskMs));
      const bare = median(floor);
      results.push({
        text: name,
        lines: text.split('\n').length,
        kB: Math.round(text.length / 1024),
        samples: samples.length,
        statusMedianMs: ms(median(samples.map((s) => s.settledMs))),
        longestMainThreadTaskMedianMs: ms(stall),
        longestMainThreadTaskMaxMs: ms(Math.max(...samples.map((s) => s.longestTaskMs))),
        bareTextAreaLongestTaskMedianMs: ms(bare),
        // Above 1, the editor adds to what Chromium's own text area costs.
        stallOverBareTextArea: Math.round((stall / Math.max(bare, 1)) * 100) / 100,
        targetStallMs: TARGET_STALL_MS,
        withinTarget: stall <= TARGET_STALL_MS,
      });
    }
    await browser.close();
    process.stdout.write(
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
          measure:
            'a fresh editor, its text replaced in one input event (a paste); the longest main-thread task until the status names the outcome for that text and one keystroke after it, and the time to that status',
          pastes: results,
        },
        null,
        2,
      )}\n`,
    );
  },
);
