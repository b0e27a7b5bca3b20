/**
 * A shift at the order desk, end to end in Chromium: the reference's own actions performed
 * through the screen pass; the same shift with a look-alike picked and a backordered
 * customer never told shows exactly the deductions the engine gives that log; a reload in
 * the middle of the reference's shift resumes the identical shift; an order can be served
 * from the keyboard alone.
 * Actions come from the autopilot's log on the scenario file itself, so the test follows the
 * scenario as trainers edit it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseGuide } from '../../src/course/guide';
import type { Action } from '../../src/engine/actions';
import { runAutopilot } from '../../src/engine/autopilot';
import { isAction, type LogEntry } from '../../src/engine/log';
import { scoreLog } from '../../src/engine/scoring';
import {
  bundledScenario,
  debriefRules,
  endShift,
  logLength,
  perform,
  play,
  seedShift,
  selectOrder,
  showPanel,
} from './desk';
import { followTheCoach, stepsFor } from '../fixtures/coach-reader';
import { createProfile, keyboard, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

const ID = 'three-backorder-types';
const PAGE = `/simulations/${ID}/`;
const scenario = bundledScenario(ID);
const reference = runAutopilot(scenario).log;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as the desk writes it ("Thu 5 Mar, 10:00"), back to the scenario's clock. */
function isoOf(text: string): string {
  const [, day, month, time] = text.match(/^\w{3} (\d{1,2}) (\w{3}), (\d{2}:\d{2})$/)!;
  const mm = String(MONTHS.indexOf(month!) + 1).padStart(2, '0');
  return `${scenario.startsAt.slice(0, 4)}-${mm}-${day!.padStart(2, '0')}T${time}`;
}

async function openAndStart(page: Page) {
  await page.goto(PAGE);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await expect(page.getByRole('heading', { name: 'Briefing' })).toBeVisible();
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:00');
}

test.describe('simulation player', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the reference played through the screen, with a reload in the middle, resumes the identical shift and passes with no problems and no axe violations', async ({
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
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:00');
    await selectOrder(page, 'SO-51117');
    await expectNoAxeViolations(page);

    // Half the shift, then a reload: the clock, the log and the queue are as they were.
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

    // The rest of the shift, from where the reload left it.
    await play(page, reference.slice(half));

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
    // The shift starts from the autopilot's morning with SO-51108's customer never told,
    // seeded up to SO-51119's first pick; the look-alike is picked through the screen, the
    // order packed and shipped, and the shift ended early (the full shift is the reference's).
    await openAndStart(page);
    const wrongPick = (a: Action) =>
      a.type === 'pick' && a.order === 'SO-51119' && a.sku === 'PLB-CU15-EL90'
        ? 'PLB-CU22-EL90'
        : undefined;
    const untold = (a: Action) => a.type === 'notify-customer' && a.order === 'SO-51108';
    const shipped = reference.findIndex((e) => e.type === 'ship' && e.order === 'SO-51119');
    const morning = reference.slice(0, shipped + 1).filter((e) => !(isAction(e) && untold(e)));
    const picked = morning.findIndex((e) => isAction(e) && wrongPick(e));
    await seedShift(page, ID, morning.slice(0, picked), 'Ana Ruiz');
    await play(page, morning.slice(picked), { picked: wrongPick });
    await endShift(page);

    const rules = await debriefRules(page);
    expect(rules).toContain('wrong-item-shipped');
    expect(rules).toContain('customer-not-told');
    // Exactly what the engine gives the same log: nothing more, nothing less.
    const mistaken = morning.map((e) =>
      isAction(e) && wrongPick(e) ? ({ ...e, picked: wrongPick(e) } as LogEntry) : e,
    );
    const scored = scoreLog(scenario, mistaken);
    if (!scored.ok) throw new Error('the mistaken log does not score');
    expect(rules.sort()).toEqual(scored.score.deductions.map((d) => d.rule).sort());
    await expect(page.getByTestId('score-total')).toHaveText(/^Not passed/);
  });

  test('one order served from the keyboard alone, start to debrief, scores as the engine scores it', async ({
    page,
  }) => {
    // The full-length shift is played through the session machine (simulation-session.test.ts);
    // here a person serves one order end to end with Tab, Space and Enter: check stock,
    // reserve, record the backorder, tell the customer, pick, pack, ship, end the shift.
    const keys = keyboard(page);
    await page.goto(PAGE);
    await waitForIslands(page);
    const panel = page.getByRole('region', { name: 'Profiles on this browser' });
    await keys.fill(panel.getByLabel('Your name'), 'Kim Keys');
    await keys.click(panel.getByRole('button', { name: 'Create profile' }));
    await keys.click(page.getByRole('button', { name: 'Start the shift' }));
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:00');

    // "Desk panels" brings a panel on screen and moves focus to its heading; Tab carries on.
    await showPanel(page, 'Inventory', keys);
    await expect(page.getByRole('heading', { name: 'Inventory' })).toBeFocused();

    const ORDER = 'SO-51117';
    const skus = new Set<string>();
    const served = reference.filter((entry): entry is Action => {
      if (!isAction(entry) || entry.at !== scenario.startsAt) return false;
      if ('order' in entry && entry.order === ORDER) {
        if (entry.type === 'allocate') entry.lines?.forEach((line) => skus.add(line.sku));
        return true;
      }
      return entry.type === 'check-stock';
    });
    const log = served.filter((a) => a.type !== 'check-stock' || skus.has(a.sku));
    expect(log.map((a) => a.type)).toEqual(
      expect.arrayContaining(['check-stock', 'allocate', 'notify-customer', 'pick', 'ship']),
    );
    await play(page, log, { via: keys });
    await expect(page.getByTestId('log-length')).toHaveText(`${log.length} entries`);

    // A step's controls keep focus while it is saved.
    const check = page.getByRole('button', { name: `Check stock of ${[...skus][0]}`, exact: true });
    await showPanel(page, 'Inventory', keys);
    await keys.click(check);
    await expect(page.getByTestId('log-length')).toHaveText(`${log.length + 1} entries`);
    await expect(check).toBeFocused();

    await endShift(page, keys);
    const rules = await debriefRules(page);
    const scored = scoreLog(scenario, [...log, log.find((a) => a.type === 'check-stock')!]);
    if (!scored.ok) throw new Error('the played log does not score');
    expect(rules.sort()).toEqual(scored.score.deductions.map((d) => d.rule).sort());
    // Nothing about the order that was served is held against the trainee.
    const aboutServed = page.locator(`[data-rule]`, { hasText: ORDER });
    await expect(aboutServed).toHaveCount(0);
  });
});

