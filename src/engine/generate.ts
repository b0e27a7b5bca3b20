/**
 * Random practice shifts: a scenario generated from a seed and a level, so trainees never
 * run out of practice. The same seed and level always give the same shift, byte for byte
 * (`canonicalJson`), on every machine: the only source of chance is the small seeded
 * generator below, whose whole state is one 32-bit number, and the only clock is the one
 * the scenario itself defines (STYLE.md 5: no `Math.random`, no `Date.now`).
 *
 * A shift is drawn from a fixed list of believable products of one trade (plumbing and
 * heating, electrical, or building supplies), with look-alike pairs on neighbouring bins,
 * customers of every tier, orders with the quantities a trade counter sees, purchase orders
 * with ETAs and customer messages in the customers' own words. Stock is set from demand so
 * that every shift has backorders: each short SKU has fewer units on hand than the open
 * orders at the start ask for.
 *
 * Events that depend on the state of the warehouse at their moment (which order a customer
 * asks about, which reservation a cycle count cuts into) are chosen by running the
 * autopilot on the shift drafted so far, so a message is always about an order that is
 * really waiting and a count really falls below what is reserved.
 */
import { runAutopilot } from './autopilot';
import { validateScenario } from './load';
import { formatProblem } from './problems';
import type { Scenario, ScenarioInput } from './schema';
import { openQty, type EngineState, type OrderState } from './state';
import { addHours, toMinutes } from './time';

/** What a random shift is generated from. */
export interface GenerateOptions {
  /** Any non-negative safe integer. */
  seed: number;
  /** 1 beginner, 2 intermediate, 3 advanced. */
  level: 1 | 2 | 3;
}

/** The id of a generated shift, which is also the file name it must be saved under. */
export function randomScenarioId({ seed, level }: GenerateOptions): string {
  return `random-${level}-${seed}`;
}

/**
 * A random practice shift, validated by the same rules as a scenario file (`id` equals the
 * file name `random-<level>-<seed>.yaml`). Throws only on a bad seed or level, or if the
 * generator itself produced an invalid scenario (a bug here, never bad input).
 */
export function generateScenario(options: GenerateOptions): Scenario {
  return mustValidate(generateScenarioInput(options));
}

/**
 * The same shift as `generateScenario`, in the form an author writes (defaults left out),
 * for printing as a scenario file.
 */
