/**
 * The design system's promises, in Chromium: the header keeps one row on a laptop and
 * folds into a menu button on a phone without cutting the site's name, no main page scrolls
 * sideways on a phone, every main page passes axe in the light and the dark theme, the profile offer sits in the page
 * instead of over it, and a printed certificate carries no site chrome.
 */
import { expect, test, type Page } from '@playwright/test';
import { requiredScenarios } from '../../src/records/certificate';
import { makeBundle, scenarioFiles } from '../fixtures/bundles';
import { createProfile, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

const LESSON = '/courses/backorders-and-partial-shipments/01-basics/01-what-is-a-backorder/';
/** Pages home.spec.ts does not already check for sideways scrolling at 360 px. */
const ROLEPLAY = '/roleplays/date-that-moved/';
const MAIN_PAGES = [
  '/courses/backorders-and-partial-shipments/',
  LESSON,
  '/simulations/three-backorder-types/',
  '/roleplays/',
  ROLEPLAY,
  '/trainer/',
  '/trainer/records/',
  '/manager/',
  '/lrs/',
];

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test.describe('laptop (1280 px)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the header is one row: brand, every section and the profile share a line', async ({
    page,
  }) => {
    await page.goto('/simulations/');
    await waitForIslands(page);
    // A returning trainee's name makes the profile button widest; it must still fit.
    await createProfile(page, 'Alexandra Konstantinopoulou');
    const brand = (await page.getByRole('link', { name: 'Backorder Academy' }).boundingBox())!;
    const links = await mainNav(page).getByRole('link').all();
    expect(links).toHaveLength(6);
    const profile = page.getByRole('button', { name: /Alexandra/ });
    for (const box of [
      ...(await Promise.all(links.map((link) => link.boundingBox()))),
      await profile.boundingBox(),
    ]) {
      // Same row: each control's vertical middle lies within the brand's height.
      const middle = box!.y + box!.height / 2;
      expect(middle).toBeGreaterThan(brand.y);
      expect(middle).toBeLessThan(brand.y + brand.height);
    }
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  });

  test('the page title and the order desk start on the same column', async ({ page }) => {
    await page.goto('/simulations/three-backorder-types/');
    await waitForIslands(page);
    await createProfile(page, 'Col Umn');
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    const start = page.getByRole('button', { name: 'Start the shift' });
    await start.click();
    const desk = (await page.getByRole('region', { name: 'Order queue table' }).boundingBox())!;
    // The desk's panels sit inside a card with its own padding; its edge is the column's.
    expect(Math.abs(desk.x - title.x)).toBeLessThanOrEqual(24);
    expect(desk.x).toBeGreaterThanOrEqual(title.x);
  });
});

