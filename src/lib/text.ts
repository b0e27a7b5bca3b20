/** Small helpers for the words pages show. */

/** `3, 'module', 'modules'` -> `3 modules`; `1` -> `1 module`. */
export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The first sentence of `text`, for a meta description: search engines show about 155
 * characters, and a course summary runs to several sentences.
 */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return (match ? match[0] : text).replace(/\s+/g, ' ').trim();
}
