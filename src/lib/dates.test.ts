import { describe, expect, it } from 'vitest';
import { formatDay, formatLocal, formatMoment, readableTimes } from './dates';

describe('dates written for a person', () => {
  it('writes a scenario time with day and month names on a 24-hour clock', () => {
    expect(formatLocal('2026-03-02T08:00')).toBe('Mon 2 Mar, 08:00');
    expect(formatLocal('2026-03-08T17:30')).toBe('Sun 8 Mar, 17:30');
    expect(formatLocal('2026-12-31T23:59', { year: true })).toBe('Thu 31 Dec 2026, 23:59');
    expect(formatLocal('2026-03-02')).toBe('Mon 2 Mar');
  });

  it('writes a date alone with its weekday and year, as a role-play order shows it', () => {
    expect(formatLocal('2026-03-13', { year: true })).toBe('Fri 13 Mar 2026');
  });

  it('leaves text that is not a time as it is', () => {
    expect(formatLocal('no date known yet')).toBe('no date known yet');
  });

  it("writes a moment on the browser's clock with its year", () => {
    const moment = new Date(2026, 2, 2, 8, 5);
    expect(formatMoment(moment)).toBe('Mon 2 Mar 2026, 08:05');
    expect(formatMoment(moment.getTime(), { year: false })).toBe('Mon 2 Mar, 08:05');
    expect(formatDay(moment)).toBe('Mon 2 Mar 2026');
    expect(formatMoment('not a date')).toBe('not a date');
  });

  it('rewrites every scenario time inside an engine text and nothing else', () => {
    expect(
      readableTimes(
        'Notify Dana by 2026-03-02T12:00 (backordered since 2026-03-02T08:00), PO-3390.',
      ),
    ).toBe('Notify Dana by Mon 2 Mar, 12:00 (backordered since Mon 2 Mar, 08:00), PO-3390.');
  });
});
