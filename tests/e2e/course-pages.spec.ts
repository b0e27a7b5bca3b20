/**
 * The course pages as a learner uses them: the catalogue, a course, a lesson, the glossary
 * and search. Each page type passes axe in both colour schemes, fits a phone, and works by
 * keyboard; search finds a lesson by a word of its body; glossary links land on the lesson
 * that teaches the term; a printed lesson has no navigation.
 *
 * Expectations come from the content files themselves (read with the same schemas as the
 * build), so the tests keep passing while authors add and rename lessons.
 */
import { expect, test } from '@playwright/test';
import { readCourseFiles, type ModuleFiles } from '../../src/files/course-files';
import { hydrated, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

const files = readCourseFiles('content');
const [course] = files.courses;
if (!course) throw new Error('content/courses has no course to test');

const courseHref = `/courses/${course.slug}/`;
const modulesWithLessons = course.modules.filter((m) => m.lessons.length > 0);
const lessons = modulesWithLessons.flatMap((module) =>
  module.lessons.map((lesson) => ({
    module,
    ...lesson,
    href: `${courseHref}${module.slug}/${lesson.slug}/`,
  })),
);
// The first lesson of the first module: never locked, whatever the course's gating.
const firstLesson = lessons[0]!;

/**
 * A word that occurs in the body of exactly one lesson and nowhere in any lesson's title,
 * summary or objectives, so only that lesson's body can make search find it.
 */
function wordOnlyInOneBody(where: (href: string) => boolean = () => true): {
  word: string;
  href: string;
} {
  const words = (text: string) => new Set(text.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? []);
  const prose = (body: string) =>
    body
      .split('\n')
      .filter((line) => !/^\s*(<|import |export )/.test(line))
      .join('\n');
  const frontmatterWords = words(
    lessons
      .map(({ lesson }) => [lesson.title, lesson.summary, ...lesson.objectives].join(' '))
      .join(' '),
  );
  const bodies = lessons.map(({ body, href }) => ({ href, words: words(prose(body)) }));
  for (const { href, words: own } of bodies.filter((b) => where(b.href)))
    for (const word of [...own].sort())
      if (
        !frontmatterWords.has(word) &&
        bodies.every((other) => other.href === href || !other.words.has(word))
      )
        return { word, href };
  throw new Error('no word is unique to one lesson body');
}

/** Waits until every island that hydrates on load or idle has hydrated. */
const PAGE_TYPES = [
  { name: 'catalogue', path: '/courses/', heading: 'Courses' },
  { name: 'course', path: courseHref, heading: course.course.title },
  { name: 'lesson', path: firstLesson.href, heading: firstLesson.lesson.title },
  { name: 'glossary', path: '/glossary/', heading: 'Glossary' },
  { name: 'search', path: '/search/', heading: 'Search' },
] as const;

test.describe('every course page type', () => {
  for (const { name, path, heading } of PAGE_TYPES) {
    test(`${name} page has its heading, no errors and no axe violations`, async ({ page }) => {
      const problems = watchForProblems(page);
      await page.goto(path);
      await waitForIslands(page);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      // The catalogue's axe run is home.spec.ts's, which reaches it from the main navigation.
      if (name !== 'catalogue') await expectNoAxeViolations(page);
      expect(problems).toEqual([]);
    });
  }

  test.describe('dark colour scheme', () => {
    test.use({ colorScheme: 'dark' });
    // The lesson's dark run is in design.spec.ts's theme matrix, with the other page kinds.
    for (const { name, path } of PAGE_TYPES.filter((type) => type.name !== 'lesson')) {
      test(`${name} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await waitForIslands(page);
        await expectNoAxeViolations(page);
      });
    }
  });

  test.describe('phone (390 px)', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const { name, path } of PAGE_TYPES) {
      test(`${name} page never scrolls sideways`, async ({ page }) => {
        await page.goto(path);
        await waitForIslands(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBe(0);
      });
    }
  });
});

test.describe('catalogue', () => {
  test('lists each course with its facts and a link to it', async ({ page }) => {
    await page.goto('/courses/');
    const card = page.getByRole('article', { name: course.course.title });
    await expect(card.getByRole('link', { name: course.course.title })).toHaveAttribute(
      'href',
      courseHref,
    );
    await expect(card.getByText(course.course.audience)).toBeVisible();
    const minutes = lessons.reduce((sum, { lesson }) => sum + lesson.minutes, 0);
    await expect(card.getByText(`${course.modules.length} modules`)).toBeVisible();
    await expect(card.getByText(`${minutes} minutes`, { exact: true })).toBeVisible();
  });
});

test.describe('course page', () => {
  test('lists every module and links every lesson in order', async ({ page }) => {
    await page.goto(courseHref);
    for (const module of course.modules)
      await expect(
        page.getByRole('heading', { level: 3, name: module.module.title }),
      ).toBeVisible();
    const links = page.locator('.lesson-list a');
    await expect(links).toHaveText(lessons.map(({ lesson }) => lesson.title));
    for (const [index, { href }] of lessons.entries())
      await expect(links.nth(index)).toHaveAttribute('href', href);
  });
});

test.describe('lesson page', () => {
  test('shows breadcrumb, reading time, objectives and the body, and links onwards', async ({
    page,
  }) => {
    await page.goto(firstLesson.href);
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('link', { name: 'Courses' })).toHaveAttribute(
      'href',
      '/courses/',
    );
    await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText(firstLesson.lesson.title);
    await expect(page.getByText(`About ${firstLesson.lesson.minutes} min read`)).toBeVisible();
    for (const objective of firstLesson.lesson.objectives)
      await expect(page.getByRole('listitem').filter({ hasText: objective })).toBeVisible();
    await expect(page.locator('#lesson-body')).toBeVisible();

    const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
    const next = lessons[1];
    if (next)
      await expect(pager.getByRole('link', { name: new RegExp(`Next lesson`) })).toHaveAttribute(
        'href',
        next.href,
      );
  });

  // A lesson of the first module (never locked) that draws a figure, from the content files.
  const FIGURE_USE = /^<([A-Z]\w+) \/>$/m;
  const figureLesson = lessons.find(
    ({ module, body }) => module === modulesWithLessons[0] && FIGURE_USE.test(body),
  )!;

  test('a figure is named by its caption, and its drawing is described for screen readers', async ({
    page,
  }) => {
    expect(figureLesson, 'a lesson of the first module with a figure').toBeDefined();
    await page.goto(figureLesson.href);
    const figure = page.locator('#lesson-body').getByRole('figure').first();
    await expect(figure).toBeVisible();
    const caption = (await figure.locator('figcaption').textContent())!.trim();
    await expect(figure).toHaveAccessibleName(caption);
    const drawing = figure.getByRole('img');
    await expect(drawing).toHaveAccessibleName(/\w{4,}/);
    await expect(drawing).toHaveAccessibleDescription(/(\w+\W+){12,}/);
  });

  test('from 1200 px the lesson lists its sections beside the text, and each entry jumps there', async ({
    page,
  }) => {
    await page.goto(figureLesson.href);
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents).toBeVisible();
    const sections = page.locator('#lesson-body h2');
    const entries = contents.getByRole('link');
    await expect(entries).toHaveCount(await sections.count());
    const last = entries.last();
    const target = (await last.getAttribute('href'))!;
    await last.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.locator(target)).toBeInViewport();
    // The list sits beside the text, not above it.
    const text = (await page.locator('#lesson-body').boundingBox())!;
    expect((await contents.boundingBox())!.x).toBeGreaterThan(text.x + text.width);
  });

  test('the first use of a glossary term links to its definition, and only the first', async ({
    page,
  }) => {
    await page.goto(firstLesson.href);
    const body = page.locator('#lesson-body');
    const toBackorder = body.locator('a[href="/glossary/#term-backorder"]');
    await expect(toBackorder).toHaveCount(1);
    await expect(toBackorder).toHaveText(/^backorders?$/i);
    await toBackorder.click();
    await expect(page).toHaveURL(/\/glossary\/#term-backorder$/);
    await expect(page.locator('#term-backorder')).toBeInViewport();
  });

  test('a lesson callout says its kind in words', async ({ page }) => {
    await page.goto(firstLesson.href);
    const note = page.getByRole('note', { name: 'At the desk' });
    await expect(note).toBeVisible();
    await expect(note).toContainText('Check stock');
  });

  test.describe('phone (390 px)', () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test('tables become cards of labelled figures, the contents list steps aside, and axe finds nothing', async ({
      page,
    }) => {
      await page.goto(figureLesson.href);
      await waitForIslands(page);
      await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
      const table = page.locator('#lesson-body').getByRole('table').first();
      await table.scrollIntoViewIfNeeded();
      const region = page.locator('#lesson-body .table-scroll').first();
      expect(await region.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
      // Every cell of the first row is on screen, under its column's heading.
      const cells = table.getByRole('row').nth(1).getByRole('cell');
      for (const cell of await cells.all()) {
        const box = (await cell.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        expect(await cell.getAttribute('data-label')).toBeTruthy();
      }
      await expectNoAxeViolations(page);
    });
  });

  test('the last lesson of a module with a check carries the check', async ({ page }) => {
    const module = modulesWithLessons.find((m: ModuleFiles) => m.check !== null);
    expect(module, 'a module with a check').toBeDefined();
    const last = module!.lessons.at(-1)!;
    await page.goto(`${courseHref}${module!.slug}/${last.slug}/`);
    await expect(page.locator('astro-island[component-url*="KnowledgeCheck"]')).toHaveCount(1);
    if (module!.lessons.length > 1) {
      await page.goto(`${courseHref}${module!.slug}/${module!.lessons[0]!.slug}/`);
      await expect(page.locator('astro-island[component-url*="KnowledgeCheck"]')).toHaveCount(0);
    }
  });

  test('message templates show the wording with placeholders marked, accessibly', async ({
    page,
  }) => {
    const withTemplate = lessons.find(({ body }) => body.includes('<MessageTemplate'));
    expect(withTemplate, 'a lesson that shows a message template').toBeDefined();
    await page.goto(withTemplate!.href);
    await waitForIslands(page);
    // A new learner's gated module is locked and its body hidden; once the progress island
    // has settled (it shows its notice), show the body to check the template as someone who
    // has unlocked the module sees it.
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /locked|Create a profile/ })
        .first(),
    ).toBeVisible();
    await page.locator('#lesson-body').evaluate((body) => ((body as HTMLElement).hidden = false));
    const figure = page.getByRole('figure').first();
    await expect(figure).toContainText('Message template');
    await expect(figure.locator('.placeholder').first()).toHaveText(/^\{\w+\}$/);
    await expect(figure).toContainText('This message must say');
    await expectNoAxeViolations(page);
  });

  test('prints without the navigation, the islands or the pager', async ({ page }) => {
    await page.goto(firstLesson.href);
    await waitForIslands(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Previous and next lesson' })).toBeHidden();
    await expect(page.locator('.lesson-islands')).toBeHidden();
    await expect(
      page.getByRole('heading', { level: 1, name: firstLesson.lesson.title }),
    ).toBeVisible();
    await expect(page.locator('#lesson-body')).toBeVisible();
    // Black text on white paper.
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.color, style.backgroundColor];
    });
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  });
});

test.describe('search', () => {
  test('finds a lesson as you type a word that only its body contains', async ({ page }) => {
    const { word, href } = wordOnlyInOneBody();
    await page.goto('/search/');
    await waitForIslands(page);
    // No button press: results follow the typing.
    await page.getByRole('searchbox', { name: 'Search the lessons' }).pressSequentially(word);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      new RegExp(`found for “${word}”`),
    );
    const results = page.getByRole('main').getByRole('listitem');
    await expect(results.getByRole('link').first()).toHaveAttribute('href', href);
    await expect(results.first().locator('mark').first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\?q=${word}$`));
  });

  test('marks a locked lesson as locked, and its page says what to finish first, with no feedback form', async ({
    page,
  }) => {
    const opensLater = course.modules.find((m, i) => i >= 2 && m.lessons.length > 0)!;
    const before = course.modules[course.modules.indexOf(opensLater) - 1]!;
    const { word, href } = wordOnlyInOneBody((h) => h.includes(`/${opensLater.slug}/`));
    await page.goto(`/search/?q=${word}`);
    await waitForIslands(page);
    const result = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.locator(`a[href="${href}"]`) });
    await expect(result.getByText('Locked', { exact: true })).toBeVisible();
    await expect(result).toContainText(`Finish “${before.module.title}” first`);
    await expectNoAxeViolations(page);

    await result.getByRole('link').click();
    await expect(page).toHaveURL(href);
    await waitForIslands(page);
    await expect(
      page.getByRole('heading', { name: `Finish “${before.module.title}” first` }),
    ).toBeVisible();
    await expect(page.locator('#lesson-body')).toBeHidden();
    // Scrolled into view and hydrated, the feedback island still shows no form.
    await hydrated(page, page.locator('.feedback-slot'));
    await expect(page.getByRole('heading', { name: 'Help us improve this lesson' })).toHaveCount(0);

    // A lesson the trainee can read has the form.
    await page.goto(firstLesson.href);
    await waitForIslands(page);
    await hydrated(page, page.locator('.feedback-slot'));
    await expect(page.getByRole('heading', { name: 'Help us improve this lesson' })).toBeVisible();
  });

  test('reads the query from the address, so a search can be linked', async ({ page }) => {
    await page.goto('/search/?q=backorder');
    await expect(page.getByRole('searchbox', { name: 'Search the lessons' })).toHaveValue(
      'backorder',
    );
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
  });

  test('says so when nothing matches', async ({ page }) => {
    await page.goto('/search/');
    await page.getByRole('searchbox', { name: 'Search the lessons' }).fill('zzqxj');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      'No lessons found for “zzqxj”.',
    );
  });
});

