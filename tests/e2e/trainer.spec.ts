/**
 * The trainer's console (issue 5), in Chromium: a live session across two windows of one
 * browser (the trainer's page and the trainee's page share a BroadcastChannel and
 * IndexedDB, as two windows on one computer do), with an injected PO delay the trainee sees
 * as a new promise date, reloads of either window in the middle, and axe on the new pages.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ROLEPLAY_STARTER, SCENARIO_STARTER } from '../../src/trainer/authoring';
import { endShift, showPanel } from './desk';
import { createProfile, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

/** The promise date shown in the trainee's order detail. */
function promiseDate(page: Page, order = 'SO-51108') {
  return page
    .getByRole('region', { name: `Order ${order}` })
    .locator('dt:text-is("Promise date") + dd');
}

async function openOrder(page: Page, order: string) {
  const queue = page.getByRole('region', { name: 'Order queue table' });
  await queue.getByRole('button', { name: order, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Order ${order}` })).toBeVisible();
}

test('a live session: the trainer holds the clock and delays a PO, the trainee sees the new promise date, through reloads', async ({
  context,
}) => {
  // Two windows, a reload of each and axe in both: three times the suite's limit, as for
  // the offline journey. Under two CPU hogs and a build it ran out of 120 s at its last check.
  test.slow();
  const trainer = await context.newPage();
  const trainerProblems = watchForProblems(trainer);
  await trainer.goto('/trainer/');
  await waitForIslands(trainer);
  await createProfile(trainer, 'Ana Ruiz', 'trainee');
  await createProfile(trainer, 'Maria Keller', 'trainer');

  await expect(trainer.getByLabel('Your name (trainer)')).toHaveValue('Maria Keller');
  await trainer.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  await trainer
    .getByLabel('Scenario or role-play')
    .selectOption({ label: 'Three kinds of backorder' });
  await trainer.getByRole('button', { name: 'Start the live session' }).click();
  const code = (await trainer.getByTestId('session-code').textContent())!.replace('-', '');
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(trainer.getByTestId('trainee-stage')).toHaveText('not joined yet');

  // The trainee's window joins by typing the code, and plays as Ana, though Maria's profile
  // is the one in use on this computer.
  const trainee = await context.newPage();
  const traineeProblems = watchForProblems(trainee);
  await trainee.goto('/trainer/live/');
  await waitForIslands(trainee);
  await trainee
    .getByLabel('Session code')
    .fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
  await trainee.getByRole('button', { name: 'Join the session' }).click();
  await expect(trainee.getByText('Ana Ruiz with Maria Keller')).toBeVisible();
  await expect(trainee.getByRole('heading', { name: 'Briefing' })).toBeVisible();
  await expect(trainer.getByTestId('trainee-stage')).toHaveText('reading the briefing');
  await trainee.getByRole('button', { name: 'Start the shift' }).click();
  await expect(trainer.getByTestId('trainee-stage')).toHaveText('at the order desk');

  await openOrder(trainee, 'SO-51108');
  await expect(promiseDate(trainee)).toHaveText('Thu 5 Mar, 10:00');

  // The trainer holds the clock: the trainee cannot resume or advance it.
  await trainer.getByRole('button', { name: 'Pause the clock' }).click();
  await expect(trainee.getByText('Paused by Maria Keller')).toBeVisible();
  await expect(trainee.getByRole('button', { name: 'Advance to next event' })).toBeDisabled();
  await expect(trainee.getByRole('button', { name: 'Resume' })).toHaveCount(0);

  // PO-4471 is three days late.
  await trainer.getByRole('radio', { name: 'Purchase order delayed' }).check();
  await trainer.getByLabel('Purchase order', { exact: true }).selectOption('PO-4471');
  await trainer.getByLabel('Delay by (days)').fill('3');
  await trainer.getByRole('button', { name: "Send to the trainee's desk" }).click();
  await expect(
    trainer.getByRole('listitem').filter({
      hasText: "PO-4471 delayed by 3 day(s): in the trainee's log at Mon 2 Mar, 08:00.",
    }),
  ).toBeVisible();
  await expect(promiseDate(trainee)).toHaveText('Sun 8 Mar, 10:00');
  await expect(trainer.getByTestId('decisions')).toContainText(
    'PO-4471 delayed to Sun 8 Mar, 10:00',
  );

  // A reload of the trainee's window: back in the session, the delay kept, the clock still held.
  await trainee.reload();
  await waitForIslands(trainee);
  await expect(trainee.getByText('Paused by Maria Keller')).toBeVisible();
  await openOrder(trainee, 'SO-51108');
  await expect(promiseDate(trainee)).toHaveText('Sun 8 Mar, 10:00');

  // A reload of the trainer's window: the same session, and the trainer can let go of the clock.
  await trainer.reload();
  await waitForIslands(trainer);
  await expect(trainer.getByTestId('session-code')).toHaveText(
    `${code.slice(0, 3)}-${code.slice(3)}`,
  );
  await expect(trainer.getByTestId('trainee-stage')).toHaveText('at the order desk');
  await trainer.getByRole('button', { name: 'Resume the clock' }).click();
  await expect(trainee.getByRole('button', { name: 'Advance to next event' })).toBeEnabled();

  // Events go on arriving once the clock runs again.
  await trainer.getByRole('radio', { name: 'Item discontinued' }).check();
  await trainer.getByLabel('Item', { exact: true }).selectOption({ index: 1 });
  await trainer.getByRole('button', { name: "Send to the trainee's desk" }).click();
  await expect(
    trainer.getByRole('listitem').filter({ hasText: /discontinued: in the trainee's log/ }),
  ).toBeVisible();

  await expectNoAxeViolations(trainer);
  await expectNoAxeViolations(trainee);

  // The trainer reads every decision of the shift on Ana's record, the injected delay included.
  await trainer.goto('/trainer/records/');
  await waitForIslands(trainer);
  await trainer.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  // Dates are written the one way the desk writes them, not in the browser's locale.
  await expect(
    trainer.getByText(/^Started \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} · /),
  ).toBeVisible();
  await trainer.getByRole('button', { name: 'Every decision in this shift' }).click();
  await expect(trainer.getByText('Step 1 of 2')).toBeVisible();
  await expect(trainer.getByText('PO-4471 delayed to Sun 8 Mar, 10:00 (the system)')).toBeVisible();
  await expect(trainer.getByText('Injected by a trainer.')).toBeVisible();
  await expectNoAxeViolations(trainer);
  expect(trainerProblems).toEqual([]);
  expect(traineeProblems).toEqual([]);
});

test('a live shift with a trainer injection ends with the same debrief before and after a reload', async ({
  context,
}) => {
  const trainer = await context.newPage();
  await trainer.goto('/trainer/');
  await waitForIslands(trainer);
  await createProfile(trainer, 'Ana Ruiz', 'trainee');
  await createProfile(trainer, 'Maria Keller', 'trainer');
  await trainer.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  await trainer
    .getByLabel('Scenario or role-play')
    .selectOption({ label: 'Three kinds of backorder' });
  await trainer.getByRole('button', { name: 'Start the live session' }).click();
  const code = (await trainer.getByTestId('session-code').textContent())!;

  const trainee = await context.newPage();
  await trainee.goto('/trainer/live/');
  await waitForIslands(trainee);
  await trainee.getByLabel('Session code').fill(code);
  await trainee.getByRole('button', { name: 'Join the session' }).click();
  await trainee.getByRole('button', { name: 'Start the shift' }).click();
  await expect(trainer.getByTestId('trainee-stage')).toHaveText('at the order desk');

  // The trainer delays PO-4471: an event the scenario does not have.
  await trainer.getByRole('radio', { name: 'Purchase order delayed' }).check();
  await trainer.getByLabel('Purchase order', { exact: true }).selectOption('PO-4471');
  await trainer.getByLabel('Delay by (days)').fill('3');
  await trainer.getByRole('button', { name: "Send to the trainee's desk" }).click();
  await expect(trainer.getByTestId('decisions')).toContainText('PO-4471 delayed');

  await endShift(trainee);
  await expect(trainee.getByRole('heading', { name: 'Debrief' })).toBeVisible();

  /** What the debrief says: the score, each deduction, what was handed over, the comparison. */
  const debrief = async () => ({
    score: await trainee.getByTestId('score-total').textContent(),
    deductions: await trainee
      .locator('[data-rule]')
      .evaluateAll((items) => items.map((item) => item.textContent?.trim())),
    handover: await trainee
      .locator('[data-handover]')
      .evaluateAll((items) => items.map((item) => item.textContent?.trim())),
    comparison: await trainee.getByRole('region', { name: 'Allocation comparison' }).textContent(),
  });
  const live = await debrief();
  await expect(trainee.getByText(/A trainer injected an event into this shift/)).toBeVisible();
  expect(live.comparison).toContain('SO-51108');

  await trainee.reload();
  await waitForIslands(trainee);
  await expect(trainee.getByRole('heading', { name: 'Debrief' })).toBeVisible();
  await expect(trainee.getByText(/A trainer injected an event into this shift/)).toBeVisible();
  expect(await debrief()).toEqual(live);
});

test("a live role-play: the trainer plays the customer, and the rubric assessment lands on the trainee's record", async ({
  context,
}) => {
  const trainer = await context.newPage();
  const trainerProblems = watchForProblems(trainer);
  await trainer.goto('/trainer/');
  await waitForIslands(trainer);
  await createProfile(trainer, 'Ana Ruiz', 'trainee');
  await createProfile(trainer, 'Maria Keller', 'trainer');
  await trainer.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  await trainer.getByLabel('Scenario or role-play').selectOption({ label: 'The date that moved' });
  await trainer.getByRole('button', { name: 'Start the live session' }).click();
  const code = (await trainer.getByTestId('session-code').textContent())!.replace('-', '');
  const opening = (await trainer.getByTestId('customer-line').textContent())!.trim();

  const trainee = await context.newPage();
  const traineeProblems = watchForProblems(trainee);
  await trainee.goto(`/trainer/live/?code=${code}`);
  await waitForIslands(trainee);
  await expect(trainee.getByRole('heading', { name: 'The date that moved' })).toBeVisible();
  await expect(trainee.getByTestId('trainee-customer-line')).toHaveText(opening);
  await expect(trainer.getByTestId('trainee-stage')).toHaveText('in the conversation');

  // The trainee answers out loud; the trainer follows the closest branch, and both windows move on.
  await trainer
    .getByRole('list', { name: 'Which reply was closest to what the trainee said?' })
    .getByRole('button')
    .first()
    .click();
  const next = (await trainer.getByTestId('customer-line').textContent())!.trim();
  expect(next).not.toBe(opening);
  // The customer's mood as the trainee's own player shows it: a meter, its number and a word.
  await expect(trainer.getByRole('meter', { name: /'s mood$/ })).toBeVisible();
  await expect(trainer.getByTestId('mood')).toHaveText(
    /^\d+ of 100, (furious|angry|uneasy|calmer|satisfied)$/,
  );
  await expect(trainee.getByTestId('trainee-customer-line')).toHaveText(next);

  // A reload of the trainee's window finds the conversation where it was.
  await trainee.reload();
  await waitForIslands(trainee);
  await expect(trainee.getByTestId('trainee-customer-line')).toHaveText(next);

  await trainer.getByRole('checkbox', { name: /^Acknowledge and apologise sincerely/ }).check();
  // A reload of the trainer's window keeps the conversation, the ticks and the notes.
  await trainer.getByLabel('Notes for the trainee').fill('Warm apology.');
  await trainer.reload();
  await waitForIslands(trainer);
  await expect(trainer.getByTestId('customer-line')).toHaveText(next);
  await expect(
    trainer.getByRole('checkbox', { name: /^Acknowledge and apologise sincerely/ }),
  ).toBeChecked();
  await expect(trainer.getByLabel('Notes for the trainee')).toHaveValue('Warm apology.');
  await trainer
    .getByLabel('Notes for the trainee')
    .fill('Warm apology. Give the date <b>first</b> next time.');
  await trainer.getByRole('button', { name: "Save the assessment to Ana Ruiz's record" }).click();
  await expect(trainer.getByText("Assessment saved to Ana Ruiz's record.")).toBeVisible();
  await expectNoAxeViolations(trainer);
  await expectNoAxeViolations(trainee);

  await trainer.goto('/trainer/records/');
  await waitForIslands(trainer);
  await trainer.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  const assessments = trainer.getByRole('region', { name: 'Assessments of Ana Ruiz' });
  await expect(assessments.getByRole('heading', { name: 'The date that moved' })).toBeVisible();
  await expect(assessments.getByText(/^By Maria Keller, .*, live role-play$/)).toBeVisible();
  const rubric = assessments.getByRole('list', { name: 'Rubric' });
  await expect(rubric.getByRole('listitem').first()).toHaveText(
    /^Yes: Acknowledge and apologise sincerely$/,
  );
  await expect(
    rubric.getByRole('listitem').filter({ hasText: 'Not yet: A transparent, realistic date' }),
  ).toBeVisible();
  // What the trainer typed is shown as text, never as markup.
  await expect(
    assessments.getByText('Notes: Warm apology. Give the date <b>first</b> next time.'),
  ).toBeVisible();
  await expectNoAxeViolations(trainer);
  expect(trainerProblems).toEqual([]);
  expect(traineeProblems).toEqual([]);
});

test('a trainee window with a code no trainer runs says so', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/trainer/live/');
  await waitForIslands(page);
  await page.getByLabel('Session code').fill('nope');
  await page.getByRole('button', { name: 'Join the session' }).click();
  await expect(page.getByRole('alert')).toHaveText(/6 letters and digits/);
  await page.getByLabel('Session code').fill('ABC234');
  await page.getByRole('button', { name: 'Join the session' }).click();
  await expect(
    page.getByText(/No trainer's console on this computer is running session ABC234/),
  ).toBeVisible();
  expect(problems).toEqual([]);
});

test("hostile messages on a live session's channel are refused in words in both windows, shown as text, and the session goes on", async ({
  context,
}) => {
  const trainer = await context.newPage();
  const trainerProblems = watchForProblems(trainer);
  await trainer.goto('/trainer/');
  await waitForIslands(trainer);
  await createProfile(trainer, 'Ana Ruiz', 'trainee');
  await createProfile(trainer, 'Maria Keller', 'trainer');
  await trainer.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  await trainer
    .getByLabel('Scenario or role-play')
    .selectOption({ label: 'Three kinds of backorder' });
  await trainer.getByRole('button', { name: 'Start the live session' }).click();
  const code = (await trainer.getByTestId('session-code').textContent())!.replace('-', '');
  const trainee = await context.newPage();
  const traineeProblems = watchForProblems(trainee);
  await trainee.goto(`/trainer/live/?code=${code}`);
  await waitForIslands(trainee);
  await trainee.getByRole('button', { name: 'Start the shift' }).click();
  await expect(trainer.getByTestId('trainee-stage')).toHaveText('at the order desk');

  // Another page of the site learns the session from the channel, as any page can, then
  // posts junk, a huge payload, HTML, and an event for an order that does not exist.
  const hostile = await context.newPage();
  await hostile.goto('/');
  await hostile.evaluate(async (code) => {
    const channel = new BroadcastChannel(`backorder-academy-live-${code}`);
    const session = await new Promise<string>((resolve) => {
      channel.onmessage = (event) => {
        if (event.data?.kind === 'session') resolve(event.data.session.id);
      };
      channel.postMessage({ kind: 'hello' });
    });
    const html = '<img src=x onerror="window.pwned = true">';
    for (const junk of [
      html,
      { kind: 'explode', session },
      { kind: 'status', session, stage: html, runId: null, now: null, logLength: 0, paused: false },
      { kind: 'pause', session, junk: 'x'.repeat(3 * 1024 * 1024) },
      {
        kind: 'inject',
        session,
        id: 'evil-1',
        event: { type: 'customer-message', order: 'SO-NOPE', intent: 'ask-status', text: html },
      },
      { kind: 'injected', session, id: 'evil-2', ok: true, at: null, message: html },
    ])
      channel.postMessage(junk);
  }, code);

  await expect(
    trainee.getByText(/^An event sent to this desk was not taken: There is no order SO-NOPE\.$/),
  ).toBeVisible();
  await expect(trainee.getByTestId('ignored')).toHaveText(
    "Ignored 4 messages on this session's channel that did not fit a live session; the last was a message larger than 2 MB or nested deeper than 24 levels. Another page on this computer may be posting on it.",
  );
  // The console heard the junk too, and the replies about events it never sent.
  await expect(trainer.getByTestId('ignored')).toHaveText(
    /^Ignored 6 messages .*; the last was a reply about an event this console did not send\./,
  );
  await trainee.screenshot({ path: 'test-results/live-hostile-trainee.png', fullPage: true });
  await trainer.screenshot({ path: 'test-results/live-hostile-trainer.png' });
  // Nothing was taken as markup, and nothing of it reached the desk or the clock.
  for (const page of [trainer, trainee]) {
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
  }
  await expect(trainee.getByText('Paused by Maria Keller')).toHaveCount(0);
  await expect(trainer.getByTestId('decisions')).toHaveCount(0);

  // The trainer's own events still land.
  await trainer.getByRole('radio', { name: 'Purchase order delayed' }).check();
  await trainer.getByLabel('Purchase order', { exact: true }).selectOption('PO-4471');
  await trainer.getByLabel('Delay by (days)').fill('3');
  await trainer.getByRole('button', { name: "Send to the trainee's desk" }).click();
  await expect(trainer.getByTestId('decisions')).toContainText('PO-4471 delayed');
  await expectNoAxeViolations(trainer);
  await expectNoAxeViolations(trainee);
  expect(trainerProblems).toEqual([]);
  expect(traineeProblems).toEqual([]);
});

test('importing a broken scenario file lists each problem with its line and saves nothing', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/trainer/authoring/');
  await waitForIslands(page);
  const broken = SCENARIO_STARTER.replace('price: 2.5', 'price: -1').replace(
    'tier: contractor',
    'tier: wholesale',
  );
  await page.getByLabel('Import a scenario or role-play file (YAML or JSON)').setInputFiles({
    name: 'broken.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(broken),
  });
  const list = page.getByRole('list', { name: 'Problems in broken.yaml' });
  await expect(page.getByRole('heading', { name: 'broken.yaml was not imported' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveText([
    /^line 16, catalog\[0\]\.price: /,
    /^line 23, customers\[1\]\.tier: expected one of/,
  ]);
  await expect(page.getByText('None yet.')).toBeVisible();
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByText('None yet.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a scenario written in the editor is checked as it is typed, saved, played and exported', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/trainer/authoring/');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Write a new scenario' }).click();
  const source = page.getByLabel('Scenario file (YAML)');
  await expect(source).toHaveValue(SCENARIO_STARTER);
  await expect(
    page.getByText('No problems: “Short on copper elbows” (my-first-scenario) can be saved.'),
  ).toBeVisible();

  // A mistake shows at once, with the field and the line, and blocks saving.
  const written = SCENARIO_STARTER.replace('Short on copper elbows', 'Zinc plugs run out').replace(
    'id: my-first-scenario',
    'id: zinc-plugs',
  );
  await source.fill(written.replace('onHand: 10', 'onHand: ten'));
  const list = page.getByRole('list', { name: 'Problems in the scenario' });
  await expect(list.getByRole('listitem')).toHaveText([
    /^line 17, catalog\[0\]\.onHand: expected number, got string/,
  ]);
  await page.getByRole('button', { name: 'Save the scenario' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Not saved: 1 problem/);
  await expectNoAxeViolations(page);
  await list.getByRole('button', { name: 'line 17, catalog[0].onHand' }).click();
  await expect(source).toBeFocused();

  await source.fill(written);
  await page.getByRole('button', { name: 'Save the scenario' }).click();
  await expect(
    page.getByRole('link', { name: 'Play “Zinc plugs run out”', exact: true }),
  ).toBeVisible();
  // Right after saving, the page offers the player.
  await expect(page.getByRole('link', { name: 'Play “Zinc plugs run out” now' })).toHaveAttribute(
    'href',
    '/simulations/custom/?id=zinc-plugs',
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export “Zinc plugs run out”' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('zinc-plugs.yaml');
  expect(readFileSync((await file.path())!, 'utf8')).toBe(written);

  await page.getByRole('link', { name: 'Play “Zinc plugs run out”', exact: true }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Zinc plugs run out' })).toBeVisible();
  await createProfile(page, 'Ana Ruiz', 'trainee');
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:00');
  await showPanel(page, 'Inventory');
  await page.getByRole('button', { name: 'Check stock of CU-ELB-15' }).click();
  await expect(page.getByTestId('log-length')).toHaveText('1 entry');
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByTestId('log-length')).toHaveText('1 entry');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

/** A "billion laughs" document: seven levels of aliases, each nine times the one before. */
const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefg'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
].join('\n');

test('100,000 pasted lines: the status never claims "No problems" before they are checked, and an alias bomb among them is refused', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/trainer/authoring/');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Write a new scenario' }).click();
  const status = page.locator('#editor-status');
  await expect(status).toHaveText(/No problems: “Short on copper elbows”/);
  // Every text the status shows from the paste on, and what it shows at the first frame.
  await page.evaluate(() => {
    const element = document.getElementById('editor-status')!;
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    document
      .getElementById('content-source')!
      .addEventListener(
        'input',
        () => requestAnimationFrame(() => seen.push(element.textContent ?? '')),
        { once: true },
      );
  });
  // The whole text in one input event, as a paste gives (fill would type it in pieces).
  await page.getByLabel('Scenario file (YAML)').evaluate(
    (area: HTMLTextAreaElement, text) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    `${LAUGHS}\n${'#\n'.repeat(100_000)}`,
  );
  // Laying out the pasted lines alone takes Chromium seconds on a loaded machine.
  await expect(
    page.getByRole('list', { name: 'Problems in the scenario' }).getByRole('listitem'),
  ).toHaveText([/aliases .* expand too far/], { timeout: 30_000 });
  await expect(status).toHaveText(/1 problem\(s\); the scenario cannot be saved/);
  const seen = await page.evaluate(
    () => (window as unknown as { __statuses: string[] }).__statuses,
  );
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((text) => text.includes('No problems'))).toEqual([]);
  // Save checks the text on screen too: nothing is kept.
  await page.getByRole('button', { name: 'Save the scenario' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Not saved: 1 problem/);
  expect(problems).toEqual([]);
});

test('a role-play file: a broken graph is refused with its path, a sound one is kept for live sessions', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/trainer/authoring/');
  await waitForIslands(page);
  const input = page.getByLabel('Import a scenario or role-play file (YAML or JSON)');
  await input.setInputFiles({
    name: 'elbows.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(ROLEPLAY_STARTER.replace('next: resolved', 'next: happy-end')),
  });
  await expect(page.getByRole('heading', { name: 'elbows.yaml was not imported' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Problems in elbows.yaml' }).getByRole('listitem').first(),
  ).toHaveText(/^line \d+, nodes\.options\.options\[0\]\.next: /);
  await expect(page.getByText('None yet.')).toBeVisible();

  await input.setInputFiles({
    name: 'elbows.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(ROLEPLAY_STARTER),
  });
  await expect(page.getByText(/^Role-play · my-first-roleplay · saved/)).toBeVisible();
  await page.goto('/trainer/');
  await waitForIslands(page);
  await expect(
    page.getByLabel('Scenario or role-play').getByRole('option', {
      name: 'The elbows that did not come (yours)',
    }),
  ).toBeAttached();
  expect(problems).toEqual([]);
});

/** Write rows into the site's IndexedDB as the pages would have left them. */
async function seedStores(page: Page, rows: Record<string, unknown[]>) {
  await page.evaluate(
    (seed) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('backorder-academy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(seed), 'readwrite');
          for (const [store, values] of Object.entries(seed))
            for (const value of values) tx.objectStore(store).add(value);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

test("trainees' lesson feedback is grouped by lesson with counts on the records page, through a reload", async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/trainer/records/');
  await waitForIslands(page);
  const card = page.getByRole('region', { name: 'Lesson feedback from trainees' });
  // The page opened the database, so its tables exist before the rows go in.
  await expect(card.getByText('No feedback yet.')).toBeVisible();
  const course = 'backorders-and-partial-shipments';
  const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
  const basics = '01-basics/01-what-is-a-backorder';
  const partial = '03-partial-shipments/01-when-to-ship-partial';
  await seedStores(page, {
    profiles: [{ id: 'p-ana', name: 'Ana Ruiz', role: 'trainee', createdAt: at(1) }],
    feedback: [
      { profileId: 'p-ana', course, lesson: partial, at: at(2), useful: 'no', change: 'Too long' },
      { profileId: 'p-ana', course, lesson: basics, at: at(3), useful: 'yes', change: '' },
      {
        profileId: 'p-gone',
        course,
        lesson: basics,
        at: at(4),
        useful: 'partly',
        change: 'A <b>picture</b>',
      },
      { profileId: 'p-ana', course, lesson: basics, at: at(5), useful: 'yes', change: 'Clear' },
    ],
  });

  for (const visit of ['after seeding', 'after a reload']) {
    await test.step(visit, async () => {
      await page.reload();
      await waitForIslands(page);
      const groups = card.getByRole('heading', { level: 3 });
      // Course order: the first module's lesson before the third module's.
      await expect(groups).toHaveText([
        'What a backorder is and why it happens',
        'When to ship part of an order',
      ]);
      const first = card.getByRole('list', {
        name: 'Answers for What a backorder is and why it happens',
      });
      await expect(first.getByRole('listitem')).toHaveText([
        'Useful: 2',
        'Partly useful: 1',
        'Not useful: 0',
      ]);
      await expect(card.getByText('3 replies')).toBeVisible();
      const second = card.getByRole('list', { name: 'Answers for When to ship part of an order' });
      await expect(second.getByRole('listitem')).toHaveText([
        'Useful: 0',
        'Partly useful: 0',
        'Not useful: 1',
      ]);
      await expect(card.getByText('1 reply', { exact: true })).toBeVisible();
      // What trainees typed, newest first, as text; a deleted profile is named as one.
      const comments = card.getByRole('list', {
        name: 'What trainees would change in What a backorder is and why it happens',
      });
      await expect(comments.getByRole('listitem')).toHaveCount(2);
      await expect(comments.getByRole('listitem').first()).toContainText('Clear');
      await expect(comments.getByRole('listitem').first()).toContainText('Ana Ruiz');
      await expect(comments.getByRole('listitem').last()).toContainText('A <b>picture</b>');
      await expect(comments.getByRole('listitem').last()).toContainText('A deleted profile');
      await expect(card.locator('b')).toHaveCount(0);
    });
  }
  await expectNoAxeViolations(page);
  await card.getByRole('link', { name: 'When to ship part of an order' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/courses/${course}/03-partial-shipments/01-when-to-ship-partial/$`),
  );
  expect(problems).toEqual([]);
});

