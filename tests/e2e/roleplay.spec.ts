/**
 * Role-plays end to end in Chromium: the best path to the best ending scores the computed
 * maximum, the worst loses the customer, going back in practice mode leaves the score of
 * the steps kept, a typed reply is credited with exactly what it shows, a reload in the
 * middle resumes, the list and the player pass axe at desktop and phone widths, and a
 * whole conversation can be played with the keyboard alone. Paths and expected scores
 * come from the role-play module on the files themselves, so the tests follow the files
 * as trainers edit them.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { bestPath, shortestPathTo, type PathChoice } from '../../src/roleplay/graph';
import { parseRoleplay } from '../../src/roleplay/load';
import type { Roleplay } from '../../src/roleplay/schema';
import { rubricLabel } from '../../src/components/labels';
import { chooseReply, startConversation, viewConversation } from '../../src/roleplay/session';
import { createProfile, tabTo, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

function load(id: string): Roleplay {
  const file = `simulations/roleplays/${id}.yaml`;
  const parsed = parseRoleplay(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${id} does not load`);
  return parsed.value;
}

const TAP = load('tap-that-stayed-behind');
const CHAIRS = load('just-cancel-it');

/** The score the module gives a path of choices. */
function scoreOf(roleplay: Roleplay, choices: PathChoice[]) {
  const conversation = choices.reduce(
    (c, choice) => chooseReply(roleplay, c, choice.option),
    startConversation(roleplay, 'practice'),
  );
  return viewConversation(roleplay, conversation).score;
}

const optionText = (roleplay: Roleplay, choice: PathChoice) =>
  roleplay.nodes[choice.node]!.options[choice.option]!.text;

async function openAndStart(page: Page, roleplay: Roleplay, mode: 'Practice' | 'Assessment') {
  await page.goto(`/roleplays/${roleplay.id}/`);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await expect(conversationHeading(page)).toBeVisible();
}

/**
 * The player's "Conversation" heading, exactly: the debrief has a heading "The
 * conversation" too, which a substring match would find before going back has been saved.
 */
const conversationHeading = (page: Page) =>
  page.getByRole('heading', { name: 'Conversation', exact: true });

/** Replies kept so far, as the player reports them once a reply is saved and shown. */
const steps = (page: Page) => page.locator('.player');

async function choose(page: Page, roleplay: Roleplay, choice: PathChoice) {
  const before = Number(await steps(page).getAttribute('data-steps'));
  await page.getByRole('button', { name: optionText(roleplay, choice), exact: true }).click();
  await expect(steps(page)).toHaveAttribute('data-steps', String(before + 1));
}

async function play(page: Page, roleplay: Roleplay, choices: PathChoice[]) {
  for (const choice of choices) await choose(page, roleplay, choice);
}

const scoreLine = (page: Page) => page.getByTestId('roleplay-score');
const rubricRow = (page: Page, item: string) =>
  page.getByRole('table', { name: 'Rubric' }).getByRole('row', { name: new RegExp(`^${item}`) });

