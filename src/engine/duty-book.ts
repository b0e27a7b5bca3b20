/**
 * Duties with deadlines, as scoring keeps them: a duty opens when its condition arises
 * (a customer to tell, a record to keep, stock to allocate, a team to inform), closes when
 * the condition is met, and is missed when its deadline passes first. A deadline after the
 * end of the shift is not the trainee's to meet: the duty is handed over instead.
 */
import { planAllocation, type AllocationGrant } from './allocation';
import {
  allocationDue,
  backorderPicture,
  escalationDue,
  flagDue,
  isRecorded,
  isShippable,
  isTold,
  type Team,
} from './duties';
import type { LogEntry } from './log';
import { promiseTable } from './promise';
import { customerName, describeItems, describeNotice, type Finding } from './rule-checks';
import type { EngineState } from './state';
import { addHours } from './time';

export interface Duty {
  key: string;
  kind: 'notice' | 'record' | 'escalate' | 'flag' | 'allocate' | 'ship' | 'team' | 'reply';
  since: string;
  deadline: string;
  order?: string;
  /** Teams the policy names for the event; a note to any of them meets the duty. */
  teams?: readonly Team[];
  cause?: string;
  /** Whether a stock receipt made this allocation due (restocked backorders). */
  restock?: boolean;
  /** Its deadline passed with the duty undone; it stays open until met, owed once. */
  missed: boolean;
}

/**
 * What a missed duty costs, in words; null when the duty no longer applies. `plan` is the
 * allocation plan of `state`, when the caller has it already.
 */
export function missedDutyFinding(
  duty: Duty,
  state: EngineState,
  plan?: readonly AllocationGrant[],
): Finding | null {
  const order = duty.order ? state.orders.find((o) => o.id === duty.order) : undefined;
  const picture = order ? backorderPicture(state, order, promiseTable(state)) : null;
  const hours = state.policy.notifyWithinHours;
  const about = duty.order ? { order: duty.order } : {};
  switch (duty.kind) {
    case 'notice': {
      if (!order || !picture) return null;
      const everTold = state.notifications.some((n) => n.order === order.id);
      return {
        rule: everTold ? 'update-overdue' : 'customer-not-told',
        message: everTold
          ? `${customerName(state, order)} was not told of the new situation on order ${order.id} within ${hours} h.`
          : `${customerName(state, order)} was never told that order ${order.id} is backordered (backordered since ${duty.since}).`,
        reference: describeNotice(state, order, picture, duty.deadline),
        ...about,
      };
    }
    case 'record': {
      if (!order || !picture) return null;
      const everRecorded = state.backorderRecords.some((r) => r.order === order.id);
      return {
        rule: everRecorded ? 'backorder-record-stale' : 'backorder-not-recorded',
        message: everRecorded
          ? `The backorder record of order ${order.id} no longer matched the order after ${duty.since}.`
          : `No backorder record was made for order ${order.id}.`,
        reference: `Record the backorder on order ${order.id} by ${duty.deadline}: ${describeItems(picture)}${picture.partial ? ' (a partial backorder)' : ''}.`,
        ...about,
      };
    }
    case 'escalate':
      return {
        rule: 'escalation-missed',
        message: `Order ${duty.order} has a backordered line no supply covers and was not escalated.`,
        reference: `Escalate order ${duty.order} to a supervisor by ${duty.deadline}: no incoming purchase order covers it.`,
        ...about,
      };
    case 'flag':
      return {
        rule: 'flag-missed',
        message: `Critical order ${duty.order} was backordered but not flagged as high priority.`,
        reference: `Flag order ${duty.order} as high priority by ${duty.deadline} so it is served first.`,
        ...about,
      };
    case 'allocate': {
      plan ??= planAllocation(state);
      const what = plan
        .slice(0, 3)
        .map((g) => `${g.lines.map((l) => `${l.qty} x ${l.sku}`).join(', ')} to ${g.order}`)
        .join('; ');
      return {
        rule: duty.restock ? 'restocked-backorder-lost' : 'stock-not-allocated',
        message: duty.restock
          ? `Stock received at ${duty.since} was left on the shelf while backorders waited for it.`
          : `Stock available since ${duty.since} was not allocated to waiting orders.`,
        reference: `Run allocation by ${duty.deadline}: ${what}${plan.length > 3 ? ` and ${plan.length - 3} more order(s)` : ''}.`,
      };
    }
    case 'ship':
      return {
        rule: 'shipment-late',
        message: `Order ${duty.order} had stock reserved and ready since ${duty.since} but did not ship.`,
        reference: `Pick, pack and ship order ${duty.order} by ${duty.deadline}.`,
        ...about,
      };
    case 'team': {
      const teams = (duty.teams ?? []).join(' or ');
      return {
        rule: 'team-not-informed',
        message: `No team was told of ${duty.cause} (the policy names ${teams}).`,
        reference: `Send a note to ${teams} by ${duty.deadline} about ${duty.cause}.`,
      };
    }
    case 'reply':
      if (!order) return null;
      return {
        rule: 'status-request-unanswered',
        message: `${customerName(state, order)} asked about order ${order.id} at ${duty.since} and got no answer.`,
        reference: picture
          ? describeNotice(state, order, picture, duty.deadline)
          : `Reply to ${customerName(state, order)} by ${duty.deadline} with the order's status.`,
        ...about,
      };
  }
}

