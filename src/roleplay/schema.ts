/**
 * The role-play format (issue 5) as one zod schema: the single source of truth for
 * role-play files in `simulations/roleplays/`, the TypeScript types, the content collection
 * and the JSON Schema editors read (`npm run schema`).
 *
 * A role-play is a customer persona and a conversation graph. Each node is something the
 * customer says and the replies the trainee may choose; each reply moves the customer's
 * mood, credits rubric items of the training guide and leads to another node or to an
 * ending. Cross-references and the shape of the graph are checked in `graph.ts`.
 *
 * This module imports only zod (and the engine's zod schema for the customer tier) so it
 * runs the same in the browser, the CLI and tests.
 */
import { z } from 'zod';
import { tier } from '../engine/schema';

/** The four situations the training guide asks staff to practise. */
export const SITUATIONS = [
  'partial-shipment',
  'backorder-slipped',
  'cancelled-backorder',
  'wrong-item',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/**
 * The rubric of the training guide (syllabus 4 and 5), in the order a debrief lists it:
 * acknowledge and apologise sincerely; a transparent, realistic date; alternatives (wait,
 * ship what is available, substitute, cancel with refund); a remedy where fitting; own the
 * next step; keep the record straight.
 */
export const RUBRIC_ITEMS = [
  'acknowledge-apologise',
  'transparent-date',
  'offer-alternatives',
  'offer-remedy',
  'take-ownership',
  'keep-record',
] as const;
export type RubricItemId = (typeof RUBRIC_ITEMS)[number];
export const rubricItemId = z.enum(RUBRIC_ITEMS);

/** How a conversation can end. */
export const OUTCOMES = ['resolved', 'escalated', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CHANNELS = ['phone', 'email', 'sms', 'chat'] as const;

/**
 * Node and ending ids: lower-case words joined by dashes. They start with a letter so a
 * YAML map keeps them in the order the author wrote them.
 */
const graphId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9-]*$/, { message: 'expected lower-case letters, digits and dashes' });

const text = (max: number) => z.string().trim().min(1).max(max);

/** ISO calendar date `2026-03-14`. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date like 2026-03-14' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    message: 'expected a real calendar date',
  });

export const orderItemSchema = z
  .object({
    sku: z.string().min(1).max(64).optional().describe('Stock-keeping unit, if the order has one.'),
    name: text(200).describe('Product name as the customer knows it.'),
    qty: z.number().int().positive().describe('Units ordered.'),
    status: z
      .enum(['shipped', 'backordered', 'cancelled', 'wrong-item', 'in-stock'])
      .describe('Where this line stands now.'),
    promiseDate: isoDate
      .optional()
      .describe('Expected date of what is still owed on this line; none when no date is known.'),
    note: text(300).optional().describe('Anything else the trainee can see on the line.'),
  })
  .strict();

export const orderFactsSchema = z
  .object({
    id: text(64).describe('Order number the customer quotes.'),
    placedOn: isoDate.describe('When the order was placed.'),
    items: z.array(orderItemSchema).min(1).describe('The order lines as the system shows them.'),
    today: isoDate.describe('The date the conversation takes place, so "Friday" has a meaning.'),
    notes: z
      .array(text(300))
      .default([])
      .describe(
        'Other facts on the order screen (promise history, purchase orders). Default `[]`.',
      ),
  })
  .strict();

export const personaSchema = z
  .object({
    name: text(80).describe('The customer as they introduce themselves.'),
    company: text(120).optional().describe('Their business, if they buy for one.'),
    tier: tier.describe(
      'Customer tier, as in scenarios: strategic, contractor, repeat or standard.',
    ),
    channel: z.enum(CHANNELS).describe('How they got in touch: phone, email, sms or chat.'),
    mood: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe('Mood at the start: 0 furious, 50 neutral, 100 delighted.'),
    happened: text(800).describe('What happened to their order, in the words of the briefing.'),
    wants: text(400).describe('What they need, which the trainee has to find out or respect.'),
    order: orderFactsSchema.describe('The order facts the trainee can see on screen.'),
  })
  .strict();

export const rubricItemSchema = z
  .object({
    id: rubricItemId.describe(
      'Which item of the training guide: acknowledge-apologise, transparent-date, offer-alternatives, offer-remedy, take-ownership or keep-record.',
    ),
    points: z.number().int().positive().max(100).describe('Points this item is worth, once.'),
    hint: text(300)
      .optional()
      .describe('What this item means in this conversation, shown in the debrief.'),
    phrases: z
      .array(text(80))
      .default([])
      .describe(
        'Extra words or phrases that credit this item in a typed reply, on top of the standard ones in src/roleplay/matcher.ts (case does not matter; whole words). Default `[]`.',
      ),
    patterns: z
      .array(text(200))
      .default([])
      .describe(
        'Extra regular expressions (JavaScript syntax, matched without case) that credit this item. Default `[]`.',
      ),
    unless: z
      .array(text(80))
      .default([])
      .describe(
        'Extra phrases that make a match in the same sentence hollow, e.g. "any inconvenience". Default `[]`.',
      ),
  })
  .strict();
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const optionSchema = z
  .object({
    text: text(600).describe('What the trainee says.'),
    next: graphId.describe('The node or ending this reply leads to.'),
    mood: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .default(0)
      .describe("How much this reply moves the customer's mood (-100 to 100). Default `0`."),
    credits: z
      .array(rubricItemId)
      .default([])
      .describe('Rubric items this reply earns. Default `[]`.'),
    feedback: text(600).describe('Why this reply helps or hurts, shown to the trainee.'),
  })
  .strict();
export type ReplyOption = z.infer<typeof optionSchema>;

export const nodeSchema = z
  .object({
    customer: text(1200).describe('What the customer says at this point.'),
    options: z
      .array(optionSchema)
      .describe('The replies the trainee may choose from, in the order they are shown.'),
    freeText: z
      .boolean()
      .default(true)
      .describe(
        'Whether the trainee may type their own reply here (it follows the closest option). Default `true`.',
      ),
  })
  .strict();
export type ConversationNode = z.infer<typeof nodeSchema>;

export const endingSchema = z
  .object({
    outcome: z.enum(OUTCOMES).describe('resolved, escalated (to a supervisor) or lost.'),
    customer: text(1200).describe("The customer's closing line."),
    summary: text(600).describe('What happened next, shown in the debrief.'),
  })
  .strict();
export type Ending = z.infer<typeof endingSchema>;

export const roleplaySchema = z
  .object({
    id: graphId.describe('Equals the file name without `.yaml`.'),
    title: text(120).describe('Title on the role-play list.'),
    situation: z
      .enum(SITUATIONS)
      .describe('partial-shipment, backorder-slipped, cancelled-backorder or wrong-item.'),
    briefing: text(1500).describe('What the trainee is told before the conversation starts.'),
    persona: personaSchema.describe('The customer.'),
    rubric: z
      .array(rubricItemSchema)
      .min(1)
      .describe('The rubric items this conversation scores, each at most once.'),
    start: graphId.describe('The node the conversation starts at.'),
    nodes: z
      .record(graphId, nodeSchema)
      .describe('Conversation nodes by id: a customer line and the reply options.'),
    endings: z
      .record(graphId, endingSchema)
      .describe('Endings by id: resolved, escalated or lost, with a closing line.'),
  })
  .strict();
export type Roleplay = z.infer<typeof roleplaySchema>;
