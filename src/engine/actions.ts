/**
 * Trainee actions (docs/engine.md section 8): what a person at the order desk does. Each action
 * is a log entry; the engine applies it or refuses it with a reason, the way an inventory
 * system refuses to ship more than is reserved.
 */
import { z } from 'zod';
import { allocateOrder, bookGrants, releaseUnits, type LineGrant } from './allocation';
import { cancelLine, substituteLine } from './cancellation';
import { MAX_QUANTITY } from './limits';
import { localDateTime } from './schema';
import { pack, pick, requestVerification, ship, verify } from './shipping';
import { append, draftState, writableOrder } from './draft';
import {
  COMPENSATIONS,
  CUSTOMER_OPTIONS,
  NOTICE_KINDS,
  findOrder,
  isCompleteOnly,
  openQty,
  type EngineState,
  type OrderState,
} from './state';
import { refusal, type Effect, type Outcome } from './outcome';

const id = z.string().min(1).max(64);
/** Quantities in a log are bounded as in a scenario file (./limits.ts). */
const qty = z.number().int().positive().max(MAX_QUANTITY);
const skuQty = z
  .object({ sku: id, qty: z.number().int().nonnegative().max(MAX_QUANTITY) })
  .strict();

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

/** Apply one action at `state.now` and return the new state, or the refusal; the input is untouched. */
export function applyAction(state: EngineState, action: Action): Outcome {
  const draft = draftState(state);
  const effect = applyActionInPlace(draft, action);
  if (effect.refused) return { refused: effect.refused };
  return effect.note ? { state: draft, note: effect.note } : { state: draft };
}

/**
 * Apply one action to a draft (./draft.ts) at `draft.now`. A refused action changes
 * nothing: every check comes before the first change.
 */
export function applyActionInPlace(draft: EngineState, action: Action): Effect {
  switch (action.type) {
    case 'advance-clock':
      return {};
    case 'check-stock':
      return draft.skus[action.sku] ? {} : refusal('unknown-sku', `There is no SKU ${action.sku}.`);
    case 'inform-team':
      append(draft, 'teamNotes', {
        team: action.team,
        at: action.at,
        note: action.note,
        ...(action.order ? { order: action.order } : {}),
        ...(action.sku ? { sku: action.sku } : {}),
      });
      return {};
  }

  const order = findOrder(draft, action.order);
  if (!order) return refusal('unknown-order', `There is no order ${action.order}.`);
  const by = actorOf(action);

  switch (action.type) {
    case 'allocate':
      return allocate(draft, order, action);
    case 'release': {
      const plan: [number, number][] = [];
      let released = 0;
      order.lines.forEach((line, index) => {
        if (action.sku && line.sku !== action.sku) return;
        const want =
          action.qty === undefined
            ? line.allocated
            : Math.min(line.allocated, action.qty - released);
        if (want <= 0) return;
        plan.push([index, want]);
        released += want;
      });
      if (released === 0)
        return refusal(
          'nothing-reserved',
          `Nothing is reserved for order ${order.id}${action.sku ? ` on ${action.sku}` : ''}.`,
        );
      const own = writableOrder(draft, order);
      for (const [index, qty] of plan) releaseUnits(draft, own, index, qty);
      return {};
    }
    case 'pick':
      return pick(draft, order, action.sku, action.qty, action.picked ?? action.sku, by);
    case 'pack':
      return pack(draft, order, by);
    case 'request-verification':
      return requestVerification(draft, order);
    case 'verify':
      return verify(draft, order, by);
    case 'ship':
      return ship(draft, order);
    case 'record-backorder':
      append(draft, 'backorderRecords', {
        order: order.id,
        at: draft.now,
        partial: action.partial,
        lines: action.lines.map((line) => ({ ...line })),
      });
      return {};
    case 'notify-customer':
      // The channel is not refused here (a mail system sends whatever staff choose); scoring
      // checks it against the channel the customer asked for.
      append(draft, 'notifications', {
        order: order.id,
        customer: order.customer,
        channel: action.channel,
        at: draft.now,
        kind: action.kind,
        ...action.content,
      });
      return {};
    case 'flag-priority':
      if (order.flagged) return refusal('already-flagged', `Order ${order.id} is already flagged.`);
      writableOrder(draft, order).flagged = true;
      return {};
    case 'escalate':
      writableOrder(draft, order).escalated = true;
      append(draft, 'escalations', { order: order.id, at: draft.now, reason: action.reason });
      return {};
    case 'cancel-line':
      return cancelLine(draft, order, action.sku);
    case 'substitute':
      return substituteLine(draft, order, action.sku, action.with);
  }
}