export function generateScenarioInput(options: GenerateOptions): ScenarioInput {
  const { seed, level } = options;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative safe integer, got ${String(seed)}`);
  if (level !== 1 && level !== 2 && level !== 3)
    throw new RangeError(`level must be 1, 2 or 3, got ${String(level)}`);
  return new ShiftBuilder(seeded(seed, level), seed, level).build();
}

function mustValidate(input: ScenarioInput): Scenario {
  const result = validateScenario(input, `${input.id}.yaml`);
  if (!result.ok)
    throw new Error(
      `generated scenario ${input.id} is invalid (a bug in the generator):\n${result.problems.map(formatProblem).join('\n')}`,
    );
  return result.value;
}

// ---------------------------------------------------------------------------------------
// The seeded generator

/**
 * The generator's whole state, one 32-bit number, advanced by mulberry32 (Tommy Ettinger):
 * an add and a few multiplies per draw, plenty for choosing a shift.
 */
interface Rng {
  state: number;
}

/** Mixes seed and level into a starting state (murmur3's finaliser), so nearby seeds differ. */
function seeded(seed: number, level: number): Rng {
  const mix = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const low = seed % 2 ** 32;
  const high = Math.floor(seed / 2 ** 32);
  return { state: mix(low ^ mix(high ^ mix(level + 0x9e3779b9))) };
}

function nextUint32(rng: Rng): number {
  rng.state = (rng.state + 0x6d2b79f5) >>> 0;
  let t = rng.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A uniform number in [0, 1). */
const fraction = (rng: Rng) => nextUint32(rng) / 2 ** 32;
/** A uniform integer in [min, max]. */
const between = (rng: Rng, min: number, max: number) =>
  min + Math.floor(fraction(rng) * (max - min + 1));
const chance = (rng: Rng, p: number) => fraction(rng) < p;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[between(rng, 0, list.length - 1)]!;
function shuffle<T>(rng: Rng, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = between(rng, 0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
const sample = <T>(rng: Rng, list: readonly T[], n: number) => shuffle(rng, list).slice(0, n);

// ---------------------------------------------------------------------------------------
// What shifts are made of

interface Product {
  sku: string;
  name: string;
  /** How people say it, plural: "22 mm copper elbows". */
  short: string;
  price: number;
  bin: string;
  /** Believable order quantities: from, to, in steps of. */
  qty: readonly [number, number, number];
  /** Purchase orders come in multiples of this (a box, a pallet, a drum lot). */
  caseQty: number;
}

interface Contact {
  name: string;
  /** How they sign a message. */
  signOff: string;
}

type Tier = 'strategic' | 'contractor' | 'repeat' | 'standard';
const TIERS: readonly Tier[] = ['strategic', 'contractor', 'repeat', 'standard'];

interface Trade {
  distributors: readonly string[];
  /** Look-alike pairs on neighbouring bins: a picker can grab the wrong one. */
  pairs: readonly (readonly [Product, Product])[];
  singles: readonly Product[];
  /** A line the manufacturer ends, and its successor on the next bin. */
  successor: readonly [Product, Product];
  customers: Record<Exclude<Tier, 'standard'>, readonly Contact[]>;
  /** The tradesperson a home customer is waiting for. */
  fitter: string;
  jobs: readonly string[];
}

/**
 * A product table, one product a row: SKU | bin | price | order quantities `from-to/step` |
 * purchase-order case | what people call it | the name on pick lists and packing slips.
 * Rows of a `pairs` table go two by two: each pair are look-alikes on neighbouring bins.
 */
function products(table: string): Product[] {
  return table
    .trim()
    .split('\n')
    .map((row) => {
      const [sku, bin, price, qty, caseQty, short, name] = row
        .split('|')
        .map((cell) => cell.trim());
      const [from, to, step] = /^(\d+)-(\d+)\/(\d+)$/
        .exec(qty ?? '')!
        .slice(1)
        .map(Number);
      return {
        sku: sku!,
        name: name!,
        short: short!,
        price: Number(price),
        bin: bin!,
        qty: [from!, to!, step!],
        caseQty: Number(caseQty),
      };
    });
}

function pairs(table: string): [Product, Product][] {
  const list = products(table);
  return list.flatMap((item, i) =>
    i % 2 === 0 ? [[item, list[i + 1]!] as [Product, Product]] : [],
  );
}

function successor(table: string): [Product, Product] {
  const [old, next] = products(table);
  return [old!, next!];
}

const TRADES: readonly Trade[] = [
  {
    distributors: ['Northgate Plumbing & Heating Supply', 'Ashby Plumbing Merchants'],
    pairs: pairs(`
      PLB-CU15-EL90  | A-03-2 | 1.85 | 10-60/10 | 100 | 15 mm copper elbows            | Copper elbow 90°, 15 mm, solder ring
      PLB-CU22-EL90  | A-03-3 | 2.95 | 10-60/10 | 100 | 22 mm copper elbows            | Copper elbow 90°, 22 mm, solder ring
      PLB-PRV-15     | B-07-2 | 58   | 1-6/1    | 6   | 15 mm pressure reducing valves | Pressure reducing valve, 15 mm compression, 1.5–6 bar
      PLB-PRV-22     | B-07-3 | 64   | 1-6/1    | 6   | 22 mm pressure reducing valves | Pressure reducing valve, 22 mm compression, 1.5–6 bar
      PLB-PF15-TEE   | A-05-1 | 3.4  | 5-30/5   | 50  | 15 mm push-fit tees            | Push-fit equal tee, 15 mm, grey
      PLB-PF22-TEE   | A-05-2 | 4.6  | 5-30/5   | 50  | 22 mm push-fit tees            | Push-fit equal tee, 22 mm, grey
      PLB-ISO-15     | B-09-1 | 3.95 | 4-20/2   | 20  | 15 mm isolating valves         | Isolating valve, 15 mm, chrome, slotted
      PLB-ISO-22     | B-09-2 | 4.75 | 4-20/2   | 20  | 22 mm isolating valves         | Isolating valve, 22 mm, chrome, slotted
      PLB-FTC-300    | C-04-1 | 3.2  | 2-12/2   | 24  | 300 mm tap connectors          | Flexible tap connector, 15 mm x 1/2", 300 mm
      PLB-FTC-500    | C-04-2 | 3.6  | 2-12/2   | 24  | 500 mm tap connectors          | Flexible tap connector, 15 mm x 1/2", 500 mm
    `),
    singles: products(`
      PLB-PTFE-12    | C-01-4 | 0.65 | 5-20/5   | 200 | rolls of PTFE tape             | PTFE thread seal tape, 12 mm x 12 m
      PLB-EXP-8L     | C-12-1 | 46   | 1-3/1    | 6   | 8 litre expansion vessels      | Potable expansion vessel, 8 litre, wall bracket included
      PLB-CLIP-15    | D-02-1 | 1.9  | 5-25/5   | 100 | bags of 15 mm pipe clips       | Pipe clip, 15 mm, white, bag of 10
      PLB-TRAP-40    | D-05-3 | 6.2  | 2-10/1   | 20  | 40 mm bottle traps             | Bottle trap, 40 mm, anti-syphon
    `),
    successor: successor(`
      PLB-TRV15-ANG3 | B-11-1 | 18.4 | 2-10/1   | 20  | Series 3 radiator valves       | Thermostatic radiator valve, 15 mm angled, white (Series 3)
      PLB-TRV15-ANG4 | B-11-2 | 21.9 | 2-10/1   | 20  | Series 4 radiator valves       | Thermostatic radiator valve, 15 mm angled, white (Series 4)
    `),
    customers: {
      strategic: [
        { name: 'Riverside Housing Association', signOff: 'Helen Marsh, Planned Maintenance' },
        { name: 'County General Hospital, Estates', signOff: 'Ian Doherty, Estates Officer' },
        { name: 'Kingsbury Academy Trust', signOff: 'Ruth Ellison, Estates Manager' },
      ],
      contractor: [
        { name: 'Harbourside Plumbing & Heating', signOff: 'Gaz' },
        { name: 'Summit Mechanical Services', signOff: 'Mark' },
        { name: 'Kemp Plumbing', signOff: 'Rob Kemp' },
        { name: 'Apex Heating Engineers', signOff: 'Lee' },
      ],
      repeat: [
        { name: 'Maple Street Hardware', signOff: 'Dave @ Maple Street' },
        { name: 'Fairview Hardware', signOff: 'Sue, Fairview' },
        { name: 'Oakfield DIY', signOff: 'Sam @ Oakfield' },
      ],
    },
    fitter: 'the plumber',
    jobs: ['the Elm Road job', 'the flats on Mill Lane', 'the boiler swap in Hadley'],
  },
  {
    distributors: ['Brightline Electrical Wholesale', 'Volta Electrical Distributors'],
    pairs: pairs(`
      ELE-TE-15-100    | F-01-1 | 48.5 | 1-6/1    | 10  | drums of 1.5 mm² twin and earth | Twin and earth cable 1.5 mm², 100 m drum, grey
      ELE-TE-25-100    | F-01-2 | 72.9 | 1-6/1    | 10  | drums of 2.5 mm² twin and earth | Twin and earth cable 2.5 mm², 100 m drum, grey
      ELE-MCB-B16      | H-02-3 | 4.85 | 2-20/2   | 24  | B16 breakers                    | MCB type B, 16 A, single pole, 6 kA
      ELE-MCB-B32      | H-02-4 | 4.95 | 2-20/2   | 24  | B32 breakers                    | MCB type B, 32 A, single pole, 6 kA
      ELE-SKT-2G-WH    | J-01-1 | 3.1  | 5-40/5   | 50  | double sockets                  | Switched socket, double, 13 A, white moulded
      ELE-SKT-2G-USB   | J-01-2 | 14.5 | 2-20/2   | 20  | USB double sockets              | Switched socket, double, 13 A, white moulded, USB-A and USB-C
      ELE-WAGO-221-2   | K-01-1 | 18.6 | 1-5/1    | 10  | boxes of 2-way lever connectors | Lever connector, 2-way, 0.2–4 mm², box of 100
      ELE-WAGO-221-3   | K-01-2 | 22.4 | 1-5/1    | 10  | boxes of 3-way lever connectors | Lever connector, 3-way, 0.2–4 mm², box of 100
      ELE-GU10-5W-3K   | G-04-1 | 2.4  | 10-50/10 | 100 | warm white GU10 lamps           | LED GU10 lamp, 5 W, 3000 K warm white, 36°
      ELE-GU10-5W-4K   | G-04-2 | 2.4  | 10-50/10 | 100 | cool white GU10 lamps           | LED GU10 lamp, 5 W, 4000 K cool white, 36°
    `),
    singles: products(`
      ELE-DL-FR-6W     | G-07-3 | 11.2 | 6-40/2   | 40  | fire-rated downlights           | Fire-rated LED downlight, 6 W, 4000 K, white bezel
      ELE-CU-10W       | H-01-1 | 79   | 1-3/1    | 5   | 10 way consumer units           | Consumer unit, 10 way, dual RCD, metal
      ELE-EM-KIT-3H    | G-05-1 | 19.8 | 2-8/1    | 10  | emergency kits                  | Emergency conversion kit for LED panels, 3 hour, self-test
      ELE-TRUNK-25     | L-03-2 | 2.9  | 10-40/5  | 50  | lengths of mini trunking        | Mini trunking 25 x 16 mm, 3 m length, white
    `),
    successor: successor(`
      ELE-LED-P600-40W | G-02-1 | 24.5 | 4-30/2   | 20  | 40 W LED panels                 | LED panel 600 x 600, 40 W, 4000 K, 3600 lm, edge-lit
      ELE-LED-P600-36W | G-02-2 | 27.9 | 4-30/2   | 20  | 36 W LED panels                 | LED panel 600 x 600, 36 W, 4000 K, 4000 lm, back-lit (successor model)
    `),
    customers: {
      strategic: [
        { name: 'Northfield University Estates', signOff: 'Martin Cole, Maintenance Manager' },
        { name: 'Harbour View Hotels Group', signOff: 'Anita Shah, Facilities' },
        { name: 'Westmoor NHS Trust Estates', signOff: 'Paul Greaves, Estates' },
      ],
      contractor: [
        { name: 'Brightspark Electrical', signOff: 'Dan' },
        { name: 'Live Wire Contracting', signOff: 'Kieran' },
        { name: 'Volt & Co Electrical', signOff: 'Jess' },
        { name: 'Circuit Pro Installations', signOff: 'Mo' },
      ],
      repeat: [
        { name: 'Corner Lighting Shop', signOff: 'Pat' },
        { name: 'Handy Hardware', signOff: 'Len @ Handy' },
        { name: 'Ellis Home Improvements', signOff: 'Mia Ellis' },
      ],
    },
    fitter: 'the electrician',
    jobs: ['the office fit-out on Queen St', 'the school rewire', 'the shop unit on Bridge Rd'],
  },
  {
    distributors: ['Cornerstone Building Supplies', "Hartwell Builders' Merchants"],
    pairs: pairs(`
      BLD-PB-125-2400 | Y-01-1 | 9.85 | 10-80/10 | 100 | 12.5 mm plasterboards         | Plasterboard 12.5 mm, 1200 x 2400, tapered edge
      BLD-PB-95-2400  | Y-01-2 | 7.9  | 10-60/10 | 100 | 9.5 mm plasterboards          | Plasterboard 9.5 mm, 1200 x 2400, square edge
      BLD-SCR-DW-25   | K-06-1 | 12.6 | 1-10/1   | 20  | boxes of 25 mm drywall screws | Drywall screws 3.5 x 25 mm, coarse thread, box of 1000
      BLD-SCR-DW-38   | K-06-2 | 14.2 | 1-10/1   | 20  | boxes of 38 mm drywall screws | Drywall screws 3.5 x 38 mm, coarse thread, box of 1000
      BLD-CLS-24      | T-02-1 | 3.65 | 10-60/10 | 100 | 2.4 m CLS lengths             | CLS timber 38 x 63 mm, 2.4 m, regularised
      BLD-CLS-30      | T-02-2 | 4.45 | 10-60/10 | 100 | 3 m CLS lengths               | CLS timber 38 x 63 mm, 3.0 m, regularised
      BLD-CEM-25      | Y-05-1 | 6.9  | 5-40/5   | 56  | bags of cement                | General purpose cement, 25 kg bag
      BLD-MORT-25     | Y-05-2 | 5.8  | 5-40/5   | 56  | bags of mortar                | Ready-mixed mortar, 25 kg bag
      BLD-FOAM-750    | M-02-1 | 7.5  | 2-12/2   | 24  | cans of gun foam              | Expanding foam, gun grade, 750 ml
      BLD-FOAM-750-FR | M-02-2 | 9.9  | 2-12/2   | 24  | cans of fire-rated foam       | Fire-rated expanding foam, gun grade, 750 ml
    `),
    singles: products(`
      BLD-JC-10L      | L-02-4 | 16.4 | 2-10/1   | 24  | tubs of joint compound        | Ready-mixed joint compound, 10 litre tub
      BLD-STUD-C50    | Y-03-2 | 4.1  | 20-100/10 | 200 | 50 mm metal studs            | Metal stud, C-section 50 mm x 3 m
      BLD-INS-PIR-50  | Y-07-1 | 32.5 | 4-30/2   | 40  | 50 mm PIR boards              | PIR insulation board 50 mm, 1200 x 2400
      BLD-DPM-4X25    | Y-08-3 | 54   | 1-4/1    | 10  | rolls of DPM                  | Damp-proof membrane, 1200 gauge, 4 x 25 m
    `),
    successor: successor(`
      BLD-TA-20-CL    | N-01-1 | 18.5 | 2-12/1   | 48  | bags of Classic tile adhesive | Flexible tile adhesive, grey, 20 kg (Classic)
      BLD-TA-20-PRO   | N-01-2 | 21.4 | 2-12/1   | 48  | bags of Pro tile adhesive     | Flexible tile adhesive, grey, 20 kg (Pro, successor to Classic)
    `),
    customers: {
      strategic: [
        { name: 'Greenway Homes Ltd', signOff: 'Tom Reid, Buyer' },
        { name: 'Castlegate Council Housing Repairs', signOff: 'Janet Boyd, Repairs Supervisor' },
        { name: 'Millbrook Developments', signOff: 'Site office, Millbrook Plot 14' },
      ],
      contractor: [
        { name: 'Ashdown Drylining Ltd', signOff: 'Steve' },
        { name: 'Mendez Renovations', signOff: 'Carlos' },
        { name: 'Brick & Beam Builders', signOff: 'Phil' },
        { name: 'Northside Lofts', signOff: 'Jamie' },
      ],
      repeat: [
        { name: 'Town & Country Builders', signOff: 'Gary' },
        { name: 'Hillside Property Maintenance', signOff: 'Nina' },
        { name: 'Baxter Handyman Services', signOff: 'Rob Baxter' },
      ],
    },
    fitter: 'the builder',
    jobs: ['the loft conversion', 'the extension on Park Ave', 'the kitchen on Station Rd'],
  },
];

/** Home customers, for every trade. */
const PEOPLE: readonly string[] = [
  'Priya Nair',
  'Tom Hughes',
  'Lena Okafor',
  'Graham Petrie',
  'Dana Webb',
  'Sofia Marques',
  'Ahmed Rahman',
  'Joanna Kowalczyk',
  'Ben Carter',
  'Chloe Adeyemi',
  'Megan Price',
  'Oliver Grant',
];

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
type Intent = Extract<EventInput, { type: 'customer-message' }>['intent'];
type Voice = 'formal' | 'trade' | 'shop' | 'home';

const VOICE: Record<Tier, Voice> = {
  strategic: 'formal',
  contractor: 'trade',
  repeat: 'shop',
  standard: 'home',
};

interface MessageContext {
  order: string;
  item: string;
  qty: number;
  substitute: string;
  signOff: string;
  job: string;
  day: string;
  fitter: string;
}

/** Customer messages, by intent and by the customer's voice: how each kind of customer writes. */
const MESSAGES: Record<Intent, Record<Voice, readonly ((c: MessageContext) => string)[]>> = {
  'ask-status': {
    formal: [
      (c) =>
        `Good morning, could you confirm when the ${c.item} on order ${c.order} will be delivered? Our contractors need them on site by ${c.day}. Kind regards, ${c.signOff}`,
      (c) =>
        `Hello, we have not yet received a dispatch note for ${c.order}. Please let us know the delivery date for the ${c.item}, as the works programme depends on it. Regards, ${c.signOff}`,
    ],
    trade: [
      (c) =>
        `any news on the ${c.item}? need them for ${c.job} ${c.day.toLowerCase()}. ${c.signOff}`,
      (c) => `${c.order} - wheres the ${c.item}?? lads are waiting on them`,
    ],
    shop: [
      (c) =>
        `Morning, any update on the ${c.item}? Had customers in asking for them this week already. Cheers, ${c.signOff}`,
      (c) =>
        `Hi, the ${c.item} on ${c.order} haven't turned up yet and the shelf is empty. When can we expect them? ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Hi, I ordered ${c.qty} of the ${c.item} a few days ago and haven't had a dispatch email yet. Are they on their way? ${capitalise(c.fitter)} is booked for ${c.day}. Thanks, ${c.signOff}`,
      (c) =>
        `Hello, could you tell me what is happening with order ${c.order}? I need the ${c.item} by ${c.day}. Regards, ${c.signOff}`,
    ],
  },
  'wait-for-full': {
    formal: [
      (c) =>
        `Please hold order ${c.order} until everything can be delivered together; the site cannot take part deliveries. Regards, ${c.signOff}`,
    ],
    trade: [(c) => `dont send half of ${c.order}, send it all in one go when the ${c.item} are in`],
    shop: [
      (c) =>
        `Can you hang on to ${c.order} and send the lot together? Two deliveries is two lots of paperwork for us. ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Hi, I'd rather wait and get everything in one delivery, I won't be in for two. Thanks, ${c.signOff}`,
    ],
  },
  'accept-partial': {
    formal: [
      (c) =>
        `We can accept a part delivery on ${c.order} after all: please send what you have now and the ${c.item} when they arrive. Regards, ${c.signOff}`,
    ],
    trade: [(c) => `ok just send what u have today, the ${c.item} can follow`],
    shop: [
      (c) =>
        `Send us what you've got on ${c.order} now please, the ${c.item} can come on the next van. ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Actually, please send what you have now, the ${c.item} can come later. Thanks, ${c.signOff}`,
    ],
  },
  'accept-substitute': {
    formal: [
      (c) =>
        `The ${c.substitute} are acceptable in place of the ${c.item}, provided they fit the same way. Please send those at the price we were quoted for the originals. Regards, ${c.signOff}`,
    ],
    trade: [
      (c) => `fine, send the ${c.substitute} instead of the ${c.item}. same price as quoted yeah?`,
    ],
    shop: [
      (c) =>
        `Go on then, swap the ${c.item} for the ${c.substitute}. Same price as the old ones I hope! ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Oh that's a shame. If the ${c.substitute} do the same job, please send those instead. Thanks, ${c.signOff}`,
    ],
  },
  'cancel-line': {
    formal: [
      (c) =>
        `Please cancel the ${c.item} on order ${c.order} and refund the line; we will source an alternative. Regards, ${c.signOff}`,
    ],
    trade: [
      (c) => `just cancel the ${c.item} mate, we'll get them elsewhere. refund to the account pls`,
    ],
    shop: [
      (c) =>
        `Take the ${c.item} off ${c.order} please and credit the account, no point us waiting. ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Please cancel the ${c.item} and refund me, I'll find something locally. Thanks, ${c.signOff}`,
    ],
  },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---------------------------------------------------------------------------------------
