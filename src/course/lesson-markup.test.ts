import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import { glossaryLinks, labelTableCells, linkFirstUses } from './lesson-markup';

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children,
});
const root = (...children: ElementContent[]): Root => ({ type: 'root', children });

/** The tree as a short HTML-like string, enough to read what was linked. */
function render(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    const inner = node.children.map(render).join('');
    return node.tagName === 'a' ? `[${inner}](${String(node.properties.href)})` : inner;
  }
  if (node.type === 'root')
    return node.children.map((child) => render(child as ElementContent)).join('|');
  return '';
}

const terms = glossaryLinks([
  { term: 'Backorder' },
  { term: 'Active backorder' },
  { term: 'Purchase order (PO)' },
  { term: 'Available-to-promise' },
  { term: 'Available' },
]);

describe('glossary links', () => {
  it('look for the term without its bracketed abbreviation, and link to its entry', () => {
    expect(terms.find((t) => t.href.endsWith('purchase-order-po'))).toEqual({
      phrase: 'Purchase order',
      href: '/glossary/#term-purchase-order-po',
    });
  });

  it('link only the first use of each term, in any case, with plurals', () => {
    const tree = root(
      el('p', [text('Two backorders came in. A backorder waits for a purchase order.')]),
      el('p', [text('Another backorder and another purchase order.')]),
    );
    linkFirstUses(tree, terms);
    expect(render(tree)).toBe(
      'Two [backorders](/glossary/#term-backorder) came in. A backorder waits for a ' +
        '[purchase order](/glossary/#term-purchase-order-po).' +
        '|Another backorder and another purchase order.',
    );
  });

  it('prefer the longer term where two start at the same word', () => {
    const tree = root(
      el('p', [text('An active backorder is still a backorder; check available-to-promise.')]),
    );
    linkFirstUses(tree, terms);
    expect(render(tree)).toBe(
      'An [active backorder](/glossary/#term-active-backorder) is still a ' +
        '[backorder](/glossary/#term-backorder); check ' +
        '[available-to-promise](/glossary/#term-available-to-promise).',
    );
  });

  it('leave headings, links and code alone and link the next use in the prose', () => {
    const tree = root(
      el('h2', [text('What a backorder is')]),
      el('p', [el('a', [text('backorder')]), text(' and '), el('code', [text('backorder')])]),
      el('p', [text('A backorder.')]),
    );
    linkFirstUses(tree, terms);
    expect(render(tree)).toBe(
      'What a backorder is|[backorder](undefined) and backorder|A [backorder](/glossary/#term-backorder).',
    );
  });

  it('link inside a lesson callout but not inside other components', () => {
    const component = (name: string) =>
      ({
        type: 'mdxJsxFlowElement',
        name,
        attributes: [],
        children: [el('p', [text('A backorder.')])],
      }) as unknown as ElementContent;
    const tree = root(component('ExampleNotice'), component('Tip'));
    linkFirstUses(tree, terms);
    const [notice, tip] = tree.children as unknown as { children: Element[] }[];
    expect(notice!.children[0]!.children).toEqual([text('A backorder.')]);
    expect((tip!.children[0]!.children[1] as Element).properties.href).toBe(
      '/glossary/#term-backorder',
    );
  });

  it('do not match inside a longer word', () => {
    const tree = root(el('p', [text('Unavailable stock, backordering later.')]));
    linkFirstUses(tree, terms);
    expect(render(tree)).toBe('Unavailable stock, backordering later.');
  });
});

describe('table cells', () => {
  it("carry their column's heading and the table its roles", () => {
    const table = el('table', [
      el('thead', [el('tr', [el('th', [text('SKU')]), el('th', [el('strong', [text('Qty')])])])]),
      el('tbody', [el('tr', [el('td', [text('PLB-1')]), el('td', [text('4')])])]),
    ]);
    labelTableCells(root(table));
    const body = table.children[1] as Element;
    const row = body.children[0] as Element;
    expect(table.properties.role).toBe('table');
    expect(body.properties.role).toBe('rowgroup');
    expect(row.properties.role).toBe('row');
    expect(row.children.map((cell) => (cell as Element).properties)).toEqual([
      { role: 'cell', dataLabel: 'SKU' },
      { role: 'cell', dataLabel: 'Qty' },
    ]);
    const head = (table.children[0] as Element).children[0] as Element;
    expect((head.children[0] as Element).properties.role).toBe('columnheader');
  });
});
