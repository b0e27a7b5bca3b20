/**
 * The autopilot (docs/engine.md section 7): the reference member of staff. It follows the policy
 * perfectly: checks stock before reserving, runs allocation after every change, records and
 * announces every backorder at once, flags and escalates what must be, tells the teams, and
 * ships as soon as it may. Its log is an ordinary log: replaying it gives its state.
 */
import { planAllocation } from './allocation';
import {
  backorderPicture,
  escalationDue,
  flagDue,
  isRecorded,
  isShippable,
  isTold,
  requiredOptions,
  teamsToInform,
  type BackorderPicture,
  type Team,
} from './duties';
import type { Action } from './actions';
import { applyEntryInPlace, type LogEntry } from './log';
import { promiseTable } from './promise';
import type { Scenario, ScenarioEvent } from './schema';
import {
  findOrder,
  initialState,
  latestFor,
  openQty,
  pickedQty,
  type EngineState,
  type NoticeKind,
  type OrderState,
} from './state';

/** Who the autopilot's entries are booked to; its second person for verification. */
export const AUTOPILOT = 'autopilot';
export const SUPERVISOR = 'supervisor';

type ActionInput = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

export interface AutopilotRun {
  state: EngineState;
  log: LogEntry[];
}

/**
 * Run the reference through a shift. `injected` are the events a trainer added during a
 * live session (see `injectedEvents` in ./log): the reference meets them at their time, after
 * the scenario's own events of the same minute (as a trainee's desk does), and reacts to
 * them like to any other event, so a trainee is judged against what was possible.
 *
 * `after` watches each entry as it is booked, with the state just after it: the same
 * state a replay of the log shows at that entry, without replaying it (`sim run` renders
 * each notice's text this way). The state is the autopilot's working copy: copy what you keep.
 */
export function runAutopilot(
  scenario: Scenario,
  injected: readonly ScenarioEvent[] = [],
  after?: (state: EngineState, entry: LogEntry) => void,
): AutopilotRun {
  const state = initialState(scenario);
  const log: LogEntry[] = [];
  /** SKUs whose stock changed since the autopilot last looked. */
  const unchecked = new Set(Object.keys(state.skus));
  const teamNotes: { team: Team; note: string }[] = [];
  const statusRequests = new Set<string>();

  // The autopilot works on its own draft in place: a shift of 20,000 orders stays linear.
  const record = (entry: LogEntry) => {
    const outcome = applyEntryInPlace(state, entry);
    // The autopilot only does what the rules allow; a refusal here is a bug in the engine.
    if (outcome.refused) throw new Error(`autopilot action refused: ${outcome.refused.message}`);
    log.push(entry);
    after?.(state, entry);
  };
  const act = (action: ActionInput) =>
    record({ ...action, at: state.now, by: AUTOPILOT } as Action);

  const react = () => {
    for (const grant of planAllocation(state)) {
      const perSku = new Map<string, number>();
      for (const line of grant.lines) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + line.qty);
      for (const sku of perSku.keys())
        if (unchecked.has(sku)) {
          act({ type: 'check-stock', sku });
          unchecked.delete(sku);
        }
      act({
        type: 'allocate',
        order: grant.order,
        lines: [...perSku].map(([sku, qty]) => ({ sku, qty })),
      });
    }

    // Flags first: they change the ranking, and so the promise dates everything below reads.
    for (const order of state.orders)
      if (
        order.urgency === 'critical' &&
        !order.flagged &&
        order.lines.some((line) => openQty(line) > 0)
      )
        act({ type: 'flag-priority', order: order.id });

    // Record, announce and escalate each backorder from one picture of it: none of these
    // actions moves a quantity, so the picture stays true through all three.
    const table = promiseTable(state);
    for (const order of state.orders) {
      const picture = backorderPicture(state, order, table);
      if (flagDue(order, picture))
        throw new Error(`autopilot left critical order ${order.id} unflagged`);
      if (picture && !isRecorded(state, picture))
        act({
          type: 'record-backorder',
          order: order.id,
          partial: picture.partial,
          lines: picture.backordered.map(({ sku, qty, backorderType, promiseDate }) => ({
            sku,
            qty,
            backorderType,
            promiseDate,
          })),
        });
      const untold = picture !== null && !isTold(state, picture);
      if (untold || statusRequests.has(order.id)) act(noticeFor(state, order, picture, untold));
      statusRequests.delete(order.id);
      if (escalationDue(state, order, picture))
        act({
          type: 'escalate',
          order: order.id,
          reason: 'No incoming supply covers a backordered line of a high-priority order.',
        });
    }

    for (const { team, note } of teamNotes.splice(0)) act({ type: 'inform-team', team, note });

    for (const order of state.orders) if (isShippable(state, order)) shipOrder(order.id);
  };

  const shipOrder = (orderId: string) => {
    const order = findOrder(state, orderId)!;
    const perSku = new Map<string, number>();
    for (const line of order.lines) {
      const qty = line.allocated - pickedQty(line);
      if (qty > 0) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + qty);
    }
    for (const [sku, qty] of perSku) act({ type: 'pick', order: orderId, sku, qty });
    act({ type: 'pack', order: orderId });
    if (state.policy.verifyShipments) {
      act({ type: 'request-verification', order: orderId });
      record({ type: 'verify', order: orderId, at: state.now, by: SUPERVISOR });
    }
    act({ type: 'ship', order: orderId });
  };

  react();
  for (const event of eventsInOrder(scenario.events, injected)) {
    const reservedBefore =
      event.type === 'stock-count' ? (state.skus[event.sku]?.allocated ?? 0) : 0;
    record(event);
    noteStockChange(event, state, unchecked);
    const released =
      event.type === 'stock-count' && (state.skus[event.sku]?.allocated ?? 0) < reservedBefore;
    for (const team of teamsToInform(state, event, released))
      teamNotes.push({ team, note: teamNote(event, team) });
    if (event.type === 'customer-message' && event.intent === 'ask-status')
      statusRequests.add(event.order);
    react();
  }
  if (state.now < scenario.endsAt)
    record({ type: 'advance-clock', at: scenario.endsAt, by: AUTOPILOT });
  return { state, log };
}

