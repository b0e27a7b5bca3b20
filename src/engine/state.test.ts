import { describe, expect, it } from 'vitest';
import { entriesFor, latestFor } from './state';

describe('per-order lookups in append-only lists', () => {
  it('see entries appended after an earlier lookup', () => {
    const refunds = [{ order: 'SO-1', amount: 5 }];
    expect(entriesFor(refunds, 'SO-1')).toEqual([{ order: 'SO-1', amount: 5 }]);
    refunds.push({ order: 'SO-2', amount: 7 }, { order: 'SO-1', amount: 3 });
    expect(entriesFor(refunds, 'SO-1').map((r) => r.amount)).toEqual([5, 3]);
    expect(entriesFor(refunds, 'SO-2').map((r) => r.amount)).toEqual([7]);
    expect(latestFor(refunds, 'SO-1')?.amount).toBe(3);
  });

  it('keep a copied list apart from the one it was copied from', () => {
    const shipments = [{ order: 'SO-1', tracking: 'T1' }];
    expect(entriesFor(shipments, 'SO-1')).toHaveLength(1);
    const copy = [...shipments, { order: 'SO-1', tracking: 'T2' }];
    expect(entriesFor(copy, 'SO-1').map((s) => s.tracking)).toEqual(['T1', 'T2']);
    expect(entriesFor(shipments, 'SO-1').map((s) => s.tracking)).toEqual(['T1']);
  });

  it('give nothing for an order with no entries', () => {
    expect(entriesFor([{ order: 'SO-1' }], 'SO-9')).toEqual([]);
  });
});
