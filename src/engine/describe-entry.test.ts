import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../tests/fixtures/bundles';
import { runAutopilot } from './autopilot';
import { describeEntry } from './describe-entry';
import type { LogEntry } from './log';

const logs = [...scenarioFiles().values()].map((scenario) => ({
  scenario,
  log: [...scenario.events, ...runAutopilot(scenario).log] as LogEntry[],
}));

describe('describeEntry', () => {
  it('words every entry of every bundled shift, events and the reference trainee alike', () => {
    for (const { scenario, log } of logs)
      for (const entry of log) {
        const text = describeEntry(entry);
        expect(text, `${scenario.id}: ${entry.type}`).not.toMatch(/undefined|null|\[object/);
        // A code written as a sentence ("Po delayed, po PO-1") is what this replaced; a
        // customer's own words are quoted as they came, so only the words around them count.
        const ours = text.replace(/“[^”]*”/g, '');
        expect(ours, `${scenario.id}: ${entry.type}`).not.toMatch(
          /^Po |, (po|sku|order|qty|team|picked|intent) \S/,
        );
      }
  });

  it('names the order, the units and the date, and leaves times for the view to write', () => {
    expect(
      describeEntry({
        type: 'notify-customer',
        at: '2026-03-02T09:00',
        order: 'SO-1',
        channel: 'email',
        kind: 'partial-shipment',
        content: {
          shipped: [],
          backordered: [{ sku: 'A-1', qty: 2 }],
          promiseDate: '2026-03-05T10:00',
          options: [],
          apology: true,
          compensation: 'none',
        },
      }),
    ).toBe(
      'Notice to the customer of SO-1 by email (partial shipment), date 2026-03-05T10:00, with an apology',
    );
    expect(
      describeEntry({
        type: 'po-delayed',
        at: '2026-03-02T08:00',
        po: 'PO-9',
        eta: '2026-03-08T10:00',
      }),
    ).toBe('PO-9 delayed to 2026-03-08T10:00');
    expect(
      describeEntry({
        type: 'pick',
        at: '2026-03-02T08:00',
        order: 'SO-1',
        sku: 'A-1',
        qty: 3,
        picked: 'A-2',
      }),
    ).toBe('Picked for SO-1: 3 × A-2 (the line is A-1)');
  });
});