test('the best path reaches the best ending with the computed maximum score', async ({ page }) => {
  const problems = watchForProblems(page);
  const best = bestPath(TAP)!;
  await openAndStart(page, TAP, 'Assessment');
  // Assessment mode: no feedback and no going back during the conversation.
  await choose(page, TAP, best.choices[0]!);
  await expect(page.getByText(/^Mood \d+ → \d+/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Go back a step' })).toHaveCount(0);
  await play(page, TAP, best.choices.slice(1));
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Resolved' })).toBeVisible();
  await expect(scoreLine(page)).toHaveText(`Score: ${best.points} of ${best.points} (100 %)`);
  const moods = viewConversation(
    TAP,
    best.choices.reduce(
      (c, choice) => chooseReply(TAP, c, choice.option),
      startConversation(TAP, 'assessment'),
    ),
  ).moodHistory;
  await expect(page.getByTestId('mood-history')).toContainText(moods.join(' → '));
  for (const item of TAP.rubric) {
    const cells = rubricRow(page, rubricLabel(item.id)).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(`Found: ${item.points} of ${item.points}`);
  }
  // The list shows the profile's best and last score.
  await page.goto('/roleplays/');
  await waitForIslands(page);
  await expect(
    page.getByRole('article', { name: TAP.title }).getByText('Best 100 %, last 100 %.'),
  ).toBeVisible();
  expect(problems).toEqual([]);
});

test('the worst path loses the customer and scores what its replies earned', async ({ page }) => {
  const worst = shortestPathTo(TAP, 'lost')!;
  const expected = scoreOf(TAP, worst);
  await openAndStart(page, TAP, 'Practice');
  await play(page, TAP, worst);
  await expect(page.getByRole('heading', { name: 'Customer lost' })).toBeVisible();
  await expect(scoreLine(page)).toHaveText(
    `Score: ${expected.total} of ${expected.max} (${expected.percent} %)`,
  );
  expect(expected.total).toBeLessThan(expected.max);
});

test('going back a step in practice mode keeps the score of the steps kept', async ({ page }) => {
  const best = bestPath(TAP)!;
  await openAndStart(page, TAP, 'Practice');
  await play(page, TAP, best.choices.slice(0, 2));
  const moodBefore = await page.getByTestId('mood').textContent();
  // A poor reply, its feedback, then taken back: the mood is as it was.
  const poor = { node: best.choices[2]!.node, option: 1 };
  await choose(page, TAP, poor);
  await expect(page.getByText(optionText(TAP, poor), { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Go back a step' }).click();
  await expect(steps(page)).toHaveAttribute('data-steps', '2');
  await expect(page.getByTestId('mood')).toHaveText(moodBefore!);
  await play(page, TAP, best.choices.slice(2));
  await expect(scoreLine(page)).toHaveText(`Score: ${best.points} of ${best.points} (100 %)`);

  // Back from the ending, a different last reply: scored as if the first never happened.
  await page.getByRole('button', { name: 'Go back a step' }).click();
  await expect(conversationHeading(page)).toBeVisible();
  await expect(steps(page)).toHaveAttribute('data-steps', String(best.choices.length - 1));
  const last = best.choices.at(-1)!;
  const other = { node: last.node, option: last.option === 0 ? 1 : 0 };
  await choose(page, TAP, other);
  const expected = scoreOf(TAP, [...best.choices.slice(0, -1), other]);
  await expect(scoreLine(page)).toHaveText(
    `Score: ${expected.total} of ${expected.max} (${expected.percent} %)`,
  );
  await expect(rubricRow(page, 'Keep the record straight')).toContainText('Missed');
});

test('a typed reply with an apology and a date is credited with those two items only', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await openAndStart(page, CHAIRS, 'Practice');
  const reply = page.getByLabel('Or write your own reply');
  await page.getByRole('button', { name: 'Send my reply' }).click();
  await expect(page.getByRole('alert')).toHaveText('Type a reply before sending it.');
  await expect(steps(page)).toHaveAttribute('data-steps', '0');

  await reply.fill("I'm so sorry, Tom. The chairs are now expected on Friday 27 March.");
  await page.getByRole('button', { name: 'Send my reply' }).click();
  await expect(steps(page)).toHaveAttribute('data-steps', '1');
  const feedback = page.getByRole('list', { name: 'Conversation so far' });
  await expect(feedback.getByText('Found in your words:')).toBeVisible();
  await expect(feedback.getByRole('listitem').filter({ hasText: /^Acknowledge/ })).toHaveText(
    'Acknowledge and apologise sincerely: “sorry”',
  );
  await expect(feedback.getByRole('listitem').filter({ hasText: /^A transparent/ })).toHaveText(
    'A transparent, realistic date: “Friday 27 March”',
  );

  // Finish on replies that earn nothing: only the typed reply's two items are found.
  await play(page, CHAIRS, [
    { node: 'options', option: 1 },
    { node: 'pushback', option: 1 },
  ]);
  await expect(page.getByRole('heading', { name: 'Customer lost' })).toBeVisible();
  await expect(rubricRow(page, 'Acknowledge')).toContainText('Reply 1, your words: “sorry”');
  await expect(rubricRow(page, 'A transparent')).toContainText(
    'Reply 1, your words: “Friday 27 March”',
  );
  for (const other of [
    'Offer alternatives',
    'Offer a fitting remedy',
    'Take ownership',
    'Keep the record',
  ])
    await expect(rubricRow(page, other)).toContainText('Missed');
  const points = (id: string) => CHAIRS.rubric.find((item) => item.id === id)!.points;
  const total = points('acknowledge-apologise') + points('transparent-date');
  await expect(scoreLine(page)).toHaveText(`Score: ${total} of 100 (${total} %)`);
  expect(problems).toEqual([]);
});

test('a reload in the middle of a conversation resumes it', async ({ page }) => {
  const best = bestPath(TAP)!;
  await openAndStart(page, TAP, 'Assessment');
  await play(page, TAP, best.choices.slice(0, 2));
  const mood = await page.getByTestId('mood').textContent();
  await page.reload();
  await waitForIslands(page);
  await expect(conversationHeading(page)).toBeVisible();
  await expect(steps(page)).toHaveAttribute('data-steps', '2');
  await expect(page.getByTestId('mood')).toHaveText(mood!);
  await expect(page.getByText(/Assessment mode/)).toBeVisible();
  await play(page, TAP, best.choices.slice(2));
  await expect(scoreLine(page)).toHaveText(`Score: ${best.points} of ${best.points} (100 %)`);
  // The ended attempt shows its debrief again after another reload.
  await page.reload();
  await waitForIslands(page);
  await expect(scoreLine(page)).toHaveText(`Score: ${best.points} of ${best.points} (100 %)`);
});

test('keyboard only: a whole conversation without a mouse', async ({ page }) => {
  await page.goto(`/roleplays/${CHAIRS.id}/`);
  await waitForIslands(page);
  await tabTo(page, page.getByLabel('Your name'));
  await page.keyboard.type('Dev Patel');
  await tabTo(page, page.getByRole('button', { name: 'Create profile' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Dev Patel/ })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Start the conversation' }));
  await page.keyboard.press('Enter');
  const best = bestPath(CHAIRS)!;
  for (const [i, choice] of best.choices.entries()) {
    await tabTo(page, page.getByRole('button', { name: optionText(CHAIRS, choice), exact: true }));
    await page.keyboard.press('Enter');
    await expect(steps(page)).toHaveAttribute('data-steps', String(i + 1));
  }
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeFocused();
  await expect(scoreLine(page)).toHaveText(`Score: ${best.points} of ${best.points} (100 %)`);
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`no axe violations on the list and the player at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const problems = watchForProblems(page);
    await page.goto('/roleplays/');
    await waitForIslands(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Role-plays' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(6);
    await expectNoAxeViolations(page);
    await openAndStart(page, TAP, 'Practice');
    await expectNoAxeViolations(page);
    const best = bestPath(TAP)!;
    await play(page, TAP, best.choices.slice(0, 2));
    await page.getByLabel('Or write your own reply').fill('Sorry, not sorry.');
    await expectNoAxeViolations(page);
    await play(page, TAP, best.choices.slice(2));
    await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
    await expectNoAxeViolations(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
    expect(problems).toEqual([]);
  });
}

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('the player has no axe violations in the conversation and the debrief', async ({ page }) => {
    const worst = shortestPathTo(CHAIRS, 'lost')!;
    await openAndStart(page, CHAIRS, 'Practice');
    await choose(page, CHAIRS, worst[0]!);
    await expectNoAxeViolations(page);
    await play(page, CHAIRS, worst.slice(1));
    await expect(page.getByRole('heading', { name: 'Customer lost' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test('with storage blocked, a shift and a role-play still play in memory, under a banner that nothing will be kept', async ({
  browser,
}) => {
  const context = await browser.newContext();
  // A browser that refuses to open IndexedDB, as private modes and locked-down policies do.
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const banner = page.getByTestId('memory-notice');

  await page.goto('/simulations/three-backorder-types/');
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await expect(banner).toHaveText(/nothing will be kept on this device/);
  await expect(page.getByTestId('memory-chip')).toHaveText(
    'In memory only: progress will not be kept',
  );
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:00');
  await page.getByRole('button', { name: 'Advance to next event' }).click();
  await expect(page.getByTestId('log-length')).not.toHaveText('0 entries');
  await expect(page.getByTestId('clock-now')).not.toHaveText('Mon 2 Mar, 08:00');
  await expectNoAxeViolations(page);

  await page.goto(`/roleplays/${TAP.id}/`);
  await waitForIslands(page);
  // A new page is a new memory: the profile went with the last one.
  await createProfile(page, 'Ana Ruiz');
  await expect(banner).toHaveText(/nothing will be kept on this device/);
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await expect(conversationHeading(page)).toBeVisible();
  await choose(page, TAP, bestPath(TAP)!.choices[0]!);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/roleplay-in-memory.png', fullPage: true });

  // Nothing was kept: after a reload, no profile and no conversation.
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByRole('region', { name: 'Profiles on this browser' })).toBeVisible();
  await expect(conversationHeading(page)).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});
