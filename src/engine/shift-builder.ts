/**
 * Drafting one generated shift: its day and hours, policy, catalogue, customers and
 * orders, stock and purchase orders set from demand so that every shift has backorders,
 * and events chosen from the state of the warehouse at their moment. See ./generate.ts
 * for what a generated shift promises; the products and the customers' words it draws on
 * are data in ./trade-catalogue.ts and ./customer-messages.ts.
 */
import { runAutopilot } from './autopilot';
import { validateScenario } from './load';
import { formatProblem } from './problems';
import { MESSAGES, VOICE, type Intent, type MessageContext } from './customer-messages';
import type { Scenario, ScenarioInput } from './schema';
import { between, chance, fraction, pick, sample, shuffle, type Rng } from './seeded-random';
import { openQty, type EngineState, type OrderState } from './state';
import { addHours, toMinutes } from './time';
import { PEOPLE, TIERS, TRADES, type Product, type Tier, type Trade } from './trade-catalogue';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June'];
/** The first shift day; shifts fall on the weekdays of the eight weeks from here. */
const FIRST_MONDAY = '2026-03-02T00:00';

interface LevelShape {
  pairs: number;
  singles: number;
  successor: boolean;
  customers: number;
  startOrders: readonly [number, number];
  maxLines: number;
  hours: number;
  estimatedMinutes: number;
}

const LEVELS: Record<1 | 2 | 3, LevelShape> = {
  1: {
    pairs: 1,
    singles: 1,
    successor: false,
    customers: 4,
    startOrders: [4, 4],
    maxLines: 2,
    hours: 4,
    estimatedMinutes: 15,
  },
  2: {
    pairs: 2,
    singles: 1,
    successor: false,
    customers: 6,
    startOrders: [5, 6],
    maxLines: 3,
    hours: 5,
    estimatedMinutes: 25,
  },
  3: {
    pairs: 2,
    singles: 2,
    successor: true,
    customers: 7,
    startOrders: [7, 8],
    maxLines: 3,
    hours: 7,
    estimatedMinutes: 40,
  },
};

/** What happens during a shift, before the details are filled in. */
type EventKind =
  | 'order-placed'
  | 'stock-received'
  | 'short-receipt'
  | 'po-delayed'
  | 'stock-count'
  | 'sku-discontinued'
  | 'ask-status'
  | 'change-terms'
  | 'accept-substitute'
  | 'cancel-line';

type CatalogInput = ScenarioInput['catalog'][number];
type CustomerInput = ScenarioInput['customers'][number];
type OrderInputDraft = NonNullable<ScenarioInput['orders']>[number];
type EventInput = NonNullable<ScenarioInput['events']>[number];
type PolicyInput = NonNullable<ScenarioInput['policy']>;

interface CustomerDraft extends CustomerInput {
  tier: Tier;
  signOff: string;
}

/** A purchase order and the product it is for, as the catalog will list it. */
interface PoDraft {
  po: string;
  qty: number;
  eta: string;
  sku: string;
}

/**
 * The ETA of a delivery that arrives at `at` during the shift: the top of that hour, as
 * suppliers book slots (never before the shift, which starts on the hour).
 */
const dueHour = (at: string) => `${at.slice(0, 14)}00`;

/** An order with its keys in the schema's order, the defaults left out. */
function orderInput(order: OrderInputDraft): OrderInputDraft {
  const { id, customer, placedAt, urgency, shipPreference, flagged, lines } = order;
  return {
    id,
    customer,
    placedAt,
    ...(urgency ? { urgency } : {}),
    ...(shipPreference ? { shipPreference } : {}),
    ...(flagged ? { flagged } : {}),
    lines,
  };
}

/**
 * A generated scenario with its defaults filled in, or an error: a generated shift that
 * fails validation is a bug in the generator, never bad input.
 */
export function mustValidate(input: ScenarioInput): Scenario {
  const result = validateScenario(input, `${input.id}.yaml`);
  if (!result.ok)
    throw new Error(
      `generated scenario ${input.id} is invalid (a bug in the generator):\n${result.problems.map(formatProblem).join('\n')}`,
    );
  return result.value;
}

/** The longest summary the schema takes. */
const SUMMARY_MAX = 1000;

/**
 * One shift being drafted. Every choice draws on `rng` in a fixed sequence, so the same
 * seed and level make the same choices; the builder is used once and thrown away.
 */
export class ShiftBuilder {
  private readonly level: 1 | 2 | 3;
  private readonly shape: LevelShape;
  private readonly trade: Trade;
  private readonly distributor: string;
  private readonly id: string;
  /** Midnight of the shift's day, and its weekday (0 Monday). */
  private readonly day: string;
  private readonly weekday: number;
  private readonly startsAt: string;
  private readonly endsAt: string;
  private readonly policy: PolicyInput | undefined;

