/**
 * The scenario format of docs/engine.md section 1, as one zod schema: the single source of
 * truth for scenario files, the TypeScript types (`z.infer`), the content collection
 * and the JSON Schema that authors' editors read (`npm run schema`).
 *
 * This module imports only zod, the input limits, the rule ids and the competencies, so it runs
 * the same in the browser, the CLI and tests.
 */
import { z } from 'zod';
import { COMPETENCIES, type Competency } from './competencies';
import { isRule } from './rules';
import { MAX_PRICE, MAX_QUANTITY } from './limits';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** Month names, January first: the calendar check and the customer's dates both say them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Gregorian leap years: every fourth, but not centuries unless divisible by 400. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What makes a `YYYY-MM-DDTHH:mm` value impossible on the calendar or the clock, or null.
 * `Date.parse` cannot judge this: it rolls 2026-02-30 over to March 2 and reads 24:00 as
 * the next midnight, so a file could name a day that does not exist.
 */
export function calendarProblem(value: string): string | null {
  if (!LOCAL_DATE_TIME.test(value)) return null; // the form is the pattern's to report
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = value.split(/[-T:]/).map(Number);
  if (month < 1 || month > 12) return `there is no month ${value.slice(5, 7)}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  if (hour > 23) return 'hours run from 00 to 23 (midnight is 00:00 of the next day)';
  if (minute > 59) return 'minutes run from 00 to 59';
  return null;
}

/** ISO 8601 local date-time without a zone, to the minute: `2026-03-02T09:00`. */
export const localDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, {
    message: 'expected a local date-time like 2026-03-02T09:00',
  })
  .superRefine((value, ctx) => {
    const problem = calendarProblem(value);
    if (problem)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${value} is not a real date and time: ${problem}`,
      });
  });

const identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'expected letters, digits, dot, dash or underscore',
  });

/** `1,000,000,000`: limits as people read them. */
const grouped = (value: number) => value.toLocaleString('en-US');

/**
 * A count of units: a whole number up to `MAX_QUANTITY`. The cap also keeps out numbers
 * too large to be exact (2^53 + 1 reads as 2^53), which would otherwise be silently rounded.
 */
const quantity = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_QUANTITY, { message: `expected at most ${grouped(MAX_QUANTITY)} units` });
const positiveQuantity = z
  .number()
  .int()
  .positive()
  .max(MAX_QUANTITY, { message: `expected at most ${grouped(MAX_QUANTITY)} units` });
const price = z
  .number()
  .nonnegative()
  .finite()
  .max(MAX_PRICE, { message: `expected a price of at most ${grouped(MAX_PRICE)}` });

export { COMPETENCIES };
export const competency = z.enum(COMPETENCIES);
export type { Competency };

export const URGENCIES = ['critical', 'high', 'normal', 'low'] as const;
export const TIERS = ['strategic', 'contractor', 'repeat', 'standard'] as const;
export const RANK_KEYS = ['flagged', 'urgency', 'tier', 'value', 'placedAt'] as const;
export const urgency = z.enum(URGENCIES);
export const tier = z.enum(TIERS);
export const rankKey = z.enum(RANK_KEYS);
const team = z.enum(['warehouse', 'sales', 'customer-service']);
export const shipPreference = z.enum(['ship-available', 'ship-complete']);
export type ShipPreference = z.infer<typeof shipPreference>;

/**
 * One objective of a scenario: plain words, or words with the rules (`sim rules`) that
 * score it, so the briefing can say exactly what is judged. Kept as written (a string stays
 * a string) so a scenario's content hash does not change when nothing in it did.
 */
export const objectiveSchema = z.union([
  z.string().min(1).max(300),
  z
    .object({
      text: z.string().min(1).max(300),
      rules: z
        .array(
          z.string().refine(isRule, (id) => ({
            message: `unknown rule "${id}": \`sim rules\` lists every rule id`,
          })),
        )
        .max(30)
        .default([]),
    })
    .strict(),
]);
export type Objective = z.infer<typeof objectiveSchema>;