test('the clock runs by itself once started, and a reload finds the same shift time with it stopped', async ({
  page,
}) => {
  // The shift clock ticks on the page's timers; Playwright's clock moves them, not the wall.
  await page.clock.install();
  await openAndStart(page);
  const run = page.getByRole('button', { name: 'Run the clock' });
  await run.click();
  await expect(run).toHaveAttribute('aria-pressed', 'true');
  await page.clock.runFor(4_000);
  await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:15');
  await run.click();
  await expect(run).toHaveAttribute('aria-pressed', 'false');
  await page.clock.runFor(8_000);
  await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:15');
  const entries = await page.getByTestId('log-length').textContent();
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:15');
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
  const conflict = bundledScenario(id);
  await page.goto(`/simulations/${id}/`);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await page.getByRole('button', { name: 'Start the shift' }).click();
  await showPanel(page, 'Inventory');
  await page.getByRole('button', { name: 'Check stock of PLB-PRV-22' }).click();
  await expect(page.getByTestId('log-length')).toHaveText('1 entry');
  await selectOrder(page, 'SO-70102');
  await page.getByRole('button', { name: 'Allocate by the rules' }).click();
  await expect(page.getByTestId('log-length')).toHaveText('2 entries');
  await endShift(page);

  const rules = await debriefRules(page);
  const at = conflict.startsAt;
  const scored = scoreLog(conflict, [
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
  await showPanel(page, 'Inventory');
  await page
    .getByRole('button', { name: /^Check stock of / })
    .first()
    .click();
  await expect(page.getByTestId('log-length')).toHaveText('1 entry');
  await endShift(page);
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
    await showPanel(page, 'Inventory');
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

test.describe('practice and assessment', () => {
  test('practice: the coach lists what is due and explains a deduction as it happens, through a reload', async ({
    page,
  }) => {
    // An eight-hour shift, so a four-hour deadline passes while it runs.
    await page.goto('/simulations/late-purchase-order/');
    await waitForIslands(page);
    await createProfile(page, 'Ana Ruiz');
    await page.getByRole('radio', { name: /^Practice/ }).check();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    const coachPanel = page.getByRole('region', { name: 'Coach' });
    await expect(coachPanel).toBeVisible();
    // What the scorer will ask of the desk, with its deadline: four hours to tell the customer.
    await expect(
      coachPanel.getByText('Tell every customer whose order is backordered: order SO-81066'),
    ).toBeVisible();
    await expect(coachPanel.getByText(/by Mon 2 Mar, 12:00/).first()).toBeVisible();

    // Past the deadline with nobody told: the deduction is explained on the spot.
    for (const hour of ['09', '10', '11', '12', '13']) {
      await page.getByRole('button', { name: 'Advance 1 hour' }).click();
      await expect(page.getByTestId('clock-now')).toHaveText(new RegExp(`Mon 2 Mar, ${hour}:`));
    }
    await expect(coachPanel.getByRole('heading', { name: 'Deducted so far' })).toBeVisible();
    await expect(
      coachPanel.getByText(/−30 Tell every customer whose order is backordered/).first(),
    ).toBeVisible();

    await page.reload();
    await waitForIslands(page);
    await expect(page.getByRole('region', { name: 'Coach' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Coach' }).getByRole('heading', { name: 'Deducted so far' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('practice: a trainee who does only what the coach says passes a level 1 shift with at least 95', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    expect(scenario.level).toBe(1);
    await page.goto(PAGE);
    await waitForIslands(page);
    await createProfile(page, 'Ana Ruiz');
    await page.getByRole('radio', { name: /^Practice/ }).check();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    // The shift starts where a follower of the coach (the engine's, reading the same advice;
    // tests/unit/coach-follower.test.ts plays every bundled shift so to the end) has checked
    // the stock, reserved, and told and recorded the first backorder. From there the advice
    // is read from the screen: the next dated notice and backorder, picks, packing, shipping,
    // the undated backorder, and the clock to the end.
    const followed = followTheCoach(scenario);
    const told = followed.findIndex((e) => e.type === 'record-backorder');
    await seedShift(page, ID, followed.slice(0, told + 1), 'Ana Ruiz');
    const debrief = page.getByRole('heading', { name: 'Debrief' });
    for (let turn = 0; turn < 60 && !(await debrief.isVisible()); turn++) {
      await showPanel(page, 'Messages and coach');
      const coachPanel = page.getByRole('region', { name: 'Coach' });
      const first = coachPanel.getByRole('listitem').first();
      const waiting =
        (await first.count()) > 0 && !(await first.textContent())!.includes('after your shift');
      if (!waiting) {
        // Nothing due now: let the clock run to what comes next, and wait until that is
        // saved (the debrief counts as past every step): read any sooner, the desk may be
        // about to give way to the debrief.
        const before = await logLength(page);
        await page.getByRole('button', { name: /^Advance to (next event|end of shift)$/ }).click();
        await expect.poll(() => logLength(page)).toBeGreaterThan(before);
        continue;
      }
      const summary = (await first.locator('summary').textContent())!;
      const advice = (await first.locator('p').textContent())!.trim();
      const order = summary.match(/: order (\S+)/)?.[1];
      const now = (await page.getByTestId('clock-now').locator('time').getAttribute('datetime'))!;
      for (const step of stepsFor({ rule: '', advice, ...(order ? { order } : {}) }, isoOf)) {
        await perform(page, { ...step, at: now, by: 'trainee' } as Action);
        await showPanel(page, 'Messages and coach');
      }
    }
    await expect(debrief).toBeVisible();
    const total = Number(
      (await page.getByTestId('score-total').textContent())!.match(/(\d+) out of 100/)![1],
    );
    expect(total, `deductions: ${(await debriefRules(page)).join(', ')}`).toBeGreaterThanOrEqual(
      95,
    );
  });

  test('assessment: no coach at the desk, and none after a reload', async ({ page }) => {
    await page.goto(PAGE);
    await waitForIslands(page);
    await createProfile(page, 'Ana Ruiz');
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:00');
    await expect(page.getByRole('region', { name: 'Coach' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Advance 1 hour' }).click();
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 09:00');
    await page.reload();
    await waitForIslands(page);
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 09:00');
    await expect(page.getByRole('region', { name: 'Coach' })).toHaveCount(0);
  });

  test('ending early asks first, and "Keep working" keeps the shift going', async ({ page }) => {
    await openAndStart(page);
    await page.getByRole('button', { name: 'End shift' }).click();
    await expect(page.getByText(/End the shift now\? 4 h of it remain/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'End the shift now' })).toBeFocused();
    await page.getByRole('button', { name: 'Keep working' }).click();
    await expect(page.getByRole('button', { name: 'End the shift now' })).toHaveCount(0);
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 08:00');
  });
});

test.describe('the desk as a workspace', () => {
  test('check stock answers on the order line; the timeline, the inbox marks and the open order survive a reload', async ({
    page,
  }) => {
    await openAndStart(page);
    const ORDER = 'SO-51120';
    await selectOrder(page, ORDER);
    const line = page.getByRole('region', { name: `Lines of order ${ORDER}` });
    const sku = scenario.orders.find((o) => o.id === ORDER)!.lines[0]!.sku;
    await line.getByRole('button', { name: `Check stock of ${sku} for this line` }).click();
    const item = scenario.catalog.find((s) => s.sku === sku)!;
    await expect(line.getByRole('status')).toContainText(`${item.onHand} on hand`);
    await expect(line.getByRole('status')).toContainText('reserved');
    await expect(line.getByRole('status')).toContainText('available');
    await expect(page.getByTestId('log-length')).toHaveText('1 entry');

    // Priya's message arrives at 09:10: on the timeline and in the inbox, not yet answered.
    await page.getByRole('button', { name: 'Advance to next event' }).click();
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 09:10');
    await showPanel(page, 'Messages and coach');
    const timeline = page.getByRole('region', { name: 'Event timeline' });
    await expect(timeline.getByRole('listitem')).toHaveCount(1);
    await expect(timeline).toContainText(`Priya Nair wrote about ${ORDER} (ask status)`);
    await expect(timeline).toContainText('Mon 2 Mar, 09:10');
    const inbox = page.getByRole('region', { name: 'Customer inbox' });
    await expect(inbox).toContainText('Not answered yet');

    // A status update answers her; the order shows what she asked.
    await perform(page, {
      type: 'notify-customer',
      at: '2026-03-02T09:10',
      by: 'trainee',
      order: ORDER,
      kind: 'status-update',
      channel: 'email',
      content: {
        shipped: [],
        backordered: [],
        promiseDate: null,
        options: [],
        apology: false,
        compensation: 'none',
      },
    } as Action);
    await expect(inbox).toContainText('Answered Mon 2 Mar, 09:10');

    await page.reload();
    await waitForIslands(page);
    await expect(page.getByRole('heading', { name: `Order ${ORDER}` })).toBeVisible();
    await expect(
      page.getByRole('region', { name: `Requests from the customer of ${ORDER}` }),
    ).toContainText('Asked where the order is');
    await showPanel(page, 'Messages and coach');
    await expect(page.getByRole('region', { name: 'Event timeline' })).toContainText(
      `Priya Nair wrote about ${ORDER}`,
    );
    await expect(page.getByRole('region', { name: 'Customer inbox' })).toContainText(
      'Answered Mon 2 Mar, 09:10',
    );
    await expectNoAxeViolations(page);
  });

  test('a phone shows one panel at a time under a small clock bar, with no sideways scroll', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openAndStart(page);
    const bar = page.locator('.desk__clock');
    expect((await bar.boundingBox())!.height).toBeLessThan(844 / 3);
    for (const name of ['Order queue', 'Messages and coach', 'Inventory'] as const) {
      await showPanel(page, name);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `sideways scroll with ${name} open`).toBeLessThanOrEqual(390);
    }
    // Each order in the queue is a card of labelled facts; its status sits on screen.
    await showPanel(page, 'Order queue');
    const queue = page.getByRole('region', { name: 'Order queue table' });
    expect(await queue.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    const status = await queue
      .getByRole('row', { name: /SO-51117/ })
      .getByRole('cell', { name: 'open', exact: true })
      .boundingBox();
    expect(status!.x + status!.width).toBeLessThanOrEqual(390);
    // An order's lines become cards of labelled figures: nothing hides past the edge.
    await selectOrder(page, 'SO-51117');
    const lines = page.getByRole('region', { name: 'Lines of order SO-51117' });
    expect(await lines.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    const tape = lines.getByRole('row', { name: /PLB-PTFE-12/ });
    await expect(tape.getByRole('cell', { name: 'not yet reserved: 6 can be' })).toBeVisible();
    // The last column, the promise date, sits on the screen under its line.
    const date = await tape.getByRole('cell', { name: 'Wed 4 Mar, 09:00' }).boundingBox();
    const sku = await tape.getByRole('rowheader').boundingBox();
    expect(date!.x + date!.width).toBeLessThanOrEqual(390);
    expect(date!.y).toBeGreaterThan(sku!.y);
    // The controls used less often fold away, and come back on request.
    await expect(page.getByRole('button', { name: 'End shift' })).toBeHidden();
    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('button', { name: 'End shift' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

for (const width of [1280, 390]) {
  test(`the working desk passes axe in the dark theme at ${width} px: coach, order, stock answer and timeline`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(PAGE);
    await waitForIslands(page);
    await createProfile(page, 'Ana Ruiz');
    await page.getByRole('radio', { name: /^Practice/ }).check();
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await selectOrder(page, 'SO-51117');
    const lines = page.getByRole('region', { name: 'Lines of order SO-51117' });
    await lines.getByRole('button', { name: 'Check stock of PLB-CU15-EL90 for this line' }).click();
    await expect(lines.getByRole('status')).toContainText('on hand');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Advance to next event' }).click();
    await expect(page.getByTestId('clock-now')).toHaveText('Mon 2 Mar, 09:10');
    await showPanel(page, 'Messages and coach');
    await expect(page.getByRole('region', { name: 'Coach' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Event timeline' }).getByRole('listitem'),
    ).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
}

test.describe('the guided first shift', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a new hire follows the guide through every control, through a reload, and passes', async ({
    page,
  }) => {
    const id = 'first-shift';
    const guided = bundledScenario(id);
    const log = runAutopilot(guided).log;
    await page.goto('/simulations/');
    await waitForIslands(page);
    // Listed first, as the place to start.
    await expect(
      page.locator('main h3, main h2').filter({ hasText: 'Your first shift, guided' }).first(),
    ).toBeVisible();
    await page.goto(`/simulations/${id}/`);
    await waitForIslands(page);
    await createProfile(page, 'Nia New');
    await page.getByRole('button', { name: 'Start the shift' }).click();
    const guide = page.getByRole('region', { name: 'Guide' });
    await expect(guide).toContainText('Step 1 of');
    await expect(guide).toContainText('Check the stock');

    // "Show me" brings the inventory up and puts the keyboard on the control to use.
    await guide.getByRole('button', { name: 'Show me' }).click();
    await expect(
      page.getByRole('button', { name: 'Check stock of PAK-TAPE-48B', exact: true }),
    ).toBeFocused();

    // Hidden and shown again.
    await guide.getByRole('button', { name: 'Hide the guide' }).click();
    await expect(page.getByRole('region', { name: 'Guide' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show the guide' }).click();

    // Half the work, then a reload: the guide is at the same step.
    const half = log.findIndex((entry) => entry.type === 'po-delayed');
    await play(page, log.slice(0, half));
    await expect(guide).toContainText('Move the clock on');
    await page.reload();
    await waitForIslands(page);
    await expect(page.getByRole('region', { name: 'Guide' })).toContainText('Move the clock on');

    // Everything but the final move of the clock to the end of the shift.
    expect(log.at(-1)!.type).toBe('advance-clock');
    await play(page, log.slice(half, -1));
    const last = page.getByRole('region', { name: 'Guide' });
    const guideFile = parseGuide(readFileSync(`simulations/guides/${id}.yaml`, 'utf8'), id);
    if (!guideFile.ok) throw new Error('the guide does not load');
    const steps = guideFile.value.steps.length;
    await expect(last).toContainText(`Step ${steps} of ${steps}`);
    await expect(last).toContainText('That is every control of the desk');
    await endShift(page);
    expect(await debriefRules(page)).toEqual([]);
    await expectNoAxeViolations(page);
  });
});
