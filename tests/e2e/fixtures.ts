/**
 * What every browser test shares: waiting for islands, making a profile, and moving through
 * a page with the keyboard the way a person does. One copy here instead of one per spec.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { bundleSchema } from '../../src/records/schema';
import { makeBundle, type BundleSpec } from '../fixtures/bundles';

/**
 * An island is interactive once Astro has hydrated it and dropped its `ssr` attribute.
 * Islands hydrated when visible wait until they are scrolled into view (see `hydrated`).
 */
export async function waitForIslands(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]:not([client="visible"])')).toHaveCount(0);
}

/** Scroll a `client:visible` island into view and wait until it is interactive. */
export async function hydrated(page: Page, region: Locator): Promise<void> {
  await region.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]', { has: region })).toHaveCount(0);
}

/**
 * Create a profile in the profile panel. On a first visit (not on the manager's dashboard)
 * the panel is offered as a card at the top of the page; otherwise it opens from the
 * profile button in the header.
 */
export async function createProfile(
  page: Page,
  name: string,
  role: 'trainee' | 'trainer' | 'manager' = 'trainee',
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Profiles on this browser' });
  const toggle = page.locator('button[aria-controls="profile-panel"]');
  // Settle first: the menu marks itself ready once storage has answered and the first-visit
  // card, if offered, is on the page. Clicking before that would race the offer.
  await expect(page.locator('[data-profile-ready]')).toBeAttached();
  if (!(await panel.isVisible())) await toggle.click();
  await expect(panel).toBeVisible();
  // The panel's body loads on first opening: wait for it before choosing what to press.
  const newProfile = panel.getByRole('button', { name: 'New profile' });
  const nameField = panel.getByLabel('Your name');
  await expect(newProfile.or(nameField)).toBeVisible();
  if (await newProfile.isVisible()) await newProfile.click();
  await panel.getByLabel('Your name').fill(name);
  await panel.getByLabel('Role').selectOption(role);
  await panel.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
}

/**
 * Rows for the site's IndexedDB (src/db/database.ts), by table. A journey that needs only a
 * starting point (a finished course, a passed module) is given it this way instead of
 * playing up to it through the screens, which other tests already cover.
 */
export interface Seed {
  profiles?: unknown[];
  settings?: unknown[];
  lessonVisits?: unknown[];
  checkAttempts?: unknown[];
}

/**
 * A trainee's rows as the site keeps them: the profile, in use on this browser, and the
 * course progress `spec` describes (see tests/fixtures/bundles.ts), shaped by the bundle
 * schema the stored rows are derived from, so dates are dates.
 */
export function traineeSeed(spec: BundleSpec): Required<Seed> {
  const bundle = bundleSchema.parse(makeBundle(spec));
  const profileId = bundle.profile.id;
  return {
    profiles: [bundle.profile],
    settings: [{ key: 'currentProfile', value: profileId }],
    lessonVisits: bundle.lessonVisits.map((visit) => ({ ...visit, profileId })),
    checkAttempts: bundle.checkAttempts.map((attempt) => ({ ...attempt, profileId })),
  };
}

/**
 * Put `seed` straight into the site's IndexedDB, in one transaction, and reload so the
 * islands read it. The page must be one of the site's, and its storage must have answered
 * once (the profile menu marks itself ready then), so the database exists at its version.
 */
export async function seedDatabase(page: Page, seed: Seed): Promise<void> {
  await expect(page.locator('[data-profile-ready]')).toBeAttached();
  await page.evaluate(
    async (tables: Record<string, unknown[]>) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('backorder-academy');
        request.onupgradeneeded = () => {
          request.transaction!.abort();
          reject(new Error('the site has not created its database yet'));
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const names = Object.keys(tables).filter((name) => tables[name]!.length > 0);
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) for (const row of tables[name]!) tx.objectStore(name).put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    seed as Record<string, unknown[]>,
  );
  await page.reload();
  await waitForIslands(page);
}

/** How far Tab may travel to reach one control before the test calls it unreachable. */
export const TAB_BOUND = 120;

/**
 * Press Tab (or Shift+Tab, whichever way the control lies from the focus) until the control
 * has focus, as a keyboard user moves through a page. Fails when it is not reached within
 * `bound` presses: the keyboard cannot get there in reasonable reach.
 */
export async function tabTo(page: Page, control: Locator, bound = TAB_BOUND): Promise<void> {
  // The control's element is found once and asked where the focus is after each press (a
  // locator would find it again every time, twice the cost per press); found again only if
  // the page replaced it meanwhile.
  let element = await control.elementHandle();
  for (let presses = 0; presses <= bound; presses++) {
    const where = await element!.evaluate((element) => {
      if (!element.isConnected) return 'gone';
      const active = document.activeElement;
      if (element === active) return 'here';
      if (!active || active === document.body) return 'after';
      return active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING
        ? 'before'
        : 'after';
    });
    if (where === 'here') return;
    if (where === 'gone') {
      await element!.dispose();
      element = await control.elementHandle();
      continue;
    }
    await page.keyboard.press(where === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${control} was not reached within ${bound} presses of the Tab key`);
}

/** How a person works the controls: with a pointer, or with the keyboard alone. */
export interface Driver {
  click(control: Locator): Promise<void>;
  fill(field: Locator, value: string): Promise<void>;
  select(field: Locator, value: string): Promise<void>;
  check(box: Locator, on: boolean): Promise<void>;
}

export const pointer: Driver = {
  click: (control) => control.click(),
  fill: (field, value) => field.fill(value),
  select: async (field, value) => void (await field.selectOption(value)),
  check: (box, on) => box.setChecked(on),
};

/** The keyboard alone: Tab to each control, then type, Space or Enter. */
export function keyboard(page: Page): Driver {
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
