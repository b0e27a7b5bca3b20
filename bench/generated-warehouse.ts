/**
 * Generated warehouses for the benchmark: a catalog with skewed demand, customers of every
 * tier, open orders that outstrip stock, purchase orders on the way and a few events during
 * the shift. Output is an author's scenario (`ScenarioInput`), so it goes through the same
 * `scenarioSchema` as a hand-written file and can be written out as YAML for the CLI.
 */
import type { ScenarioEvent, ScenarioInput } from '../src/engine/index';
import { SeededRandom, zipfSampler } from './seeded-random';

export interface WarehouseShape {
  id: string;
  seed: number;
  orders: number;
  /** Lines per order, drawn uniformly from [min, max]. */
  linesPerOrder: readonly [number, number];
  skus: number;
  customers: number;
  /** Units on hand over units ordered, across the whole catalog (the rest is backordered). */
  stockCoverage: number;
  events: number;
  policy?: ScenarioInput['policy'];
}

const SHIFT_START = Date.UTC(2026, 2, 2, 8, 0);
const SHIFT_MINUTES = 9 * 60;
const MINUTE = 60_000;

/** Scenario times are local date-times without a zone (docs/engine.md section 1). */
function localTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16);
}

type OrderInput = NonNullable<ScenarioInput['orders']>[number];
type CatalogInput = ScenarioInput['catalog'][number];

export function generateWarehouse(shape: WarehouseShape): ScenarioInput {
  const random = new SeededRandom(shape.seed);
  // Exponent ~1: the top few percent of SKUs carry about half of the demand.
  const popularSku = zipfSampler(random, shape.skus, 1.0);
  const skuId = (index: number) => `SKU-${String(index + 1).padStart(5, '0')}`;
  const prices = Array.from({ length: shape.skus }, () =>
    random.weighted([
      [random.int(2, 30) + 0.99, 5],
      [random.int(30, 250) + 0.5, 4],
      [random.int(250, 1500), 1],
    ]),
  );

  const customers = Array.from({ length: shape.customers }, (_, i) => ({
    id: `C-${String(i + 1).padStart(5, '0')}`,
    name: `Customer ${i + 1}`,
    tier: random.weighted([
      ['strategic', 5],
      ['contractor', 15],
      ['repeat', 30],
      ['standard', 50],
    ] as const),
    contact: random.chance(0.8) ? ('email' as const) : ('sms' as const),
  }));

  const demand = new Array<number>(shape.skus).fill(0);
  const newOrder = (id: string, placedAt: string): OrderInput => {
    const lineCount = random.int(shape.linesPerOrder[0], shape.linesPerOrder[1]);
    const chosen = new Set<number>();
    // Distinct SKUs per order, as an order entry screen merges repeated lines.
    while (chosen.size < Math.min(lineCount, shape.skus)) chosen.add(popularSku());
    const customer = random.pick(customers);
    const contractor = customer.tier === 'contractor' || customer.tier === 'strategic';
    const lines = [...chosen].map((sku) => {
      const qty = random.weighted([
        [1, 35],
        [random.int(2, 3), 30],
        [random.int(4, 10), 25],
        [random.int(11, contractor ? 60 : 25), 10],
      ]);
      demand[sku]! += qty;
      // One line in ten carries a negotiated price instead of the catalog's.
      return random.chance(0.1)
        ? { sku: skuId(sku), qty, price: Math.round(prices[sku]! * 90) / 100 }
        : { sku: skuId(sku), qty };
    });
    return {
      id,
      customer: customer.id,
      placedAt,
      urgency: random.weighted([
        ['critical', 3],
        ['high', 12],
        ['normal', 70],
        ['low', 15],
      ] as const),
      shipPreference: random.chance(0.2) ? 'ship-complete' : 'ship-available',
      flagged: random.chance(0.02),
      lines,
    };
  };

  // Open orders were placed over the two weeks before the shift, in placement order.
  const placedTimes = Array.from({ length: shape.orders }, () => random.int(-14 * 24 * 60, 0)).sort(
    (a, b) => a - b,
  );
  const orders = placedTimes.map((offset, i) =>
    newOrder(`SO-${String(i + 1).padStart(6, '0')}`, localTime(SHIFT_START + offset * MINUTE)),
  );

  const catalog = stockTheCatalog(random, shape, demand, prices, skuId);
  const events = shiftEvents(random, shape, catalog, orders, newOrder);

  return {
    id: shape.id,
    title: `Generated warehouse ${shape.id}`,
    summary: `Benchmark warehouse: ${shape.orders} orders, ${shape.skus} SKUs, seed ${shape.seed}.`,
    level: 3,
    competencies: ['prioritization', 'partial-shipments', 'communication'],
    startsAt: localTime(SHIFT_START),
    endsAt: localTime(SHIFT_START + SHIFT_MINUTES * MINUTE),
    policy: shape.policy ?? {},
    catalog,
    customers,
    orders,
    events,
  };
}

/**
 * On-hand stock per SKU: some SKUs are out, most are short, some are over-stocked, then
 * everything is scaled so the catalog covers `stockCoverage` of demand overall. Short SKUs
 * usually have a purchase order on the way so promise dates have something to find.
 */
