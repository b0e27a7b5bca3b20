/**
 * The text a customer receives: a notice (kind, channel, structured content) rendered
 * through the course's message templates (content/templates) with the order's facts.
 * One renderer for the notice composer's preview, the lessons and `sim run`, so what the
 * trainee previews, what the course shows and what the report prints are the same words.
 *
 * Pure: templates come in as data (the site reads them from its content collection, the
 * command line from the files). Nothing here is HTML; values are inserted as plain text.
 */
import { backorderPicture } from './duties';
import { replay, type LogEntry } from './log';
import { MONTHS, type Scenario } from './schema';
import { promiseTable } from './promise';
import {
  entriesFor,
  findOrder,
  latestFor,
  type Compensation,
  type CustomerOption,
  type EngineState,
  type NoticeContent,
  type NoticeKind,
  type OrderState,
} from './state';

/** A message template: subject and body with `{placeholders}`. */
export interface NoticeTemplate {
  kind: string;
  title?: string;
  subject?: string | undefined;
  body: string;
  /** A variant for a later moment: after part of the order shipped, or before anything is cancelled. */
  when?: 'after-shipping' | 'before-cancelling' | undefined;
}

/** The notice being written or sent. */
export interface NoticeDraft {
  order: string;
  kind: NoticeKind;
  channel: 'email' | 'sms';
  content: NoticeContent;
}

export interface RenderedNotice {
  subject: string;
  body: string;
}

/** How long a refund takes to reach the customer's account. */
export const REFUND_TIME = 'within 5 business days';
export const AGENT_NAME = 'The order desk';

const OPTION_WORDS: Record<CustomerOption, string> = {
  wait: 'wait for the items',
  'ship-available': 'have what is ready sent now, with the rest to follow',
  substitute: 'take the substitute instead',
  cancel: 'cancel those items for a full refund',
};

const REMEDY_WORDS: Record<Compensation, string> = {
  none: 'we will keep you updated at every step',
  'free-expedited-shipping': 'we will send the items by express delivery at no cost to you',
  discount: 'we will take 10% off the delayed items',
};