  private readonly catalog: Product[] = [];
  /** The SKUs short at the start: A, then B from level 2 and D (the ending line) at level 3. */
  private short: Product[] = [];
  private a!: Product;
  private b?: Product;
  private discontinued?: Product;
  private successor?: Product;
  /** Level 3: the ship-complete order that holds a reservation on `held` while it waits for A. */
  private holder?: OrderInputDraft;
  private held?: Product;
  private readonly onHand = new Map<string, number>();
  private readonly pos: PoDraft[] = [];
  /** Deliveries during the shift: in full (levels 1 and 2) or short (level 3). */
  private fullReceipt?: PoDraft;
  private shortReceipt?: { po: PoDraft; qty: number };

  private readonly customers: CustomerDraft[] = [];
  /** Who places the next order: every customer once, then anyone again. */
  private customerQueue: CustomerDraft[] = [];
  private readonly orders: OrderInputDraft[] = [];
  private readonly eventOrders: OrderInputDraft[] = [];
  private readonly events: EventInput[] = [];
  /** What happened, for the summary: "PO-4471 slips to Monday 9 March". */
  private readonly stories: string[] = [];
  private readonly messaged = new Set<string>();
  /** Orders whose customer has already chosen a substitute or a refund for the ended line. */
  private readonly choseOnEndedLine = new Set<string>();
  private nextPo: number;
  private nextOrder: number;

  constructor(
    private readonly rng: Rng,
    private readonly seed: number,
    level: 1 | 2 | 3,
    /** The shift's id and file name, `random-<level>-<seed>`. */
    id: string,
  ) {
    this.level = level;
    this.shape = LEVELS[level];
    this.id = id;
    this.trade = pick(rng, TRADES);
    this.distributor = pick(rng, this.trade.distributors);
    const offset = 7 * between(rng, 0, 7) + between(rng, 0, 4);
    this.weekday = offset % 7;
    this.day = addHours(FIRST_MONDAY, 24 * offset);
    this.startsAt = addHours(this.day, pick(rng, [7, 8]));
    this.endsAt = addHours(this.startsAt, this.shape.hours);
    this.policy = this.choosePolicy();
    this.nextPo = 10 * between(rng, 200, 899);
    this.nextOrder = 10 * between(rng, 1000, 8999);
  }

  build(): ScenarioInput {
    const { rng, shape, level } = this;
    this.chooseCatalog();
    const schedule = this.schedule();
    const eventOrderCount = schedule.filter((s) => s.kind === 'order-placed').length;
    // Level 1 has four orders in all, one per customer tier, some of them placed live.
    const startOrders = between(rng, ...shape.startOrders) - (level === 1 ? eventOrderCount : 0);
    this.chooseCustomers(startOrders + eventOrderCount);
    this.draftStartOrders(startOrders);
    for (const slot of schedule)
      if (slot.kind === 'order-placed') this.eventOrders.push(this.draftEventOrder(slot.at));
    this.setStockAndSupply(schedule);
    for (const { kind, at } of schedule) this.addEvent(kind, at);
    const { startsAt, endsAt, policy, catalog, customers, orders, events } = this.draft();
    // Keys in the order of the schema and the hand-written files, so the printed file reads alike.
    return {
      id: this.id,
      title: this.title(),
      summary: this.summary(),
      level,
      competencies: this.competencies(),
      objectives: this.objectives(),
      estimatedMinutes: shape.estimatedMinutes,
      startsAt,
      endsAt,
      ...(policy ? { policy } : {}),
      catalog,
      customers,
      orders: orders!.map(orderInput),
      events: events!.map((event) =>
        event.type === 'order-placed' ? { ...event, order: orderInput(event.order) } : event,
      ),
    };
  }

  /** The shift as drafted so far, with a placeholder briefing. */
  private draft(): ScenarioInput {
    return {
      id: this.id,
      title: this.id,
      summary: 'A generated practice shift.',
      level: this.level,
      competencies: ['basics'],
      startsAt: this.startsAt,
      endsAt: this.endsAt,
      ...(this.policy ? { policy: this.policy } : {}),
      catalog: this.catalogInput(),
      customers: this.customers.map(({ id, name, tier, contact }) => ({ id, name, tier, contact })),
      orders: this.orders,
      events: this.events,
    };
  }

