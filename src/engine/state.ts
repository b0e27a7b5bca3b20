/**
 * The engine's state: plain, serialisable data. Every function of the engine takes a state
 * and returns a new one; nothing is mutated in place once a function has returned.
 */
import type { Customer, OrderInput, Policy, Scenario, ShipPreference } from './schema';
import { ownsEverything } from './ownership';
import type { LocalDateTime } from './time';

export const ENGINE_VERSION = '1.1.0';

/** A purchase order as the warehouse tracks it while the clock runs. */
export interface PurchaseOrder {
  po: string;
  /** Units still expected. */
  qty: number;
  eta: LocalDateTime;
  /** `closed` once received (short receipts close it too); `cancelled` when the SKU is discontinued. */
  status: 'open' | 'closed' | 'cancelled';
}

export interface SkuState {
  sku: string;
  name: string;
  price: number;
  bin: string;
  lifecycle: 'active' | 'discontinued';
  onHand: number;
  /** Units reserved for order lines; always the sum of the lines' `allocated`. */
  allocated: number;
  incoming: PurchaseOrder[];
  substitutes: string[];
  lookalikes: string[];
}

/** Units taken from a bin for a line; `sku` is what the picker actually took. */
export interface Pick {
  sku: string;
  qty: number;
  by: string;
}

export interface OrderLine {
  sku: string;
  ordered: number;
  price: number;
  shipped: number;
  allocated: number;
  cancelled: number;
  /** Of `cancelled`, units moved to a substitute line rather than refunded. */
  substituted: number;
  /** Units picked and not yet shipped; never more than `allocated`. */
  picks: Pick[];
  /** Set on a line added by a substitution: the SKU it replaces. */
  substituteFor?: string;
}

/** The parcel being prepared for an order: packed, then (if required) verified, then shipped. */
export interface Parcel {
  packedAt: LocalDateTime;
  packedBy: string;
  verification: 'none' | 'requested' | 'verified';
  verifiedBy?: string;
}

export interface OrderState {
  id: string;
  customer: string;
  placedAt: LocalDateTime;
  urgency: OrderInput['urgency'];
  shipPreference: ShipPreference;
  flagged: boolean;
  /** Order total at placement, sum of qty x price; the `value` ranking key. */
  value: number;
  lines: OrderLine[];
  parcel: Parcel | null;
  escalated: boolean;
}

export interface ShipmentLine {
  sku: string;
  qty: number;
  /** What actually went in the box, when a picker took a look-alike. */
  pickedSku?: string;
}

export interface Shipment {
  id: string;
  order: string;
  at: LocalDateTime;
  tracking: string;
  lines: ShipmentLine[];
  packingSlip: PackingSlip;
}

export interface PackingSlipLine {
  sku: string;
  name: string;
  ordered: number;
  shippedNow: number;
  shippedBefore: number;
  backordered: number;
  /** Promise date of the backordered units, or null when no supply covers them. */
  promiseDate: LocalDateTime | null;
  /** Printed beside backordered units. */
  promiseText: string | null;
  cancelled: number;
  refund: number;
}

export interface PackingSlip {
  order: string;
  customer: string;
  date: LocalDateTime;
  tracking: string;
  lines: PackingSlipLine[];
}

export interface Refund {
  order: string;
  sku: string;
  qty: number;
  amount: number;
  at: LocalDateTime;
}

