import { describe, expect, it } from 'vitest';
import { orderStatus } from './backorders';
import type { OrderLine, OrderState } from './state';

function orderWith(lines: Partial<OrderLine>[]): OrderState {
  return {
    id: 'SO-1',
    customer: 'WEB',
    placedAt: '2026-03-02T07:00',
    urgency: 'normal',
    shipPreference: 'ship-available',
    flagged: false,
    value: 0,
    parcel: null,
    escalated: false,
    lines: lines.map((line) => ({
      sku: 'X',
      ordered: 10,
      price: 1,
      shipped: 0,
      allocated: 0,
      cancelled: 0,
      substituted: 0,
      picks: [],
      ...line,
    })),
  };
}

describe('order status (docs/engine.md section 4)', () => {
  it.each([
    { status: 'open', lines: [{}] },
    { status: 'open', lines: [{ allocated: 4 }] },
    { status: 'allocated', lines: [{ allocated: 10 }] },
    { status: 'partially-shipped', lines: [{ shipped: 4 }] },
    { status: 'partially-shipped', lines: [{ shipped: 4, allocated: 6 }] },
    { status: 'shipped', lines: [{ shipped: 10 }] },
    { status: 'cancelled', lines: [{ cancelled: 10 }] },
    { status: 'closed', lines: [{ shipped: 7, cancelled: 3 }] },
    { status: 'closed', lines: [{ shipped: 10 }, { cancelled: 10 }] },
  ])('$status: $lines', ({ status, lines }) => {
    expect(orderStatus(orderWith(lines))).toBe(status);
  });
});