/** An objective as words and the rules it names. */
export function objectiveParts(objective: Objective): { text: string; rules: string[] } {
  return typeof objective === 'string' ? { text: objective, rules: [] } : objective;
}

/** The company's rules (docs/engine.md section 2). Every field has a default. */
export const policySchema = z
  .object({
    rankBy: z
      .array(rankKey)
      .default(['flagged', 'urgency', 'tier', 'value', 'placedAt'])
      .describe(
        'Ranking keys, most important first. Default `[flagged, urgency, tier, value, placedAt]`.',
      ),
    allowPartialShipments: z
      .boolean()
      .default(true)
      .describe('Company-wide: false means every order ships complete. Default `true`.'),
    splitLines: z
      .boolean()
      .default(true)
      .describe('A line may ship part of its quantity. Default `true`.'),
    shipComplete: z
      .enum(['all-or-nothing', 'reserve-partial'])
      .default('all-or-nothing')
      .describe('How a ship-complete order is allocated. Default `all-or-nothing`.'),
    notifyWithinHours: z
      .number()
      .positive()
      .max(24 * 14)
      .default(4)
      .describe(
        'A customer must be told of a new backorder within this many simulated hours. Default `4`.',
      ),
    verifyShipments: z
      .boolean()
      .default(false)
      .describe('A second person must verify a shipment before it leaves. Default `false`.'),
    informTeams: z
      .object({
        'po-delayed': z.array(team).min(1).optional(),
        'sku-discontinued': z.array(team).min(1).optional(),
        'stock-count': z.array(team).min(1).optional(),
      })
      .strict()
      .optional()
      .describe(
        'Which teams must hear of which event; a note to any team named counts. Defaults: `po-delayed: [customer-service]`, `sku-discontinued: [sales]`, `stock-count: [warehouse]`.',
      ),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.rankBy.forEach((key, index) => {
      if (seen.has(key))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['rankBy', index],
          message: `ranking key "${key}" is listed twice`,
        });
      seen.add(key);
    });
  });
export type Policy = z.infer<typeof policySchema>;

/** A purchase order expected from a supplier. */
export const incomingSchema = z
  .object({
    po: identifier.describe('Purchase order number, unique across the scenario.'),
    qty: positiveQuantity.describe('Units still expected on this PO.'),
    eta: localDateTime.describe('Expected arrival.'),
  })
  .strict();

export const catalogItemSchema = z
  .object({
    sku: identifier.describe('Stock-keeping unit, unique in the catalog.'),
    name: z
      .string()
      .min(1)
      .max(200)
      .describe('Product name as printed on pick lists and packing slips.'),
    price: price.describe('Unit price.'),
    onHand: quantity.describe('Units physically in the warehouse at `startsAt`.'),
    bin: z.string().min(1).max(32).describe('Storage location, e.g. `A-03-2`.'),
    lifecycle: z
      .enum(['active', 'discontinued'])
      .default('active')
      .describe('`discontinued` means no new supply will come. Default `active`.'),
    incoming: z
      .array(incomingSchema)
      .default([])
      .describe('Open purchase orders for this SKU. Default none.'),
    substitutes: z
      .array(identifier)
      .default([])
      .describe('SKUs that may replace this one, best first. Default none.'),
    lookalikes: z
      .array(identifier)
      .default([])
      .describe('SKUs a picker can confuse this one with. Default none.'),
  })
  .strict();
export type CatalogItem = z.infer<typeof catalogItemSchema>;

export const customerSchema = z
  .object({
    id: identifier.describe('Customer number, unique in the scenario.'),
    name: z.string().min(1).max(200).describe('Name as staff see it.'),
    tier: tier.describe(
      'Commercial tier used by ranking: strategic > contractor > repeat > standard.',
    ),
    contact: z.enum(['email', 'sms']).describe('How notices reach this customer.'),
  })
  .strict();