  /** Level 1 keeps every default; level 2 tightens notice; level 3 adds the harder rules. */
  private choosePolicy(): PolicyInput | undefined {
    const { rng } = this;
    switch (this.level) {
      case 1:
        return undefined;
      case 2:
        return { notifyWithinHours: pick(rng, [3, 4]) };
      case 3: {
        // Verification, whole lines only, or both.
        const rule = between(rng, 0, 2);
        return {
          shipComplete: 'reserve-partial',
          notifyWithinHours: pick(rng, [2, 3]),
          ...(rule !== 1 ? { verifyShipments: true } : {}),
          ...(rule !== 0 ? { splitLines: false } : {}),
        };
      }
    }
  }

  // -- catalog ----------------------------------------------------------------------------

  private chooseCatalog() {
    const { rng, trade, shape } = this;
    const chosenPairs = sample(rng, trade.pairs, shape.pairs);
    for (const pair of chosenPairs) this.catalog.push(...pair);
    this.catalog.push(...sample(rng, trade.singles, shape.singles));
    // The short SKU of each pair is one side of it: its look-alike on the next bin is in stock.
    this.a = pick(rng, chosenPairs[0]!);
    this.short = [this.a];
    if (chosenPairs[1]) {
      this.b = pick(rng, chosenPairs[1]);
      this.short.push(this.b);
    }
    if (shape.successor) {
      const [old, next] = trade.successor;
      this.catalog.push(old, next);
      this.discontinued = old;
      this.successor = next;
      this.short.push(old);
    }
    // In pick-walk order, as a stock screen lists them.
    this.catalog.sort((x, y) => (x.bin < y.bin ? -1 : 1));
  }

  private catalogInput(): CatalogInput[] {
    const twinOf = new Map<string, string>();
    for (const [x, y] of [...this.trade.pairs, this.trade.successor]) {
      twinOf.set(x.sku, y.sku);
      twinOf.set(y.sku, x.sku);
    }
    const inCatalog = new Set(this.catalog.map((item) => item.sku));
    return this.catalog.map((item) => {
      const twin = twinOf.get(item.sku);
      const incoming = this.pos
        .filter((po) => po.sku === item.sku)
        .map(({ po, qty, eta }) => ({ po, qty, eta }));
      return {
        sku: item.sku,
        name: item.name,
        price: item.price,
        onHand: this.onHand.get(item.sku) ?? 0,
        bin: item.bin,
        ...(incoming.length > 0 ? { incoming } : {}),
        ...(item === this.discontinued && this.successor
          ? { substitutes: [this.successor.sku] }
          : {}),
        ...(twin && inCatalog.has(twin) ? { lookalikes: [twin] } : {}),
      };
    });
  }

  private product(sku: string): Product {
    return this.catalog.find((item) => item.sku === sku)!;
  }

  private isShort(sku: string): boolean {
    return this.short.some((item) => item.sku === sku);
  }

  private line(item: Product) {
    const [from, to, step] = item.qty;
    return {
      sku: item.sku,
      qty: step * between(this.rng, Math.ceil(from / step), Math.floor(to / step)),
    };
  }

  // -- time -------------------------------------------------------------------------------

  /** The kinds of event this level has, at times in order across the shift. */
  private schedule(): { kind: EventKind; at: string }[] {
    const { rng } = this;
    const kinds: EventKind[] = [];
    if (this.level === 1) {
      // One or two simple events: a new order, a question, a delivery.
      const simple: EventKind[] = ['order-placed', 'ask-status', 'stock-received'];
      kinds.push(...sample(rng, simple, between(rng, 1, 2)));
    } else {
      const middle: EventKind[] = ['po-delayed'];
      for (let n = between(rng, 1, 2); n > 0; n--) middle.push('order-placed');
      if (this.level === 2) {
        if (chance(rng, 0.5)) middle.push('stock-received');
        kinds.push('ask-status', ...shuffle(rng, middle), 'change-terms');
      } else {
        middle.push('stock-count', 'sku-discontinued', 'short-receipt');
        // Customers answer the end of a line only once it has ended.
        kinds.push('ask-status', ...shuffle(rng, middle), 'accept-substitute', 'cancel-line');
      }
    }
    // Distinct five-minute slots, clear of the first and last twenty minutes of the shift.
    const slots = Array.from({ length: (this.shape.hours * 60 - 40) / 5 + 1 }, (_, i) => i);
    const chosen = sample(rng, slots, kinds.length).sort((x, y) => x - y);
    return kinds.map((kind, i) => ({
      kind,
      at: addHours(this.startsAt, (20 + 5 * chosen[i]!) / 60),
    }));
  }

  /** A weekday `days` working days after the shift's day, at `hour`. */
  private workingDay(days: number, hour: number): string {
    let offset = 0;
    for (let left = days; left > 0;) {
      offset++;
      if ((this.weekday + offset) % 7 < 5) left--;
    }
    return addHours(this.day, 24 * offset + hour);
  }

