/**
 * What a customer reads: every notice the reference sends, in every bundled scenario and
 * 200 generated shifts, rendered through the course's templates, says true things.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCourseFiles } from '../files/course-files';
import { runAutopilot } from './autopilot';
import { generateScenario } from './generate';
import { parseScenario } from './load';
import { replay } from './log';
import {
  NO_DATE_WORDS,
  REFUND_TIME,
  customerDate,
  listWords,
  renderNotice,
  sentNoticeTexts,
  type NoticeTemplate,
} from './messages';
import type { Scenario } from './schema';
import type { EngineState } from './state';

const course = readCourseFiles('content');
const templates: NoticeTemplate[] = course.templates.map(({ template, body }) => ({
  ...template,
  body: body.trim(),
}));

it('reads every template without a problem', () => {
  expect(course.problems).toEqual([]);
});

it('apologises without a "but", which lesson 04/02 teaches cancels what came before it', () => {
  const hollow = templates
    .filter((t) => /\bsorry\b[^.]*\bbut\b/i.test(t.body))
    .map((t) => `${t.kind}${t.when ? ` (${t.when})` : ''}`);
  expect(hollow).toEqual([]);
});

const bundled: Scenario[] = readdirSync('simulations')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const parsed = parseScenario(readFileSync(`simulations/${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    return parsed.value;
  });
const generated = Array.from({ length: 200 }, (_, i) =>
  generateScenario({ seed: 1000 + i, level: ((i % 3) + 1) as 1 | 2 | 3 }),
);

/** Each notice the reference sends, with the state at that moment and its text. */
function sentNotices(scenario: Scenario) {
  const { log } = runAutopilot(scenario);
  const sent: {
    state: EngineState;
    entry: Extract<(typeof log)[number], { type: 'notify-customer' }>;
    text: ReturnType<typeof renderNotice>;
  }[] = [];
  replay(scenario, log, {
    after: (state, entry, outcome) => {
      if (entry.type !== 'notify-customer' || outcome.refused) return;
      sent.push({
        state: structuredClone(state),
        entry,
        text: renderNotice(templates, state, entry),
      });
    },
  });
  return sent;
}

describe.each([
  ['bundled scenarios', bundled],
  ['200 generated shifts', generated],
])('every notice the reference sends in %s', (_, scenarios) => {
  const all = scenarios.flatMap((scenario) => sentNotices(scenario));

  it('sends notices to check', () => {
    expect(all.length).toBeGreaterThan(scenarios.length);
  });

  it('leaves no {placeholder} unfilled', () => {
    for (const { text } of all) {
      expect(text.body).not.toMatch(/\{\w+\}/);
      expect(text.subject).not.toMatch(/\{\w+\}/);
      expect(text.body.length).toBeGreaterThan(0);
    }
  });

  it('names each backordered item with its quantity and date, or says no date is known', () => {
    for (const { state, entry, text } of all) {
      if (entry.kind === 'cancellation-refund' || entry.kind === 'status-update') continue;
      for (const item of entry.content.backordered) {
        const name = state.skus[item.sku]!.name;
        const mention = new RegExp(
          `${item.qty} × ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\((expected by [A-Z][a-z]+day \\d+ [A-Z][a-z]+ \\d{4}|${NO_DATE_WORDS})\\)`,
        );
        expect(text.body, `${entry.order} at ${entry.at}`).toMatch(mention);
      }
    }
  });

  it('states refund amounts equal to what cancelling refunds (quantity x price), with a realistic time', () => {
    for (const { state, entry, text } of all) {
      const amount = /refund (\d+\.\d{2})/.exec(text.body)?.[1];
      if (!amount) continue;
      const order = state.orders.find((o) => o.id === entry.order)!;
      const cancelled = state.refunds.filter((r) => r.order === order.id);
      const expected =
        cancelled.length > 0
          ? cancelled.reduce((sum, r) => sum + r.amount, 0)
          : entry.content.backordered
              .filter((item) => {
                const sku = state.skus[item.sku]!;
                return (
                  sku.lifecycle === 'discontinued' ||
                  !sku.incoming.some((po) => po.status === 'open')
                );
              })
              .reduce(
                (sum, item) =>
                  sum + item.qty * order.lines.find((line) => line.sku === item.sku)!.price,
                0,
              );
      expect(Number(amount), `${entry.order} at ${entry.at}`).toBeCloseTo(expected, 2);
      expect(text.body).toContain(REFUND_TIME);
    }
  });

  it('joins two or more options with "or"', () => {
    for (const { entry, text } of all) {
      if (entry.content.options.length < 2) continue;
      expect(text.body).toMatch(/ or /);
      expect(text.body).not.toMatch(/wait for the items and /);
    }
  });
});

describe('sim run notice texts', () => {
  it('give one text per notification, each from the moment it was sent', () => {
    for (const scenario of bundled) {
      const { state, log } = runAutopilot(scenario);
      const texts = sentNoticeTexts(scenario, log, templates);
      expect(texts).toHaveLength(state.notifications.length);
    }
  });

  it('after a partial shipment left, give its tracking and each item its own date', () => {
    const scenario = bundled.find((s) => s.id === 'discontinued-substitute-refund')!;
    const { log } = runAutopilot(scenario);
    const end = replay(scenario, log);
    if (!end.ok) throw new Error(end.error.message);
    const state = end.result.state;
    const shipment = state.shipments.find((s) => s.order === 'SO-90231')!;
    const text = renderNotice(templates, state, {
      order: 'SO-90231',
      kind: 'partial-shipment',
      channel: 'email',
      content: {
        shipped: shipment.lines.map(({ sku, qty }) => ({ sku, qty })),
        backordered: [{ sku: 'ELE-EM-KIT-3H', qty: 1 }],
        promiseDate: '2026-03-04T08:00',
        options: [],
        apology: true,
        compensation: 'none',
      },
    });
    expect(text.body).toContain(shipment.tracking);
    expect(text.body).toContain(customerDate(shipment.at));
    expect(text.body).not.toMatch(/Ready now|have what is ready sent now/);
  });

  it('word lists read naturally', () => {
    expect(listWords(['a'], 'or')).toBe('a');
    expect(listWords(['a', 'b'], 'or')).toBe('a or b');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(customerDate('2026-03-04T08:00')).toBe('Wednesday 4 March 2026');
  });
});
