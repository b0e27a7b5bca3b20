/**
 * A new hire's journey through the course, end to end in Chromium: create a profile, open
 * the course, read a lesson, fail the module check, read the feedback, pass it, see the
 * progress, reload and find it kept, continue, meet a gated module, switch to a second
 * profile with its own empty progress. Answers come from the check files themselves, so the
 * test follows the content as trainers edit it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { readCourseFiles } from '../../src/files/course-files';
import { checkSchema, type Question } from '../../src/course/schema';
import { answer } from './course';
import {
  createProfile,
  hydrated,
  keyboard,
  seedDatabase,
  traineeSeed,
  waitForIslands,
} from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

const COURSE = '/courses/backorders-and-partial-shipments/';
const checkOf = (module: string) =>
  checkSchema.parse(
    parse(
      readFileSync(`content/courses/backorders-and-partial-shipments/${module}/check.yaml`, 'utf8'),
    ),
  );

/**
 * After answering `question` wrongly as `answer` does: the feedback that must show (why the
 * wrong choices are wrong) and the feedback that must not (anything naming a right answer).
 */
function feedbackOf(question: Question): [string[], string[]] {
  switch (question.kind) {
    case 'single':
      return [
        [question.options.find((o) => !o.correct)!.feedback],
        question.options.filter((o) => o.correct).map((o) => o.feedback),
      ];
    case 'multiple':
    case 'message': {
      const options = question.kind === 'multiple' ? question.options : question.elements;
      return [
        [options.find((o) => !o.correct)!.feedback],
        options.filter((o) => o.correct).map((o) => o.feedback),
      ];
    }
    case 'order':
      return [['items in their right place'], [question.explanation]];
    case 'classify':
      return [['Look again at this one.'], question.items.map((i) => i.feedback)];
  }
}

/** The right answer given to `question` is still on screen (after a reload). */
async function expectAnswered(group: Locator, question: Question) {
  switch (question.kind) {
    case 'single':
      return expect(
        group.getByRole('radio', {
          name: question.options.find((o) => o.correct)!.text,
          exact: true,
        }),
      ).toBeChecked();
    case 'multiple':
    case 'message': {
      const options = question.kind === 'multiple' ? question.options : question.elements;
      for (const option of options.filter((o) => o.correct))
        await expect(group.getByRole('checkbox', { name: option.text, exact: true })).toBeChecked();
      return;
    }
    case 'order':
      return expect(group.locator('.ranking__text')).toHaveText(question.items.map((i) => i.text));
    case 'classify':
      for (const item of question.items)
        await expect(group.getByLabel(item.text, { exact: true })).toHaveValue(item.category);
  }
}

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The bank question each group on the page asks, found by its prompt, in page order. */
async function drawnQuestions(check: Locator, bank: Question[]): Promise<Question[]> {
  const legends = await check
    .getByRole('group', { name: /^Question \d/ })
    .locator('legend')
    .allTextContents();
  return legends.map((legend) => {
    const question = bank.find((q) => words(legend).includes(words(q.prompt)));
    if (!question) throw new Error(`no bank question for "${words(legend)}"`);
    return question;
  });
}

/** Answer every drawn question of the check on the page, rightly or wrongly, and submit. */
async function answerCheck(page: Page, bank: Question[], right: boolean) {
  const check = page.getByRole('region', { name: /Check your understanding/ });
  await hydrated(page, check);
  await expect(check.getByText(/^Attempt \d+$/)).toBeVisible();
  const asked = await drawnQuestions(check, bank);
  for (const [index, question] of asked.entries())
    await answer(
      check.getByRole('group', { name: new RegExp(`^Question ${index + 1}\\b`) }),
      question,
      right,
    );
  await check.getByRole('button', { name: 'Check my answers' }).click();
  return { check, asked };
}

const LESSONS = readCourseFiles('content').courses[0]!.modules.flatMap((m) => m.lessons).length;
const lastLesson = (module: string) => {
  const found = readCourseFiles('content').courses[0]!.modules.find((m) => m.slug === module)!;
  return `${COURSE}${module}/${found.lessons.at(-1)!.slug}/`;
};