test.describe('phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the sections are behind a menu button that opens, is keyboard reachable and closes', async ({
    page,
  }) => {
    await page.goto('/glossary/');
    await expect(mainNav(page)).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toBeInViewport();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    // The header stays a slim bar: no more than a tenth of the screen.
    const header = (await page.getByRole('banner').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(84);

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(mainNav(page)).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(mainNav(page).getByRole('link')).toHaveCount(6);
    await expect(mainNav(page).locator('[aria-current="page"]')).toHaveText('Glossary');
    await page.keyboard.press('Tab');
    await expect(mainNav(page).getByRole('link', { name: 'Courses' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(mainNav(page)).toBeHidden();

    await menu.tap();
    await mainNav(page).getByRole('link', { name: 'Simulations' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Simulations' })).toBeVisible();
  });

  test('on a first visit the header shows the whole site name beside the profile and menu buttons', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('[data-profile-ready]')).toBeAttached();
    const name = page.getByRole('banner').locator('.brand__name');
    await expect(name).toHaveText('Backorder Academy');
    await expect(name).toBeInViewport({ ratio: 1 });
    // Not cut off by an ellipsis: the text is as wide as the box it sits in.
    expect(await name.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    for (const button of [
      page.getByRole('button', { name: 'Profile', exact: true }),
      page.getByRole('button', { name: 'Menu' }),
    ])
      await expect(button).toBeInViewport({ ratio: 1 });
  });

  for (const path of MAIN_PAGES) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      await waitForIslands(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
    });
  }

  test('a lesson table scrolls inside itself, not the page', async ({ page }) => {
    await page.goto(LESSON);
    const table = page.locator('#lesson-body table').first();
    await expect(table).toBeVisible();
    const box = (await table.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});

/** Pages in each theme's axe run: one of each kind a trainee or a manager meets. */
const THEMED_PAGES = [
  '/',
  LESSON,
  '/simulations/',
  '/simulations/three-backorder-types/',
  ROLEPLAY,
  '/manager/',
  '/trainer/',
  '/trainer/records/',
  '/lrs/',
];

test.describe('themes', () => {
  // Light at 1280 px is checked on every page by home.spec.ts and the journeys.
  const combinations = [
    { colorScheme: 'dark', width: 1280 },
    { colorScheme: 'dark', width: 390 },
    { colorScheme: 'light', width: 390 },
  ] as const;
  for (const { colorScheme, width } of combinations) {
    for (const path of THEMED_PAGES) {
      test(`${path} passes axe in the ${colorScheme} theme at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        const problems = watchForProblems(page);
        await page.goto(path);
        await waitForIslands(page);
        await expect(page.locator('[data-profile-ready]')).toBeAttached();
        await expectNoAxeViolations(page);
        expect(problems).toEqual([]);
      });
    }
  }

  test('the dark theme is dark: the page and the text trade places', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const [text, background] = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.color, style.backgroundColor];
    });
    expect(background).toBe('rgb(15, 20, 27)');
    expect(text).toBe('rgb(232, 234, 238)');
  });
});

test.describe('the profile offer', () => {
  test('a first visit gets a card in the page, which covers nothing and is not offered again once dismissed', async ({
    page,
  }) => {
    await page.goto('/courses/');
    await expect(page.locator('[data-profile-ready]')).toBeAttached();
    const card = page.getByRole('region', { name: 'Profiles on this browser' });
    await expect(card).toBeVisible();
    // In the flow: inside the main column, above the page's title, which it pushes down.
    await expect(page.getByRole('main').getByRole('region', { name: /Profiles/ })).toBeVisible();
    const cardBox = (await card.boundingBox())!;
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(title.y);

    await card.getByRole('button', { name: 'Not now' }).click();
    await expect(card).toBeHidden();
    await expect(page.getByRole('button', { name: /^Profile/ })).toBeFocused();
    await page.reload();
    await expect(page.locator('[data-profile-ready]')).toBeAttached();
    await expect(card).toBeHidden();
    // Still one press away in the header.
    await createProfile(page, 'Later Lee');
  });

  test('the manager dashboard offers no profile by itself', async ({ page }) => {
    await page.goto('/manager/');
    await expect(page.locator('[data-profile-ready]')).toBeAttached();
    await expect(page.getByRole('region', { name: 'Profiles on this browser' })).toBeHidden();
    await expect(page.getByRole('button', { name: /^Profile/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  test('a second press on the profile button closes the panel, even while it is still loading', async ({
    page,
  }) => {
    // The panel's code loads on first opening; hold it back, as a slow phone would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/ProfilePanel\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/manager/');
    await expect(page.locator('[data-profile-ready]')).toBeAttached();
    const toggle = page.getByRole('button', { name: /^Profile/ });
    const panel = page.getByRole('region', { name: 'Profiles on this browser' });

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(panel).toBeVisible();
    await toggle.click();
    release();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();
    // Opened again, it holds the loaded panel, with the name to fill in first.
    await toggle.click();
    await expect(panel.getByLabel('Your name')).toBeFocused();
  });
});

test.describe('certificate', () => {
  const required = requiredScenarios(scenarioFiles().values());
  const day = (n: number) => new Date(Date.UTC(2026, 2, n, 9));
  const ben = makeBundle({
    profile: { id: 'p-ben-okafor', name: 'Ben Okafor', team: 'South' },
    courseDoneOn: day(3),
    runs: required.map((scenario, i) => ({ id: `ben-run-${i}`, scenario, at: day(4 + i) })),
  });

  /** Import Ben's bundle, who earned the certificate, into the manager's dashboard. */
  async function importBen(page: Page) {
    await page.goto('/manager/');
    await waitForIslands(page);
    await page.getByLabel('Choose bundle files').setInputFiles({
      name: 'ben.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(ben)),
    });
    await expect(page.getByRole('list', { name: 'Import results' })).toBeVisible();
  }

  test('passes axe in both themes at 1280 and 390 px, and does not scroll sideways on a phone', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await importBen(page);
    for (const width of [1280, 390])
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.goto('/manager/#trainee=p-ben-okafor&certificate');
        await waitForIslands(page);
        await expect(page.getByTestId('certificate')).toContainText('Ben Okafor');
        await expectNoAxeViolations(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${colorScheme} at ${width} px`).toBe(0);
      }
    expect(problems).toEqual([]);
  });

  test('prints as the certificate alone: no site header, footer or dashboard controls', async ({
    page,
  }) => {
    await importBen(page);
    await page.goto('/manager/#trainee=p-ben-okafor&certificate');
    await waitForIslands(page);
    const certificate = page.getByTestId('certificate');
    await expect(certificate).toContainText('Ben Okafor');
    await expect(certificate.getByText(/^BA-[0-9A-F]{4}-[0-9A-F]{4}$/)).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print the certificate' })).toBeHidden();
    await expect(certificate).toBeVisible();
    await expect(certificate.getByRole('listitem')).toHaveCount(required.length);
  });
});
