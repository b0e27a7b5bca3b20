/**
 * Simulated time. Scenario times are local date-times without a zone
 * (`2026-03-02T09:00`); the engine treats them as minutes on one naive calendar, so no
 * time zone or daylight-saving rule can make a replay differ between machines.
 */

/** A time in the scenario's own form, `YYYY-MM-DDTHH:mm`. */
export type LocalDateTime = string;

/** Minutes since 1970-01-01T00:00 on the naive calendar. */
export function toMinutes(time: LocalDateTime): number {
  return Date.parse(`${time}:00Z`) / 60_000;
}

/** The scenario form of a minute count. */
export function fromMinutes(minutes: number): LocalDateTime {
  return new Date(minutes * 60_000).toISOString().slice(0, 16);
}

/** `time` plus a number of hours (fractions allowed), in scenario form. */
export function addHours(time: LocalDateTime, hours: number): LocalDateTime {
  return fromMinutes(toMinutes(time) + Math.round(hours * 60));
}

/** Same-format local date-times order correctly as strings; this keeps that assumption in one place. */
export function isBefore(a: LocalDateTime, b: LocalDateTime): boolean {
  return a < b;
}

export function latest(a: LocalDateTime, b: LocalDateTime): LocalDateTime {
  return a < b ? b : a;
}
