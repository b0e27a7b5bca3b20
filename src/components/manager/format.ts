/** `2026-03-05`, or a dash when there is no date. */
export function dayText(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '—';
}

/** `2026-03-05 09:12` in UTC. */
export function momentText(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
