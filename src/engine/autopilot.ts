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
  const pilot = new Autopilot(initialState(scenario), after);
  pilot.react();
  for (const event of eventsInOrder(scenario.events, injected)) {
    pilot.observe(event);
    pilot.react();
  }
  if (pilot.state.now < scenario.endsAt)
    pilot.record({ type: 'advance-clock', at: scenario.endsAt, by: AUTOPILOT });
  return { state: pilot.state, log: pilot.log };
}

/**
 * The autopilot at work on one shift: its state, its log and what it has noticed but not
 * yet acted on. It works on its own draft in place, so a shift of 20,000 orders stays linear.
 */
class Autopilot {
  readonly log: LogEntry[] = [];
  /** SKUs whose stock changed since the autopilot last looked. */
  private readonly unchecked: Set<string>;
  private readonly teamNotes: { team: Team; note: string }[] = [];
  private readonly statusRequests = new Set<string>();

  constructor(
    readonly state: EngineState,
    private readonly after?: (state: EngineState, entry: LogEntry) => void,
  ) {
    this.unchecked = new Set(Object.keys(state.skus));
  }

  record(entry: LogEntry) {
    const outcome = applyEntryInPlace(this.state, entry);
    // The autopilot only does what the rules allow; a refusal here is a bug in the engine.
    if (outcome.refused) throw new Error(`autopilot action refused: ${outcome.refused.message}`);
    this.log.push(entry);
    this.after?.(this.state, entry);
  }

  private act(action: ActionInput) {
    this.record({ ...action, at: this.state.now, by: AUTOPILOT } as Action);
  }

  /** A scenario event happens; the autopilot notes what it will have to look at or tell. */
  observe(event: ScenarioEvent) {
    const { state } = this;
    const reservedBefore =
      event.type === 'stock-count' ? (state.skus[event.sku]?.allocated ?? 0) : 0;
    this.record(event);
    noteStockChange(event, state, this.unchecked);
    const released =
      event.type === 'stock-count' && (state.skus[event.sku]?.allocated ?? 0) < reservedBefore;
    for (const team of teamsToInform(state, event, released))
      this.teamNotes.push({ team, note: teamNote(event, team) });
    if (event.type === 'customer-message' && event.intent === 'ask-status')
      this.statusRequests.add(event.order);
  }

  /** Everything the rules ask for now, in the order the rules read each other's results. */
  react() {
    this.allocate();
    // Flags first: they change the ranking, and so the promise dates everything below reads.
    for (const order of this.state.orders)
      if (
        order.urgency === 'critical' &&
        !order.flagged &&
        order.lines.some((line) => openQty(line) > 0)
      )
        this.act({ type: 'flag-priority', order: order.id });
    this.handleBackorders();
    for (const { team, note } of this.teamNotes.splice(0))
      this.act({ type: 'inform-team', team, note });
    for (const order of this.state.orders)
      if (isShippable(this.state, order)) this.shipOrder(order.id);
  }

  /** Each grant of the allocation plan, after checking the stock of SKUs that changed. */
  private allocate() {
    for (const grant of planAllocation(this.state)) {
      const perSku = new Map<string, number>();
      for (const line of grant.lines) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + line.qty);
      for (const sku of perSku.keys())
        if (this.unchecked.has(sku)) {
          this.act({ type: 'check-stock', sku });
          this.unchecked.delete(sku);
        }
      this.act({
        type: 'allocate',
        order: grant.order,
        lines: [...perSku].map(([sku, qty]) => ({ sku, qty })),
      });
    }
  }

  /**
   * Record, announce and escalate each backorder from one picture of it: none of these
   * actions moves a quantity, so the picture stays true through all three.
   */
  private handleBackorders() {
    const { state } = this;
    const table = promiseTable(state);
    for (const order of state.orders) {
      const picture = backorderPicture(state, order, table);
      if (flagDue(order, picture))
        throw new Error(`autopilot left critical order ${order.id} unflagged`);
      if (picture && !isRecorded(state, picture))
        this.act({
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
      if (untold || this.statusRequests.has(order.id))
        this.act(noticeFor(state, order, picture, untold));
      this.statusRequests.delete(order.id);
      if (escalationDue(state, order, picture))
        this.act({
          type: 'escalate',
          order: order.id,
          reason: 'No incoming supply covers a backordered line of a high-priority order.',
        });
    }
  }

  private shipOrder(orderId: string) {
    const order = findOrder(this.state, orderId)!;
    const perSku = new Map<string, number>();
    for (const line of order.lines) {
      const qty = line.allocated - pickedQty(line);
      if (qty > 0) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + qty);
    }
    for (const [sku, qty] of perSku) this.act({ type: 'pick', order: orderId, sku, qty });
    this.act({ type: 'pack', order: orderId });
    if (this.state.policy.verifyShipments) {
      this.act({ type: 'request-verification', order: orderId });
      this.record({ type: 'verify', order: orderId, at: this.state.now, by: SUPERVISOR });
    }
    this.act({ type: 'ship', order: orderId });
  }
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
