/**
 * An XState actor read through Svelte runes: the snapshot is `$state.raw`, so a view
 * redraws when the machine moves on. Nothing starts on the server: the island calls
 * `start()` in an `$effect`, which returns the function that stops the actor again.
 * (@xstate/svelte's `useActor` starts its actor during server rendering, STACK.md.)
 */
import {
  createActor,
  type Actor,
  type ActorOptions,
  type AnyActorLogic,
  type EventFromLogic,
  type SnapshotFrom,
} from 'xstate';

export class ActorView<TLogic extends AnyActorLogic> {
  readonly actor: Actor<TLogic>;
  snapshot = $state.raw() as SnapshotFrom<TLogic>;

  constructor(logic: TLogic, options?: ActorOptions<TLogic>) {
    this.actor = (createActor as (l: TLogic, o?: ActorOptions<TLogic>) => Actor<TLogic>)(
      logic,
      options,
    );
    this.snapshot = this.actor.getSnapshot();
  }

  /** Start the actor and follow its snapshot; returns a function that stops both. */
  start(): () => void {
    const subscription = this.actor.subscribe((snapshot) => (this.snapshot = snapshot));
    this.actor.start();
    this.snapshot = this.actor.getSnapshot();
    return () => {
      subscription.unsubscribe();
      this.actor.stop();
    };
  }

  send(event: EventFromLogic<TLogic>): void {
    this.actor.send(event);
  }
}