for (const width of [1280, 390]) {
  test(`the trainer's pages pass axe at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const problems = watchForProblems(page);
    // The console (/trainer/) is checked by home.spec.ts at 1280 px and design.spec.ts's
    // theme matrix at 390 px, as are the records at 390 px, in the state they open in.
    for (const path of [
      ...(width === 1280 ? ['/trainer/records/'] : []),
      '/trainer/live/',
      '/trainer/authoring/',
      '/simulations/custom/?id=none',
    ]) {
      await page.goto(path);
      await waitForIslands(page);
      await expectNoAxeViolations(page);
      await page.screenshot({
        path: `test-results/trainer-${path.replace(/\W+/g, '-')}-${width}.png`,
        fullPage: true,
      });
    }
    expect(problems).toEqual([]);
  });
}

/** A role-play a trainer writes in the editor: the starter under another id and title. */
const ELBOWS = ROLEPLAY_STARTER.replace('id: my-first-roleplay', 'id: elbows-late').replace(
  "title: 'The elbows that did not come'",
  "title: 'Elbows, late again'",
);

async function writeRoleplay(page: Page) {
  await page.goto('/trainer/authoring/');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Write a new role-play' }).click();
  await page.getByLabel('Role-play file (YAML)').fill(ELBOWS);
  await expect(
    page.getByText('No problems: “Elbows, late again” (elbows-late) can be saved.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save the role-play' }).click();
  // Saving waits for the background check's verdict, then writes: leaving the page before
  // the write lands would lose it.
  await expect(page.getByRole('link', { name: 'Practise “Elbows, late again” now' })).toBeVisible();
}

/** Replies kept so far, as the role-play player reports them once saved and shown. */
const roleplaySteps = (page: Page) => page.locator('.player');

async function reply(page: Page, text: string, count: number) {
  await page.getByRole('button', { name: text, exact: true }).click();
  await expect(roleplaySteps(page)).toHaveAttribute('data-steps', String(count));
}

test('a role-play a trainer wrote is practised to its end and listed with its score, through a reload', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/roleplays/');
  await waitForIslands(page);
  const written = page.getByRole('region', { name: 'Written by your trainers' });
  await expect(written).toContainText('No role-plays written by your trainers');

  await writeRoleplay(page);
  await page.getByRole('link', { name: 'Practise “Elbows, late again” now' }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Elbows, late again' })).toBeVisible();
  await createProfile(page, 'Ana Ruiz', 'trainee');
  await page.getByRole('radio', { name: /^Practice/ }).check();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await reply(
    page,
    'I am sorry, they will not make Friday. The supplier now ships them next Wednesday, 11 March.',
    1,
  );
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { name: 'Conversation', exact: true })).toBeVisible();
  await expect(roleplaySteps(page)).toHaveAttribute('data-steps', '1');
  await reply(
    page,
    'I can send a substitute fitting today, or cancel the eight with a refund. Which would help most?',
    2,
  );
  await expect(page.getByRole('heading', { name: 'Resolved' })).toBeVisible();
  await expect(page.getByTestId('roleplay-score')).toHaveText('Score: 100 of 100 (100 %)');

  await page.goto('/roleplays/');
  await waitForIslands(page);
  const card = written.getByRole('article', { name: 'Elbows, late again' });
  await expect(card.getByText('Best 100 %, last 100 %.')).toBeVisible();
  // The built-in role-plays are listed as before, apart.
  await expect(page.getByRole('article')).toHaveCount(7);
  await card.getByRole('link', { name: 'Elbows, late again' }).click();
  await waitForIslands(page);
  await expect(page.getByTestId('roleplay-score')).toHaveText('Score: 100 of 100 (100 %)');

  // An id this browser does not hold says so, in words.
  await page.goto('/roleplays/custom/?id=nothing-here');
  await waitForIslands(page);
  await expect(page.getByRole('alert')).toContainText('There is no role-play “nothing-here”');
  expect(problems).toEqual([]);
});

test("a trainer overrides the matcher on a typed reply, and the trainee's debrief and list show it", async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await writeRoleplay(page);
  await page.getByRole('link', { name: 'Practise “Elbows, late again” now' }).click();
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz', 'trainee');
  await page.getByRole('radio', { name: /^Assessment/ }).check();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  // An apology and no date: the matcher credits the apology only.
  await page
    .getByLabel('Or write your own reply')
    .fill("I'm sorry, Dana. They will be with you once the supplier ships them.");
  await page.getByRole('button', { name: 'Send my reply' }).click();
  await expect(roleplaySteps(page)).toHaveAttribute('data-steps', '1');
  await reply(
    page,
    'I can send a substitute fitting today, or cancel the eight with a refund. Which would help most?',
    2,
  );
  await expect(page.getByTestId('roleplay-score')).toHaveText('Score: 60 of 100 (60 %)');

  await page.goto('/trainer/records/');
  await waitForIslands(page);
  await page.getByLabel('Trainee', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  const attempt = page
    .getByRole('region', { name: 'Role-plays', exact: true })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Elbows, late again' }) });
  await expect(attempt).toContainText('60 of 100 (60 %)');
  await attempt.getByRole('button', { name: 'Every reply' }).click();
  const form = page.getByRole('form', { name: 'Your judgement of typed reply 1' });
  const apology = form.getByRole('checkbox', { name: /Acknowledge and apologise/ });
  const date = form.getByRole('checkbox', { name: /A transparent, realistic date/ });
  await expect(apology).toBeChecked();
  await expect(date).not.toBeChecked();
  await expect(form).toContainText('The matcher found it: “sorry”');

  // A name is required; nothing is saved without one.
  await date.check();
  await apology.uncheck();
  await form.getByLabel('Your name (trainer)').fill('');
  await form.getByRole('button', { name: 'Save my judgement of reply 1' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    "Enter the trainer's name (up to 60 characters).",
  );
  await expect(attempt).toContainText('60 of 100 (60 %)');

  await form.getByLabel('Your name (trainer)').fill('Maria Keller');
  await form.getByLabel('Why (optional)').fill('Gave the date out loud; <b>sorry</b> was flat');
  await form.getByRole('button', { name: 'Save my judgement of reply 1' }).click();
  // 40 for the date the trainer credited, 30 for the alternatives; the apology withdrawn.
  await expect(attempt).toContainText('70 of 100 (70 %)');
  await expect(attempt.getByRole('list', { name: 'Changes to reply 1' })).toContainText(
    'A transparent, realistic date: credited by Maria Keller',
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/records-override.png', fullPage: true });
  await page.reload();
  await waitForIslands(page);
  await expect(
    page
      .getByRole('region', { name: 'Role-plays', exact: true })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Elbows, late again' }) }),
  ).toContainText('70 of 100 (70 %)');

  // The trainee's list and debrief show the new score and who changed what, as text.
  await page.goto('/roleplays/');
  await waitForIslands(page);
  const card = page.getByRole('article', { name: 'Elbows, late again' });
  await expect(card.getByText('Best 70 %, last 70 %.')).toBeVisible();
  await page.screenshot({ path: 'test-results/list-override.png', fullPage: true });
  await expect(card).toContainText(
    'A transparent, realistic date credited on reply 1 by Maria Keller (“Gave the date out loud; <b>sorry</b> was flat”)',
  );
  await card.getByRole('link', { name: 'Elbows, late again' }).click();
  await waitForIslands(page);
  await expect(page.getByTestId('roleplay-score')).toHaveText('Score: 70 of 100 (70 %)');
  const rubric = page.getByRole('table', { name: 'Rubric' });
  await expect(rubric.getByRole('row', { name: /^A transparent/ })).toContainText(
    'Found: 40 of 40 (changed by a trainer)',
  );
  await expect(rubric.getByRole('row', { name: /^Acknowledge/ })).toContainText(
    'Reply 1: not credited by trainer Maria Keller',
  );
  await expect(page.locator('b')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/debrief-override.png', fullPage: true });
  expect(problems).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a trainer's role-play passes axe on the list and in the player at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const problems = watchForProblems(page);
    await writeRoleplay(page);
    await page.goto('/roleplays/');
    await waitForIslands(page);
    await expect(page.getByRole('article', { name: 'Elbows, late again' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/roleplays/custom/?id=elbows-late');
    await waitForIslands(page);
    await createProfile(page, 'Ana Ruiz', 'trainee');
    await page.getByRole('button', { name: 'Start the conversation' }).click();
    await expect(page.getByRole('heading', { name: 'Conversation', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({
      path: `test-results/custom-roleplay-${viewport.width}.png`,
      fullPage: true,
    });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
    expect(problems).toEqual([]);
  });
}
