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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { stringify } from 'yaml';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { generateWarehouse } from './generated-warehouse';
import { median, ms, progress } from './measure';
import { withScratchSite } from './scratch-site';

const PORT = Number(process.env.BENCH_PORT ?? 4407);
const SAMPLES = 60;
const ID = 'bench-desk-500';

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The twenty functions with the most self time in a CPU profile, on stderr. */
function reportHotFunctions(profile: CpuProfile): void {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfTime = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)!;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    selfTime.set(name, (selfTime.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  [...selfTime.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .forEach(([name, time]) => progress(`${ms(time).toFixed(1).padStart(8)} ms  ${name}`));
}

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

await withScratchSite(
  {
    name: 'player-bench',
    port: PORT,
    ready: `/simulations/${ID}/`,
    // The player only exists for scenarios known at build time.
    prepare: (site) => writeFileSync(join(site, 'simulations', `${ID}.yaml`), stringify(scenario)),
  },
  async (base) => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      // Frames as soon as they are ready, not on a 60 Hz beat (see nextFrame below).
      args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
      headless: true,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/simulations/${ID}/`);
    const panel = page.getByRole('region', { name: 'Profiles on this browser' });
    await panel.getByLabel('Your name').fill('Bench Trainee');
    await panel.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    // The inventory is a panel of the desk, opened from "Desk panels" in place of the queue.
    await page
      .getByRole('navigation', { name: 'Desk panels' })
      .getByRole('button', { name: 'Inventory', exact: true })
      .click();
    const buttons = page
      .getByRole('region', { name: 'Inventory' })
      .getByRole('button', { name: /^Check stock of / });
    await buttons.first().waitFor();
    const count = await buttons.count();

    // PROFILE=file.cpuprofile records a CPU profile of the timed clicks (open it in Chromium's
    // DevTools) and lists the functions that took the most time on stderr.
    const profileFile = process.env.PROFILE;
    const cdp = profileFile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    // TRACE=file.json records a DevTools performance trace instead (style, layout, paint, GC).
    if (process.env.TRACE)
      await browser.startTracing(page, {
        path: process.env.TRACE,
        categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'],
      });
    const ready: number[] = [];
    const frames: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const button = buttons.nth(i % count);
      await button.scrollIntoViewIfNeeded();
      const sample = await button.evaluate(
        (element) =>
          new Promise<{ ready: number; frame: number }>((resolve) => {
            // The desk renders the log's length on its root in the same update as every
            // panel, so its change marks the DOM as updated. Reading layout then makes the
            // browser finish style and layout: what is left before pixels is paint.
            const desk = document.querySelector('[data-log-length]')!;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              observer.disconnect();
              void document.body.getBoundingClientRect().height;
              const ready = performance.now() - start;
              requestAnimationFrame(() =>
                setTimeout(() => resolve({ ready, frame: performance.now() - start })),
              );
            });
            observer.observe(desk, { attributes: true, attributeFilter: ['data-log-length'] });
            (element as HTMLButtonElement).click();
          }),
      );
      ready.push(sample.ready);
      frames.push(sample.frame);
      progress(`check stock ${i + 1}: ready ${ms(sample.ready)} ms, frame ${ms(sample.frame)} ms`);
    }
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      reportHotFunctions(profile);
    }
    if (process.env.TRACE) await browser.stopTracing();
    await browser.close();

    const summary = (samples: number[]) => ({
      medianMs: ms(median(samples)),
      p95Ms: ms(percentile(samples, 95)),
      maxMs: ms(Math.max(...samples)),
    });
    const frameP95 = percentile(frames, 95);
    process.stdout.write(
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          scenario: { orders: scenario.orders?.length ?? 0, skus: scenario.catalog.length },
          action: 'check-stock (engine step + IndexedDB write + render)',
          samples: ready.length,
          // Click to the DOM updated, styled and laid out: the work the action costs.
          readyToPaint: summary(ready),
          // Click to the end of the next frame, with Chromium's 60 Hz frame limit lifted
          // so the figure is the desk's latency, not the wait for the next vsync.
          nextFrame: summary(frames),
          target: { p95MsAtMost: 16 },
          // The stricter of the two: the screen has the new state within the budget.
          withinTarget: frameP95 <= 16,
        },
        null,
        2,
      )}\n`,
    );
  },
);