/** A duty's kind and, for a duty about one order, the order. */
type Visit = (kind: Duty['kind'], order?: string) => void;

/**
 * Every condition that makes a duty right now, in the order found: order by order, what the
 * order owes (notice, record, escalation, flag, shipment), then an allocation run.
 */
function visitDutiesNow(state: EngineState, visit: Visit): void {
  const table = promiseTable(state);
  for (const order of state.orders) {
    const picture = backorderPicture(state, order, table);
    if (picture && !isTold(state, picture)) visit('notice', order.id);
    if (picture && !isRecorded(state, picture)) visit('record', order.id);
    if (escalationDue(state, order, picture)) visit('escalate', order.id);
    if (flagDue(order, picture)) visit('flag', order.id);
    if (isShippable(state, order)) visit('ship', order.id);
  }
  if (allocationDue(state)) visit('allocate');
}

/** The key of the duty of `kind` on `order`, or of the allocation duty. */
function dutyKey(kind: Duty['kind'], order?: string): string {
  return order === undefined ? kind : `${kind}:${order}`;
}

/** Open duties, by key. Event duties (team notes, replies) close only by an action. */
export class DutyBook {
  readonly open = new Map<string, Duty>();
  /** Keys of the duties on each order, written once: a refresh looks them all up. */
  private readonly keys = new Map<string, Map<Duty['kind'], string>>();

  constructor(private readonly hours: number) {}

  add(duty: Omit<Duty, 'deadline' | 'missed'>): void {
    if (!this.open.has(duty.key))
      this.open.set(duty.key, {
        ...duty,
        deadline: addHours(duty.since, this.hours),
        missed: false,
      });
  }

  /** Open what the state now owes, close what it no longer does; returns the closed. */
  refresh(state: EngineState, restock: boolean): Duty[] {
    const { opened, closed } = this.changes(state, restock);
    for (const duty of closed) this.open.delete(duty.key);
    for (const duty of opened) this.open.set(duty.key, duty);
    return closed;
  }

  /**
   * The open duties as `refresh` would leave them, in the same order, without changing the
   * book: what a watcher reads in the middle of a minute, while later entries of the same
   * minute may still put things right.
   */
  peek(state: EngineState, restock: boolean): Duty[] {
    const { opened, closed } = this.changes(state, restock);
    const gone = new Set(closed);
    return [...[...this.open.values()].filter((duty) => !gone.has(duty)), ...opened];
  }

  /** What a refresh opens (new conditions, in the order found) and closes. */
  private changes(state: EngineState, restock: boolean): { opened: Duty[]; closed: Duty[] } {
    // The open duties whose condition still holds; most conditions are of these.
    const owed = new Set<Duty>();
    const opened: Duty[] = [];
    // Every duty opened now is due at the same moment.
    let deadline: string | undefined;
    visitDutiesNow(state, (kind, order) => {
      const key = order === undefined ? kind : this.keyOf(kind, order);
      const open = this.open.get(key);
      if (open) {
        owed.add(open);
        return;
      }
      deadline ??= addHours(state.now, this.hours);
      opened.push(
        order === undefined
          ? { key, kind, since: state.now, restock, deadline, missed: false }
          : { key, kind, order, since: state.now, deadline, missed: false },
      );
    });
    const closed: Duty[] = [];
    for (const duty of this.open.values())
      if (duty.kind !== 'team' && duty.kind !== 'reply' && !owed.has(duty)) closed.push(duty);
    return { opened, closed };
  }

  private keyOf(kind: Duty['kind'], order: string): string {
    let keys = this.keys.get(order);
    if (!keys) {
      keys = new Map();
      this.keys.set(order, keys);
    }
    let key = keys.get(kind);
    if (key === undefined) {
      key = dutyKey(kind, order);
      keys.set(kind, key);
    }
    return key;
  }

  /** Mark missed, and return, the duties whose deadline is before `until` (all, when null). */
  missBefore(until: string | null): Duty[] {
    const due: Duty[] = [];
    for (const duty of this.open.values())
      if (!duty.missed && (until === null || duty.deadline < until)) {
        duty.missed = true;
        due.push(duty);
      }
    return due;
  }

  /** An action met these duties: a note to a team, a notice answering a status request. */
  meet(test: (duty: Duty) => boolean): void {
    for (const [key, duty] of this.open) if (test(duty)) this.open.delete(key);
  }
}

/** A team duty for an event the policy names, or a status request to answer. */
export function eventDuty(
  entry: LogEntry,
  index: number,
  teams: readonly Team[],
): Omit<Duty, 'deadline' | 'missed'>[] {
  const duties: Omit<Duty, 'deadline' | 'missed'>[] = [];
  if (teams.length > 0)
    duties.push({
      key: `team:${index}`,
      kind: 'team',
      since: entry.at,
      teams,
      cause: describeEvent(entry),
    });
  if (entry.type === 'customer-message' && entry.intent === 'ask-status')
    duties.push({
      key: `reply:${entry.order}:${index}`,
      kind: 'reply',
      since: entry.at,
      order: entry.order,
    });
  return duties;
}

function describeEvent(event: LogEntry): string {
  switch (event.type) {
    case 'po-delayed':
      return `purchase order ${event.po} delayed to ${event.eta}`;
    case 'sku-discontinued':
      return `${event.sku} discontinued`;
    case 'stock-count':
      return `the count of ${event.sku} (${event.onHand} on hand) that released reservations`;
    default:
      return event.type;
  }
}