  /** "Tuesday 3 March". */
  private dayName(time: string): string {
    const days = Math.floor((toMinutes(time) - toMinutes(FIRST_MONDAY)) / (24 * 60));
    const month = MONTHS[Number(time.slice(5, 7)) - 1]!;
    return `${WEEKDAYS[days % 7]!} ${Number(time.slice(8, 10))} ${month}`;
  }

  // -- customers and orders ---------------------------------------------------------------

  private chooseCustomers(orderCount: number) {
    const { rng, trade } = this;
    const count = Math.min(this.shape.customers, orderCount);
    // Every tier once, then a believable mix: more trade and home customers than key accounts.
    const tiers: Tier[] = shuffle(rng, TIERS);
    while (tiers.length < count)
      tiers.push(
        pick(rng, ['contractor', 'contractor', 'repeat', 'standard', 'standard', 'strategic']),
      );
    const pools = {
      strategic: shuffle(rng, trade.customers.strategic),
      contractor: shuffle(rng, trade.customers.contractor),
      repeat: shuffle(rng, trade.customers.repeat),
    };
    const people = shuffle(rng, PEOPLE);
    // Customer numbers by tier, as an ERP's account ranges often are.
    const range: Record<Tier, number> = { strategic: 1, contractor: 2, repeat: 3, standard: 9 };
    const ids = new Set<string>();
    for (let tier of tiers.slice(0, count)) {
      const company = tier === 'standard' ? undefined : pools[tier].shift();
      if (!company) tier = 'standard'; // the key accounts of this trade are all in already
      const name = company?.name ?? people.shift()!;
      let id: string;
      do id = `C-${range[tier]}${String(between(rng, 0, 999)).padStart(3, '0')}`;
      while (ids.has(id));
      ids.add(id);
      const smsShare = { strategic: 0, contractor: 0.75, repeat: 0.35, standard: 0.35 }[tier];
      this.customers.push({
        id,
        name,
        tier,
        contact: chance(rng, smsShare) ? 'sms' : 'email',
        signOff: company?.signOff ?? name.split(' ')[0]!,
      });
    }
    this.customers.sort((x, y) => (x.id < y.id ? -1 : 1));
    this.customerQueue = shuffle(rng, this.customers);
  }

  private nextCustomer(): CustomerDraft {
    return this.customerQueue.shift() ?? pick(this.rng, this.customers);
  }

  private customerOf(orderId: string): CustomerDraft {
    const order = [...this.orders, ...this.eventOrders].find((o) => o.id === orderId)!;
    return this.customers.find((c) => c.id === order.customer)!;
  }

  private orderId(): string {
    this.nextOrder += between(this.rng, 3, 17);
    return `SO-${this.nextOrder}`;
  }

  private draftStartOrders(count: number) {
    const { rng } = this;
    // Placed in the four days before the shift during opening hours (07:00 to 20:00), or
    // early on the day itself; earlier orders have lower numbers.
    const startMinute = 60 * Number(this.startsAt.slice(11, 13));
    const slots: number[] = [];
    for (let day = 4; day >= 1; day--)
      for (let minute = 7 * 60; minute < 20 * 60; minute += 5)
        slots.push(24 * 60 * day + startMinute - minute);
    for (let minute = 6 * 60; minute <= startMinute - 10; minute += 5)
      slots.push(startMinute - minute);
    const ago = sample(rng, slots, count).sort((x, y) => y - x);
    for (const minutes of ago) {
      const lines: { sku: string; qty: number }[] = [];
      const add = (item: Product) => {
        if (!lines.some((line) => line.sku === item.sku)) lines.push(this.line(item));
      };
      add(chance(rng, 0.6) ? pick(rng, this.short) : pick(rng, this.catalog));
      for (let n = between(rng, 1, this.shape.maxLines) - 1; n > 0; n--)
        add(pick(rng, this.catalog));
      this.orders.push({
        id: this.orderId(),
        customer: this.nextCustomer().id,
        placedAt: addHours(this.startsAt, -(minutes - between(rng, 0, 4)) / 60),
        lines,
      });
    }
    // Competition: each short SKU is wanted by at least two of the orders open at the start.
    for (const item of this.short) {
      const wants = (order: OrderInputDraft) => order.lines.some((l) => l.sku === item.sku);
      while (this.orders.filter(wants).length < Math.min(2, this.orders.length))
        pick(
          rng,
          this.orders.filter((order) => !wants(order)),
        ).lines.push(this.line(item));
    }
    this.draftOrderTerms();
  }

