/**
 * Pick, pack, verify and ship (docs/engine.md section 4), with the packing slip.
 *
 * The flow follows a warehouse management system: units are picked from their bin against
 * a reserved line (the picker may take a look-alike by mistake: the system records what the
 * picker scanned as the line's SKU, so only a check catches it), packed into a parcel,
 * verified by a second person when policy demands it, then shipped with a tracking number.
 */
import { refundedQty } from './backorders';
import { append, writableOrder, writableSku } from './draft';
import { promiseTable, linePromiseDates } from './promise';
import {
  isCompleteOnly,
  openQty,
  pickedQty,
  roundMoney,
  type EngineState,
  type OrderState,
  type PackingSlip,
  type ShipmentLine,
} from './state';
import { refusal, type Effect } from './outcome';

/** Words printed beside backordered units that no incoming supply covers yet. */
export const NO_DATE_TEXT = 'no date known yet';

export function pick(
  draft: EngineState,
  given: OrderState,
  sku: string,
  qty: number,
  pickedSku: string,
  by: string,
): Effect {
  if (given.parcel)
    return refusal(
      'already-packed',
      `Order ${given.id} is already packed; ship it before picking more.`,
    );
  if (!draft.skus[pickedSku])
    return refusal('unknown-sku', `There is no SKU ${pickedSku} in the warehouse.`);
  const lines = given.lines.filter((line) => line.sku === sku);
  if (lines.length === 0)
    return refusal('no-such-line', `Order ${given.id} has no line for ${sku}.`);
  const pickable = lines.reduce((sum, line) => sum + line.allocated - pickedQty(line), 0);
  if (qty > pickable)
    return refusal(
      'pick-exceeds-allocation',
      `Only ${pickable} unit(s) of ${sku} are reserved and not yet picked for order ${given.id}; ${qty} cannot be picked.`,
    );
  const order = writableOrder(draft, given);
  let left = qty;
  for (const line of order.lines) {
    if (line.sku !== sku) continue;
    const take = Math.min(left, line.allocated - pickedQty(line));
    if (take === 0) continue;
    line.picks.push({ sku: pickedSku, qty: take, by });
    left -= take;
    if (left === 0) break;
  }
  return {};
}

export function pack(draft: EngineState, order: OrderState, by: string): Effect {
  if (order.parcel) return refusal('already-packed', `Order ${order.id} is already packed.`);
  const picked = order.lines.reduce((sum, line) => sum + pickedQty(line), 0);
  if (picked === 0)
    return refusal('nothing-picked', `Nothing has been picked for order ${order.id}.`);
  if (isCompleteOnly(order, draft.policy)) {
    const incomplete = order.lines.find(
      (line) => openQty(line) > 0 || pickedQty(line) < line.allocated,
    );
    if (incomplete)
      return refusal(
        'ship-complete-incomplete',
        `Order ${order.id} ships complete only: ${incomplete.sku} is not fully reserved and picked.`,
      );
  }
  writableOrder(draft, order).parcel = {
    packedAt: draft.now,
    packedBy: by,
    verification: 'none',
  };
  return {};
}

export function requestVerification(draft: EngineState, order: OrderState): Effect {
  if (!order.parcel)
    return refusal('not-packed', `Order ${order.id} has no packed parcel to verify.`);
  if (order.parcel.verification !== 'verified')
    writableOrder(draft, order).parcel!.verification = 'requested';
  return {};
}

/**
 * A second person checks the parcel against the order. A wrong item sends every pick back to
 * the shelf and unpacks the parcel: the verifier caught the error before it left.
 */