// Building a shift

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

/** The longest summary the schema takes. */
const SUMMARY_MAX = 1000;

/**
 * One shift being drafted. Every choice draws on `rng` in a fixed sequence, so the same
 * seed and level make the same choices; the builder is used once and thrown away.
 */
class ShiftBuilder {
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
  ) {
    this.level = level;
    this.shape = LEVELS[level];
    this.id = randomScenarioId({ seed, level });
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
      case 'stock-count': {
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
          this.stories.push(
            `${clock} a cycle count finds ${onHand} x ${this.product(item.sku).short}`,
          );
        }
        return;
      }
      case 'ask-status':
        this.message(at, this.waiting(this.simulate()), 'ask-status');
        return;
      case 'change-terms': {
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
        return;
      }
      case 'accept-substitute':
      case 'cancel-line': {
        const state = this.simulate();
        const sku = this.discontinued!.sku;
        const waiting = state.orders.filter(
          (o) =>
            !this.choseOnEndedLine.has(o.id) &&
            o.lines.some((l) => l.sku === sku && openQty(l) > 0),
        );
        if (waiting.length === 0) this.message(at, this.waiting(state), 'ask-status');
        else {
          const order = pick(rng, waiting);
          this.choseOnEndedLine.add(order.id);
          this.message(at, order, kind, sku);
        }
        return;
      }
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
