/**
 * fast-check generators for random but valid scenarios and trainee action sequences. Valid
 * by construction (ids unique, every reference known, events in time order), and checked
 * through the real loader so a generator bug cannot hide behind a lenient test.
 */
import fc from 'fast-check';
import type { Action } from '../../src/engine/actions';
import { validateScenario } from '../../src/engine/load';
import type { Scenario, ScenarioInput } from '../../src/engine/schema';
import { openQty, pickedQty, type EngineState } from '../../src/engine/state';
import { addHours } from '../../src/engine/time';

export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

const START = '2026-03-02T08:00';
const END = '2026-03-02T16:00';
const tiers = ['strategic', 'contractor', 'repeat', 'standard'] as const;
const urgencies = ['critical', 'high', 'normal', 'low'] as const;
const rankKeys = ['flagged', 'urgency', 'tier', 'value', 'placedAt'] as const;
type RankKey = (typeof rankKeys)[number];

const policyArb = fc.record({
  rankBy: fc.oneof(
    fc.constant<RankKey[]>([...rankKeys]),
    fc.constant<RankKey[]>(['placedAt']),
    fc.shuffledSubarray<RankKey>([...rankKeys], { minLength: 1 }),
  ),
  allowPartialShipments: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
  splitLines: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
  shipComplete: fc.constantFrom('all-or-nothing' as const, 'reserve-partial' as const),
  notifyWithinHours: fc.constantFrom(1, 2, 4),
  verifyShipments: fc.boolean(),
});

function timeAt(minutes: number): string {
  return addHours(START, minutes / 60);
}

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    policy: policyArb,
    skuCount: fc.integer({ min: 1, max: 4 }),
    customerCount: fc.integer({ min: 1, max: 4 }),
    seed: fc.array(fc.nat(), { minLength: 120, maxLength: 120 }),
    orderCount: fc.integer({ min: 0, max: 6 }),
    eventCount: fc.integer({ min: 0, max: 8 }),
  })
  .map(({ policy, skuCount, customerCount, seed, orderCount, eventCount }) => {
    let cursor = 0;
    const pick = (n: number) => (n <= 0 ? 0 : seed[cursor++ % seed.length]! % n);
    const skus = Array.from({ length: skuCount }, (_, i) => `SKU-${i}`);
    let poCounter = 0;
    const catalog = skus.map((sku) => ({
      sku,
      name: `Item ${sku}`,
      price: 1 + pick(50),
      onHand: pick(12),
      bin: `A-${sku}`,
      lifecycle: pick(6) === 0 ? ('discontinued' as const) : ('active' as const),
      incoming: Array.from({ length: pick(3) }, () => ({
        po: `PO-${poCounter++}`,
        qty: 1 + pick(10),
        eta: `2026-03-0${3 + pick(6)}T09:00`,
      })),
      substitutes: skus.filter((other) => other !== sku && pick(3) === 0),
      lookalikes: skus.filter((other) => other !== sku && pick(4) === 0),
    }));
    const customers = Array.from({ length: customerCount }, (_, i) => ({
      id: `C${i}`,
      name: `Customer ${i}`,
      tier: tiers[pick(4)]!,
      contact: pick(2) === 0 ? ('email' as const) : ('sms' as const),
    }));
    const makeOrder = (id: string, placedAt: string) => ({
      id,
      customer: customers[pick(customerCount)]!.id,
      placedAt,
      urgency: urgencies[pick(4)]!,
      shipPreference: pick(3) === 0 ? ('ship-complete' as const) : ('ship-available' as const),
      flagged: pick(6) === 0,
      lines: Array.from({ length: 1 + pick(3) }, () => ({
        sku: skus[pick(skuCount)]!,
        qty: 1 + pick(8),
      })),
    });
    const orders = Array.from({ length: orderCount }, (_, i) =>
      makeOrder(`SO-${i}`, timeAt(-10 * (orderCount - i))),
    );
    const known = [...orders];
    const events: ScenarioInput['events'] = [];
    let minute = 0;
    const pos = catalog.flatMap((item) => item.incoming.map((po) => po.po));
    for (let i = 0; i < eventCount; i++) {
      minute += pick(90);
      const at = timeAt(Math.min(minute, 8 * 60));
      const kind = pick(6);
      if (kind === 0 || known.length === 0) {
        const order = makeOrder(`SO-E${i}`, at);
        known.push(order);
        events.push({ type: 'order-placed', at, order });
      } else if (kind === 1 && pos.length > 0)
        events.push({ type: 'stock-received', at, po: pos[pick(pos.length)]!, qty: pick(12) });
      else if (kind === 2 && pos.length > 0)
        events.push({
          type: 'po-delayed',
          at,
          po: pos[pick(pos.length)]!,
          eta: `2026-03-1${pick(9)}T10:00`,
        });
      else if (kind === 3)
        events.push({ type: 'stock-count', at, sku: skus[pick(skuCount)]!, onHand: pick(10) });
      else if (kind === 4)
        events.push({ type: 'sku-discontinued', at, sku: skus[pick(skuCount)]! });
      else {
        const order = known[pick(known.length)]!;
        const line = order.lines[pick(order.lines.length)]!;
        const intents = ['ask-status', 'cancel-line', 'accept-partial', 'wait-for-full'] as const;
        const substitutable =
          (catalog.find((c) => c.sku === line.sku)?.substitutes.length ?? 0) > 0;
        const intent = substitutable && pick(4) === 0 ? 'accept-substitute' : intents[pick(4)]!;
        events.push({
          type: 'customer-message',
          at,
          order: order.id,
          intent,
          sku: line.sku,
          text: 'Any news on my order?',
        });
      }
    }
    const input: ScenarioInput = {
      id: 'scenario',
      title: 'Generated',
      summary: 'Generated by fast-check.',
      level: 2,
      competencies: ['basics', 'communication', 'prioritization'],
      startsAt: START,
      endsAt: END,
      policy,
      catalog,
      customers,
      orders,
      events,
    };
    const result = validateScenario(input, 'scenario');
    if (!result.ok)
      throw new Error(`generator made an invalid scenario: ${JSON.stringify(result.problems)}`);
    return result.value;
  });

