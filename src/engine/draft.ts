/**
 * Working copies of a state, copy-on-write. The engine's rules change a draft in place; every
 * public function drafts from its input first, so callers only ever see plain data in and new
 * data out, and the input stays exactly as it was.
 *
 * A draft starts as a shallow copy: it shares every order, SKU and list with the state it was
 * drafted from. A rule asks for its own copy of the one order or SKU it is about to change
 * (`writableOrder`, `writableSku`) and appends to a list with `append`, which copies the list
 * the first time. A step at the desk thus copies the one order it touches, not all 500.
 *
 * A state made by `initialState` owns everything in it, so a replay that changes one state in
 * place from start to end copies nothing (a shift of 20,000 orders replays in linear time).
 * Once a draft has been made from a state, that state owns nothing any more: whatever it
 * shares with the draft is copied before it is changed again, by either of them.
 */
import { claim, disown, owns } from './ownership';
import { forgetRanking } from './ranking';
import {
  orderPosition,
  shareOrderIndex,
  type EngineState,
  type OrderState,
  type SkuState,
} from './state';

/**
 * A working copy of `state` that shares everything with it until a rule changes something.
 * From now on `state` owns nothing: it and the draft share their objects.
 */
export function draftState(state: EngineState): EngineState {
  disown(state);
  return { ...state };
}

/** The lists of a state that only ever grow. */
type ListKey =
  | 'shipments'
  | 'refunds'
  | 'notifications'
  | 'backorderRecords'
  | 'messages'
  | 'teamNotes'
  | 'escalations';

/** Add an entry to one of a draft's lists, copying the list first if another state shares it. */
export function append<K extends ListKey>(
  draft: EngineState,
  key: K,
  entry: EngineState[K][number],
): void {
  const list = draft[key] as EngineState[K][number][];
  if (owns(draft, list)) list.push(entry);
  else draft[key] = claim(draft, [...list, entry]) as EngineState[K];
}

/** The draft's orders list, its own to change (copied once per draft, keeping its lookup index). */
function writableOrders(draft: EngineState): OrderState[] {
  if (owns(draft, draft.orders)) return draft.orders;
  const orders = draft.orders.slice();
  shareOrderIndex(draft.orders, orders);
  draft.orders = claim(draft, orders);
  return orders;
}

/** Add a new order to a draft. */
export function appendOrder(draft: EngineState, order: OrderState): void {
  writableOrders(draft).push(claim(draft, order));
}

/**
 * The draft's own copy of an order (by id), to change in place: copied with its lines, picks
 * and parcel the first time, and put in the original's place in the orders list. Any
 * reference to the order the caller held before is out of date once this returns.
 */
export function writableOrder(draft: EngineState, order: OrderState): OrderState {
  const position = orderPosition(draft, order.id);
  if (position === undefined) throw new Error(`no order ${order.id} in this state`);
  const current = draft.orders[position]!;
  if (owns(draft, current)) return current;
  const copy: OrderState = {
    ...current,
    lines: current.lines.map((line) => ({ ...line, picks: line.picks.slice() })),
    parcel: current.parcel && { ...current.parcel },
  };
  writableOrders(draft)[position] = claim(draft, copy);
  // A ranking worked out for this draft during the step holds the order it replaced.
  forgetRanking(draft);
  return copy;
}

/** The draft's own copy of a SKU, with its purchase orders, to change in place. */
export function writableSku(draft: EngineState, skuId: string): SkuState | undefined {
  const current = draft.skus[skuId];
  if (!current || owns(draft, current)) return current;
  if (!owns(draft, draft.skus)) draft.skus = claim(draft, { ...draft.skus });
  const copy: SkuState = { ...current, incoming: current.incoming.map((po) => ({ ...po })) };
  draft.skus[skuId] = claim(draft, copy);
  return copy;
}
