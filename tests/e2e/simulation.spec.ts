/**
 * A shift at the order desk, end to end in Chromium: the reference's own actions performed
 * through the screen pass; the same shift with a look-alike picked and a backordered
 * customer never told shows exactly the deductions the engine gives that log; a reload in
 * the middle resumes the identical shift; the whole shift can be played from the keyboard.
 * Actions come from the autopilot's log on the scenario file itself, so the test follows the
 * scenario as trainers edit it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Action } from '../../src/engine/actions';
import { runAutopilot } from '../../src/engine/autopilot';
import { parseScenario } from '../../src/engine/load';
import { isAction, type LogEntry } from '../../src/engine/log';
import { scoreLog } from '../../src/engine/scoring';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

const ID = 'three-backorder-types';
const PAGE = `/simulations/${ID}/`;
const parsed = parseScenario(readFileSync(`simulations/${ID}.yaml`, 'utf8'), `${ID}.yaml`);
if (!parsed.ok) throw new Error(`${ID} does not load`);
const scenario = parsed.value;
const reference = runAutopilot(scenario).log;

async function waitForIslands(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

async function createProfile(page: Page, name: string) {
  const panel = page.getByRole('region', { name: 'Profiles on this browser' });
  await expect(panel).toBeVisible();
  const newProfile = panel.getByRole('button', { name: 'New profile' });
  if (await newProfile.isVisible()) await newProfile.click();
  await panel.getByLabel('Your name').fill(name);
  await panel.getByLabel('Role').selectOption('trainee');
  await panel.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
}

async function openAndStart(page: Page) {
  await page.goto(PAGE);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('clock-now')).toHaveText('2026-03-02 08:00');
}

/** Entries in the saved log; the end of the shift (the debrief) counts as past every step. */
async function logLength(page: Page): Promise<number> {
  const shown = page
    .getByTestId('log-length')
    .or(page.getByRole('heading', { name: 'Debrief' }))
    .first();
  const text = (await shown.textContent())!;
  return text === 'Debrief' ? Infinity : Number(text.split(' ')[0]);
}

/** How a person works the controls: with a pointer, or with the keyboard alone. */
interface Driver {
  click(control: Locator): Promise<void>;
  fill(field: Locator, value: string): Promise<void>;
  select(field: Locator, value: string): Promise<void>;
  check(box: Locator, on: boolean): Promise<void>;
}

const pointer: Driver = {
  click: (control) => control.click(),
  fill: (field, value) => field.fill(value),
  select: async (field, value) => void (await field.selectOption(value)),
  check: (box, on) => box.setChecked(on),
};

/**
 * Tab (or Shift+Tab, whichever way the control lies) until it has focus, as a keyboard user
 * moves through the page; fails if it never gets focus, i.e. the keyboard cannot reach it.
 */
