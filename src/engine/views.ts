/**
 * What the site's views ask of the engine. Components reach the fulfilment rules through
 * this module while a shift runs, and through `reviewRun` (review.ts) once it has ended, so
 * no view ranks, allocates, dates or judges an order itself: every answer here is the one
 * `sim run`, the autopilot and the scoring work with. The architecture test
 * (tests/unit/architecture.test.ts) holds the components to these two entry points and to
 * the engine's vocabulary (the data model, the scenario format, time, the rule texts).
 */
import { orderStatus, orderView, type OrderStatus, type OrderView } from './backorders';
import {
  backorderPicture,
  noticeSituation,
  requiredOptions,
  type BackorderPicture,
  type NoticeSituation,
} from './duties';
import { replay, type LogEntry } from './log';
import { renderNotice, templateFor, type NoticeDraft, type NoticeTemplate } from './messages';
import { promiseTable, type PromiseTable } from './promise';
import { rankedOrders } from './ranking';
import type { Scenario } from './schema';
import {
  initialState,
  type CustomerOption,
  type EngineState,
  type NoticeKind,
  type OrderState,
} from './state';
import type { LocalDateTime } from './time';

export { availableOf, planAllocation } from './allocation';
export { ORDER_STATUSES } from './backorders';
export { LiveCoach } from './coach';
export { describeEntry } from './describe-entry';
export { informTeamsFor, NOTICE_SITUATIONS } from './duties';
export { isAction } from './log';
export { rulesInPlay } from './rules-in-play';
export { NO_DATE_TEXT } from './shipping';

/** The desk as a whole: the queue in the order the policy ranks it, and every promise date. */
export interface DeskView {
  table: PromiseTable;
  ranked: OrderState[];
  /** Each order's place in the queue, by order id, from 0. */
  ranks: Map<string, number>;
}

/** Each ranking's places, kept with it, so a view that reads them redraws only on a new ranking. */
const rankMaps = new WeakMap<readonly OrderState[], Map<string, number>>();

/**
 * The queue and the promise dates of a desk. The engine keeps both per state and carries
 * them over from the state before when a step cannot have changed them (a stock check, a
 * pick), so asking again after most steps ranks nothing again.
 */
export function deskView(state: EngineState): DeskView {
  const ranked = rankedOrders(state);
  let ranks = rankMaps.get(ranked);
  if (!ranks) rankMaps.set(ranked, (ranks = new Map(ranked.map((order, i) => [order.id, i]))));
  return { table: promiseTable(state), ranked, ranks };
}

const statuses = new WeakMap<OrderState, OrderStatus>();
/**
 * An order's status, worked out once per order object. A desk only ever holds states a step
 * returned, which are never changed afterwards (a step copies the orders it changes), so a
 * step that moved one order works out one status, not 500.
 */
export function statusOf(order: OrderState): OrderStatus {
  let status = statuses.get(order);
  if (!status) statuses.set(order, (status = orderStatus(order)));
  return status;
}

/** The order on screen: its lines and dates, and what is backordered on it (null: nothing). */
export interface OrderPanel {
  view: OrderView;
  picture: BackorderPicture | null;
}

export function orderPanel(state: EngineState, order: OrderState, table: PromiseTable): OrderPanel {
  return { view: orderView(state, order, table), picture: backorderPicture(state, order, table) };
}

/** What a notice on an order must offer: its situation in the rule catalogue, and the options. */
export interface NoticeDuty {
  situation: NoticeSituation | null;
  required: CustomerOption[];
}

export function noticeDuty(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture | null,
): NoticeDuty {
  if (!picture) return { situation: null, required: [] };
  return {
    situation: noticeSituation(state, order, picture),
    required: requiredOptions(state, order, picture),
  };
}

/** The notice the composer starts from: the facts as the system shows them. */
export interface SuggestedNotice {
  kind: NoticeKind;
  channel: 'email' | 'sms';
  /** Per SKU: shipped so far plus reserved to ship now. */
  shipped: Record<string, number>;
  /** Per SKU: what waits. */
  backordered: Record<string, number>;
  promiseDate: LocalDateTime | null;
  /** True when something waits with no date known. */
  noDate: boolean;
}

/**
 * The kind of notice an order's picture calls for (a substitute offer when an item was
 * discontinued, a partial-shipment notice when part ships, else a backorder notice; a status
 * update when nothing waits), sent by the customer's own channel. The trainee may change all
 * of it: the composer pre-fills, the trainee decides.
 */
export function suggestedNotice(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture | null,
): SuggestedNotice {
  const skus = [...new Set(order.lines.map((line) => line.sku))];
  const kind: NoticeKind = !picture
    ? 'status-update'
    : picture.backordered.some((b) => b.backorderType === 'cancelled')
      ? 'substitute-offer'
      : picture.partial
        ? 'partial-shipment'
        : 'backorder-notice';
  return {
    kind,
    channel: state.customers[order.customer]?.contact ?? 'email',
    shipped: Object.fromEntries(
      skus.map((sku) => [
        sku,
        order.lines
          .filter((line) => line.sku === sku)
          .reduce((sum, line) => sum + line.shipped + line.allocated, 0),
      ]),
    ),
    backordered: Object.fromEntries(
      skus.map((sku) => [sku, picture?.backordered.find((b) => b.sku === sku)?.qty ?? 0]),
    ),
    promiseDate: picture?.promiseDate ?? null,
    noDate: picture ? picture.promiseDate === null : false,
  };
}

/** A draft notice as the customer would receive it, and the course template it follows. */
export interface NoticePreview {
  template: NoticeTemplate | undefined;
  /** Plain text: the subject line (email only), a blank line, then the body. */
  text: string;
}

export function noticePreview(
  templates: readonly NoticeTemplate[],
  state: EngineState,
  draft: NoticeDraft,
): NoticePreview {
  const { subject, body } = renderNotice(templates, state, draft);
  return {
    template: templateFor(templates, state, draft),
    text: subject ? `Subject: ${subject}\n\n${body}` : body,
  };
}

/** The desk a saved log leaves (the trainer watching a live shift); null if it does not replay. */
export function deskAfter(scenario: Scenario, log: readonly LogEntry[]): EngineState | null {
  if (log.length === 0) return initialState(scenario);
  const replayed = replay(scenario, log);
  return replayed.ok ? replayed.result.state : null;
}
