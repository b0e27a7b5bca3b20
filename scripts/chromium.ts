/**
 * The system Chromium every browser tool here uses (Playwright, Lighthouse, benchmarks):
 * Debian's package, never a downloaded browser (STACK.md).
 */

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Keep Chromium from calling home for updates, sync and field trials: there is no network
 * to reach, and the attempts would slow and muddy the runs. Headless is set by each tool.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