  /** Urgency and shipping terms: what makes ranking and ship-complete matter. */
  private draftOrderTerms() {
    const { rng } = this;
    if (this.level >= 2) pick(rng, this.orders).urgency = 'high';
    if (this.level === 2) {
      // One or two customers want everything in one delivery, and order something short.
      const candidates = this.orders.filter((o) => o.lines.some((l) => this.isShort(l.sku)));
      for (const order of sample(rng, candidates, between(rng, 1, 2))) {
        order.shipPreference = 'ship-complete';
        this.ensureSecondLine(order);
      }
    }
    if (this.level === 3) {
      // The holder: ship-complete, wants more of A than will be on hand, and a plentiful SKU
      // it reserves and holds under `reserve-partial`, so a cycle count can cut into it.
      const holder = pick(
        rng,
        this.orders.filter((o) => o.lines.some((l) => l.sku === this.a.sku)),
      );
      holder.shipPreference = 'ship-complete';
      const aLine = holder.lines.find((l) => l.sku === this.a.sku)!;
      aLine.qty = Math.max(aLine.qty, 2 * this.a.qty[2]);
      const plentiful = this.catalog.filter((p) => !this.isShort(p.sku) && p !== this.successor);
      const held = plentiful.find((p) => holder.lines.some((l) => l.sku === p.sku));
      this.held = held ?? pick(rng, plentiful);
      if (!held) holder.lines.push(this.line(this.held));
      this.holder = holder;
      const second = pick(
        rng,
        this.orders.filter((o) => o !== holder),
      );
      second.shipPreference = 'ship-complete';
      this.ensureSecondLine(second);
    }
  }

  private ensureSecondLine(order: OrderInputDraft) {
    if (order.lines.length >= 2) return;
    const others = this.catalog.filter(
      (p) => p !== this.discontinued && !order.lines.some((l) => l.sku === p.sku),
    );
    order.lines.push(this.line(pick(this.rng, others)));
  }

  private draftEventOrder(at: string): OrderInputDraft {
    const { rng } = this;
    // From level 2 the first new order may be a contractor's emergency: critical, it
    // outranks everyone already waiting for the same stock.
    const critical =
      this.level >= 2 && this.eventOrders.length === 0 && (this.level === 3 || chance(rng, 0.5));
    // A contractor's emergency, from whoever has not ordered yet if a contractor has not, so
    // every customer in the list has an order.
    const waitingContractor = this.customerQueue.findIndex((c) => c.tier === 'contractor');
    const customer = !critical
      ? this.nextCustomer()
      : waitingContractor >= 0
        ? this.customerQueue.splice(waitingContractor, 1)[0]!
        : this.customerQueue.length > 0
          ? this.nextCustomer()
          : pick(
              rng,
              this.customers.filter((c) => c.tier === 'contractor'),
            );
    const lines = [this.line(this.a)];
    const others = this.catalog.filter(
      (p) => p !== this.a && p !== this.discontinued && p !== this.held,
    );
    if (chance(rng, 0.5)) lines.push(this.line(pick(rng, others)));
    return {
      id: this.orderId(),
      customer: customer.id,
      placedAt: at,
      ...(critical ? { urgency: 'critical' as const } : {}),
      lines,
    };
  }

  // -- stock and purchase orders ----------------------------------------------------------

  private demand(orders: readonly OrderInputDraft[], sku: string): number {
    let total = 0;
    for (const order of orders)
      for (const line of order.lines) if (line.sku === sku) total += line.qty;
    return total;
  }

  private addPo(item: Product, qty: number, eta: string): PoDraft {
    this.nextPo += between(this.rng, 1, 9);
    const po = { po: `PO-${this.nextPo}`, qty, eta, sku: item.sku };
    this.pos.push(po);
    return po;
  }

  /** `qty` rounded up to whole cases, at least one case. */
  private cases(qty: number, caseQty: number): number {
    return Math.max(caseQty, Math.ceil(qty / caseQty) * caseQty);
  }

