/**
 * Records beyond one browser (issue 15), in Chromium against a real learning record store
 * (tests/fixtures/lrs.ts): an administrator sets the LRS up and tests it, a trainee's lesson
 * made while the LRS cannot be reached waits in the outbox across a reload and arrives
 * exactly once, and refused credentials stop sending with a message saying so.
 */
import { expect, test, type Page } from '@playwright/test';
import { startTestLrs, type TestLrs } from '../fixtures/lrs';
import { createProfile, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

// One LRS for the file, on a port far from the preview servers of other checkouts.
test.describe.configure({ mode: 'serial' });
let lrs: TestLrs;
test.beforeAll(async () => {
  lrs = await startTestLrs();
});
test.afterAll(() => lrs?.close());

const LESSON = '/courses/backorders-and-partial-shipments/01-basics/01-what-is-a-backorder/';

const settingsOf = (page: Page) => page.getByRole('form', { name: 'Connection' });

async function setUp(page: Page, homePage: string, credentials: Record<string, string>) {
  await page.goto('/lrs/');
  await waitForIslands(page);
  await page.getByLabel('Endpoint').fill(lrs.endpoint);
  await page.getByLabel('Organisation home page').fill(homePage);
  for (const [label, value] of Object.entries(credentials))
    await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(settingsOf(page).getByRole('status')).toHaveText(/^Saved\./);
}

const mine = async (homePage: string) =>
  (await lrs.statements()).filter((s) => JSON.stringify(s.actor).includes(homePage));

test('a lesson done while the LRS is out of reach waits, survives a reload, and arrives once', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  const home = 'https://north.example.com/';
  await setUp(page, home, { Key: 'trainee', Secret: 'write-only' });
  await page.getByRole('button', { name: 'Test' }).click();
  await expect(settingsOf(page).getByRole('status')).toHaveText(
    /^Connected\. The LRS speaks xAPI 1\.0\.3/,
  );
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);

  // The LRS goes down: it cannot be reached, the site still works.
  await lrs.stop();
  await page.goto(LESSON);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await page.reload();
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await expect(page.getByText('You have completed this lesson.')).toBeVisible();

  await page.goto('/lrs/');
  await waitForIslands(page);
  const sending = page.getByRole('region', { name: 'Sending' });
  await expect(sending.getByRole('definition').first()).toHaveText('2');
  await expect(sending).toContainText('The LRS could not be reached');

  // The LRS is back, and so is the browser's connection: the outbox goes.
  await lrs.start();
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await expect(sending.getByRole('definition').nth(1)).toHaveText('2');
  const stored = await mine(home);
  expect(stored.map((s) => (s.verb as { id: string }).id).sort()).toEqual([
    'http://adlnet.gov/expapi/verbs/completed',
    'http://adlnet.gov/expapi/verbs/experienced',
  ]);
  await expectNoAxeViolations(page);
});

test('refused credentials stop sending and say what to do', async ({ page }) => {
  const home = 'https://south.example.com/';
  await setUp(page, home, { 'Or a token': 'missing_token' });
  await page.goto(LESSON);
  await waitForIslands(page);
  await createProfile(page, 'Ben Okafor');
  await page.goto('/lrs/');
  await waitForIslands(page);
  await expect(page.getByRole('alert')).toHaveText(/The LRS refused the key and secret/);
  await expect(
    page.getByRole('region', { name: 'Sending' }).getByRole('definition').first(),
  ).toHaveText('1');
  expect(await mine(home)).toEqual([]);
  await expectNoAxeViolations(page);
});
