/**
 * Answering a module's knowledge check the way a person does, for the browser specs that
 * need a check passed or failed. Answers come from the check files themselves, so tests
 * follow the content as trainers edit it. (The same steps as course-journey.spec.ts.)
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { checkSchema, type Question } from '../../src/course/schema';
import { hydrated } from './fixtures';

export const COURSE = '/courses/backorders-and-partial-shipments/';

/** A module's check, parsed as the site parses it. */
export const checkOf = (module: string) =>
  checkSchema.parse(
    parse(
      readFileSync(`content/courses/backorders-and-partial-shipments/${module}/check.yaml`, 'utf8'),
    ),
  );

/** Answer one question on the page, rightly or wrongly. */
export async function answer(group: Locator, question: Question, right: boolean) {
  switch (question.kind) {
    case 'single': {
      const option = question.options.find((o) => o.correct === right)!;
      await group.getByRole('radio', { name: option.text, exact: true }).check();
      return;
    }
    case 'multiple':
    case 'message': {
      const options = question.kind === 'multiple' ? question.options : question.elements;
      for (const option of right
        ? options.filter((o) => o.correct)
        : [options.find((o) => !o.correct)!])
        await group.getByRole('checkbox', { name: option.text, exact: true }).check();
      return;
    }
    case 'classify':
      for (const item of question.items) {
        const category = right
          ? item.category
          : question.categories.find((c) => c.id !== item.category)!.id;
        await group.getByLabel(item.text, { exact: true }).selectOption(category);
      }
      return;
    case 'order':
      if (!right) return; // it starts shuffled, never in the right order
      for (const [target, item] of question.items.entries()) {
        const texts = await group.locator('.ranking__text').allTextContents();
        for (let at = texts.indexOf(item.text); at > target; at--)
          await group.getByRole('button', { name: `Move up: ${item.text}`, exact: true }).click();
      }
      return;
  }
}

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The bank question each group of a check asks, found by its prompt, in page order. */
export async function drawnQuestions(check: Locator, bank: Question[]): Promise<Question[]> {
  await check.getByRole('group', { name: /^Question 1\b/ }).waitFor();
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

/** Answer every drawn question of the check on the page and submit; returns its region. */
export async function answerCheck(page: Page, bank: Question[], right: boolean) {
  const check = page.getByRole('region', { name: /Check your understanding/ });
  await hydrated(page, check);
  const questions = await drawnQuestions(check, bank);
  for (const [index, question] of questions.entries())
    await answer(
      check.getByRole('group', { name: new RegExp(`^Question ${index + 1}`) }),
      question,
      right,
    );
  await check.getByRole('button', { name: 'Check my answers' }).click();
  return check;
}
