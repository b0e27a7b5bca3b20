/**
 * A module launched from an LMS as a cmi5 assignable unit (issue 15), against a small cmi5
 * LMS (tests/fixtures/cmi5-lms.ts) that forwards to a real LRS: initialized first, no second
 * initialized after a reload, completed and passed when the check is passed, terminated last
 * with the learner sent back to the LMS, and no completed, passed or failed in Browse mode.
 * And the SCORM 1.2 package in a harness running scorm-again as the LMS's API
 * (tests/fixtures/scorm-harness.ts): a passed check sets status, score and suspend_data.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { checkSchema, type Question } from '../../src/course/schema';
import { startCmi5Lms } from '../fixtures/cmi5-lms';
import { startTestLrs, type TestLrs } from '../fixtures/lrs';
import { startScormHarness } from '../fixtures/scorm-harness';
import { createProfile, waitForIslands } from './fixtures';
import { drawnQuestions } from './course';
import { expectNoAxeViolations } from './page-checks';

test.describe.configure({ mode: 'serial' });
let lrs: TestLrs;
test.beforeAll(async () => {
  lrs = await startTestLrs();
});
test.afterAll(() => lrs?.close());

const basics = checkSchema.parse(
  parse(
    readFileSync('content/courses/backorders-and-partial-shipments/01-basics/check.yaml', 'utf8'),
  ),
);

/** Answer one question rightly. */
async function answerRightly(group: Locator, question: Question) {
  switch (question.kind) {
    case 'single':
      await group
        .getByRole('radio', { name: question.options.find((o) => o.correct)!.text, exact: true })
        .check();
      return;
    case 'multiple':
    case 'message':
      for (const option of (question.kind === 'multiple'
        ? question.options
        : question.elements
      ).filter((o) => o.correct))
        await group.getByRole('checkbox', { name: option.text, exact: true }).check();
      return;
    case 'classify':
      for (const item of question.items)
        await group.getByLabel(item.text, { exact: true }).selectOption(item.category);
      return;
    case 'order':
      for (const [target, item] of question.items.entries()) {
        const texts = await group.locator('.ranking__text').allTextContents();
        for (let at = texts.indexOf(item.text); at > target; at--)
          await group.getByRole('button', { name: `Move up: ${item.text}`, exact: true }).click();
      }
  }
}

async function passCheck(page: Page | FrameLocator) {
  const check = page.getByRole('region', { name: /Check your understanding/ });
  for (const [index, question] of (await drawnQuestions(check, basics.questions)).entries())
    await answerRightly(
      check.getByRole('group', { name: new RegExp(`^Question ${index + 1}`) }),
      question,
    );
  await check.getByRole('button', { name: 'Check my answers' }).click();
  await expect(check.getByRole('heading', { name: 'Passed: 100 %' })).toBeVisible();
}

test('a module launched from an LMS reports initialized, completed, passed and terminated', async ({
  page,
  baseURL,
}) => {
  const lms = await startCmi5Lms(lrs.endpoint, {
    launchMode: 'Normal',
    masteryScore: basics.passMark,
    returnURL: `${baseURL}/courses/`,
  });
  try {
    await page.goto(lms.launchUrl(baseURL!, '/cmi5/01-basics/'));
    await waitForIslands(page);
    await createProfile(page, 'Chidi Anagonye');
    const unit = page.getByRole('region', { name: 'Your learning system' });
    await expect(unit).toContainText('Launched from your learning system (Normal mode)');
    await expectNoAxeViolations(page);

    // A reload resumes the session: no second fetch, no second initialized.
    await page.reload();
    await waitForIslands(page);
    await expect(unit).toContainText('(Normal mode)');
    await passCheck(page);
    await expect
      .poll(() => lms.received.map((r) => r.verb))
      .toEqual(['initialized', 'completed', 'passed']);

    await unit.getByRole('button', { name: 'Exit and return' }).click();
    await expect(page).toHaveURL(`${baseURL}/courses/`);
    await expect
      .poll(() => lms.received.map((r) => r.verb))
      .toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(lms.violations).toEqual([]);
    const passed = lms.received[2]!.statement;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1 } });
    expect(
      passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'],
    ).toBe(basics.passMark);
    // The LMS's LRS holds each statement once.
    const stored = await lrs.statements(`&registration=${passed.context.registration}`);
    expect(stored.map((s) => s.id).sort()).toEqual(lms.received.map((r) => r.statement.id).sort());
  } finally {
    await lms.close();
  }
});

