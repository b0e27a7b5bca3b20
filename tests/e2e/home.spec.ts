/**
 * Smoke test of the site frame: the home page, the main navigation to every section,
 * each page's heading, keyboard access, phone widths, the favicon and accessibility.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { readCourseFiles } from '../../src/files/course-files';
import { seedDatabase, traineeSeed, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

/** Each section in the main navigation and the <h1> of the page it leads to. */
const SECTIONS = [
  { link: 'Courses', path: '/courses/', heading: 'Courses' },
  { link: 'Simulations', path: '/simulations/', heading: 'Simulations' },
  { link: 'Trainer', path: '/trainer/', heading: 'Trainer tools' },
  { link: 'Manager', path: '/manager/', heading: 'Manager dashboard' },
] as const;

const ALL_PAGES = ['/', ...SECTIONS.map(({ path }) => path)];

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

test.describe('home page', () => {
  test('shows the site name, the navigation and no errors', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('/');

    await expect(page).toHaveTitle('Backorder Academy');
    await expect(page.getByRole('heading', { level: 1, name: 'Backorder Academy' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    for (const { link, path } of SECTIONS) {
      await expect(mainNav(page).getByRole('link', { name: link, exact: true })).toHaveAttribute(
        'href',
        path,
      );
    }
    // No section is current on the home page.
    await expect(mainNav(page).locator('[aria-current]')).toHaveCount(0);

    for (const audience of ['New hires', 'Trainers', 'Managers']) {
      await expect(page.getByRole('heading', { level: 3, name: audience })).toBeVisible();
    }

    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('a returning trainee sees their progress and continues where they left off, through a reload', async ({
    page,
  }) => {
    const [course] = readCourseFiles('content').courses;
    const lessons = course!.modules.flatMap((module) =>
      module.lessons.map((lesson) => ({ module: module.slug, ...lesson })),
    );
    await page.goto('/');
    await waitForIslands(page);
    // A first visit: nothing to continue, only the page's own introduction.
    await expect(page.getByRole('region', { name: /^Welcome back/ })).toHaveCount(0);

    // Ben has finished the first two lessons (all stored as the lesson page stores them).
    const ben = traineeSeed({
      profile: { id: 'p-ben', name: 'Ben Okafor' },
      courseDoneOn: new Date(),
    });
    await seedDatabase(page, {
      ...ben,
      lessonVisits: ben.lessonVisits.slice(0, 2),
      checkAttempts: [],
    });
    const welcome = page.getByRole('region', { name: 'Welcome back, Ben Okafor' });
    await expect(welcome).toContainText(`2 of ${lessons.length} lessons`);
    const next = lessons[2]!;
    const resume = welcome.getByRole('link', { name: /^Continue where you left off/ });
    await expect(resume).toContainText(next.lesson.title);
    await expect(resume).toHaveAttribute('href', new RegExp(`/${next.module}/${next.slug}/$`));
    await expectNoAxeViolations(page);

    await page.reload();
    await waitForIslands(page);
    await expect(welcome.getByRole('progressbar', { name: 'Course progress' })).toBeVisible();
    await resume.click();
    await expect(page.getByRole('heading', { level: 1, name: next.lesson.title })).toBeVisible();
  });

  test('links each audience card to its section', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Start with the courses' })).toHaveAttribute(
      'href',
      '/courses/',
    );
    await expect(page.getByRole('link', { name: 'Open the trainer tools' })).toHaveAttribute(
      'href',
      '/trainer/',
    );
    await expect(page.getByRole('link', { name: 'Open the manager dashboard' })).toHaveAttribute(
      'href',
      '/manager/',
    );
  });

  test('uses the SVG favicon and never requests /favicon.ico', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('/');

    const icon = page.locator('link[rel="icon"]');
    await expect(icon).toHaveAttribute('href', '/favicon.svg');
    const response = await page.request.get('/favicon.svg');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    expect(requested).not.toContain('/favicon.ico');
  });

  test('skip link is the first stop and moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();

    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
});

test.describe('main navigation', () => {
  for (const { link, path, heading } of SECTIONS) {
    test(`leads to ${link} with its heading, no errors and no axe violations`, async ({ page }) => {
      const problems = watchForProblems(page);
      await page.goto('/');
      await mainNav(page).getByRole('link', { name: link, exact: true }).click();

      await expect(page).toHaveURL(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      // Exactly the current section carries aria-current="page".
      await expect(mainNav(page).locator('[aria-current="page"]')).toHaveText(link);
      await expect(mainNav(page).locator('[aria-current]')).toHaveCount(1);

      await expectNoAxeViolations(page);
      expect(problems).toEqual([]);
    });
  }
});

test.describe('section pages', () => {
  test('/simulations/ lists every scenario file, or says there are none', async ({ page }) => {
    // The page reads the `scenarios` collection: every YAML or JSON file in simulations/.
    const folder = fileURLToPath(new URL('../../simulations/', import.meta.url));
    let files: string[] = [];
    try {
      files = readdirSync(folder).filter((name) => /\.(ya?ml|json)$/.test(name));
    } catch {
      // Git keeps no empty folders: before the first scenario, simulations/ may not exist.
    }

    await page.goto('/simulations/');
    await expect(page.getByRole('heading', { level: 1, name: 'Simulations' })).toBeVisible();
    const cards = page.getByRole('main').getByRole('article');
    if (files.length === 0) {
      await expect(page.getByText('No scenarios yet.')).toBeVisible();
      await expect(cards).toHaveCount(0);
    } else {
      await expect(cards).toHaveCount(files.length);
      for (const card of await cards.all()) {
        await expect(card.getByRole('heading', { level: 2 })).toBeVisible();
        await expect(card.getByRole('definition').first()).toHaveText(
          /^(Guided|Beginner|Intermediate|Advanced)$/,
        );
      }
    }
  });

  test('an unknown address shows the not-found page', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

// The dark theme's axe runs on these pages are design.spec.ts's theme matrix (and the
// course catalogue's, course-pages.spec.ts): one run per page, theme and width.

test.describe('phone (390 x 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('every navigation link is in the menu and opens its page', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).tap();
    for (const { link } of SECTIONS) {
      await expect(mainNav(page).getByRole('link', { name: link, exact: true })).toBeInViewport();
    }

    await mainNav(page).getByRole('link', { name: 'Manager', exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Manager dashboard' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
});

test.describe('narrowest phone (360 px)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of ALL_PAGES) {
    test(`${path} never scrolls sideways`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
    });
  }
});

// The header wraps at different widths depending on how many sections it lists; wherever
// the profile menu lands, its panel must open on screen.
for (const width of [1280, 1024, 768, 390]) {
  test(`the profile panel opens fully on screen at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/simulations/three-backorder-types/');
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    // On a first visit the panel opens by itself.
    const panel = page.getByRole('region', { name: 'Profiles on this browser' });
    await expect(page.getByRole('button', { name: /^Profile/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const create = panel.getByRole('button', { name: 'Create profile' });
    await expect(create).toBeInViewport({ ratio: 1 });
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  });
}