async function tabTo(page: Page, control: Locator) {
  await control.waitFor();
  for (let presses = 0; presses < 800; presses++) {
    const where = await control.evaluate((element) => {
      const active = document.activeElement;
      if (element === active) return 'here';
      if (!active || active === document.body) return 'after';
      return active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING
        ? 'before'
        : 'after';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${control} cannot be reached with the Tab key`);
}

function keyboard(page: Page): Driver {
  return {
    async click(control) {
      await tabTo(page, control);
      await page.keyboard.press('Enter');
    },
    async fill(field, value) {
      if ((await field.inputValue()) === value) return;
      await tabTo(page, field);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(value);
      await expect(field).toHaveValue(value);
    },
    async select(field, value) {
      if ((await field.inputValue()) === value) return;
      await tabTo(page, field);
      // A focused list box takes type-ahead: the option's first letters choose it.
      const label = (await field.locator(`option[value="${value}"]`).textContent())!.trim();
      await page.keyboard.type(label);
      await expect(field).toHaveValue(value);
    },
    async check(box, on) {
      if ((await box.isChecked()) === on) return;
      await tabTo(page, box);
      await page.keyboard.press('Space');
      await expect(box).toBeChecked({ checked: on });
    },
  };
}

async function selectOrder(page: Page, order: string, via: Driver = pointer) {
  const queue = page.getByRole('region', { name: 'Order queue table' });
  await via.click(queue.getByRole('button', { name: order, exact: true }));
  await expect(page.getByRole('heading', { name: `Order ${order}` })).toBeVisible();
}

/** Perform one of the reference's actions through the screen, the way a person would. */
async function perform(
  page: Page,
  action: Action,
  mistake?: { picked?: string },
  via: Driver = pointer,
) {
  const before = await logLength(page);
  if ('order' in action && action.order) await selectOrder(page, action.order, via);
  switch (action.type) {
    case 'check-stock':
      await via.click(page.getByRole('button', { name: `Check stock of ${action.sku}` }));
      break;
    case 'allocate':
      if (!action.lines) {
        await via.click(page.getByRole('button', { name: 'Allocate by the rules' }));
        break;
      }
      for (const line of action.lines)
        await via.fill(page.getByLabel(`Units of ${line.sku} to reserve`), String(line.qty));
      await via.click(page.getByRole('button', { name: 'Reserve the units entered' }));
      break;
    case 'record-backorder': {
      const form = page.getByRole('form', { name: `Record a backorder on ${action.order}` });
      for (const line of action.lines) {
        const group = form.getByRole('group', { name: line.sku });
        await via.fill(group.getByLabel('Units backordered'), String(line.qty));
        await via.select(group.getByLabel('Type'), line.backorderType);
        await via.check(group.getByLabel('No date yet'), line.promiseDate === null);
        if (line.promiseDate) await via.fill(group.getByLabel('Promise date'), line.promiseDate);
      }
      await via.check(form.getByRole('checkbox', { name: /^Partial backorder/ }), action.partial);
      await via.click(form.getByRole('button', { name: 'Record backorder' }));
      break;
    }
    case 'notify-customer': {
      const form = page.getByRole('form', { name: `Notice to the customer of ${action.order}` });
      await via.select(form.getByLabel('Kind of notice'), action.kind);
      await via.check(
        form.getByRole('radio', { name: action.channel === 'sms' ? 'SMS' : 'Email' }),
        true,
      );
      const skus = new Set(
        [...action.content.shipped, ...action.content.backordered].map((i) => i.sku),
      );
      for (const sku of skus) {
        const shipped = action.content.shipped.find((i) => i.sku === sku)?.qty ?? 0;
        const backordered = action.content.backordered.find((i) => i.sku === sku)?.qty ?? 0;
        await via.fill(form.getByLabel(`Shipped or ready: ${sku}`), String(shipped));
        await via.fill(form.getByLabel(`Backordered: ${sku}`), String(backordered));
      }
      await via.check(form.getByLabel('No date yet'), action.content.promiseDate === null);
      if (action.content.promiseDate)
        await via.fill(form.getByLabel('Promise date'), action.content.promiseDate);
      for (const [option, label] of [
        ['wait', 'Wait'],
        ['ship-available', 'Ship available'],
        ['substitute', 'Substitute'],
        ['cancel', 'Cancel'],
      ] as const)
        await via.check(
          form.getByRole('checkbox', { name: label, exact: true }),
          action.content.options.includes(option),
        );
      await via.check(form.getByLabel('Apologise'), action.content.apology);
      await via.select(form.getByLabel('Remedy offered'), action.content.compensation);
      await via.click(form.getByRole('button', { name: 'Send notice' }));
      break;
    }
    case 'pick': {
      const picked = mistake?.picked ?? action.picked ?? action.sku;
      await via.select(page.getByLabel(`Item taken for ${action.sku}`), picked);
      await via.fill(page.getByLabel(`Units to pick of ${action.sku}`), String(action.qty));
      await via.click(page.getByRole('button', { name: `Pick ${action.sku}`, exact: true }));
      break;
    }
    case 'pack':
      await via.click(page.getByRole('button', { name: 'Pack', exact: true }));
      break;
    case 'ship':
      await via.click(page.getByRole('button', { name: 'Ship', exact: true }));
      break;
    default:
      throw new Error(`the test does not perform ${action.type} yet`);
  }
  await expect.poll(() => logLength(page)).toBeGreaterThan(before);
}

/** Move the clock to an event's time, or (for the final advance) to the end of the shift. */
async function advanceTo(page: Page, entry: LogEntry, via: Driver = pointer) {
  const before = await logLength(page);
  if (before === Infinity) return;
  const now = (await page.getByTestId('clock-now').textContent())!.replace(' ', 'T');
  if (now >= entry.at) return;
  await via.click(page.getByRole('button', { name: /^Advance to (next event|end of shift)$/ }));
  await expect.poll(() => logLength(page)).toBeGreaterThan(before);
}

/** Play a log through the screen; `skip` leaves actions out, `mistakes` changes picks. */
async function play(
  page: Page,
  log: readonly LogEntry[],
  options: {
    skip?: (a: Action) => boolean;
    picked?: (a: Action) => string | undefined;
    via?: Driver;
  } = {},
) {
  for (const entry of log) {
    if (!isAction(entry) || entry.type === 'advance-clock') {
      await advanceTo(page, entry, options.via);
      continue;
    }
    if (options.skip?.(entry)) continue;
    const picked = options.picked?.(entry);
    await perform(page, entry, picked ? { picked } : undefined, options.via);
  }
}

async function debriefRules(page: Page): Promise<string[]> {
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
  return page
    .locator('[data-rule]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')!));
}

test.describe('simulation player', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the reference played through the screen passes, with no problems and no axe violations', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await page.goto(PAGE);
    await waitForIslands(page);
    await createProfile(page, 'Ana Ruiz');
    await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
    await expect(page.getByText(/within 4 hours/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await expect(page.getByTestId('clock-now')).toHaveText('2026-03-02 08:00');
    await selectOrder(page, 'SO-51117');
    await expectNoAxeViolations(page);

    await play(page, reference);

    expect(await debriefRules(page)).toEqual([]);
    await expect(page.getByTestId('score-total')).toHaveText('Passed: 100 out of 100');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByText('Step 2 of')).toBeVisible();
    await expectNoAxeViolations(page);

    // The list of simulations shows the profile's best and last score, and links to the player.
    await page.goto('/simulations/');
    const card = page.getByRole('article', { name: scenario.title });
    await expect(card.getByText('Best 100 (passed), last 100.')).toBeVisible();
    await expect(card.getByRole('link', { name: scenario.title })).toHaveAttribute('href', PAGE);
    expect(problems).toEqual([]);
  });

  test('a look-alike picked and a customer never told show exactly those deductions', async ({
    page,
  }) => {
    await openAndStart(page);
    const wrongPick = (a: Action) =>
      a.type === 'pick' && a.order === 'SO-51119' && a.sku === 'PLB-CU15-EL90'
        ? 'PLB-CU22-EL90'
        : undefined;
    const untold = (a: Action) => a.type === 'notify-customer' && a.order === 'SO-51108';
    await play(page, reference, { skip: untold, picked: wrongPick });

    const rules = await debriefRules(page);
    expect(rules).toContain('wrong-item-shipped');
    expect(rules).toContain('customer-not-told');
    // Exactly what the engine gives the same log: nothing more, nothing less.
    const mistaken = reference
      .filter((e) => !(isAction(e) && untold(e)))
      .map((e) => (isAction(e) && wrongPick(e) ? ({ ...e, picked: wrongPick(e) } as LogEntry) : e));
    const scored = scoreLog(scenario, mistaken);
    if (!scored.ok) throw new Error('the mistaken log does not score');
    expect(rules.sort()).toEqual(scored.score.deductions.map((d) => d.rule).sort());
    await expect(page.getByTestId('score-total')).toHaveText(/^Not passed/);
  });

  test('a reload in the middle resumes the identical shift', async ({ page }) => {
    await openAndStart(page);
    const half = reference.findIndex(
      (e) => e.type === 'customer-message' && e.at > '2026-03-02T10:00',
    );
    await play(page, reference.slice(0, half));
    await selectOrder(page, 'SO-51117');
    const snapshot = async () => ({
      clock: await page.getByTestId('clock-now').textContent(),
      log: await logLength(page),
      queue: await page
        .getByRole('region', { name: 'Order queue table' })
        .locator('tbody')
        .innerText(),
    });
    const before = await snapshot();
    expect(before.log).toBeGreaterThan(10);
    await page.reload();
    await waitForIslands(page);
    await expect(page.getByTestId('log-length')).toHaveText(`${before.log} entries`);
    expect(await snapshot()).toEqual(before);
  });

  test('the whole shift can be played with the keyboard alone, and passes', async ({ page }) => {
    test.setTimeout(240_000);
    const keys = keyboard(page);
    await page.goto(PAGE);
    await waitForIslands(page);
    const panel = page.getByRole('region', { name: 'Profiles on this browser' });
    await keys.fill(panel.getByLabel('Your name'), 'Kim Keys');
    await keys.click(panel.getByRole('button', { name: 'Create profile' }));
    await keys.click(page.getByRole('button', { name: 'Start the shift' }));
    await expect(page.getByTestId('clock-now')).toHaveText('2026-03-02 08:00');

    // The desk's panel links move focus to a panel's heading, and Tab carries on from there.
    const panels = page.getByRole('navigation', { name: 'Desk panels' });
    await keys.click(panels.getByRole('link', { name: 'Inventory' }));
    await expect(page.getByRole('heading', { name: 'Inventory' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('region', { name: 'Inventory table' })).toBeFocused();
    await page.keyboard.press('Tab');
    // A step's controls keep focus while it is saved.
    const check = page.getByRole('button', { name: /^Check stock of / }).first();
    await expect(check).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('log-length')).toHaveText('1 entry');
    await expect(check).toBeFocused();

    await play(page, reference, { via: keys });
    await expect(page.getByTestId('score-total')).toHaveText(/^Passed/);
    // The extra stock check costs nothing; nothing else differs from the reference.
    expect(await debriefRules(page)).toEqual([]);
  });
});

test('the clock runs by itself once started, and a reload finds the same shift time with it stopped', async ({
  page,
}) => {
  await openAndStart(page);
  const run = page.getByRole('button', { name: 'Run the clock' });
  await run.click();
  await expect(run).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('clock-now')).toHaveText('2026-03-02 08:15', { timeout: 10_000 });
  await run.click();
  await expect(run).toHaveAttribute('aria-pressed', 'false');
  const entries = await page.getByTestId('log-length').textContent();
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByTestId('clock-now')).toHaveText('2026-03-02 08:15');
  await expect(page.getByTestId('log-length')).toHaveText(entries!);
  await expect(page.getByRole('button', { name: 'Run the clock' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('allocating to a lower-ranked order first shows the out-of-rank deduction, and only what the engine gives', async ({
  page,
}) => {
  // Contractor SO-70131 is critical and SO-70109 a repeat customer; SO-70102 is only the
  // oldest. Ten pressure valves cannot cover the two of them, so serving SO-70102 first
  // starves a higher-ranked order.
  const id = 'contractor-priority-conflict';
  const file = parseScenario(readFileSync(`simulations/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if (!file.ok) throw new Error(`${id} does not load`);
  await page.goto(`/simulations/${id}/`);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await page.getByRole('button', { name: 'Check stock of PLB-PRV-22' }).click();
  await expect(page.getByTestId('log-length')).toHaveText('1 entry');
  await selectOrder(page, 'SO-70102');
  await page.getByRole('button', { name: 'Allocate by the rules' }).click();
  await expect(page.getByTestId('log-length')).toHaveText('2 entries');
  await page.getByRole('button', { name: 'End shift' }).click();

  const rules = await debriefRules(page);
  const at = file.value.startsAt;
  const scored = scoreLog(file.value, [
    { type: 'check-stock', sku: 'PLB-PRV-22', at, by: 'Ana Ruiz' },
    { type: 'allocate', order: 'SO-70102', at, by: 'Ana Ruiz' },
  ]);
  if (!scored.ok) throw new Error('the log does not score');
  expect(rules.sort()).toEqual(scored.score.deductions.map((d) => d.rule).sort());
  const deduction = page.locator('[data-rule="out-of-rank-order"]');
  await expect(deduction).toHaveCount(1);
  await expect(deduction).toContainText('went to order SO-70102');
  await expect(deduction).toContainText(/higher-ranked order SO-70(131|109)/);
});

test('a shift that ended shows its debrief again after a reload, and can be played again', async ({
  page,
}) => {
  await openAndStart(page);
  await page
    .getByRole('button', { name: /^Check stock of / })
    .first()
    .click();
  await expect(page.getByTestId('log-length')).toHaveText('1 entry');
  await page.getByRole('button', { name: 'End shift' }).click();
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
  const total = await page
    .getByText(/out of 100$/)
    .first()
    .textContent();
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
  await expect(page.getByText(/out of 100$/).first()).toHaveText(total!);
  await page.getByRole('button', { name: 'Play this shift again' }).click();
  await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
});

test.describe('random practice shift', () => {
  /** The shift a seed and level give, as the desk shows it: its title and every order in the queue. */
  async function shiftFor(page: Page, seed: string, level: string): Promise<string> {
    await page.goto('/simulations/random/');
    await waitForIslands(page);
    await createProfile(page, 'Ben Okafor');
    await page.getByLabel('Seed').fill(seed);
    await page.getByLabel('Level').selectOption(level);
    await page.getByRole('button', { name: 'Generate the shift' }).click();
    await expect(page).toHaveURL(new RegExp(`seed=${seed}&level=${level}`));
    await page.getByRole('button', { name: 'Start the shift' }).click();
    const queue = page.getByRole('region', { name: 'Order queue table' });
    await expect(queue).toBeVisible();
    const title = await page.locator('#random-title').textContent();
    return `${title}\n${await queue.innerText()}`;
  }

  test('the same seed and level give the same shift twice, and another seed another', async ({
    browser,
  }) => {
    const play = async (seed: string, level: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = watchForProblems(page);
      const shift = await shiftFor(page, seed, level);
      expect(problems).toEqual([]);
      await context.close();
      return shift;
    };
    const first = await play('4217', '2');
    expect(first).toContain('SO-');
    expect(await play('4217', '2')).toBe(first);
    expect(await play('4218', '2')).not.toBe(first);
  });

  test('a reload keeps the shift from the address and resumes it', async ({ page }) => {
    await shiftFor(page, '99', '1');
    await page
      .getByRole('button', { name: /^Check stock of / })
      .first()
      .click();
    await expect(page.getByTestId('log-length')).toHaveText(/^1 /);
    await page.reload();
    await waitForIslands(page);
    await expect(page.getByTestId('log-length')).toHaveText(/^1 /);
    await expect(page.getByLabel('Seed')).toHaveValue('99');
    await expectNoAxeViolations(page);
  });
});