  /**
   * Stock from demand. A short SKU has fewer units than the orders open at the start want
   * (a tenth to two thirds of them), so every shift starts with backorders; its purchase
   * orders cover the whole shift's shortfall. Everything else has enough for the shift.
   */
  private setStockAndSupply(schedule: readonly { kind: EventKind; at: string }[]) {
    const { rng } = this;
    const all = [...this.orders, ...this.eventOrders];
    const timeOf = (kind: EventKind) => schedule.find((slot) => slot.kind === kind)?.at;
    for (const item of this.catalog) {
      const atStart = this.demand(this.orders, item.sku);
      const total = this.demand(all, item.sku);
      if (!this.isShort(item.sku)) {
        // The successor also covers every unit of the line it replaces.
        const needed =
          total +
          (item === this.successor && this.discontinued
            ? this.demand(all, this.discontinued.sku)
            : 0);
        const spare = item.qty[2] * between(rng, 2, 6) + Math.ceil(needed * 0.5 * fraction(rng));
        this.onHand.set(item.sku, this.cases(needed + spare, item.qty[2]));
        // Routine replenishment on some lines, as on any real stock screen.
        if (item !== this.held && chance(rng, 0.3))
          this.addPo(item, item.caseQty, this.workingDay(between(rng, 3, 8), 9));
        continue;
      }
      const share =
        item === this.discontinued ? 0.1 + 0.25 * fraction(rng) : 0.3 + 0.35 * fraction(rng);
      let onHand = Math.min(Math.floor(atStart * share), atStart - 1);
      // Every order for the line that ends waits for some of it, so each of its customers
      // has a choice to make once it is discontinued.
      if (item === this.discontinued)
        onHand = Math.min(
          onHand,
          ...this.orders.flatMap((o) =>
            o.lines.filter((l) => l.sku === item.sku).map((l) => l.qty - 1),
          ),
        );
      if (item === this.a && this.holder)
        onHand = Math.min(onHand, this.holder.lines.find((l) => l.sku === item.sku)!.qty - 1);
      onHand = Math.max(0, onHand);
      this.onHand.set(item.sku, onHand);
      const shortfall = total - onHand;
      const cover = this.cases(shortfall * (1 + 0.5 * fraction(rng)), item.caseQty);
      const delivery = item === this.a && this.level === 1 ? timeOf('stock-received') : undefined;
      if (item === this.b) {
        const fullAt = timeOf('stock-received');
        const shortAt = timeOf('short-receipt');
        if (shortAt) {
          const po = this.addPo(item, cover, dueHour(shortAt));
          const qty = Math.max(1, Math.floor(po.qty * (0.4 + 0.3 * fraction(rng))));
          this.shortReceipt = { po, qty };
          // The buyer has already placed the next order with the supplier.
          this.addPo(
            item,
            this.cases(shortfall, item.caseQty),
            this.workingDay(between(rng, 3, 6), 8),
          );
        } else if (fullAt) this.fullReceipt = this.addPo(item, cover, dueHour(fullAt));
        else this.addPo(item, cover, this.workingDay(between(rng, 1, 4), 9));
      } else if (delivery) this.fullReceipt = this.addPo(item, cover, dueHour(delivery));
      else this.addPo(item, cover, this.workingDay(between(rng, 2, 5), 10));
    }
  }

  // -- events -----------------------------------------------------------------------------

  /** The warehouse as the reference member of staff leaves it after the events so far. */
  private simulate(): EngineState {
    return runAutopilot(mustValidate(this.draft())).state;
  }

  private addEvent(kind: EventKind, at: string) {
    const { rng } = this;
    const clock = at.slice(11);
    switch (kind) {
      case 'order-placed': {
        const order = this.eventOrders.find((o) => o.placedAt === at)!;
        this.events.push({ type: 'order-placed', at, order });
        const first = order.lines[0]!;
        this.stories.push(
          `${clock} ${this.customerOf(order.id).name} ${order.urgency === 'critical' ? 'phones in an urgent order' : 'orders'} for ${first.qty} x ${this.product(first.sku).short}`,
        );
        return;
      }
      case 'stock-received': {
        const po = this.fullReceipt!;
        this.events.push({ type: 'stock-received', at, po: po.po, qty: po.qty });
        this.stories.push(`${clock} ${po.po} delivers ${po.qty} x ${this.product(po.sku).short}`);
        return;
      }
      case 'short-receipt': {
        const { po, qty } = this.shortReceipt!;
        this.events.push({ type: 'stock-received', at, po: po.po, qty });
        this.stories.push(
          `${clock} ${po.po} arrives short, ${qty} of ${po.qty} x ${this.product(po.sku).short}`,
        );
        return;
      }
      case 'po-delayed': {
        const po = this.pos.find((p) => p.sku === this.a.sku)!;
        const eta = this.workingDayAfter(po.eta, between(rng, 2, 5));
        this.events.push({ type: 'po-delayed', at, po: po.po, eta });
        this.stories.push(`${clock} ${po.po} (${this.a.short}) slips to ${this.dayName(eta)}`);
        return;
      }
      case 'sku-discontinued': {
        const item = this.discontinued!;
        this.events.push({ type: 'sku-discontinued', at, sku: item.sku });
        this.stories.push(`${clock} the manufacturer ends the ${item.short}`);
        return;
      }
      case 'stock-count':
        this.addStockCount(at);
        return;
      case 'ask-status':
        this.message(at, this.waiting(this.simulate()), 'ask-status');
        return;
      case 'change-terms':
        this.addChangeOfTerms(at);
        return;
      case 'accept-substitute':
      case 'cancel-line':
        this.addChoiceOnEndedLine(kind, at);
        return;
    }
  }

