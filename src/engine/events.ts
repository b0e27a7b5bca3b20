/**
 * Events (ENGINE.md section 5): what happens to the warehouse while the clock runs. Events
 * are facts, so they always apply; the allocation run that follows them is the job of
 * whoever is at the desk (the trainee, or the autopilot as reference).
 */
import { releaseUnits } from './allocation';
import { cancelLine, substituteLine } from './cancellation';
import { rankOrders } from './ranking';
import type { ScenarioEvent } from './schema';
import { newOrder, withOrder, withSku, type EngineState, type SkuState } from './state';

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

export function applyEvent(state: EngineState, event: ScenarioEvent): EngineState {
  const at = { ...state, now: event.at };
  switch (event.type) {
    case 'order-placed':
      return withOrder(at, newOrder(event.order, at.skus));

    case 'stock-received': {
      const sku = skuOfPo(at, event.po);
      if (!sku) return at; // validation rejects unknown POs before a scenario can run
      // A receipt closes the PO whether full or short: the buyer raises a new PO for any
      // shortfall, so promise dates never lean on quantity the supplier did not send.
      const incoming = sku.incoming.map((po) =>
        po.po === event.po
          ? { ...po, qty: Math.max(0, po.qty - event.qty), status: 'closed' as const }
          : po,
      );
      return withSku(at, { ...sku, onHand: sku.onHand + event.qty, incoming });
    }

    case 'po-delayed': {
      const sku = skuOfPo(at, event.po);
      if (!sku) return at;
      const incoming = sku.incoming.map((po) =>
        po.po === event.po ? { ...po, eta: event.eta } : po,
      );
      return withSku(at, { ...sku, incoming });
    }

    case 'sku-discontinued': {
      const sku = at.skus[event.sku];
      if (!sku) return at;
      const incoming = sku.incoming.map((po) =>
        po.status === 'open' ? { ...po, status: 'cancelled' as const } : po,
      );
      return withSku(at, { ...sku, lifecycle: 'discontinued', incoming });
    }

    case 'stock-count':
      return countStock(at, event.sku, event.onHand);

    case 'customer-message': {
      const message = {
        order: event.order,
        at: event.at,
        intent: event.intent,
        text: event.text,
        ...(event.sku ? { sku: event.sku } : {}),
      };
      const next = { ...at, messages: [...at.messages, message] };
      const order = next.orders.find((o) => o.id === event.order);
      if (!order) return next;
      switch (event.intent) {
        case 'ask-status':
          return next;
        case 'wait-for-full':
          return withOrder(next, { ...order, shipPreference: 'ship-complete' });
        case 'accept-partial':
          return withOrder(next, { ...order, shipPreference: 'ship-available' });
        case 'cancel-line': {
          const outcome = cancelLine(next, event.order, event.sku ?? '');
          return outcome.state ?? next;
        }
        case 'accept-substitute': {
          const outcome = substituteLine(next, event.order, event.sku ?? '');
          return outcome.state ?? next;
        }
      }
    }
  }
}

/**
 * A cycle count sets `onHand`. If fewer units are on the shelf than are reserved, the
 * lowest-ranked reservations are released first (last line first within an order), so the
 * most important orders keep their stock.
 */
export function countStock(state: EngineState, skuId: string, onHand: number): EngineState {
  const sku = state.skus[skuId];
  if (!sku) return state;
  let next = withSku(state, { ...sku, onHand });
  let excess = sku.allocated - onHand;
  if (excess <= 0) return next;
  const holders = state.orders.filter((order) =>
    order.lines.some((line) => line.sku === skuId && line.allocated > 0),
  );
  const ranked = rankOrders(holders, state.policy, state.customers).reverse();
  for (const order of ranked) {
    for (let index = order.lines.length - 1; index >= 0 && excess > 0; index--) {
      const line = order.lines[index]!;
      if (line.sku !== skuId || line.allocated === 0) continue;
      const release = Math.min(line.allocated, excess);
      next = releaseUnits(next, order.id, index, release);
      excess -= release;
    }
    if (excess <= 0) break;
  }
  return next;
}