test('in Browse mode a passed check is not reported as completed or passed', async ({
  page,
  baseURL,
}) => {
  const lms = await startCmi5Lms(lrs.endpoint, {
    launchMode: 'Browse',
    returnURL: `${baseURL}/`,
  });
  try {
    await page.goto(lms.launchUrl(baseURL!, '/cmi5/01-basics/'));
    await waitForIslands(page);
    await createProfile(page, 'Tahani Al-Jamil');
    await expect(page.getByRole('region', { name: 'Your learning system' })).toContainText(
      '(Browse mode)',
    );
    await passCheck(page);
    await page.getByRole('button', { name: 'Exit and return' }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    expect(lms.received.map((r) => r.verb)).toEqual(['initialized', 'terminated']);
    expect(lms.violations).toEqual([]);
  } finally {
    await lms.close();
  }
});

test('a SCORM 1.2 package records the passed check, its score and where the trainee was', async ({
  page,
  baseURL,
}) => {
  const lms = await startScormHarness(baseURL!, '01-basics');
  try {
    await page.goto(lms.url);
    const sco = page.frameLocator('iframe[title="SCO"]');
    const site = sco.frameLocator('#module');
    await site.getByLabel('Your name').fill('Jason Mendoza');
    await site.getByRole('button', { name: 'Create profile' }).click();
    await expect(site.getByText('Opened from your learning system')).toBeVisible();
    await passCheck(site);
    await expect(sco.getByRole('status')).toHaveText('Result recorded: 100 %, passed.');
    const cmi = () =>
      page.evaluate(() => {
        const core = (window as any).API.cmi.core;
        return [core.lesson_status, core.score.raw, (window as any).API.cmi.suspend_data];
      });
    expect(await cmi()).toEqual([
      'passed',
      '100',
      JSON.stringify({ module: '01-basics', score: 1, passed: true }),
    ]);
    // Leaving the module finishes the session.
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(() => page.evaluate(() => (window as any).API.isTerminated())).toBe(true);
  } finally {
    await lms.close();
  }
});

test('a SCORM 2004 package records completion, success, scaled score and an ISO session time', async ({
  page,
  baseURL,
}) => {
  const lms = await startScormHarness(baseURL!, '01-basics', '2004');
  try {
    await page.goto(lms.url);
    const sco = page.frameLocator('iframe[title="SCO"]');
    const site = sco.frameLocator('#module');
    const cmi = () =>
      page.evaluate(() => {
        const api = (window as any).API_1484_11;
        return {
          completion: api.cmi.completion_status,
          success: api.cmi.success_status,
          scaled: api.cmi.score.scaled,
          raw: api.cmi.score.raw,
          suspend: api.cmi.suspend_data,
          commits: (window as any).commits as number,
        };
      });
    // Opening the module starts the attempt: incomplete, success not known yet.
    await expect.poll(async () => (await cmi()).completion).toBe('incomplete');
    expect((await cmi()).success).toBe('unknown');
    await site.getByLabel('Your name').fill('Chidi Anagonye');
    await site.getByRole('button', { name: 'Create profile' }).click();
    await expect(site.getByText('Opened from your learning system')).toBeVisible();
    await passCheck(site);
    await expect(sco.getByRole('status')).toHaveText('Result recorded: 100 %, passed.');
    const before = (await cmi()).commits;
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await cmi()).toMatchObject({
      completion: 'completed',
      success: 'passed',
      scaled: '1',
      raw: '100',
      suspend: JSON.stringify({ module: '01-basics', score: 1, passed: true }),
    });
    // Leaving the module sets the session time as an ISO 8601 duration, commits and terminates.
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect
      .poll(() => page.evaluate(() => (window as any).API_1484_11.isTerminated()))
      .toBe(true);
    const sets = new Map<string, string>(await page.evaluate(() => (window as any).sets));
    expect(sets.get('cmi.session_time')).toMatch(/^PT\d+S$/);
    expect(sets.get('cmi.exit')).toBe('suspend');
    expect((await cmi()).commits).toBe(before + 1);
  } finally {
    await lms.close();
  }
});
