/**
 * The codes of a role-play file (situations, rubric items, outcomes, channels) as plain
 * constants, without zod, so the player's islands can use them without shipping the schema.
 * `schema.ts` builds its enums from these.
 */

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

/** How a conversation can end. */
export const OUTCOMES = ['resolved', 'escalated', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CHANNELS = ['phone', 'email', 'sms', 'chat'] as const;