  /** A cycle count that finds fewer than are reserved, so a reservation is released. */
  private addStockCount(at: string) {
    const { rng } = this;
    const clock = at.slice(11);
    const state = this.simulate();
    const reserved = Object.values(state.skus).filter((s) => s.allocated > 0);
    const counted = reserved.find((s) => s.sku === this.held?.sku) ?? reserved[0];
    if (counted) {
      // Fewer on the shelf than are reserved: the lowest-ranked reservation is released.
      const missing = between(rng, 1, Math.ceil(counted.allocated / 2));
      const onHand = counted.allocated - missing;
      this.events.push({ type: 'stock-count', at, sku: counted.sku, onHand });
      this.stories.push(
        `${clock} a cycle count finds ${onHand} x ${this.product(counted.sku).short} against ${counted.allocated} reserved`,
      );
    } else {
      // Nothing reserved at this moment (the holder makes sure there is): count a loss.
      const item = pick(
        rng,
        Object.values(state.skus).filter((s) => s.onHand > 0),
      );
      const onHand = item.onHand - between(rng, 1, Math.ceil(item.onHand / 4));
      this.events.push({ type: 'stock-count', at, sku: item.sku, onHand });
      this.stories.push(`${clock} a cycle count finds ${onHand} x ${this.product(item.sku).short}`);
    }
  }

  /** A customer changes how the order ships: takes what is there, or waits for all of it. */
  private addChangeOfTerms(at: string) {
    const { rng } = this;
    const state = this.simulate();
    const open = state.orders.filter(
      (o) => o.id !== this.holder?.id && o.lines.some((l) => openQty(l) > 0),
    );
    const options: [Intent, OrderState[]][] = [
      // A ship-complete customer gives in and takes what is there.
      ['accept-partial', open.filter((o) => o.shipPreference === 'ship-complete')],
      // A customer who got part of the order would rather have the rest in one go.
      [
        'wait-for-full',
        open.filter(
          (o) =>
            o.shipPreference === 'ship-available' &&
            o.lines.some((l) => l.shipped + l.allocated > 0),
        ),
      ],
    ];
    const usable = options.filter(([, orders]) => orders.length > 0);
    if (usable.length === 0) this.message(at, this.waiting(state), 'ask-status');
    else {
      const [intent, orders] = pick(rng, usable);
      this.message(at, pick(rng, orders), intent);
    }
  }

  /** A customer waiting on the discontinued line takes its substitute or cancels the line. */
  private addChoiceOnEndedLine(kind: 'accept-substitute' | 'cancel-line', at: string) {
    const { rng } = this;
    const state = this.simulate();
    const sku = this.discontinued!.sku;
    const waiting = state.orders.filter(
      (o) =>
        !this.choseOnEndedLine.has(o.id) && o.lines.some((l) => l.sku === sku && openQty(l) > 0),
    );
    if (waiting.length === 0) this.message(at, this.waiting(state), 'ask-status');
    else {
      const order = pick(rng, waiting);
      this.choseOnEndedLine.add(order.id);
      this.message(at, order, kind, sku);
    }
  }

  /** `days` working days after `time`, at the same hour. */
  private workingDayAfter(time: string, days: number): string {
    let result = time;
    for (let left = days; left > 0;) {
      result = addHours(result, 24);
      if (!/^(Saturday|Sunday)/.test(this.dayName(result))) left--;
    }
    return result;
  }

  /** An order waiting for stock now, preferably one whose customer has not written yet. */
  private waiting(state: EngineState): OrderState {
    const open = state.orders.filter((o) => o.lines.some((l) => openQty(l) > 0));
    const fresh = open.filter((o) => !this.messaged.has(o.id));
    const recorded = state.orders.filter((o) =>
      state.backorderRecords.some((record) => record.order === o.id),
    );
    const candidates = [fresh, open, recorded, state.orders].find((list) => list.length > 0)!;
    return pick(this.rng, candidates);
  }

  private message(at: string, order: OrderState, intent: Intent, sku?: string) {
    const { rng } = this;
    const customer = this.customerOf(order.id);
    const line =
      order.lines.find((l) => l.sku === sku) ??
      order.lines.find((l) => openQty(l) > 0) ??
      order.lines[0]!;
    const item = this.product(line.sku);
    const context: MessageContext = {
      order: order.id,
      item: item.short,
      qty: line.ordered,
      substitute: this.successor?.short ?? item.short,
      signOff: customer.signOff,
      job: pick(rng, this.trade.jobs),
      day: WEEKDAYS[(this.weekday + between(rng, 1, 3)) % 5]!,
      fitter: this.trade.fitter,
    };
    const text = pick(rng, MESSAGES[intent][VOICE[customer.tier]])(context);
    this.events.push({
      type: 'customer-message',
      at,
      order: order.id,
      intent,
      ...(sku ? { sku } : {}),
      text,
    });
    this.messaged.add(order.id);
    const doing: Record<Intent, string> = {
      'ask-status': `asks about ${order.id}`,
      'wait-for-full': `would rather have ${order.id} in one delivery`,
      'accept-partial': `takes what is in stock on ${order.id}`,
      'accept-substitute': `accepts the ${context.substitute} instead`,
      'cancel-line': `cancels the ${item.short}`,
    };
    this.stories.push(`${at.slice(11)} ${customer.name} ${doing[intent]}`);
  }