export const NOTICE_KINDS = [
  'backorder-notice',
  'partial-shipment',
  'delay-update',
  'cancellation-refund',
  'substitute-offer',
  'status-update',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const CUSTOMER_OPTIONS = ['wait', 'ship-available', 'substitute', 'cancel'] as const;
export type CustomerOption = (typeof CUSTOMER_OPTIONS)[number];

export const COMPENSATIONS = ['none', 'free-expedited-shipping', 'discount'] as const;
export type Compensation = (typeof COMPENSATIONS)[number];

/** The structured content of a customer notice (docs/engine.md section 8). */
export interface NoticeContent {
  shipped: { sku: string; qty: number }[];
  backordered: { sku: string; qty: number }[];
  promiseDate: LocalDateTime | null;
  options: CustomerOption[];
  apology: boolean;
  compensation: Compensation;
}

export interface Notification extends NoticeContent {
  order: string;
  customer: string;
  channel: 'email' | 'sms';
  at: LocalDateTime;
  kind: NoticeKind;
}

/** A backorder record kept on the order for warehouse, sales and audit. */
export interface BackorderRecord {
  order: string;
  at: LocalDateTime;
  partial: boolean;
  lines: {
    sku: string;
    qty: number;
    backorderType: BackorderType;
    promiseDate: LocalDateTime | null;
  }[];
}

export type BackorderType = 'active' | 'cancelled';

export interface CustomerMessage {
  order: string;
  at: LocalDateTime;
  intent: string;
  sku?: string;
  text: string;
}

export interface TeamNote {
  team: 'warehouse' | 'sales' | 'customer-service';
  at: LocalDateTime;
  order?: string;
  sku?: string;
  note: string;
}

export interface Escalation {
  order: string;
  at: LocalDateTime;
  reason: string;
}

export interface EngineState {
  now: LocalDateTime;
  policy: Policy;
  customers: Record<string, Customer>;
  skus: Record<string, SkuState>;
  /** Every order ever placed, in placement order. */
  orders: OrderState[];
  shipments: Shipment[];
  refunds: Refund[];
  notifications: Notification[];
  backorderRecords: BackorderRecord[];
  messages: CustomerMessage[];
  teamNotes: TeamNote[];
  escalations: Escalation[];
  /** Counter behind shipment ids and tracking numbers, so they replay identically. */
  shipmentSeq: number;
}

/** Units of a line still waiting for stock: ordered - shipped - allocated - cancelled. */
export function openQty(line: OrderLine): number {
  return line.ordered - line.shipped - line.allocated - line.cancelled;
}

export function pickedQty(line: OrderLine): number {
  let total = 0;
  for (const pick of line.picks) total += pick.qty;
  return total;
}

/** A new order as the engine holds it: lines priced from the catalog where the order names no price. */
export function newOrder(input: OrderInput, skus: Record<string, SkuState>): OrderState {
  const lines = input.lines.map((line): OrderLine => ({
    sku: line.sku,
    ordered: line.qty,
    price: line.price ?? skus[line.sku]?.price ?? 0,
    shipped: 0,
    allocated: 0,
    cancelled: 0,
    substituted: 0,
    picks: [],
  }));
  return {
    id: input.id,
    customer: input.customer,
    placedAt: input.placedAt,
    urgency: input.urgency,
    shipPreference: input.shipPreference,
    flagged: input.flagged,
    value: roundMoney(lines.reduce((sum, line) => sum + line.ordered * line.price, 0)),
    lines,
    parcel: null,
    escalated: false,
  };
}

/** Money to the cent, so sums print the same everywhere. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * The state at `startsAt`, before any allocation. Nothing in it is shared with anything else,
 * so a replay may change it in place without copying (./draft.ts).
 */
export function initialState(scenario: Scenario): EngineState {
  const skus: Record<string, SkuState> = {};
  for (const item of scenario.catalog) {
    skus[item.sku] = {
      sku: item.sku,
      name: item.name,
      price: item.price,
      bin: item.bin,
      lifecycle: item.lifecycle,
      onHand: item.onHand,
      allocated: 0,
      incoming: item.incoming.map((po) => ({ ...po, status: 'open' as const })),
      substitutes: [...item.substitutes],
      lookalikes: [...item.lookalikes],
    };
  }
  const customers: Record<string, Customer> = {};
  for (const customer of scenario.customers) customers[customer.id] = { ...customer };
  return ownsEverything({
    now: scenario.startsAt,
    policy: scenario.policy,
    customers,
    skus,
    orders: scenario.orders.map((order) => newOrder(order, skus)),
    shipments: [],
    refunds: [],
    notifications: [],
    backorderRecords: [],
    messages: [],
    teamNotes: [],
    escalations: [],
    shipmentSeq: 0,
  });
}

/** Whether an order may only ship whole (docs/engine.md section 3). */
export function isCompleteOnly(order: OrderState, policy: Policy): boolean {
  return order.shipPreference === 'ship-complete' || !policy.allowPartialShipments;
}

/**
 * Order lookup by id. The orders list only ever grows (orders are never removed), so the
 * index is kept per list and extended with whatever was appended since it was last read. A
 * draft's copy of the list (the same orders in the same places, ./draft.ts) shares the index
 * until one of them grows.
 */
interface OrderIndex {
  size: number;
  byId: Map<string, number>;
  shared: boolean;
}
const orderIndexes = new WeakMap<readonly OrderState[], OrderIndex>();

/** Where the order with this id is in `state.orders`. */
export function orderPosition(state: EngineState, id: string): number | undefined {
  const orders = state.orders;
  let index = orderIndexes.get(orders);
  if (!index) {
    index = { size: 0, byId: new Map(), shared: false };
    orderIndexes.set(orders, index);
  }
  if (index.size < orders.length) {
    if (index.shared) {
      index = { size: index.size, byId: new Map(index.byId), shared: false };
      orderIndexes.set(orders, index);
    }
    for (; index.size < orders.length; index.size++)
      index.byId.set(orders[index.size]!.id, index.size);
  }
  return index.byId.get(id);
}

/** `copy` holds the same orders as `orders` in the same places: let it use the same index. */
export function shareOrderIndex(orders: readonly OrderState[], copy: readonly OrderState[]): void {
  const index = orderIndexes.get(orders);
  if (!index || index.size !== orders.length) return;
  index.shared = true;
  orderIndexes.set(copy, index);
}

export function findOrder(state: EngineState, id: string): OrderState | undefined {
  const position = orderPosition(state, id);
  return position === undefined ? undefined : state.orders[position];
}

/**
 * The latest entry for an order in an append-only list (notifications, backorder records),
 * indexed incrementally like the orders.
 */
const latestIndexes = new WeakMap<
  readonly { order: string }[],
  { size: number; latest: Map<string, number> }
>();

export function latestFor<T extends { order: string }>(
  list: readonly T[],
  order: string,
): T | undefined {
  let index = latestIndexes.get(list);
  if (!index) {
    index = { size: 0, latest: new Map() };
    latestIndexes.set(list, index);
  }
  for (; index.size < list.length; index.size++)
    index.latest.set(list[index.size]!.order, index.size);
  const position = index.latest.get(order);
  return position === undefined ? undefined : list[position];
}

/**
 * Every entry for an order in an append-only list (shipments, refunds, notifications), in
 * list order, indexed incrementally like the orders.
 */
const groupIndexes = new WeakMap<
  readonly { order: string }[],
  { size: number; groups: Map<string, { order: string }[]> }
>();

export function entriesFor<T extends { order: string }>(
  list: readonly T[],
  order: string,
): readonly T[] {
  let index = groupIndexes.get(list);
  if (!index) {
    index = { size: 0, groups: new Map() };
    groupIndexes.set(list, index);
  }
  for (; index.size < list.length; index.size++) {
    const entry = list[index.size]!;
    const group = index.groups.get(entry.order);
    if (group) group.push(entry);
    else index.groups.set(entry.order, [entry]);
  }
  return (index.groups.get(order) as T[] | undefined) ?? [];
}