/** `[a, b, c]` -> `a, b and c` (or `a, b or c`). */
export function listWords(items: readonly string[], last: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `2026-03-04T08:00` -> `Wednesday 4 March 2026`, as a customer reads a date. */
export function customerDate(time: string): string {
  const [year, month, day] = time.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
}

export const NO_DATE_WORDS = 'no date yet';
/** Where a notice offers no options: visible in the preview, so the gap is seen before sending. */
export const NO_OPTIONS_WORDS = '(no options chosen)';

/** Replace each `{name}` with its value; an unknown placeholder stays visible as `{name}`. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function money(amount: number): string {
  return amount.toFixed(2);
}

/** The template for a notice: the variant for this moment if there is one, else the plain one. */
export function templateFor(
  templates: readonly NoticeTemplate[],
  state: EngineState,
  draft: NoticeDraft,
): NoticeTemplate | undefined {
  const order = findOrder(state, draft.order);
  const moment = (when: NoticeTemplate['when']) => {
    if (!order) return false;
    if (when === 'after-shipping') return order.lines.some((line) => line.shipped > 0);
    if (when === 'before-cancelling')
      return (
        order.lines.every((line) => line.cancelled === 0) &&
        draft.content.options.includes('cancel')
      );
    return false;
  };
  const ofKind = templates.filter((t) => t.kind === draft.kind);
  return (
    ofKind.find((t) => t.when && moment(t.when)) ??
    ofKind.find((t) => !t.when) ??
    templates.find((t) => t.kind === 'backorder-notice' && !t.when)
  );
}

/** Every placeholder's value for a notice on an order, as the customer should read it. */
export function noticeValues(state: EngineState, draft: NoticeDraft): Record<string, string> {
  const order = findOrder(state, draft.order);
  if (!order) return {};
  const name = (sku: string) => state.skus[sku]?.name ?? sku;
  const picture = backorderPicture(state, order, promiseTable(state));
  const dateOf = (sku: string) =>
    picture?.backordered.find((item) => item.sku === sku)?.promiseDate ?? draft.content.promiseDate;
  const { content } = draft;
  const backordered = content.backordered.filter((item) => item.qty > 0);
  const items = listWords(
    backordered.map((item) => {
      const date = dateOf(item.sku);
      return `${item.qty} × ${name(item.sku)} (${date ? `expected by ${customerDate(date)}` : NO_DATE_WORDS})`;
    }),
  );
  const shipped = listWords(
    content.shipped.filter((item) => item.qty > 0).map((item) => `${item.qty} × ${name(item.sku)}`),
  );
  const previous = entriesFor(state.notifications, order.id).findLast(
    (n) => n.at <= state.now && n.promiseDate,
  );
  // What cancelling would refund: the items no supply covers (discontinued or undated),
  // or, where every item has a date, all that is backordered.
  const undated = backordered.filter((item) => {
    const truth = picture?.backordered.find((b) => b.sku === item.sku);
    return truth && (truth.promiseDate === null || truth.backorderType === 'cancelled');
  });
  const cancelled = cancelledItems(state, order, undated.length > 0 ? undated : backordered);
  const substitute = backordered
    .map((item) => state.skus[item.sku]?.substitutes[0])
    .find((sku): sku is string => Boolean(sku));
  const shipment = latestFor(state.shipments, order.id);
  const date = content.promiseDate;
  return {
    customerName: state.customers[order.customer]?.name ?? order.customer,
    orderId: order.id,
    agentName: AGENT_NAME,
    items: items || 'nothing',
    backorderedItems: items || 'nothing',
    shippedItems: shipped || 'nothing',
    promiseDate: date ? customerDate(date) : NO_DATE_WORDS,
    dateSentence: date
      ? `We expect to send them by ${customerDate(date)}.`
      : 'We do not have a date for them yet, and we will tell you as soon as we do.',
    options:
      listWords(
        content.options.map((option) => OPTION_WORDS[option]),
        'or',
      ) || NO_OPTIONS_WORDS,
    previousDate: previous?.promiseDate ? customerDate(previous.promiseDate) : 'the date we gave',
    remedy: REMEDY_WORDS[content.compensation],
    cancelledItems: cancelled.words || 'nothing',
    refundAmount: money(cancelled.refund),
    refundTime: REFUND_TIME,
    substituteName: substitute ? name(substitute) : 'a substitute',
    substitutePrice: substitute ? money(state.skus[substitute]?.price ?? 0) : '0.00',
    tracking: shipment?.tracking ?? 'to follow',
    shippedDate: shipment ? customerDate(shipment.at) : customerDate(state.now),
  };
}

/**
 * What is (or, before cancelling, would be) cancelled and refunded: the order's cancelled
 * lines with the refunds the engine booked; when nothing is cancelled yet, the backordered
 * items at their line price (quantity x price), which is what cancelling them refunds.
 */
function cancelledItems(
  state: EngineState,
  order: OrderState,
  backordered: readonly { sku: string; qty: number }[],
): { words: string; refund: number } {
  const name = (sku: string) => state.skus[sku]?.name ?? sku;
  const done = order.lines.filter((line) => line.cancelled > 0);
  if (done.length > 0) {
    const refunds = entriesFor(state.refunds, order.id);
    return {
      words: listWords(done.map((line) => `${line.cancelled} × ${name(line.sku)}`)),
      refund: refunds.reduce((sum, r) => sum + r.amount, 0),
    };
  }
  return {
    words: listWords(backordered.map((item) => `${item.qty} × ${name(item.sku)}`)),
    refund: backordered.reduce(
      (sum, item) =>
        sum + item.qty * (order.lines.find((line) => line.sku === item.sku)?.price ?? 0),
      0,
    ),
  };
}

/** The subject and body the customer receives; an SMS has no subject. */
export function renderNotice(
  templates: readonly NoticeTemplate[],
  state: EngineState,
  draft: NoticeDraft,
): RenderedNotice {
  const template = templateFor(templates, state, draft);
  if (!template) return { subject: '', body: '' };
  const values = noticeValues(state, draft);
  return {
    subject:
      draft.channel === 'email' && template.subject ? fillTemplate(template.subject, values) : '',
    body: fillTemplate(template.body, values).trim(),
  };
}

/**
 * The text of every notice a log sent, in the order of `state.notifications`: each rendered
 * with the state of the moment it was sent (the dates, refunds and parcels it could name).
 */
export function sentNoticeTexts(
  scenario: Scenario,
  log: readonly LogEntry[],
  templates: readonly NoticeTemplate[],
): RenderedNotice[] {
  const texts: RenderedNotice[] = [];
  replay(scenario, log, {
    after: (state, entry, outcome) => {
      if (entry.type !== 'notify-customer' || outcome.refused) return;
      texts.push(renderNotice(templates, state, entry));
    },
  });
  return texts;
}
