/**
 * Which objects a state may change in place (see ./draft.ts). A state made by `initialState`
 * owns everything in it until a draft is made from it; a draft owns only what it copied or
 * made itself. Kept apart from ./draft.ts so that ./state.ts can mark a new state without an
 * import cycle.
 */
import type { EngineState } from './state';

/** States that own every object in them: fresh from `initialState`, never drafted from. */
const wholly = new WeakSet<EngineState>();
/** For any other state, the orders, SKUs and lists it made itself. */
const made = new WeakMap<EngineState, WeakSet<object>>();

/** Mark a state built from nothing shared as owning all of it. */
export function ownsEverything<T extends EngineState>(state: T): T {
  wholly.add(state);
  return state;
}

export function owns(state: EngineState, object: object): boolean {
  return wholly.has(state) || (made.get(state)?.has(object) ?? false);
}

/** Record that `state` made `object` itself, so it may change it in place. */
export function claim<T extends object>(state: EngineState, object: T): T {
  if (wholly.has(state)) return object;
  let objects = made.get(state);
  if (!objects) made.set(state, (objects = new WeakSet()));
  objects.add(object);
  return object;
}

/** `state` now shares its objects with a draft: it owns none of them any more. */
export function disown(state: EngineState): void {
  wholly.delete(state);
  made.delete(state);
}
