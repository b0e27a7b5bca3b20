/**
 * XState actors read through Svelte runes: the snapshot is `$state.raw`, so a view
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
import type { Profile } from '../db/index';

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

/** How far an island is with the profile's stored actor. */
export type StoredPhase = 'loading' | 'no-profile' | 'unavailable' | 'ready';

/**
 * A machine whose steps are kept in storage under the profile in use, read through runes:
 * the one adapter behind the order desk's run (src/components/simulation/run.svelte.ts) and
 * the role-play's attempt (src/components/roleplay/attempt.svelte.ts). `open` reads what the
 * profile left (a subclass's `load`) and boots a fresh actor from it; a profile that changes
 * while that loads wins; a failure is a sentence on the page, never a stack trace.
 */
export abstract class StoredActor<TLogic extends AnyActorLogic> {
  phase = $state<StoredPhase>('loading');
  /** Why the stored actor cannot be loaded or changed, in words for the page. */
  problem = $state<string | null>(null);
  snapshot = $state.raw<SnapshotFrom<TLogic> | null>(null);

  #actor: Actor<TLogic> | null = null;
  #unsubscribe: (() => void) | null = null;
  #profile: Profile | null = null;

  /** What the page calls what is kept ("shift", "conversation"), for its messages. */
  protected abstract readonly noun: string;

  /**
   * Read what `profile` left in storage; returns what to do with it once it is certain the
   * profile is still the one in use (normally: `boot` the actor from it).
   */
  protected abstract load(profile: Profile): Promise<() => void>;

  /** Each new snapshot, after the runes have it; for a subclass that follows the machine. */
  protected onSnapshot(_snapshot: SnapshotFrom<TLogic>): void {}

  protected get profile(): Profile | null {
    return this.#profile;
  }

  protected get actor(): Actor<TLogic> | null {
    return this.#actor;
  }

  /** Open the profile's stored actor: resumed where it was left, or a fresh one. */
  async open(profile: Profile | null): Promise<void> {
    this.#profile = profile;
    this.stop();
    if (!profile) {
      this.phase = 'no-profile';
      return;
    }
    this.phase = 'loading';
    try {
      const resume = await this.load(profile);
      if (this.#profile !== profile) return; // the profile changed while this loaded
      resume();
      this.phase = 'ready';
    } catch (error) {
      this.problem = `Your saved ${this.noun} could not be opened: ${(error as Error).message}`;
      this.phase = 'unavailable';
    }
  }

  /** Start a new actor of `logic` (with its storage actors provided) in place of the last. */
  protected boot(logic: TLogic, options: ActorOptions<TLogic>): void {
    this.stop();
    const actor = (createActor as (l: TLogic, o?: ActorOptions<TLogic>) => Actor<TLogic>)(
      logic,
      options,
    );
    this.#actor = actor;
    const subscription = actor.subscribe((snapshot) => {
      this.snapshot = snapshot;
      this.onSnapshot(snapshot);
    });
    this.#unsubscribe = () => subscription.unsubscribe();
    actor.start();
    this.snapshot = actor.getSnapshot();
  }

  send(event: EventFromLogic<TLogic>): void {
    this.#actor?.send(event);
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#actor?.stop();
    this.#actor = null;
  }
}
