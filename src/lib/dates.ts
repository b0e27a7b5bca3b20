/**
 * One way to write a date and time for a person, everywhere on the site: a 24-hour clock
 * with day and month names, `Mon 2 Mar, 08:00`. Scenario times (`2026-03-02T08:00`, no
 * zone) are written as they stand; moments on the real clock (`Date`) in this browser's
 * time zone. The year is added where records may span years (`Mon 2 Mar 2026, 08:00`).
 *
 * Written out by hand, not with `Intl`: its punctuation differs between ICU versions, and
 * the server renders pages that the browser then hydrates (they must agree).
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A scenario time like `2026-03-02T08:00`, with the date alone allowed. */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  time: string | null;
}

function partsOfLocal(text: string): Parts | null {
  const match = LOCAL.exec(text);
  if (!match) return null;
  const [, y, m, d, hh, mm] = match;
  const weekday = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay();
  return {
    year: Number(y),
    month: Number(m) - 1,
    day: Number(d),
    weekday,
    time: hh === undefined ? null : `${hh}:${mm}`,
  };
}

function written(parts: Parts, withYear: boolean): string {
  const date = `${DAYS[parts.weekday]} ${parts.day} ${MONTHS[parts.month]}${withYear ? ` ${parts.year}` : ''}`;
  return parts.time === null ? date : `${date}, ${parts.time}`;
}

/**
 * A scenario time (`2026-03-02T08:00`) as `Mon 2 Mar, 08:00`; a date alone as `Mon 2 Mar`.
 * Text that is not such a time is returned as it is.
 */
export function formatLocal(time: string, options: { year?: boolean } = {}): string {
  const parts = partsOfLocal(time);
  return parts ? written(parts, options.year ?? false) : time;
}

/** A moment on the real clock, in this browser's zone: `Mon 2 Mar 2026, 08:00`. */
export function formatMoment(moment: Date | number | string, options: { year?: boolean } = {}) {
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return String(moment);
  const pad = (n: number) => String(n).padStart(2, '0');
  return written(
    {
      year: date.getFullYear(),
      month: date.getMonth(),
      day: date.getDate(),
      weekday: date.getDay(),
      time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
    },
    options.year ?? true,
  );
}

/** A day alone from a moment on the real clock: `Mon 2 Mar 2026`. */
export function formatDay(moment: Date | number | string): string {
  return formatMoment(moment).replace(/, \d{2}:\d{2}$/, '');
}

/**
 * Engine texts (deductions, advice, the log read aloud) name scenario times in their own
 * form; shown to a person, each is written the one way.
 */
export function readableTimes(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\b/g, (time) => formatLocal(time));
}
