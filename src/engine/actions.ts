/**
 * Trainee actions (ENGINE.md section 8): what a person at the order desk does. Each action
 * is a log entry; the engine applies it or refuses it with a reason, the way an inventory
 * system refuses to ship more than is reserved.
 */
import { z } from 'zod';
import {
  allocateOrder,
  applyGrants,
  availableBySku,
  releaseUnits,
  type LineGrant,
} from './allocation';
import { cancelLine, substituteLine } from './cancellation';
import { localDateTime } from './schema';
import { pack, pick, requestVerification, ship, verify } from './shipping';
import {
  COMPENSATIONS,
  CUSTOMER_OPTIONS,
  NOTICE_KINDS,
  isCompleteOnly,
  openQty,
  withOrder,
  type EngineState,
} from './state';
import { refuse, type Outcome } from './outcome';

const id = z.string().min(1).max(64);
const qty = z.number().int().positive();
const skuQty = z.object({ sku: id, qty: z.number().int().nonnegative() }).strict();

/** Fields every log entry has: when, and who (default `trainee`). */
const entry = {
  at: localDateTime,
  /** Who did it; verification needs a second person. Default `trainee`. */
  by: z.string().min(1).max(80).optional(),
};

export const noticeContentSchema = z
  .object({
    shipped: z.array(skuQty).default([]),
    backordered: z.array(skuQty).default([]),
    /** The date promised to the customer, or null for "no date yet". */
    promiseDate: localDateTime.nullable(),
    options: z.array(z.enum(CUSTOMER_OPTIONS)).default([]),
    apology: z.boolean().default(false),
    compensation: z.enum(COMPENSATIONS).default('none'),
  })
  .strict();

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('check-stock'), ...entry, sku: id }).strict(),
  z
    .object({
      type: z.literal('allocate'),
      ...entry,
      order: id,
      /** Units per SKU; omitted, the order gets what the rules give it from available stock. */
      lines: z.array(z.object({ sku: id, qty }).strict()).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('release'),
      ...entry,
      order: id,
      sku: id.optional(),
      qty: qty.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('pick'),
      ...entry,
      order: id,
      sku: id,
      qty,
      /** The SKU actually taken from the shelf. Default: `sku`. */
      picked: id.optional(),
    })
    .strict(),
  z.object({ type: z.literal('pack'), ...entry, order: id }).strict(),
  z.object({ type: z.literal('request-verification'), ...entry, order: id }).strict(),
  z.object({ type: z.literal('verify'), ...entry, order: id }).strict(),
  z.object({ type: z.literal('ship'), ...entry, order: id }).strict(),
  z
    .object({
      type: z.literal('record-backorder'),
      ...entry,
      order: id,
      /** The order is a partial backorder: part of it ships, the rest waits. */
      partial: z.boolean(),
      lines: z
        .array(
          z
            .object({
              sku: id,
              qty,
              backorderType: z.enum(['active', 'cancelled']),
              promiseDate: localDateTime.nullable(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('notify-customer'),
      ...entry,
      order: id,
      channel: z.enum(['email', 'sms']),
      kind: z.enum(NOTICE_KINDS),
      content: noticeContentSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('inform-team'),
      ...entry,
      team: z.enum(['warehouse', 'sales', 'customer-service']),
      order: id.optional(),
      sku: id.optional(),
      note: z.string().min(1).max(2000),
    })
    .strict(),
  z.object({ type: z.literal('flag-priority'), ...entry, order: id }).strict(),
  z
    .object({
      type: z.literal('escalate'),
      ...entry,
      order: id,
      reason: z.string().min(1).max(2000),
    })
    .strict(),
  z.object({ type: z.literal('cancel-line'), ...entry, order: id, sku: id }).strict(),
  z
    .object({ type: z.literal('substitute'), ...entry, order: id, sku: id, with: id.optional() })
    .strict(),
  z.object({ type: z.literal('advance-clock'), ...entry }).strict(),
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action['type'];
export const ACTION_TYPES: readonly ActionType[] = actionSchema.options.map(
  (option) => option.shape.type.value,
);

/** The person an action is booked to. */
export function actorOf(action: { by?: string | undefined }): string {
  return action.by ?? 'trainee';
}

/** Apply one action at `state.now` (the caller has moved the clock to `action.at`). */
export function applyAction(state: EngineState, action: Action): Outcome {
  if (action.type === 'advance-clock' || action.type === 'check-stock') {
    if (action.type === 'check-stock' && !state.skus[action.sku])
      return refuse('unknown-sku', `There is no SKU ${action.sku}.`);
    return { state };
  }
  if (action.type === 'inform-team')
    return { state: { ...state, teamNotes: [...state.teamNotes, noteOf(action)] } };

  const order = state.orders.find((candidate) => candidate.id === action.order);
  if (!order) return refuse('unknown-order', `There is no order ${action.order}.`);
  const by = actorOf(action);

  switch (action.type) {
    case 'allocate':
      return allocate(state, action);
    case 'release': {
      let next = state;
      let released = 0;
      order.lines.forEach((line, index) => {
        if (action.sku && line.sku !== action.sku) return;
        const want =
          action.qty === undefined
            ? line.allocated
            : Math.min(line.allocated, action.qty - released);
        if (want <= 0) return;
        next = releaseUnits(next, order.id, index, want);
        released += want;
      });
      if (released === 0)
        return refuse(
          'nothing-reserved',
          `Nothing is reserved for order ${order.id}${action.sku ? ` on ${action.sku}` : ''}.`,
        );
      return { state: next };
    }
    case 'pick':
      return pick(state, order, action.sku, action.qty, action.picked ?? action.sku, by);
    case 'pack':
      return pack(state, order, by);
    case 'request-verification':
      return requestVerification(state, order);
    case 'verify':
      return verify(state, order, by);
    case 'ship':
      return ship(state, order);
    case 'record-backorder':
      return {
        state: {
          ...state,
          backorderRecords: [
            ...state.backorderRecords,
            {
              order: order.id,
              at: state.now,
              partial: action.partial,
              lines: action.lines.map((line) => ({ ...line })),
            },
          ],
        },
      };
    case 'notify-customer': {
      // The channel is not refused here (a mail system sends whatever staff choose); scoring
      // checks it against the channel the customer asked for.
      return {
        state: {
          ...state,
          notifications: [
            ...state.notifications,
            {
              order: order.id,
              customer: order.customer,
              channel: action.channel,
              at: state.now,
              kind: action.kind,
              ...action.content,
            },
          ],
        },
      };
    }
    case 'flag-priority':
      if (order.flagged) return refuse('already-flagged', `Order ${order.id} is already flagged.`);
      return { state: withOrder(state, { ...order, flagged: true }) };
    case 'escalate':
      return {
        state: {
          ...withOrder(state, { ...order, escalated: true }),
          escalations: [
            ...state.escalations,
            { order: order.id, at: state.now, reason: action.reason },
          ],
        },
      };
    case 'cancel-line':
      return cancelLine(state, order.id, action.sku);
    case 'substitute':
      return substituteLine(state, order.id, action.sku, action.with);
  }
}

function noteOf(action: Extract<Action, { type: 'inform-team' }>) {
  return {
    team: action.team,
    at: action.at,
    note: action.note,
    ...(action.order ? { order: action.order } : {}),
    ...(action.sku ? { sku: action.sku } : {}),
  };
}

/**
 * Reserve stock for one order. Without quantities the order gets what the allocation rules
 * give it; with quantities each is checked against what is free and what is open, and
 * against the ship-complete and split-line rules.
 */
function allocate(state: EngineState, action: Extract<Action, { type: 'allocate' }>): Outcome {
  const order = state.orders.find((candidate) => candidate.id === action.order)!;
  const available = availableBySku(state);
  if (!action.lines) {
    const lines = allocateOrder(order, available, state.policy);
    if (lines.length === 0)
      return refuse(
        'nothing-to-allocate',
        `The rules give order ${order.id} nothing from the stock available now.`,
      );
    return { state: applyGrants(state, [{ order: order.id, lines }]) };
  }
  const grants: LineGrant[] = [];
  for (const request of action.lines) {
    const free = available.get(request.sku);
    if (free === undefined) return refuse('unknown-sku', `There is no SKU ${request.sku}.`);
    const indexes = order.lines.flatMap((line, index) => (line.sku === request.sku ? [index] : []));
    if (indexes.length === 0)
      return refuse('no-such-line', `Order ${order.id} has no line for ${request.sku}.`);
    const open = indexes.reduce((sum, index) => sum + openQty(order.lines[index]!), 0);
    if (request.qty > open)
      return refuse(
        'exceeds-open',
        `Order ${order.id} needs only ${open} more of ${request.sku}; ${request.qty} cannot be reserved.`,
      );
    if (request.qty > free)
      return refuse(
        'exceeds-available',
        `Only ${free} of ${request.sku} are available; ${request.qty} cannot be reserved for order ${order.id}.`,
      );
    // Units go to the order's lines of this SKU in line order; when lines may not be split,
    // a line that the rest cannot cover whole is passed over, as in the allocation run.
    let left = request.qty;
    for (const index of indexes) {
      const line = order.lines[index]!;
      const take = Math.min(left, openQty(line));
      if (take === 0 || (!state.policy.splitLines && take < openQty(line))) continue;
      grants.push({ line: index, sku: line.sku, qty: take });
      left -= take;
    }
    if (left > 0)
      return refuse(
        'split-line',
        `Policy does not split lines: ${request.qty} of ${request.sku} cannot be reserved on order ${order.id} without splitting a line.`,
      );
    available.set(request.sku, free - request.qty);
  }
  if (isCompleteOnly(order, state.policy) && state.policy.shipComplete === 'all-or-nothing') {
    const covered = order.lines.every((line, index) => {
      const granted = grants.filter((g) => g.line === index).reduce((sum, g) => sum + g.qty, 0);
      return openQty(line) === granted;
    });
    if (!covered)
      return refuse(
        'ship-complete-partial-reservation',
        `Order ${order.id} ships complete and policy is all-or-nothing: reserve every open unit at once or none.`,
      );
  }
  return { state: applyGrants(state, [{ order: order.id, lines: grants }]) };
}
