/**
 * What the build adds to a lesson's markup (a rehype plugin, registered with MDX in
 * astro.config.mjs): the first use of each glossary term links to its definition, and every
 * table cell carries its column's heading, so a phone can show a table as one card per row
 * with each figure under its label (lesson.css) instead of a table wider than the screen.
 * Pure: a tree in, the same tree changed; no files, no framework.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { termAnchor } from './glossary';

/** A glossary term as it is found in a lesson's text, and where its definition is. */
export interface LinkedTerm {
  /** The words looked for: the term without a bracketed abbreviation ("Purchase order"). */
  phrase: string;
  href: string;
}

/** Where lessons link terms to: the glossary page's entry for each. */
export function glossaryLinks(glossary: readonly { term: string }[]): LinkedTerm[] {
  return glossary
    .map(({ term }) => ({
      phrase: term.replace(/\s*\([^)]*\)\s*$/, '').trim(),
      href: `/glossary/#${termAnchor(term)}`,
    }))
    .filter(({ phrase }) => phrase.length > 0);
}

/** Elements whose words are not linked: headings, links, code, controls, drawings. */
const UNLINKED = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'button',
  'code',
  'pre',
  'kbd',
  'th',
  'svg',
  'figure',
  'figcaption',
  'script',
  'style',
]);

/** Components whose children are lesson prose (the callouts); others are left as written. */
const PROSE_COMPONENTS = new Set(['Tip', 'WatchOut', 'WorkedExample', 'AtTheDesk']);

/** MDX's nodes for a component used in a lesson (`<Tip>…</Tip>`). */
interface ComponentNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  children: Node[];
}
type Node = Root | ElementContent | ComponentNode | { type: string; children?: Node[] };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The term's words in any case, spaces matching any run of spaces, with a plural allowed. */
function termPattern(phrase: string): RegExp {
  const words = phrase.split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<![\\w-])${words}(?:s|es)?(?![\\w-])`, 'i');
}

/**
 * Link the first use of each term in `tree` to its definition. Where two terms start at the
 * same place the longer wins ("Active backorder" over "Backorder"); each term links once.
 */
export function linkFirstUses(tree: Root, terms: readonly LinkedTerm[]): void {
  const waiting = terms.map((term) => ({ ...term, pattern: termPattern(term.phrase) }));

  /** The earliest use of a term not linked yet in `text`, longest first on a tie. */
  function firstUse(text: string) {
    let best: { index: number; length: number; term: (typeof waiting)[number] } | null = null;
    for (const term of waiting) {
      const match = term.pattern.exec(text);
      if (!match) continue;
      const better =
        !best ||
        match.index < best.index ||
        (match.index === best.index && match[0].length > best.length);
      if (better) best = { index: match.index, length: match[0].length, term };
    }
    return best;
  }

  function linkText(node: Text): ElementContent[] {
    const pieces: ElementContent[] = [];
    let rest = node.value;
    for (let use = firstUse(rest); use; use = firstUse(rest)) {
      waiting.splice(waiting.indexOf(use.term), 1);
      if (use.index > 0) pieces.push({ type: 'text', value: rest.slice(0, use.index) });
      pieces.push({
        type: 'element',
        tagName: 'a',
        properties: { href: use.term.href, className: ['glossary-link'] },
        children: [{ type: 'text', value: rest.slice(use.index, use.index + use.length) }],
      });
      rest = rest.slice(use.index + use.length);
    }
    if (pieces.length === 0) return [node];
    if (rest) pieces.push({ type: 'text', value: rest });
    return pieces;
  }

  function visit(node: Node): void {
    if (waiting.length === 0 || !('children' in node) || !node.children) return;
    if (node.type === 'element' && UNLINKED.has((node as Element).tagName)) return;
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      !PROSE_COMPONENTS.has((node as ComponentNode).name ?? '')
    )
      return;
    const children: Node[] = [];
    for (const child of node.children as Node[]) {
      if (child.type === 'text' && waiting.length > 0) children.push(...linkText(child as Text));
      else {
        visit(child);
        children.push(child);
      }
    }
    (node as { children: Node[] }).children = children;
  }

  visit(tree);
}

/** The text of a node and everything in it. */
function textOf(node: Node): string {
  if (node.type === 'text') return (node as Text).value;
  return 'children' in node && node.children ? node.children.map(textOf).join('') : '';
}

const elements = (node: Node, tagName?: string): Element[] =>
  'children' in node && node.children
    ? (node.children as Node[]).filter(
        (child): child is Element =>
          child.type === 'element' && (!tagName || (child as Element).tagName === tagName),
      )
    : [];

/** Every element in `tree` with this tag name, outermost first. */
function findAll(node: Node, tagName: string, found: Element[] = []): Element[] {
  for (const child of elements(node)) {
    if (child.tagName === tagName) found.push(child);
    findAll(child, tagName, found);
  }
  return found;
}

/**
 * Give each body cell of every table its column's heading (`data-label`), and the table its
 * ARIA roles: laid out as cards on a phone, a table's elements lose their table meaning to
 * screen readers unless the roles say it.
 */
export function labelTableCells(tree: Root): void {
  for (const table of findAll(tree, 'table')) {
    const head = elements(table, 'thead')[0];
    const headings = head
      ? elements(elements(head, 'tr')[0] ?? head, 'th').map((th) => textOf(th).trim())
      : [];
    table.properties = { ...table.properties, role: 'table' };
    for (const group of elements(table)) {
      group.properties = { ...group.properties, role: 'rowgroup' };
      for (const row of elements(group, 'tr')) {
        row.properties = { ...row.properties, role: 'row' };
        elements(row).forEach((cell, column) => {
          const role = cell.tagName === 'th' ? 'columnheader' : 'cell';
          const label = headings[column];
          cell.properties = {
            ...cell.properties,
            role,
            ...(cell.tagName === 'td' && label ? { dataLabel: label } : {}),
          };
        });
      }
    }
  }
}

/** The plugin: `[rehypeLessonMarkup, { terms }]` in MDX's rehype plugins. */
export function rehypeLessonMarkup(options: { terms: readonly LinkedTerm[] }) {
  return (tree: Root) => {
    linkFirstUses(tree, options.terms);
    labelTableCells(tree);
  };
}
