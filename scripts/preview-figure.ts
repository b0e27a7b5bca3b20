/**
 * `npx tsx scripts/preview-figure.ts <figure.astro> [folder]`: a lesson figure's drawing on
 * its own, in the site's tokens, at 1280 and 390 px wide in light and dark, written as PNGs
 * for an author to look at without a build. The figure's SVG must be plain markup (no
 * expressions); a tool, not a test.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const [file, out = 'shots/figures'] = process.argv.slice(2);
if (!file) throw new Error('usage: preview-figure.ts <figure.astro> [folder]');
const source = readFileSync(file, 'utf8');
const svg = source.match(/<svg[\s\S]*<\/svg>/)?.[0];
if (!svg) throw new Error(`${file}: no <svg> … </svg> found`);
const caption = source.match(/caption="([^"]*)"/)?.[1] ?? '';
const tokens = readFileSync(resolve('src/styles/tokens.css'), 'utf8');
const html = `<!doctype html><html><head><style>${tokens}
body { margin: 0; padding: 16px; background: var(--color-bg); color: var(--color-text);
  font-family: system-ui, sans-serif; }
figure { margin: 0; padding: 16px; border: 1px solid var(--color-border); border-radius: 12px;
  background: var(--color-surface); }
.art { max-width: 30rem; margin-inline: auto; }
.art svg { display: block; width: 100%; height: auto; }
figcaption { margin-top: 8px; color: var(--color-muted); font-size: 15px; text-align: center; }
</style></head><body><figure><div class="art">${svg}</div><figcaption>${caption}</figcaption></figure></body></html>`;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
    await page.setContent(html);
    const path = join(out, `${basename(file, '.astro')}-${width}-${colorScheme}.png`);
    await page.locator('figure').screenshot({ path });
    process.stdout.write(`${path}\n`);
    await page.close();
  }
}
await browser.close();
