/**
 * What every browser test shares: waiting for islands, making a profile, and moving through
 * a page with the keyboard the way a person does. One copy here instead of one per spec.
 */
import { expect, type Locator, type Page } from '@playwright/test';

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
  const newProfile = panel.getByRole('button', { name: 'New profile' });
  if (await newProfile.isVisible()) await newProfile.click();
  await panel.getByLabel('Your name').fill(name);
  await panel.getByLabel('Role').selectOption(role);
  await panel.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
}

/** How far Tab may travel to reach one control before the test calls it unreachable. */
export const TAB_BOUND = 120;

/**
 * Press Tab (or Shift+Tab, whichever way the control lies from the focus) until the control
 * has focus, as a keyboard user moves through a page. Fails when it is not reached within
 * `bound` presses: the keyboard cannot get there in reasonable reach.
 */
export async function tabTo(page: Page, control: Locator, bound = TAB_BOUND): Promise<void> {
  await control.waitFor();
  for (let presses = 0; presses <= bound; presses++) {
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