/**
 * One random trainee action chosen from what the state offers: sensible and foolish alike
 * (allocating more than exists, shipping unpacked orders, picking a look-alike).
 */
export function randomAction(state: EngineState, choice: number[], by: string): Action {
  let cursor = 0;
  const pick = (n: number) => (n <= 0 ? 0 : choice[cursor++ % choice.length]! % n);
  const at = state.now;
  const orders = state.orders;
  const skus = Object.keys(state.skus);
  if (orders.length === 0) return { type: 'check-stock', at, by, sku: skus[pick(skus.length)]! };
  const order = orders[pick(orders.length)]!;
  const line = order.lines[pick(order.lines.length)]!;
  switch (pick(12)) {
    case 0:
      return { type: 'check-stock', at, by, sku: line.sku };
    case 1:
      return { type: 'allocate', at, by, order: order.id };
    case 2:
      return {
        type: 'allocate',
        at,
        by,
        order: order.id,
        lines: [{ sku: line.sku, qty: 1 + pick(Math.max(1, openQty(line) + 2)) }],
      };
    case 3:
      return { type: 'release', at, by, order: order.id, sku: line.sku, qty: 1 + pick(3) };
    case 4: {
      const lookalike = state.skus[line.sku]?.lookalikes[0];
      const picked = lookalike && pick(4) === 0 ? lookalike : line.sku;
      return {
        type: 'pick',
        at,
        by,
        order: order.id,
        sku: line.sku,
        qty: Math.max(1, line.allocated - pickedQty(line)),
        picked,
      };
    }
    case 5:
      return { type: 'pack', at, by, order: order.id };
    case 6:
      return pick(2) === 0
        ? { type: 'verify', at, by: 'supervisor', order: order.id }
        : { type: 'request-verification', at, by, order: order.id };
    case 7:
      return { type: 'ship', at, by, order: order.id };
    case 8:
      return { type: 'cancel-line', at, by, order: order.id, sku: line.sku };
    case 9:
      return { type: 'substitute', at, by, order: order.id, sku: line.sku };
    case 10:
      return { type: 'flag-priority', at, by, order: order.id };
    default:
      return {
        type: 'notify-customer',
        at,
        by,
        order: order.id,
        channel: 'email',
        kind: 'backorder-notice',
        content: {
          shipped: [],
          backordered: [{ sku: line.sku, qty: openQty(line) }],
          promiseDate: null,
          options: ['wait'],
          apology: true,
          compensation: 'none',
        },
      };
  }
}
