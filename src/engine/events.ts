/**
 * Events (docs/engine.md section 5): what happens to the warehouse while the clock runs. Events
 * are facts, so they always apply; the allocation run that follows them is the job of
 * whoever is at the desk (the trainee, or the autopilot as reference).
 */
import { releaseUnits } from './allocation';
import { cancelLine, substituteLine } from './cancellation';
import { rankedOrders } from './ranking';
import type { ScenarioEvent } from './schema';
import { append, appendOrder, draftState, writableOrder, writableSku } from './draft';
import { findOrder, newOrder, type EngineState, type SkuState } from './state';

/** Event types after which stock, demand or shipping terms changed, so allocation must run again. */
export function changesAllocation(event: ScenarioEvent): boolean {
  switch (event.type) {
    case 'order-placed':
    case 'stock-received':
    case 'stock-count':
      return true;
    case 'customer-message':
      return event.intent !== 'ask-status';
    case 'po-delayed':
    case 'sku-discontinued':
      return false;
  }
}

function skuOfPo(state: EngineState, po: string): SkuState | undefined {
  for (const sku of Object.values(state.skus))
    if (sku.incoming.some((p) => p.po === po)) return sku;
  return undefined;
}

/** Apply an event and return the new state; the input is untouched. */
export function applyEvent(state: EngineState, event: ScenarioEvent): EngineState {
  const draft = draftState(state);
  applyEventInPlace(draft, event);
  return draft;
}

/** Apply an event to a draft (./draft.ts). */
export function applyEventInPlace(draft: EngineState, event: ScenarioEvent): void {
  draft.now = event.at;
  switch (event.type) {
    case 'order-placed':
      appendOrder(draft, newOrder(event.order, draft.skus));
      return;

    case 'stock-received': {
      const found = skuOfPo(draft, event.po);
      if (!found) return; // validation rejects unknown POs before a scenario can run
      const sku = writableSku(draft, found.sku)!;
      // A receipt closes the PO whether full or short: the buyer raises a new PO for any
      // shortfall, so promise dates never lean on quantity the supplier did not send.
      const po = sku.incoming.find((p) => p.po === event.po)!;
      po.qty = Math.max(0, po.qty - event.qty);
      po.status = 'closed';
      sku.onHand += event.qty;
      return;
    }

    case 'po-delayed': {
      const found = skuOfPo(draft, event.po);
      if (!found) return;
      writableSku(draft, found.sku)!.incoming.find((p) => p.po === event.po)!.eta = event.eta;
      return;
    }

    case 'sku-discontinued': {
      const sku = writableSku(draft, event.sku);
      if (!sku) return;
      sku.lifecycle = 'discontinued';
      for (const po of sku.incoming) if (po.status === 'open') po.status = 'cancelled';
      return;
    }

    case 'stock-count':
      countStockInPlace(draft, event.sku, event.onHand);
      return;

    case 'customer-message': {
      append(draft, 'messages', {
        order: event.order,
        at: event.at,
        intent: event.intent,
        text: event.text,
        ...(event.sku ? { sku: event.sku } : {}),
      });
      const order = findOrder(draft, event.order);
      if (!order) return;
      switch (event.intent) {
        case 'ask-status':
          return;
        case 'wait-for-full':
          writableOrder(draft, order).shipPreference = 'ship-complete';
          return;
        case 'accept-partial':
          writableOrder(draft, order).shipPreference = 'ship-available';
          return;
        case 'cancel-line':
          cancelLine(draft, order, event.sku ?? '');
          return;
        case 'accept-substitute':
          substituteLine(draft, order, event.sku ?? '');
          return;
      }
    }
  }
}

/** A cycle count, returning a new state. */
export function countStock(state: EngineState, skuId: string, onHand: number): EngineState {
  const draft = draftState(state);
  countStockInPlace(draft, skuId, onHand);
  return draft;
}

/**
 * A cycle count sets `onHand`. If fewer units are on the shelf than are reserved, the
 * lowest-ranked reservations are released first (last line first within an order), so the
 * most important orders keep their stock.
 */
function countStockInPlace(draft: EngineState, skuId: string, onHand: number): void {
  const sku = writableSku(draft, skuId);
  if (!sku) return;
  sku.onHand = onHand;
  let excess = sku.allocated - onHand;
  if (excess <= 0) return;
  const holders = rankedOrders(draft).filter((order) =>
    order.lines.some((line) => line.sku === skuId && line.allocated > 0),
  );
  for (const holder of holders.reverse()) {
    const order = writableOrder(draft, holder);
    for (let index = order.lines.length - 1; index >= 0 && excess > 0; index--) {
      const line = order.lines[index]!;
      if (line.sku !== skuId || line.allocated === 0) continue;
      const release = Math.min(line.allocated, excess);
      releaseUnits(draft, order, index, release);
      excess -= release;
    }
    if (excess <= 0) break;
  }
}
