/**
 * The manager's dashboard reading a real learning record store (issue 15): Ana trains on
 * her own browser with the LRS set up (a lesson and a shift, sent by the outbox), Ben's
 * statements are already in the LRS (built by the site's own builders from real engine
 * logs), and a manager's fresh browser, given a read key, sees both trainees with their
 * runs replay-verified; a refused key says so and changes nothing; a reload keeps them.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeBundle, scenarioFiles } from '../fixtures/bundles';
import { LRS_AUTH, startTestLrs, type TestLrs } from '../fixtures/lrs';
import { statementsOf } from '../fixtures/statements';
import { endShift, showPanel } from './desk';
import { createProfile, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

test.describe.configure({ mode: 'serial' });
let lrs: TestLrs;
test.beforeAll(async () => {
  lrs = await startTestLrs();
});
test.afterAll(() => lrs?.close());

const HOME = 'https://west.example.com/';
const LESSON = '/courses/backorders-and-partial-shipments/01-basics/01-what-is-a-backorder/';

/** Ana's own browser: the LRS set up with a write key, a lesson done and a shift ended. */
async function anaTrains(page: Page) {
  await page.goto('/lrs/');
  await waitForIslands(page);
  await page.getByLabel('Endpoint').fill(lrs.endpoint);
  await page.getByLabel('Organisation home page').fill(HOME);
  await page.getByLabel('Key').fill('trainee');
  await page.getByLabel('Secret').fill('write-only');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('form', { name: 'Connection' }).getByRole('status')).toHaveText(
    /^Saved\./,
  );
  await page.goto(LESSON);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await expect(page.getByText('You have completed this lesson.')).toBeVisible();
  await page.goto('/simulations/three-backorder-types/');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await showPanel(page, 'Inventory');
  await page.getByRole('button', { name: 'Check stock of PLB-CU15-EL90' }).first().click();
  await endShift(page);
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
}

/** Ben trained elsewhere: his statements are in the LRS already. */
async function benIsInTheLrs() {
  const at = new Date('2026-03-04T09:00:00Z');
  const ben = makeBundle({
    profile: { id: 'p-ben-okafor', name: 'Ben Okafor' },
    courseDoneOn: at,
    runs: [{ id: 'ben-run-1', scenario: scenarioFiles().get('whole-lines-only')!, at }],
  });
  const response = await fetch(`${lrs.endpoint}statements`, {
    method: 'POST',
    headers: {
      Authorization: LRS_AUTH,
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
    },
    body: JSON.stringify(statementsOf(ben, { homePage: HOME, activityBase: HOME })),
  });
  expect(response.status).toBe(200);
}

test('a manager with a read key sees two trainees from the LRS, and a reload keeps them', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const trainee = await browser.newContext();
  await anaTrains(await trainee.newPage());
  await benIsInTheLrs();
  // Ana's outbox has sent her lesson and her shift, the run's log with it.
  await expect
    .poll(async () =>
      (await lrs.statements())
        .filter((s) => JSON.stringify(s.actor).includes('Ana Ruiz'))
        .map((s) => (s.verb as { id: string }).id.split('/').pop())
        .sort(),
    )
    .toEqual(['attempted', 'completed', 'experienced', expect.stringMatching(/^(passed|failed)$/)]);
  await trainee.close();

  const manager = await browser.newContext();
  const page = await manager.newPage();
  const problems = watchForProblems(page);
  await page.goto('/manager/');
  await waitForIslands(page);
  await expect(page.locator('.manager[data-status="ready"]')).toBeVisible();
  const panel = page.getByRole('region', { name: 'Read from a learning record store' });
  await panel.getByLabel('LRS endpoint').fill(lrs.endpoint);
  await panel.getByLabel('Activity base').fill(HOME);

  // A key the LRS refuses: said plainly, the key field has focus, nothing is added.
  await panel.getByLabel('Or a read token').fill('missing_token');
  await panel.getByRole('button', { name: 'Save and read' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/^The LRS refused the read key \(401\)/);
  await expect(panel.getByLabel('Read key')).toBeFocused();
  await expect(page.getByText('No trainees match.')).toBeVisible();

  await panel.getByLabel('Or a read token').fill('');
  await panel.getByLabel('Read key').fill('manager');
  await panel.getByLabel('Read secret').fill('read-only');
  await panel.getByRole('button', { name: 'Save and read' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    /^Last read \d{4}-\d\d-\d\d \d\d:\d\d UTC: \d+ statements from 2 trainees \(Ana Ruiz, Ben Okafor\), \d+ records added\.\s*$/,
  );
  await expect(panel.getByRole('alert')).toHaveCount(0);
  const roster = page.getByTestId('roster');
  await expect(roster.getByRole('link', { name: 'Ana Ruiz' })).toBeVisible();
  await expect(roster.getByRole('link', { name: 'Ben Okafor' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Ana's shift came with its log: replayed here, it is replay-verified, like a bundle's.
  await roster.getByRole('link', { name: 'Ana Ruiz' }).click();
  await expect(page.getByText('Replay-verified').first()).toBeVisible();

  // A reload reads nothing again: the trainees are stored on this browser.
  await page.goto('/manager/');
  await waitForIslands(page);
  await expect(roster.getByRole('link', { name: 'Ana Ruiz' })).toBeVisible();
  await expect(roster.getByRole('link', { name: 'Ben Okafor' })).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('from 2 trainees');

  // Reading again asks only for what is new: nothing, and nothing is added.
  await panel.getByRole('button', { name: 'Read now' }).click();
  await expect(panel.getByRole('status')).toContainText('0 statements from 0 trainees');
  await expect(roster.locator('tbody tr[data-trainee]')).toHaveCount(2);
  // The one refused read above is the only request that failed.
  expect(problems).toEqual([
    expect.stringMatching(/^HTTP 401: .*\/statements\?activity=/),
    expect.stringContaining('status of 401 (Unauthorized)'),
  ]);
});