  // -- the briefing -----------------------------------------------------------------------

  private title(): string {
    switch (this.level) {
      case 1:
        return `Practice shift ${this.seed}: short on ${this.a.short}`;
      case 2:
        return `Practice shift ${this.seed}: short on ${this.a.short}, and a late supplier`;
      case 3:
        return `Practice shift ${this.seed}: a line discontinued, a short count, a short delivery`;
    }
  }

  private summary(): string {
    const shortages = this.short.map(
      (item) =>
        `${item.short} (${this.onHand.get(item.sku)!} on hand, ${this.demand(this.orders, item.sku)} ordered)`,
    );
    const shortList =
      shortages.length > 1
        ? `${shortages.slice(0, -1).join(', ')} and ${shortages.at(-1)!}`
        : shortages[0]!;
    const opening = [
      `A generated practice shift at ${this.distributor}, ${this.dayName(this.startsAt)}, ${this.startsAt.slice(11)} to ${this.endsAt.slice(11)}.`,
      `${this.orders.length} orders are open and stock is short on ${shortList}.`,
    ].join(' ');
    const closing = `Seed ${this.seed}, level ${this.level}: the same seed and level always give this shift.`;
    // As much of the timeline as fits the schema's limit.
    const told: string[] = [];
    for (const story of this.stories) {
      const next = `${opening} During the shift: ${[...told, story].join('; ')}. ${closing}`;
      if (next.length > SUMMARY_MAX) break;
      told.push(story);
    }
    return told.length > 0
      ? `${opening} During the shift: ${told.join('; ')}. ${closing}`
      : `${opening} ${closing}`;
  }

  private competencies(): ScenarioInput['competencies'] {
    switch (this.level) {
      case 1:
        return ['basics', 'tracking', 'communication'];
      case 2:
        return [
          'tracking',
          'partial-shipments',
          'communication',
          'documentation',
          'prioritization',
        ];
      case 3:
        return [
          'basics',
          'tracking',
          'partial-shipments',
          'communication',
          'documentation',
          'prioritization',
          ...(this.policy?.verifyShipments ? (['error-prevention'] as const) : []),
        ];
    }
  }

  private objectives(): string[] {
    const hours = this.policy?.notifyWithinHours ?? 4;
    const kinds = new Set(this.events.map((event) => event.type));
    const intents = new Set(
      this.events.flatMap((event) => (event.type === 'customer-message' ? [event.intent] : [])),
    );
    const objectives = [
      `Give the short ${this.a.short} to the open orders in the company's priority order.`,
      `Tell every customer with a backorder what ships now and when the rest follows, within ${hours} hours.`,
    ];
    if (this.orders.some((o) => o.shipPreference === 'ship-complete'))
      objectives.push(
        'Hold ship-complete orders until every line can go, and record why they wait.',
      );
    if (this.fullReceipt)
      objectives.push('Receive the delivery and fill the waiting backorders in priority order.');
    if (this.shortReceipt)
      objectives.push(
        `Receive the short delivery on ${this.shortReceipt.po.po} and promise the rest from the next purchase order.`,
      );
    if (kinds.has('po-delayed'))
      objectives.push(
        'When a purchase order slips, move the promise dates and tell the customers affected.',
      );
    if (kinds.has('order-placed'))
      objectives.push(
        'Rank each new order against the ones already waiting before promising it anything.',
      );
    if (kinds.has('sku-discontinued'))
      objectives.push(
        `Turn backorders of the discontinued ${this.discontinued!.short} into cancelled ones and offer the ${this.successor!.short} or a refund.`,
      );
    if (kinds.has('stock-count'))
      objectives.push(
        'Correct stock after the cycle count, releasing the lowest-ranked reservation first.',
      );
    if (intents.size > 0)
      objectives.push(
        "Answer each customer's message with the real promise date and their options.",
      );
    if (this.policy?.verifyShipments)
      objectives.push(
        `Have every shipment verified before it leaves, and keep the ${this.a.short} apart from their look-alikes.`,
      );
    if (this.policy?.splitLines === false)
      objectives.push('Ship whole lines only: a line that cannot be covered in full waits.');
    return objectives;
  }
}
