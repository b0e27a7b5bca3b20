/**
 * Working the order desk the way a person does, for the simulation specs: select an order,
 * perform a logged action through its controls, move the clock, read the debrief. Actions
 * come from engine logs (usually the autopilot's), so tests follow scenarios as trainers
 * edit them.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Action } from '../../src/engine/actions';
import { parseScenario } from '../../src/engine/load';
import { isAction, type LogEntry } from '../../src/engine/log';
import type { Scenario } from '../../src/engine/schema';
import { pointer, waitForIslands, type Driver } from './fixtures';

/** A bundled scenario file, parsed as the site parses it. */
export function bundledScenario(id: string): Scenario {
  const parsed = parseScenario(readFileSync(`simulations/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if (!parsed.ok) throw new Error(`${id} does not load`);
  return parsed.value;
}

/** Entries in the saved log; the end of the shift (the debrief) counts as past every step. */
export async function logLength(page: Page): Promise<number> {
  const shown = page
    .getByTestId('log-length')
    .or(page.getByRole('heading', { name: 'Debrief' }))
    .first();
  const text = (await shown.textContent())!;
  return text === 'Debrief' ? Infinity : Number(text.split(' ')[0]);
}

/** Open an order in Order detail from the queue, unless it is the one already open. */
/**
 * Bring a panel of the desk on screen from "Desk panels" (the inventory takes the queue's
 * place; on a phone every panel does), unless it is already there.
 */
export async function showPanel(
  page: Page,
  name: 'Order queue' | 'Order' | 'Messages and coach' | 'Inventory',
  via: Driver = pointer,
) {
  const panels = page.getByRole('navigation', { name: 'Desk panels' });
  const button = panels.getByRole('button', { name, exact: true });
  // The desk must be on screen before a hidden button means anything (isVisible does not
  // wait): a desk still rendering after "Start the shift" has no buttons yet.
  await expect(panels).toBeVisible();
  // On a wide screen the order and the messages are always on screen, with no button.
  if (!(await button.isVisible())) return;
  if ((await button.getAttribute('aria-pressed')) === 'true') return;
  await via.click(button);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

export async function selectOrder(page: Page, order: string, via: Driver = pointer) {
  const heading = page.getByRole('heading', { name: `Order ${order}` });
  if (await heading.isVisible()) return;
  await showPanel(page, 'Order queue', via);
  const queue = page.getByRole('region', { name: 'Order queue table' });
  await via.click(queue.getByRole('button', { name: order, exact: true }));
  await expect(heading).toBeVisible();
}

/** Perform one logged action through the screen; `mistake.picked` picks another item. */
export async function perform(
  page: Page,
  action: Action,
  mistake?: { picked?: string },
  via: Driver = pointer,
) {
  const before = await logLength(page);
  if ('order' in action && action.order) await selectOrder(page, action.order, via);
  switch (action.type) {
    case 'check-stock':
      await showPanel(page, 'Inventory', via);
      await via.click(
        page.getByRole('button', { name: `Check stock of ${action.sku}`, exact: true }),
      );
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
        if (line.promiseDate) await pickDate(group, line.promiseDate, via);
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
      if (action.content.promiseDate) await pickDate(form, action.content.promiseDate, via);
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
    case 'flag-priority':
      await via.click(page.getByRole('button', { name: 'Flag as high priority' }));
      break;
    case 'escalate':
      await via.fill(page.getByLabel('Reason to escalate to a supervisor'), action.reason);
      await via.click(page.getByRole('button', { name: 'Escalate', exact: true }));
      break;
    case 'inform-team': {
      await showPanel(page, 'Messages and coach', via);
      const notes = page.getByRole('region', { name: 'Team notes' });
      await via.select(notes.getByLabel('Team'), action.team);
      const about = notes.getByRole('checkbox', { name: /^About order/ });
      if (await about.count()) await via.check(about, Boolean(action.order));
      await via.fill(notes.getByLabel('Note'), action.note);
      await via.click(notes.getByRole('button', { name: 'Send note' }));
      break;
    }
    default:
      throw new Error(`the test does not perform ${action.type} yet`);
  }
  await expect.poll(() => logLength(page)).toBeGreaterThan(before);
}

/** Choose a scenario time in a "Promise date" and "Promise time" pair of lists. */
async function pickDate(within: Locator, time: string, via: Driver) {
  await via.select(within.getByLabel('Promise date'), time.slice(0, 10));
  await via.select(within.getByLabel('Promise time'), time.slice(11, 16));
}

/** Move the clock to an event's time, or (for the final advance) to the end of the shift. */
export async function advanceTo(page: Page, entry: LogEntry, via: Driver = pointer) {
  const before = await logLength(page);
  if (before === Infinity) return;
  const now = (await page.getByTestId('clock-now').locator('time').getAttribute('datetime'))!;
  if (now >= entry.at) return;
  await via.click(page.getByRole('button', { name: /^Advance to (next event|end of shift)$/ }));
  await expect.poll(() => logLength(page)).toBeGreaterThan(before);
}

/** Play a log through the screen; `skip` leaves actions out, `picked` changes picks. */
export async function play(
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

/** The rule ids of the debrief's deductions, in the order shown. */
export async function debriefRules(page: Page): Promise<string[]> {
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
  return page
    .locator('[data-rule]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')!));
}

/** End the shift: "End shift", then confirm while time remains, as a person does. */
export async function endShift(page: Page, driver: Driver = pointer): Promise<void> {
  await driver.click(page.getByRole('button', { name: 'End shift' }));
  const confirm = page.getByRole('button', { name: 'End the shift now' });
  await expect(confirm).toBeFocused();
  await driver.click(confirm);
}

/**
 * Start a shift part-way through, for a test that needs only that starting point: `log` is
 * written straight into the run the page has open, as the desk saves each step (one
 * `runEntries` row per entry, as `appendRunEntries` in src/db/index.ts writes them), and the
 * page reloads, so the desk resumes there as after any reload. The log must come from the
 * engine (an autopilot's run, cut or changed as the test needs), never written by hand; its
 * actions are booked to `by`, the person at the desk, as the desk books them. The shift must
 * have been started on the page (its run stored) with nothing played yet.
 */
export async function seedShift(
  page: Page,
  scenario: string,
  log: readonly LogEntry[],
  by: string,
): Promise<void> {
  await expect(page.getByTestId('log-length')).toHaveText('0 entries');
  const entries = log.map((entry) =>
    isAction(entry) && entry.type !== 'verify' ? { ...entry, by } : entry,
  );
  await page.evaluate(
    async ({ scenario, entries }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('backorder-academy');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['runs', 'runEntries'], 'readwrite');
      const runs = await new Promise<{ id: string; scenario: string; status: string }[]>(
        (resolve, reject) => {
          const request = tx.objectStore('runs').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        },
      );
      const open = runs.filter((run) => run.scenario === scenario && run.status === 'running');
      if (open.length !== 1) throw new Error(`${open.length} open runs of ${scenario}, not one`);
      const actedAt = Date.now();
      entries.forEach((entry, seq) =>
        tx.objectStore('runEntries').add({ runId: open[0]!.id, seq, entry, actedAt }),
      );
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { scenario, entries },
  );
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByTestId('log-length')).toHaveText(`${log.length} entries`);
}
