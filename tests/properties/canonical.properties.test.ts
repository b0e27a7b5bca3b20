/**
 * `sameCanonical` answers "would these two print the same canonical JSON?" without printing
 * them (a replay asks it of every scheduled event). It must agree with comparing the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sameCanonical } from '../../src/engine/canonical';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);

/** Values a scenario event can hold, and some it should not: undefined fields, NaN, -0, null prototypes. */
const value = fc.anything({
  maxDepth: 3,
  withNullPrototype: true,
  withObjectString: false,
  withBigInt: false,
});

/** A second value: unrelated, a deep copy with its keys in another order, or a copy with one change. */
const pair = value.chain((a) =>
  fc.tuple(
    fc.constant(a),
    fc.oneof(
      value,
      fc.constant(reordered(a)),
      value.map((other) => changedCopy(a, other)),
    ),
  ),
);

function reordered(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(reordered);
  if (input && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(input).reverse())
      out[key] = reordered((input as Record<string, unknown>)[key]);
    return out;
  }
  return input;
}

function changedCopy(input: unknown, replacement: unknown): unknown {
  const copy = reordered(input);
  if (copy && typeof copy === 'object') {
    const keys = Object.keys(copy);
    if (keys.length > 0) (copy as Record<string, unknown>)[keys[0]!] = replacement;
  }
  return copy;
}

describe('sameCanonical', () => {
  it('agrees with comparing canonical JSON text, for any two values', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sameCanonical(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: RUNS },
    );
  });

  it('holds a value equal to a copy with its keys in another order', () => {
    fc.assert(
      fc.property(value, (a) => {
        expect(sameCanonical(a, reordered(a))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