test.describe('glossary', () => {
  test('lists terms alphabetically, each with an anchor', async ({ page }) => {
    await page.goto('/glossary/');
    const terms = await page.locator('dl.glossary-terms dt').allTextContents();
    expect(terms).toHaveLength(files.glossary.length);
    const sorted = [...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(terms.filter((t) => /^[a-z]/i.test(t))).toEqual(sorted.filter((t) => /^[a-z]/i.test(t)));
    for (const id of await page
      .locator('.glossary-term')
      .evaluateAll((els) => els.map((e) => e.id)))
      expect(id).toMatch(/^term-[a-z0-9-]+$/);
  });

  test('the A–Z list jumps to a letter by keyboard', async ({ page }) => {
    await page.goto('/glossary/');
    const letters = page.getByRole('navigation', { name: 'Glossary letters' }).getByRole('link');
    const last = letters.last();
    const target = (await last.getAttribute('href'))!;
    await last.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.locator(target)).toBeInViewport();
  });

  test('“Taught in” links land on the lesson that teaches the term', async ({ page }) => {
    const entry = files.glossary[0]!;
    const [, moduleSlug, lessonSlug] = entry.taughtIn.split('/');
    const lesson = lessons.find((l) => l.module.slug === moduleSlug && l.slug === lessonSlug)!;
    await page.goto('/glossary/');
    const term = page.locator('.glossary-term').filter({
      has: page.getByRole('term').getByText(entry.term, { exact: true }),
    });
    await term.getByRole('link', { name: `Taught in: ${lesson.lesson.title}` }).click();
    await expect(page).toHaveURL(lesson.href);
    await expect(page.getByRole('heading', { level: 1, name: lesson.lesson.title })).toBeVisible();
  });
});

test.describe('site navigation', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("Glossary and Search are in the narrowest phone's menu and current on their pages", async ({
    page,
  }) => {
    await page.goto('/glossary/');
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Glossary', 'Search'])
      await expect(nav.getByRole('link', { name })).toBeInViewport();
    await expect(nav.locator('[aria-current="page"]')).toHaveText('Glossary');
  });
});
