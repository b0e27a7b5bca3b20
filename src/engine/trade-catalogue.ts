/**
 * What generated shifts are made of: three trades (plumbing and heating, electrical,
 * building supplies), each with believable products, look-alike pairs on neighbouring
 * bins, a line the manufacturer ends and its successor, distributors and customers who
 * sign their messages, and the home customers every trade serves. Data only: the shift
 * builder (./shift-builder.ts) draws from it.
 */

export interface Product {
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

export interface Contact {
  name: string;
  /** How they sign a message. */
  signOff: string;
}

export type Tier = 'strategic' | 'contractor' | 'repeat' | 'standard';
export const TIERS: readonly Tier[] = ['strategic', 'contractor', 'repeat', 'standard'];

export interface Trade {
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

export const TRADES: readonly Trade[] = [
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
export const PEOPLE: readonly string[] = [
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