export type Customer = z.infer<typeof customerSchema>;

export const orderLineSchema = z
  .object({
    sku: identifier,
    qty: positiveQuantity.describe('Units ordered; at least one.'),
    price: price.optional().describe('Unit price on this order. Default: the catalog price.'),
  })
  .strict();

export const orderSchema = z
  .object({
    id: identifier.describe('Order number, unique in the scenario (events included).'),
    customer: identifier.describe('Customer id.'),
    placedAt: localDateTime,
    urgency: urgency.default('normal').describe('Default `normal`.'),
    shipPreference: shipPreference.default('ship-available').describe('Default `ship-available`.'),
    flagged: z
      .boolean()
      .default(false)
      .describe('Flagged as high priority by staff. Default false.'),
    lines: z.array(orderLineSchema).min(1),
  })
  .strict();
export type OrderInput = z.infer<typeof orderSchema>;

export const CUSTOMER_INTENTS = [
  'ask-status',
  'cancel-line',
  'accept-partial',
  'wait-for-full',
  'accept-substitute',
] as const;

const at = localDateTime.describe(
  'When it happens: not before `startsAt`, not after `endsAt`, in time order.',
);

/** What happens while the clock runs (docs/engine.md section 5). Each event has a time `at`. */
export const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order-placed'), at, order: orderSchema }).strict(),
  z.object({ type: z.literal('stock-received'), at, po: identifier, qty: quantity }).strict(),
  z.object({ type: z.literal('po-delayed'), at, po: identifier, eta: localDateTime }).strict(),
  z.object({ type: z.literal('sku-discontinued'), at, sku: identifier }).strict(),
  z.object({ type: z.literal('stock-count'), at, sku: identifier, onHand: quantity }).strict(),
  z
    .object({
      type: z.literal('customer-message'),
      at,
      order: identifier,
      intent: z.enum(CUSTOMER_INTENTS),
      sku: identifier
        .optional()
        .describe(
          'The line the message is about; required for `cancel-line` and `accept-substitute`.',
        ),
      text: z.string().min(1).max(2000).describe('What the customer wrote or said, shown as text.'),
    })
    .strict(),
]);
export type ScenarioEvent = z.infer<typeof eventSchema>;
export type EventType = ScenarioEvent['type'];

export const scenarioSchema = z
  .object({
    id: identifier.describe('Equals the file name without extension.'),
    title: z.string().min(1).max(120).describe('Shown in the scenario list and the briefing.'),
    summary: z.string().min(1).max(1000).describe('What the shift is about, in a sentence or two.'),
    level: z
      .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
      .describe('0 a guided first shift, 1 beginner, 2 intermediate, 3 advanced.'),
    competencies: z
      .array(competency)
      .min(1)
      .describe('Competencies this scenario trains (docs/engine.md section 8).'),
    objectives: z
      .array(objectiveSchema)
      .default([])
      .describe(
        'What the trainee should do in the shift, each in words and, where it is scored, with the ids of the rules that score it (`sim rules`). Default none.',
      ),
    estimatedMinutes: z
      .number()
      .int()
      .positive()
      .max(240)
      .default(20)
      .describe('Rough length of a shift for a trainee, in real minutes. Default 20.'),
    startsAt: localDateTime.describe("The simulated clock's start, e.g. 2026-03-02T08:00."),
    endsAt: localDateTime.describe('The end of the shift.'),
    policy: policySchema.default({}).describe("The company's rules; every field has a default."),
    catalog: z.array(catalogItemSchema).min(1).describe('Every SKU in the warehouse.'),
    customers: z.array(customerSchema).min(1).describe('Every customer the orders name.'),
    orders: z.array(orderSchema).default([]).describe('Open orders at `startsAt`. Default none.'),
    events: z
      .array(eventSchema)
      .default([])
      .describe('Events in time order, none before `startsAt` or after `endsAt`. Default none.'),
  })
  .strict();

/** A scenario after parsing: every default filled in. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as an author writes it: defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
