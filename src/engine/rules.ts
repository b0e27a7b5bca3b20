/**
 * The rule catalogue: every way the order desk is scored, as data. The scorer deducts by
 * these ids and points, the debrief and the desk show their titles and descriptions, the
 * course teaches them, and `sim rules` prints them. A trainee can read every rule before
 * the shift instead of learning it from a deduction.
 *
 * `guide` names the section of the training guide (PRODUCT.md, "What the course covers")
 * that the rule puts into practice.
 */
import type { Competency } from './schema';

export interface RuleDefinition {
  id: string;
  competency: Competency;
  /** Points taken from the competency each time the rule is broken. */
  points: number;
  /** A critical error fails the shift whatever the total. */
  critical: boolean;
  /** What good practice is, in a few words. */
  title: string;
  /** What good practice is and why, in plain words. */
  description: string;
  /** When the rule is checked. */
  applies: string;
  /** The training guide's section this rule practises (1-8). */
  guide: number;
}

const CATALOGUE = [
  {
    id: 'customer-not-told',
    competency: 'communication',
    points: 30,
    critical: true,
    title: 'Tell every customer whose order is backordered',
    description:
      'A customer who finds out about a backorder only when the goods do not arrive stops trusting you. Send a notice that names the backordered items, their quantities and the realistic date, before the deadline of the policy.',
    applies:
      'When an order has backordered units and the customer has not been told within the notice window (policy notifyWithinHours).',
    guide: 4,
  },
  {
    id: 'notice-late',
    competency: 'communication',
    points: 15,
    critical: false,
    title: 'Send the backorder notice within the notice window',
    description:
      'A notice that arrives after the deadline still helps, but the customer lost time to plan. Send it as soon as the backorder is known.',
    applies:
      'When the customer was told of a backorder, but only after the notice window had passed.',
    guide: 4,
  },
  {
    id: 'update-overdue',
    competency: 'communication',
    points: 15,
    critical: false,
    title: 'Update the customer when the situation changes',
    description:
      'When a promise date moves, an item is discontinued or quantities change, the last notice is no longer true. Tell the customer the new situation within the notice window.',
    applies:
      'When a customer who was told earlier now has a different situation (items, quantities or date) and no new notice within the window.',
    guide: 4,
  },
  {
    id: 'status-request-unanswered',
    competency: 'communication',
    points: 10,
    critical: false,
    title: 'Answer every status request',
    description:
      'A customer who asks where their order is gets an answer with the current date from the system, within the notice window. A notice on that order counts as the answer.',
    applies:
      'When a customer message asks about an order and no notice on that order follows within the window.',
    guide: 4,
  },
  {
    id: 'notice-wrong-channel',
    competency: 'communication',
    points: 5,
    critical: false,
    title: 'Use the channel the customer chose',
    description:
      'Customers choose email or SMS for a reason. A notice on the other channel may never be read.',
    applies: "Each notice whose channel differs from the customer's preferred contact.",
    guide: 2,
  },
  {
    id: 'notice-wrong-date',
    competency: 'communication',
    points: 10,
    critical: false,
    title: 'Promise the date the system gives',
    description:
      'Promise the date the incoming purchase orders support, taken from the system, not a hopeful guess. When no supply is coming, say that no date is known yet.',
    applies: "Each notice on a backordered order whose promise date differs from the system's.",
    guide: 4,
  },
  {
    id: 'notice-missing-items',
    competency: 'communication',
    points: 10,
    critical: false,
    title: 'Name every backordered item and quantity',
    description:
      'The customer must know exactly what is missing: every backordered item, with its quantity.',
    applies: 'Each notice on a backordered order that leaves out or miscounts a backordered item.',
    guide: 4,
  },
  {
    id: 'notice-missing-options',
    competency: 'communication',
    points: 5,
    critical: false,
    title: 'Offer the options the situation calls for',
    description:
      'A backorder notice gives the customer a real choice, and which choice depends on the situation: to wait or have what is ready sent now, when part of the order is ready and may ship in parts; to wait or cancel, when the customer wants one complete delivery or nothing is ready to go; a substitute (where the catalog lists one) or cancelling for a refund, when no date can be given.',
    applies: 'Each notice on a backordered order that leaves out an option the situation requires.',
    guide: 4,
  },
  {
    id: 'notice-no-apology',
    competency: 'communication',
    points: 5,
    critical: false,
    title: 'Apologise sincerely',
    description:
      'A sincere apology for the wait, without excuses, belongs in every backorder notice.',
    applies: 'Each notice on a backordered order without an apology.',
    guide: 4,
  },
  {
    id: 'wrong-backorder-type',
    competency: 'basics',
    points: 15,
    critical: false,
    title: 'Record the right backorder type',
    description:
      'An active backorder has supply coming and is filled later; a cancelled backorder has none (discontinued, no purchase order) and needs a refund or substitute.',
    applies: 'Each backorder record line whose type differs from the situation.',
    guide: 1,
  },
  {
    id: 'partial-not-recognised',
    competency: 'basics',
    points: 10,
    critical: false,
    title: 'Recognise a partial backorder',
    description:
      'An order is a partial backorder when part of it ships (or is reserved to ship) while the rest waits. Record it as such.',
    applies: 'Each backorder record whose partial flag differs from the order.',
    guide: 1,
  },
  {
    id: 'stock-not-checked',
    competency: 'tracking',
    points: 5,
    critical: false,
    title: 'Check stock before reserving it',
    description:
      'Verify stock before confirming: check an item after any delivery, count or reservation changed it, then reserve. Reserving blind is how orders get promised twice.',
    applies:
      'When units of an item are reserved without a stock check since its stock last changed (once per change).',
    guide: 7,
  },
  {
    id: 'restocked-backorder-lost',
    competency: 'tracking',
    points: 20,
    critical: false,
    title: 'Fill backorders as soon as stock arrives',
    description:
      'A delivery that sits on the shelf while customers wait is a restocked backorder lost. Run allocation after every receipt.',
    applies:
      'When a stock receipt made allocation possible and waiting orders were not served within the window.',
    guide: 7,
  },
  {
    id: 'backorder-record-stale',
    competency: 'tracking',
    points: 10,
    critical: false,
    title: 'Keep backorder records true',
    description:
      'When quantities, types or dates change, update the backorder record so the next person reads the truth. Update it by hand when automatic tracking does not.',
    applies:
      'When an existing backorder record no longer matches the order for longer than the window.',
    guide: 2,
  },
  {
    id: 'partial-not-announced',
    competency: 'partial-shipments',
    points: 15,
    critical: false,
    title: 'Tell the customer before shipping part of an order',
    description:
      'Tell the customer up front what ships now and what follows, and offer to wait for one complete delivery, before the first parcel leaves.',
    applies:
      'When a shipment leaves part of an order behind and the customer has had no notice on it.',
    guide: 3,
  },
  {
    id: 'shipment-late',
    competency: 'partial-shipments',
    points: 10,
    critical: false,
    title: 'Ship what is ready',
    description:
      'Reserved stock that the rules let leave should be picked, packed and shipped within the window.',
    applies: 'When an order has had shippable reserved stock for longer than the window.',
    guide: 3,
  },
  {
    id: 'refused-shipping-step',
    competency: 'partial-shipments',
    points: 5,
    critical: false,
    title: 'Pick and pack only what is reserved',
    description:
      'Pick only reserved units, pack what is picked, never split a line the policy keeps whole, and ship complete-only orders whole.',
    applies:
      'Each shipping step the system refuses as an error: picking more than reserved, packing nothing, splitting a line, shipping a complete-only order incomplete.',
    guide: 3,
  },
  {
    id: 'backorder-not-recorded',
    competency: 'documentation',
    points: 15,
    critical: false,
    title: 'Record every backorder',
    description:
      'A backorder record with customer, items, type and expected date is what the next shift, sales and auditors read.',
    applies: 'When a backordered order has no backorder record within the window.',
    guide: 5,
  },
  {
    id: 'record-inaccurate',
    competency: 'documentation',
    points: 5,
    critical: false,
    title: 'Record accurate quantities and dates',
    description:
      'Every backordered item, with its quantity and promise date, exactly as the system shows.',
    applies: "Each backorder record whose lines differ from the order's backordered items.",
    guide: 5,
  },
  {
    id: 'team-not-informed',
    competency: 'documentation',
    points: 10,
    critical: false,
    title: 'Inform the teams an event affects',
    description:
      'Customer service takes the calls about delayed orders, sales must stop selling discontinued items, and the warehouse must not pick stock a count took away. Which teams hear of which event is the policy (informTeams); a note to any of them counts.',
    applies:
      'When an event the policy names happens and no note goes to one of its teams within the window.',
    guide: 5,
  },
  {
    id: 'out-of-rank-order',
    competency: 'prioritization',
    points: 20,
    critical: false,
    title: 'Serve orders in priority order',
    description:
      'Short stock goes to the highest-ranked order first, by the ranking the policy sets (urgency, customer tier, value, date placed). "Allocate by the rules" always does.',
    applies: 'Each reservation that leaves a higher-ranked order short of the same item.',
    guide: 6,
  },
  {
    id: 'stock-not-allocated',
    competency: 'prioritization',
    points: 15,
    critical: false,
    title: 'Allocate available stock to waiting orders',
    description:
      'Stock on the shelf while orders wait for it should be reserved for them within the window.',
    applies:
      'When the allocation rules could give stock to waiting orders for longer than the window.',
    guide: 6,
  },
  {
    id: 'escalation-missed',
    competency: 'prioritization',
    points: 15,
    critical: false,
    title: 'Escalate an important order with no date',
    description:
      'When no supply covers a backordered line on a high-priority order (flagged, critical or high urgency, contractor or strategic customer), a supervisor must know.',
    applies: 'When such an order is not escalated within the window.',
    guide: 6,
  },
  {
    id: 'flag-missed',
    competency: 'prioritization',
    points: 10,
    critical: false,
    title: 'Flag critical backorders',
    description:
      'A backordered order of critical urgency carries the high-priority flag so everyone serves it first.',
    applies: 'When a backordered critical order is not flagged within the window.',
    guide: 6,
  },
  {
    id: 'wrong-item-shipped',
    competency: 'error-prevention',
    points: 40,
    critical: true,
    title: 'Ship the item ordered',
    description:
      'Look-alike items sit in neighbouring bins. Check the item against the pick list before it ships; a wrong item costs a return, a reshipment and the customer.',
    applies: 'Each shipment line picked from another SKU than the one ordered.',
    guide: 7,
  },
  {
    id: 'verification-skipped',
    competency: 'error-prevention',
    points: 10,
    critical: false,
    title: 'Have a second person verify',
    description:
      'When the policy requires it, a second person verifies the packed parcel before it ships; nobody verifies their own packing.',
    applies:
      'Each shipment the system refuses because it was not verified, or was verified by the packer.',
    guide: 7,
  },
] as const satisfies readonly RuleDefinition[];

export type Rule = (typeof CATALOGUE)[number]['id'];

/** Every rule, in the order the debrief and `sim rules` list them. */
export const RULE_CATALOGUE: readonly RuleDefinition[] = CATALOGUE;

/** Rules by id. */
export const RULES = Object.fromEntries(CATALOGUE.map((rule) => [rule.id, rule])) as Record<
  Rule,
  RuleDefinition
>;

export function isRule(id: string): id is Rule {
  return Object.hasOwn(RULES, id);
}

/** What `sim rules` prints: the catalogue's public fields. */
export function publicCatalogue() {
  return RULE_CATALOGUE.map(({ id, competency, points, critical, title, description }) => ({
    id,
    competency,
    points,
    critical,
    title,
    description,
  }));
}
