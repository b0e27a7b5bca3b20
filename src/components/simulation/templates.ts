/**
 * Customer-message templates (content/templates) as the notice composer previews them: the
 * body with its `{placeholders}` filled from the order, as plain text.
 */
export interface MessageTemplate {
  kind: string;
  title: string;
  subject?: string | undefined;
  body: string;
}

/** Replace each `{name}` with its value; an unknown placeholder stays visible as `{name}`. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** `[a, b, c]` -> `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
