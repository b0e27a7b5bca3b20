/**
 * Checks every browser test runs on every page it opens: nothing in the console, no
 * uncaught exception, no failed request, and no axe-core violation of WCAG 2.1 A/AA.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG levels the site promises (WCAG 2.1 AA, which includes 2.0 A and AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Starts recording problems on `page`: console errors, uncaught page errors, requests
 * that fail and responses with an error status (a missing favicon shows up
 * here even when Chromium keeps it out of the console). Call before `page.goto`.
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // ERR_ABORTED is the browser cancelling a load because the test navigated away (a
    // click on a link while the header image loads): not a fault of the page.
    if (reason !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()} (${reason})`);
  });
  // The site loads nothing from other origins, so any error status is ours to fix.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Runs axe on the page as it is now and fails with one readable line per violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const readable = violations.map(
    ({ id, help, nodes }) =>
      `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join('; ')})`,
  );
  expect(readable, `axe violations on ${page.url()}`).toEqual([]);
}
