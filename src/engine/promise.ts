/**
 * Promise dates: available-to-promise on incoming supply (docs/engine.md section 6).
 *
 * For each SKU the backordered lines are walked in rank order against the SKU's open
 * purchase orders in `eta` order, consuming PO quantity cumulatively. A line's promise date
 * is the `eta` of the PO that covers its last backordered unit; a line no PO can cover has
 * no date (`null`). Unreserved stock on hand counts as supply available now, as in an
 * ERP's available-to-promise check.
 */
import { rankedOrders } from './ranking';
import { openQty, type EngineState, type OrderState, type PurchaseOrder } from './state';
import type { LocalDateTime } from './time';

/** Promise date per order id, per line index; `undefined` for lines with nothing backordered. */
export type PromiseTable = Map<string, (LocalDateTime | null | undefined)[]>;

/**
 * Tables already worked out, per state object. A draft being changed in place drops its
 * table whenever quantities, ranks or supply move (`forgetPromises`); shipping does not
 * move them, so a run of shipments with their packing slips shares one table.
 */
const tables = new WeakMap<EngineState, PromiseTable>();

export function forgetPromises(state: EngineState): void {
  tables.delete(state);
}

/**
 * Give `next` the table already worked out for `state`, when the caller knows that nothing
 * the table reads moved between them: no quantity, rank or supply, and not the clock (stock
 * on hand is promised for "now"). The table is only read, never changed, so both share it.
 */
export function carryPromises(state: EngineState, next: EngineState): void {
  const table = tables.get(state);
  if (table) tables.set(next, table);
}

export function promiseTable(state: EngineState): PromiseTable {
  let table = tables.get(state);
  if (!table) {
    table = computePromiseTable(state);
    tables.set(state, table);
  }
  return table;
}

/** The table worked out afresh (tests compare it with the cached one). */
export function computePromiseTable(state: EngineState): PromiseTable {
  const table: PromiseTable = new Map();
  // Each SKU's supply is lined up when a backordered line first asks for it: a SKU nobody
  // waits for is never looked at.
  const supply = new Map<string, Supply[]>();
  for (const order of rankedOrders(state)) {
    const lines = order.lines;
    if (!hasOpenLine(lines)) continue;
    const dates: (LocalDateTime | null | undefined)[] = [];
    for (const line of lines) {
      let need = openQty(line);
      if (need === 0) {
        dates.push(undefined);
        continue;
      }
      let pos = supply.get(line.sku);
      if (!pos) {
        pos = supplyOf(state, line.sku);
        supply.set(line.sku, pos);
      }
      let date: LocalDateTime | null = null;
      for (const po of pos) {
        if (po.left === 0) continue;
        const take = Math.min(po.left, need);
        po.left -= take;
        need -= take;
        if (need === 0) {
          date = po.eta;
          break;
        }
      }
      // A line only partly covered still consumed what it could: those units are on their
      // way to this customer, and a lower-ranked line must not be promised them.
      dates.push(date);
    }
    table.set(order.id, dates);
  }
  return table;
}

/** Supply still to promise: units left at one moment. */
interface Supply {
  eta: LocalDateTime;
  left: number;
}

/** A SKU's supply in the order it is promised: free stock now, then its open POs by `eta`. */
function supplyOf(state: EngineState, sku: string): Supply[] {
  const item = state.skus[sku];
  if (!item) return [];
  const supply: Supply[] = [];
  // Unreserved stock on the shelf is supply available now. After a run it is left only
  // where the rules held it back (a ship-complete order waiting on another line, a line
  // that may not be split), and such a line is promised for now, not for "no date".
  const free = item.onHand - item.allocated;
  if (free > 0) supply.push({ eta: state.now, left: free });
  const open: PurchaseOrder[] = [];
  for (const po of item.incoming) if (po.status === 'open' && po.qty > 0) open.push(po);
  if (open.length > 1)
    open.sort((a, b) => (a.eta === b.eta ? (a.po < b.po ? -1 : 1) : a.eta < b.eta ? -1 : 1));
  for (const po of open) supply.push({ eta: po.eta, left: po.qty });
  return supply;
}

function hasOpenLine(lines: readonly OrderState['lines'][number][]): boolean {
  for (const line of lines) if (openQty(line) > 0) return true;
  return false;
}

/**
 * An order's promise date: the latest over its backordered lines; `null` when any
 * backordered line has no date (the order cannot be promised whole) or nothing is backordered.
 */
export function orderPromiseDate(
  dates: readonly (LocalDateTime | null | undefined)[] | undefined,
): LocalDateTime | null {
  if (!dates) return null;
  let latest: LocalDateTime | null = null;
  for (const date of dates) {
    if (date === undefined) continue;
    if (date === null) return null;
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}

/** Promise date per line of one order, from a table (lines with nothing backordered get null). */
export function linePromiseDates(table: PromiseTable, order: OrderState): (LocalDateTime | null)[] {
  const dates = table.get(order.id);
  return order.lines.map((_, index) => dates?.[index] ?? null);
}