test('a new hire learns, fails a check without seeing the key, retries on new questions, passes, and keeps progress after a reload', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  const basics = checkOf('01-basics');

  await page.goto(COURSE);
  await waitForIslands(page);
  await expect(
    page.getByRole('region', { name: 'Profiles on this browser' }).getByText('It is not a login'),
  ).toBeVisible();
  await createProfile(page, 'Ana Ruiz');
  await expect(page.getByText('0 % complete')).toBeVisible();

  await page.getByRole('link', { name: /^Start: / }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'What a backorder is and why it happens',
  );
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await expect(page.getByText('You have completed this lesson.')).toBeVisible();

  // The module's last lesson carries its check: fail it first and read why.
  await page.goto(lastLesson('01-basics'));
  await waitForIslands(page);
  const first = await answerCheck(page, basics.questions, false);
  const check = first.check;
  await expect(check.getByRole('heading', { name: /^Not passed yet: \d+ %/ })).toBeFocused();
  await expect(check.getByText('The answer key is not shown yet')).toBeVisible();
  // Why the chosen answers are wrong, and where to read again; never a right answer.
  for (const question of first.asked) {
    const [shown, hidden] = feedbackOf(question);
    for (const text of shown)
      await expect(check.getByText(text, { exact: false }).first()).toBeVisible();
    for (const text of hidden) await expect(check.getByText(text, { exact: false })).toHaveCount(0);
  }
  await expect(check.getByText(/^Right answer\./)).toHaveCount(0);
  await expect(check.getByText(/^Should be chosen\./)).toHaveCount(0);
  const readAgain = check.getByRole('link', { name: /: / }).first();
  await expect(readAgain).toHaveAttribute('href', /\/courses\/.+\/01-basics\/.+\/#[a-z0-9-]+$/);

  // A retry asks other questions; a reload in the middle keeps the attempt and its answers.
  await check.getByRole('button', { name: 'Try again with new questions' }).click();
  await expect(check.getByText('Attempt 2', { exact: true })).toBeVisible();
  const retry = await drawnQuestions(check, basics.questions);
  expect(retry.filter((q) => first.asked.includes(q))).toEqual([]);
  const kept = retry[0]!;
  const group = check.getByRole('group', { name: /^Question 1\b/ });
  await answer(group, kept, true);
  await page.reload();
  await waitForIslands(page);
  await hydrated(page, check);
  await expect(check.getByText('Attempt 2', { exact: true })).toBeVisible();
  expect(await drawnQuestions(check, basics.questions)).toEqual(retry);
  await expectAnswered(group, kept);

  const passed = await answerCheck(page, basics.questions, true);
  expect(passed.asked).toEqual(retry);
  await expect(check.getByRole('heading', { name: 'Passed: 100 %' })).toBeVisible();
  await expect(check.getByText('Your attempt is saved.')).toBeVisible();
  // Passed: the key and every explanation are shown.
  await expect(
    check.getByText('The answer key and every explanation are shown below.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await expect(page.getByText('You have completed this lesson.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(COURSE);
  await waitForIslands(page);
  const progress = page.getByRole('region', { name: 'Your progress' });
  const done = `2 of ${LESSONS} lessons and 1 of 8 checks done`;
  await expect(progress.getByText(done)).toBeVisible();
  await page.reload();
  await waitForIslands(page);
  await expect(progress.getByText(done)).toBeVisible();
  await expect(progress.getByText(/Locked until you pass the check of/).first()).toBeVisible();

  await progress.getByRole('link', { name: /^Continue: / }).click();
  await expect(page).toHaveURL(/\/01-basics\/02-three-types\/$/);
  expect(problems).toEqual([]);
});

test('the third failed attempt shows the whole key', async ({ page }) => {
  const basics = checkOf('01-basics');
  await page.goto(COURSE);
  await waitForIslands(page);
  await createProfile(page, 'Eli Moss');
  await page.goto(lastLesson('01-basics'));
  await waitForIslands(page);
  for (const attempt of [1, 2, 3]) {
    const { check } = await answerCheck(page, basics.questions, false);
    await expect(check.getByRole('heading', { name: /^Not passed yet/ })).toBeVisible();
    if (attempt < 3) {
      await expect(check.getByText('The answer key is not shown yet')).toBeVisible();
      await check.getByRole('button', { name: 'Try again with new questions' }).click();
    } else {
      await expect(
        check.getByText('The answer key and every explanation are shown below.'),
      ).toBeVisible();
      await expect(
        check.getByText(/^(Right answer|Should be chosen|Belongs in place)/).first(),
      ).toBeVisible();
    }
  }
});

test('a gated module stays locked until the previous check is passed', async ({ page }) => {
  const ben = traineeSeed({
    profile: { id: 'p-ben', name: 'Ben Okafor' },
    courseDoneOn: new Date(),
  });
  await page.goto(COURSE);
  await waitForIslands(page);
  await seedDatabase(page, { ...ben, lessonVisits: [], checkAttempts: [] });
  await page.goto(`${COURSE}03-partial-shipments/01-when-to-ship-partial/`);
  await waitForIslands(page);
  await expect(page.getByText('This module is locked.')).toBeVisible();
  await expect(page.locator('#lesson-body')).toBeHidden();

  // Module 02 itself is locked behind module 01 until that check is passed.
  await page.goto(`${COURSE}02-inventory-tracking/02-tracking-backorder-status/`);
  await waitForIslands(page);
  await expect(page.getByText('This module is locked.')).toBeVisible();
  // Module 01's check passed, stored as the check stores it (passing one on screen is the
  // first journey's): module 02 opens.
  await seedDatabase(page, {
    checkAttempts: ben.checkAttempts.filter(
      (attempt) => (attempt as { module: string }).module === '01-basics',
    ),
  });
  await expect(page.locator('#lesson-body')).toBeVisible();
  await expect(page.getByText('This module is locked.')).toHaveCount(0);

  // Pass module 02's check on screen; module 03 opens.
  await page.goto(lastLesson('02-inventory-tracking'));
  await waitForIslands(page);
  await answerCheck(page, checkOf('02-inventory-tracking').questions, true);
  await expect(page.getByRole('heading', { name: 'Passed: 100 %' })).toBeVisible();
  await page.goto(`${COURSE}03-partial-shipments/01-when-to-ship-partial/`);
  await waitForIslands(page);
  await expect(page.locator('#lesson-body')).toBeVisible();
  await expect(page.getByText('This module is locked.')).toHaveCount(0);
});

test('a second profile on the same computer starts with its own, empty progress', async ({
  page,
}) => {
  await page.goto(COURSE);
  await waitForIslands(page);
  await createProfile(page, 'Ana Ruiz');
  await page.goto(`${COURSE}01-basics/01-what-is-a-backorder/`);
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await expect(page.getByText('You have completed this lesson.')).toBeVisible();

  await page.goto(COURSE);
  await waitForIslands(page);
  const progress = page.getByRole('region', { name: 'Your progress' });
  await expect(progress.getByText(`1 of ${LESSONS} lessons`)).toBeVisible();
  await page.getByRole('button', { name: /Ana Ruiz/ }).click();
  await createProfile(page, 'Ben Okafor');
  await expect(progress.getByText(`0 of ${LESSONS} lessons`)).toBeVisible();

  await page.getByRole('button', { name: /Ben Okafor/ }).click();
  await page.getByLabel('Profile in use').selectOption({ label: 'Ana Ruiz (Trainee)' });
  await expect(progress.getByText(`1 of ${LESSONS} lessons`)).toBeVisible();
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByRole('button', { name: /Ana Ruiz/ })).toBeVisible();
});

test('with storage blocked, lessons still read and the page says progress is not kept', async ({
  browser,
}) => {
  const context = await browser.newContext();
  // Private modes and locked-down browsers refuse IndexedDB; simulate that before any script runs.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${COURSE}01-basics/01-what-is-a-backorder/`);
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'What a backorder is and why it happens',
  );
  await expect(page.getByText(/progress will not be kept/).first()).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

test('after the whole course, the course page shows when a refresher is due and offers one', async ({
  page,
}) => {
  const outline = readFileSync(
    'content/courses/backorders-and-partial-shipments/course.yaml',
    'utf8',
  );
  const days = Number(/refresherDays: (\d+)/.exec(outline)?.[1] ?? 90);
  await page.goto(COURSE);
  await waitForIslands(page);
  // Every lesson read and every check passed today, put straight into storage: working
  // through the course on screen is the journey of the tests above.
  await seedDatabase(
    page,
    traineeSeed({ profile: { id: 'p-cara', name: 'Cara Lindqvist' }, courseDoneOn: new Date() }),
  );
  await expect(page.getByRole('button', { name: /Cara Lindqvist/ })).toBeVisible();
  await expect(page.getByText('100 % complete')).toBeVisible();
  await expect(page.getByText('You have completed this course.')).toBeVisible();
  const refresher = page.getByRole('region', { name: 'Refresher' });
  await hydrated(page, refresher);
  const due = new Date(Date.now() + days * 24 * 60 * 60 * 1000).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  await expect(refresher).toContainText(`Your next refresher is due on ${due}`);
  await refresher.getByRole('button', { name: /Start the refresher quiz/ }).click();
  await expect(refresher.getByRole('heading', { name: 'Refresher quiz' })).toBeVisible();
  await expect(refresher.getByRole('group', { name: /^Question \d/ })).toHaveCount(8);
});

test('keyboard only: create a profile and finish a lesson without a mouse', async ({ page }) => {
  const keys = keyboard(page);
  await page.goto(`${COURSE}01-basics/01-what-is-a-backorder/`);
  await waitForIslands(page);
  const panel = page.getByRole('region', { name: 'Profiles on this browser' });
  await keys.fill(panel.getByLabel('Your name'), 'Dev Patel');
  await keys.click(panel.getByRole('button', { name: 'Create profile' }));
  await expect(page.getByRole('button', { name: /Dev Patel/ })).toBeVisible();
  const complete = page.getByRole('button', { name: 'Mark this lesson complete' });
  await hydrated(page, complete);
  await keys.click(complete);
  await expect(page.getByText('You have completed this lesson.')).toBeVisible();
});