export function verify(draft: EngineState, given: OrderState, by: string): Effect {
  if (!given.parcel)
    return refusal('not-packed', `Order ${given.id} has no packed parcel to verify.`);
  const pickers = new Set(given.lines.flatMap((line) => line.picks.map((p) => p.by)));
  pickers.add(given.parcel.packedBy);
  if (pickers.has(by))
    return refusal(
      'self-verification',
      `${by} picked or packed order ${given.id}; a second person must verify it.`,
    );
  const order = writableOrder(draft, given);
  for (const line of order.lines) {
    const wrong = line.picks.find((p) => p.sku !== line.sku);
    if (!wrong) continue;
    for (const each of order.lines) each.picks = [];
    order.parcel = null;
    return {
      note: `Verification rejected order ${order.id}: ${wrong.sku} was packed for ${line.sku}. Picks returned to the shelf.`,
    };
  }
  order.parcel!.verification = 'verified';
  order.parcel!.verifiedBy = by;
  return {};
}

export function ship(draft: EngineState, given: OrderState): Effect {
  const parcel = given.parcel;
  if (!parcel) return refusal('not-packed', `Order ${given.id} has nothing packed to ship.`);
  if (draft.policy.verifyShipments && parcel.verification !== 'verified')
    return refusal(
      'not-verified',
      `Policy requires a second person to verify order ${given.id} before it ships.`,
    );
  if (isCompleteOnly(given, draft.policy) && given.lines.some((line) => openQty(line) > 0))
    return refusal(
      'ship-complete-incomplete',
      `Order ${given.id} ships complete only and still has units waiting for stock.`,
    );
  const order = writableOrder(draft, given);

  const seq = draft.shipmentSeq + 1;
  const tracking = `BA${String(seq).padStart(9, '0')}`;
  const shipmentLines: ShipmentLine[] = [];
  const shippedNow = order.lines.map((line) => {
    const qty = pickedQty(line);
    if (qty === 0) return 0;
    for (const p of line.picks)
      shipmentLines.push(
        p.sku === line.sku
          ? { sku: line.sku, qty: p.qty }
          : { sku: line.sku, qty: p.qty, pickedSku: p.sku },
      );
    // The system books what the line says; a look-alike in the box leaves the books wrong
    // until a cycle count finds it, exactly as in a real warehouse.
    const sku = writableSku(draft, line.sku)!;
    sku.onHand -= qty;
    sku.allocated -= qty;
    line.shipped += qty;
    line.allocated -= qty;
    line.picks = [];
    return qty;
  });
  order.parcel = null;
  draft.shipmentSeq = seq;
  append(draft, 'shipments', {
    id: `SHP-${String(seq).padStart(5, '0')}`,
    order: order.id,
    at: draft.now,
    tracking,
    lines: mergeLines(shipmentLines),
    packingSlip: packingSlipFor(draft, order, shippedNow, tracking),
  });
  return {};
}

function mergeLines(lines: ShipmentLine[]): ShipmentLine[] {
  const merged: ShipmentLine[] = [];
  for (const line of lines) {
    const same = merged.find((m) => m.sku === line.sku && m.pickedSku === line.pickedSku);
    if (same) same.qty += line.qty;
    else merged.push({ ...line });
  }
  return merged;
}

/**
 * The packing slip for a shipment: per line, shipped now, shipped before, what is still to
 * come with its promise date (or the words that no date is known), and cancelled units
 * with their refund.
 */
export function packingSlipFor(
  state: EngineState,
  order: OrderState,
  shippedNow: readonly number[],
  tracking: string,
): PackingSlip {
  const dates = linePromiseDates(promiseTable(state), order);
  return {
    order: order.id,
    customer: state.customers[order.customer]?.name ?? order.customer,
    date: state.now,
    tracking,
    lines: order.lines.map((line, index) => {
      const now = shippedNow[index] ?? 0;
      const backordered = openQty(line);
      const promiseDate = backordered > 0 ? (dates[index] ?? null) : null;
      return {
        sku: line.sku,
        name: state.skus[line.sku]?.name ?? line.sku,
        ordered: line.ordered,
        shippedNow: now,
        shippedBefore: line.shipped - now,
        backordered,
        promiseDate,
        promiseText: backordered > 0 ? (promiseDate ?? NO_DATE_TEXT) : null,
        cancelled: line.cancelled,
        refund: roundMoney(refundedQty(line) * line.price),
      };
    }),
  };
}
