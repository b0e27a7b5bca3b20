/**
 * Pick, pack, verify and ship (ENGINE.md section 4), with the packing slip.
 *
 * The flow follows a warehouse management system: units are picked from their bin against
 * a reserved line (the picker may take a look-alike by mistake: the system records what the
 * picker scanned as the line's SKU, so only a check catches it), packed into a parcel,
 * verified by a second person when policy demands it, then shipped with a tracking number.
 */
import { refundedQty } from './backorders';
import { promiseTable, linePromiseDates } from './promise';
import {
  isCompleteOnly,
  openQty,
  pickedQty,
  roundMoney,
  withOrder,
  type EngineState,
  type OrderState,
  type PackingSlip,
  type Shipment,
  type ShipmentLine,
} from './state';
import { refuse, type Outcome } from './outcome';

/** Words printed beside backordered units that no incoming supply covers yet. */
export const NO_DATE_TEXT = 'no date known yet';

export function pick(
  state: EngineState,
  order: OrderState,
  sku: string,
  qty: number,
  pickedSku: string,
  by: string,
): Outcome {
  if (order.parcel)
    return refuse(
      'already-packed',
      `Order ${order.id} is already packed; ship it before picking more.`,
    );
  if (!state.skus[pickedSku])
    return refuse('unknown-sku', `There is no SKU ${pickedSku} in the warehouse.`);
  const lines = order.lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.sku === sku);
  if (lines.length === 0)
    return refuse('no-such-line', `Order ${order.id} has no line for ${sku}.`);
  const pickable = lines.reduce((sum, { line }) => sum + line.allocated - pickedQty(line), 0);
  if (qty > pickable)
    return refuse(
      'pick-exceeds-allocation',
      `Only ${pickable} unit(s) of ${sku} are reserved and not yet picked for order ${order.id}; ${qty} cannot be picked.`,
    );
  const newLines = [...order.lines];
  let left = qty;
  for (const { line, index } of lines) {
    const take = Math.min(left, line.allocated - pickedQty(line));
    if (take === 0) continue;
    newLines[index] = { ...line, picks: [...line.picks, { sku: pickedSku, qty: take, by }] };
    left -= take;
    if (left === 0) break;
  }
  return { state: withOrder(state, { ...order, lines: newLines }) };
}

export function pack(state: EngineState, order: OrderState, by: string): Outcome {
  if (order.parcel) return refuse('already-packed', `Order ${order.id} is already packed.`);
  const picked = order.lines.reduce((sum, line) => sum + pickedQty(line), 0);
  if (picked === 0)
    return refuse('nothing-picked', `Nothing has been picked for order ${order.id}.`);
  if (isCompleteOnly(order, state.policy)) {
    const incomplete = order.lines.find(
      (line) => openQty(line) > 0 || pickedQty(line) < line.allocated,
    );
    if (incomplete)
      return refuse(
        'ship-complete-incomplete',
        `Order ${order.id} ships complete only: ${incomplete.sku} is not fully reserved and picked.`,
      );
  }
  return {
    state: withOrder(state, {
      ...order,
      parcel: { packedAt: state.now, packedBy: by, verification: 'none' },
    }),
  };
}

export function requestVerification(state: EngineState, order: OrderState): Outcome {
  if (!order.parcel)
    return refuse('not-packed', `Order ${order.id} has no packed parcel to verify.`);
  if (order.parcel.verification === 'verified') return { state };
  return {
    state: withOrder(state, { ...order, parcel: { ...order.parcel, verification: 'requested' } }),
  };
}

/**
 * A second person checks the parcel against the order. A wrong item sends every pick back to
 * the shelf and unpacks the parcel: the verifier caught the error before it left.
 */
export function verify(state: EngineState, order: OrderState, by: string): Outcome {
  if (!order.parcel)
    return refuse('not-packed', `Order ${order.id} has no packed parcel to verify.`);
  const pickers = new Set(order.lines.flatMap((line) => line.picks.map((p) => p.by)));
  pickers.add(order.parcel.packedBy);
  if (pickers.has(by))
    return refuse(
      'self-verification',
      `${by} picked or packed order ${order.id}; a second person must verify it.`,
    );
  const wrong = order.lines.flatMap((line) =>
    line.picks.filter((p) => p.sku !== line.sku).map((p) => ({ line, p })),
  );
  if (wrong.length > 0) {
    const lines = order.lines.map((line) => ({ ...line, picks: [] }));
    const first = wrong[0]!;
    return {
      state: withOrder(state, { ...order, lines, parcel: null }),
      note: `Verification rejected order ${order.id}: ${first.p.sku} was packed for ${first.line.sku}. Picks returned to the shelf.`,
    };
  }
  return {
    state: withOrder(state, {
      ...order,
      parcel: { ...order.parcel, verification: 'verified', verifiedBy: by },
    }),
  };
}

export function ship(state: EngineState, order: OrderState): Outcome {
  const parcel = order.parcel;
  if (!parcel) return refuse('not-packed', `Order ${order.id} has nothing packed to ship.`);
  if (state.policy.verifyShipments && parcel.verification !== 'verified')
    return refuse(
      'not-verified',
      `Policy requires a second person to verify order ${order.id} before it ships.`,
    );
  if (isCompleteOnly(order, state.policy) && order.lines.some((line) => openQty(line) > 0))
    return refuse(
      'ship-complete-incomplete',
      `Order ${order.id} ships complete only and still has units waiting for stock.`,
    );

  const seq = state.shipmentSeq + 1;
  const id = `SHP-${String(seq).padStart(5, '0')}`;
  const tracking = `BA${String(seq).padStart(9, '0')}`;
  const shipmentLines: ShipmentLine[] = [];
  const shippedNow = order.lines.map(() => 0);
  const skus = { ...state.skus };
  const lines = order.lines.map((line, index) => {
    const qty = pickedQty(line);
    if (qty === 0) return line;
    shippedNow[index] = qty;
    for (const p of line.picks)
      shipmentLines.push(
        p.sku === line.sku
          ? { sku: line.sku, qty: p.qty }
          : { sku: line.sku, qty: p.qty, pickedSku: p.sku },
      );
    // The system books what the line says; a look-alike in the box leaves the books wrong
    // until a cycle count finds it, exactly as in a real warehouse.
    const sku = skus[line.sku]!;
    skus[line.sku] = { ...sku, onHand: sku.onHand - qty, allocated: sku.allocated - qty };
    return { ...line, shipped: line.shipped + qty, allocated: line.allocated - qty, picks: [] };
  });
  const shippedOrder: OrderState = { ...order, lines, parcel: null };
  const next = withOrder({ ...state, skus, shipmentSeq: seq }, shippedOrder);
  const packingSlip = packingSlipFor(next, shippedOrder, shippedNow, tracking);
  const shipment: Shipment = {
    id,
    order: order.id,
    at: state.now,
    tracking,
    lines: mergeLines(shipmentLines),
    packingSlip,
  };
  return { state: { ...next, shipments: [...next.shipments, shipment] } };
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