/**
 * Reserve stock for one order. Without quantities the order gets what the allocation rules
 * give it; with quantities each is checked against what is free and what is open, and
 * against the ship-complete and split-line rules.
 */
function allocate(
  draft: EngineState,
  order: OrderState,
  action: Extract<Action, { type: 'allocate' }>,
): Effect {
  const available = new Map<string, number>();
  const free = (sku: string) => {
    const item = draft.skus[sku];
    return item ? (available.get(sku) ?? item.onHand - item.allocated) : undefined;
  };
  if (!action.lines) {
    for (const line of order.lines) available.set(line.sku, free(line.sku) ?? 0);
    const lines = allocateOrder(order, available, draft.policy);
    if (lines.length === 0)
      return refusal(
        'nothing-to-allocate',
        `The rules give order ${order.id} nothing from the stock available now.`,
      );
    bookGrants(draft, [{ order: order.id, lines }]);
    return {};
  }
  const grants: LineGrant[] = [];
  for (const request of action.lines) {
    const left0 = free(request.sku);
    if (left0 === undefined) return refusal('unknown-sku', `There is no SKU ${request.sku}.`);
    const indexes = order.lines.flatMap((line, index) => (line.sku === request.sku ? [index] : []));
    if (indexes.length === 0)
      return refusal('no-such-line', `Order ${order.id} has no line for ${request.sku}.`);
    const open = indexes.reduce((sum, index) => sum + openQty(order.lines[index]!), 0);
    if (request.qty > open)
      return refusal(
        'exceeds-open',
        `Order ${order.id} needs only ${open} more of ${request.sku}; ${request.qty} cannot be reserved.`,
      );
    if (request.qty > left0)
      return refusal(
        'exceeds-available',
        `Only ${left0} of ${request.sku} are available; ${request.qty} cannot be reserved for order ${order.id}.`,
      );
    // Units go to the order's lines of this SKU in line order; when lines may not be split,
    // a line that the rest cannot cover whole is passed over, as in the allocation run.
    let left = request.qty;
    for (const index of indexes) {
      const line = order.lines[index]!;
      const take = Math.min(left, openQty(line));
      if (take === 0 || (!draft.policy.splitLines && take < openQty(line))) continue;
      grants.push({ line: index, sku: line.sku, qty: take });
      left -= take;
    }
    if (left > 0)
      return refusal(
        'split-line',
        `Policy does not split lines: ${request.qty} of ${request.sku} cannot be reserved on order ${order.id} without splitting a line.`,
      );
    available.set(request.sku, left0 - request.qty);
  }
  if (isCompleteOnly(order, draft.policy) && draft.policy.shipComplete === 'all-or-nothing') {
    const covered = order.lines.every((line, index) => {
      const granted = grants.filter((g) => g.line === index).reduce((sum, g) => sum + g.qty, 0);
      return openQty(line) === granted;
    });
    if (!covered)
      return refusal(
        'ship-complete-partial-reservation',
        `Order ${order.id} ships complete and policy is all-or-nothing: reserve every open unit at once or none.`,
      );
  }
  bookGrants(draft, [{ order: order.id, lines: grants }]);
  return {};
}
