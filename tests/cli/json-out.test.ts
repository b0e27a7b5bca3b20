/**
 * `sim` prints compact JSON in pieces (src/cli/json-out.ts). A program reading its output
 * must get exactly what `JSON.stringify` would have printed, whatever the value holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCompactJson } from '../../src/cli/json-out';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);

function written(value: unknown): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeCompactJson(value, (chunk) => chunks.push(chunk));
  return { text: chunks.join(''), chunks };
}

describe('writeCompactJson', () => {
  it('writes what JSON.stringify writes for any value, deep or shallow', () => {
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 5,
          withNullPrototype: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withBigInt: false,
        }),
        (value) => {
          expect(written(value).text).toBe(JSON.stringify(value) ?? '');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('leaves out members with no JSON text and writes such elements as null', () => {
    const value = {
      kept: 1,
      gone: undefined,
      method() {},
      [Symbol('hidden')]: 2,
      list: [undefined, () => 1, Symbol('s'), { inner: undefined, n: NaN, z: -0 }],
      when: new Date(Date.UTC(2026, 2, 2, 8)),
      custom: { toJSON: () => 'replaced' },
    };
    expect(written(value).text).toBe(
      '{"kept":1,"list":[null,null,null,{"n":null,"z":0}],"when":"2026-03-02T08:00:00.000Z","custom":"replaced"}',
    );
  });

  it('escapes keys and text, and keeps characters beyond Latin-1', () => {
    const value = { 'a"b\\c\n': ['Dana — “thanks”', '\u2028', '😀'] };
    expect(written(value).text).toBe(JSON.stringify(value));
  });

  it('writes nothing for a value JSON has no text for, and one piece for a scalar', () => {
    expect(written(undefined).chunks).toEqual([]);
    expect(written(() => 1).chunks).toEqual([]);
    expect(written('text').chunks).toEqual(['"text"']);
    expect(written(null).chunks).toEqual(['null']);
  });

  it('hands a large value on in pieces of about a megabyte, never all at once', () => {
    const log = Array.from({ length: 40_000 }, (_, i) => ({
      type: 'allocate',
      order: `SO-${i}`,
      lines: [{ sku: `SKU-${i % 97}`, qty: (i % 5) + 1 }],
      at: '2026-03-02T08:00',
      by: 'autopilot',
    }));
    const value = { scenario: 'large', log };
    const { text, chunks } = written(value);
    expect(text).toBe(JSON.stringify(value));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(1.1 * 2 ** 20);
  });
});
