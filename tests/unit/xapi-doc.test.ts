/**
 * docs/xapi.md shows what the site sends: each example there is what the statement
 * builders make today (scripts/xapi-examples.ts), and each is valid xAPI 1.0.3. After a
 * change to a builder, `npm run docs:xapi` writes the examples again.
 */
import { readFileSync } from 'node:fs';
import validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { DOC, examples } from '../../scripts/xapi-examples';

const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (
  data: unknown,
) => unknown[];

const doc = readFileSync(DOC, 'utf8');
/** Each example section of the document: its heading and the statement in its JSON block. */
const documented = [...doc.matchAll(/^### (.+)\n[\s\S]*?```json\n([\s\S]*?)\n```/gm)].map((m) => ({
  title: m[1],
  statement: JSON.parse(m[2]!) as unknown,
}));

describe('docs/xapi.md', () => {
  it('shows every statement type the builders make, exactly as they make it', () => {
    expect(documented).toEqual(
      examples().map((e) => ({
        title: e.title,
        statement: JSON.parse(JSON.stringify(e.statement)),
      })),
    );
  });

  it('covers each verb the site sends', () => {
    const verbs = new Set(examples().map((e) => e.statement.verb.id.split('/').pop()));
    expect([...verbs].sort()).toEqual([
      'answered',
      'attempted',
      'completed',
      'experienced',
      'passed',
      'scored',
    ]);
  });

  it('holds only valid statements', () => {
    for (const { statement } of examples()) expect(validate(statement)).toEqual([]);
  });
});
