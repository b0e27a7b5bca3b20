/**
 * How the order desk prints the engine's values: simulated times as `Mon 2 Mar, 08:00`
 * (the scenario's own local time, no zone; see lib/dates), money with two decimals, codes
 * in words.
 */
import type { LocalDateTime } from '../../engine/time';
import { NO_DATE_TEXT } from '../../engine/views';
import { formatLocal } from '../../lib/dates';

export { readableTimes } from '../../lib/dates';

export function formatTime(time: LocalDateTime | null | undefined): string {
  return time ? formatLocal(time) : NO_DATE_TEXT;
}

export function formatMoney(amount: number): string {
  return amount.toFixed(2);
}

/** `ship-available` -> `ship available`. */
export function words(code: string): string {
  return code.replace(/-/g, ' ');
}

/** `backorder-notice` -> `Backorder notice`. */
export function sentence(code: string): string {
  const text = words(code);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