/** The scenario's events with the injected ones merged in by time; at equal times the scenario's come first. */
function eventsInOrder(
  scheduled: readonly ScenarioEvent[],
  injected: readonly ScenarioEvent[],
): ScenarioEvent[] {
  if (injected.length === 0) return [...scheduled];
  const merged: ScenarioEvent[] = [];
  let next = 0;
  for (const event of injected) {
    while (next < scheduled.length && scheduled[next]!.at <= event.at)
      merged.push(scheduled[next++]!);
    merged.push(event);
  }
  return [...merged, ...scheduled.slice(next)];
}

/** After a receipt or a count, what the system shows for that SKU is news to whoever relies on it. */
export function stockChangedBy(event: ScenarioEvent, state: EngineState): string | undefined {
  if (event.type === 'stock-count') return event.sku;
  if (event.type === 'stock-received')
    return Object.values(state.skus).find((sku) => sku.incoming.some((po) => po.po === event.po))
      ?.sku;
  return undefined;
}

function noteStockChange(event: ScenarioEvent, state: EngineState, unchecked: Set<string>) {
  const sku = stockChangedBy(event, state);
  if (sku) unchecked.add(sku);
}

function teamNote(event: ScenarioEvent, team: Team): string {
  switch (event.type) {
    case 'po-delayed':
      return `Purchase order ${event.po} now expected ${event.eta}; promise dates on waiting orders have moved. (${team})`;
    case 'sku-discontinued':
      return `${event.sku} is discontinued: stop selling it and offer substitutes on open orders. (${team})`;
    case 'stock-count':
      return `Cycle count of ${event.sku} found ${event.onHand}; reservations released, check pick lists. (${team})`;
    default:
      return `Update on ${event.type}. (${team})`;
  }
}

/** The notice the reference sends: the whole picture, the date, the choices, an apology. */
function noticeFor(
  state: EngineState,
  order: OrderState,
  picture: BackorderPicture | null,
  untold: boolean,
): ActionInput {
  const channel = state.customers[order.customer]?.contact ?? 'email';
  const shipped = order.lines
    .filter((line) => line.shipped + line.allocated > 0)
    .map((line) => ({ sku: line.sku, qty: line.shipped + line.allocated }));
  if (!picture)
    return {
      type: 'notify-customer',
      order: order.id,
      channel,
      kind: 'status-update',
      content: {
        shipped,
        backordered: [],
        promiseDate: null,
        options: [],
        apology: false,
        compensation: 'none',
      },
    };
  const previous = latestFor(state.notifications, order.id);
  const undated = picture.backordered.some((item) => item.promiseDate === null);
  const cancelled = picture.backordered.some((item) => item.backorderType === 'cancelled');
  const options = requiredOptions(state, order, picture);
  let kind: NoticeKind = picture.partial ? 'partial-shipment' : 'backorder-notice';
  if (!untold) kind = 'status-update';
  else if (cancelled)
    kind = options.includes('substitute') ? 'substitute-offer' : 'cancellation-refund';
  else if (
    previous &&
    previous.promiseDate !== null &&
    (picture.promiseDate === null || picture.promiseDate > previous.promiseDate)
  )
    kind = 'delay-update';
  else if (undated && options.includes('substitute')) kind = 'substitute-offer';
  return {
    type: 'notify-customer',
    order: order.id,
    channel,
    kind,
    content: {
      shipped,
      backordered: picture.backordered.map(({ sku, qty }) => ({ sku, qty })),
      promiseDate: picture.promiseDate,
      options,
      apology: true,
      // A date that slipped after we promised it earns a remedy (syllabus 4).
      compensation: kind === 'delay-update' ? 'free-expedited-shipping' : 'none',
    },
  };
}