function stockTheCatalog(
  random: SeededRandom,
  shape: WarehouseShape,
  demand: readonly number[],
  prices: readonly number[],
  skuId: (index: number) => string,
): CatalogInput[] {
  const raw = demand.map((units) =>
    random.weighted([
      [0, 15],
      [units * (0.1 + random.next() * 0.8), 50],
      [units * (1 + random.next() * 0.6), 35],
    ]),
  );
  const totalDemand = demand.reduce((sum, units) => sum + units, 0);
  const totalRaw = raw.reduce((sum, units) => sum + units, 0) || 1;
  const scale = (shape.stockCoverage * totalDemand) / totalRaw;
  let poNumber = 0;
  return demand.map((units, i): CatalogInput => {
    const onHand = Math.round(raw[i]! * scale);
    const discontinued = random.chance(0.02);
    const shortfall = units - onHand;
    const incoming =
      !discontinued && shortfall > 0 && random.chance(0.6)
        ? Array.from({ length: random.int(1, 2) }, () => ({
            po: `PO-${String(++poNumber).padStart(6, '0')}`,
            qty: Math.max(1, Math.round(shortfall * (0.4 + random.next()))),
            eta: localTime(SHIFT_START + random.int(1, 20) * 24 * 60 * MINUTE),
          }))
        : [];
    const neighbour = skuId((i + 1) % shape.skus);
    return {
      sku: skuId(i),
      name: `Item ${i + 1}`,
      price: prices[i]!,
      onHand,
      bin: `${String.fromCharCode(65 + (i % 20))}-${String(i % 97).padStart(2, '0')}-${i % 5}`,
      lifecycle: discontinued ? 'discontinued' : 'active',
      incoming,
      substitutes: shape.skus > 1 && random.chance(0.15) ? [neighbour] : [],
      lookalikes: shape.skus > 1 && random.chance(0.05) ? [neighbour] : [],
    };
  });
}

/** A few things that happen during the shift, spread across it in time order. */
function shiftEvents(
  random: SeededRandom,
  shape: WarehouseShape,
  catalog: readonly CatalogInput[],
  orders: readonly OrderInput[],
  newOrder: (id: string, placedAt: string) => OrderInput,
): ScenarioEvent[] {
  const purchaseOrders = catalog.flatMap((item) =>
    (item.incoming ?? []).map((po) => ({ ...po, sku: item.sku })),
  );
  const usedPos = new Set<string>();
  const unusedPo = () => {
    const free = purchaseOrders.filter((po) => !usedPos.has(po.po));
    if (free.length === 0) return undefined;
    const po = random.pick(free);
    usedPos.add(po.po);
    return po;
  };
  const known = [...orders];
  const times = Array.from({ length: shape.events }, () => random.int(30, SHIFT_MINUTES - 30)).sort(
    (a, b) => a - b,
  );
  let placed = 0;
  const events: ScenarioEvent[] = [];
  for (const minute of times) {
    const at = localTime(SHIFT_START + minute * MINUTE);
    const kind = random.weighted([
      ['stock-received', 3],
      ['order-placed', 3],
      ['customer-message', 3],
      ['po-delayed', 1],
      ['stock-count', 1],
      ['sku-discontinued', 0.5],
    ] as const);
    const po = kind === 'stock-received' || kind === 'po-delayed' ? unusedPo() : undefined;
    if (kind === 'stock-received' && po) {
      // One receipt in four comes in short.
      const qty = random.chance(0.25) ? Math.max(1, Math.floor(po.qty / 2)) : po.qty;
      events.push({ type: 'stock-received', at, po: po.po, qty });
    } else if (kind === 'po-delayed' && po) {
      const eta = localTime(Date.parse(`${po.eta}:00Z`) + random.int(2, 10) * 24 * 60 * MINUTE);
      events.push({ type: 'po-delayed', at, po: po.po, eta });
    } else if (kind === 'stock-count' || kind === 'sku-discontinued') {
      const item = random.pick(catalog);
      events.push(
        kind === 'stock-count'
          ? { type: 'stock-count', at, sku: item.sku, onHand: Math.max(0, item.onHand - 2) }
          : { type: 'sku-discontinued', at, sku: item.sku },
      );
    } else if (kind === 'customer-message') {
      events.push(customerMessage(random, at, random.pick(known), catalog));
    } else {
      const order = newOrder(`SO-NEW-${++placed}`, at);
      known.push(order);
      events.push({ type: 'order-placed', at, order } as ScenarioEvent);
    }
  }
  return events;
}

function customerMessage(
  random: SeededRandom,
  at: string,
  order: OrderInput,
  catalog: readonly CatalogInput[],
): ScenarioEvent {
  const line = random.pick(order.lines);
  const hasSubstitute = (catalog.find((item) => item.sku === line.sku)?.substitutes ?? []).length;
  const intent = random.weighted([
    ['ask-status', 4],
    ['cancel-line', 2],
    ['wait-for-full', 1],
    ['accept-partial', 1],
    ['accept-substitute', hasSubstitute ? 1 : 0],
  ] as const);
  const needsLine = intent === 'cancel-line' || intent === 'accept-substitute';
  return {
    type: 'customer-message',
    at,
    order: order.id,
    intent,
    ...(needsLine ? { sku: line.sku } : {}),
    text: `Customer on ${order.id}: ${intent}.`,
  };
}
