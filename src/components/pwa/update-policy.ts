/**
 * When the "update available" prompt may show. A new version of the site waits in the
 * background until the person accepts it, and accepting reloads the page; a reload in the
 * middle of a shift would cut the shift off, so the prompt keeps out of the way until the
 * shift has ended or the person has left the desk. Nothing here reloads by itself.
 */

/**
 * The order-desk island marks its element `data-stage="desk"` while a shift is being played
 * (after Start and before the debrief): the one honest sign that a reload would interrupt
 * someone's work.
 */
export const SHIFT_IN_PROGRESS = '[data-stage="desk"]';

export type UpdateState =
  /** No new version, or the person chose "Not now" for this page. */
  | 'none'
  /** A new version is waiting and the prompt shows. */
  | 'prompt'
  /** A new version is waiting, but a shift is in progress: the prompt waits with it. */
  | 'held';

/** Whether a new version is waiting, and whether the person dismissed it on this page. */
export interface UpdateFacts {
  waiting: boolean;
  dismissed: boolean;
  inShift: boolean;
}

export function updateState({ waiting, dismissed, inShift }: UpdateFacts): UpdateState {
  if (!waiting || dismissed) return 'none';
  return inShift ? 'held' : 'prompt';
}

/** Whether a shift is being played anywhere in `root`. */
export function shiftInProgress(root: ParentNode): boolean {
  return root.querySelector(SHIFT_IN_PROGRESS) !== null;
}

/**
 * Whether a registration holds a new version waiting to take over from the one in charge.
 * The first install on a first visit is never one: with nothing active it goes straight on
 * to activate, though the browser lists it as waiting for a moment first.
 */
export function newVersionWaiting(registration: { active: unknown; waiting: unknown }): boolean {
  return registration.active != null && registration.waiting != null;
}
