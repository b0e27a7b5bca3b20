/**
 * The glue between the role-play island, the conversation machine and storage: which
 * attempt of this role-play the profile is on (resumed from its saved steps, or a new one
 * when the trainee presses Start), the live snapshot, and starting over. Storage loads
 * lazily, so the server never touches IndexedDB.
 */
import { createActor, fromPromise, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { Profile } from '../../db/index';
import {
  roleplayConversationMachine,
  type ConversationEvent,
  type PersistInput,
} from '../../machines/roleplay-conversation';
import { overridesFromRecords, type MatchOverride } from '../../roleplay/overrides';
import { roleplayHash, scoreRecord, stepRecords, stepsFromRecords } from '../../roleplay/record';
import type { Roleplay } from '../../roleplay/schema';
import { stepsFit, viewConversation, type Conversation } from '../../roleplay/session';
import { loadStorage } from '../profile/session.svelte';

type ConversationActor = ActorRefFrom<typeof roleplayConversationMachine>;
export type ConversationSnapshot = SnapshotFrom<typeof roleplayConversationMachine>;
export type AttemptPhase = 'loading' | 'no-profile' | 'unavailable' | 'ready';

const loadResults = () => import('../../db/index');

export class RoleplayAttempt {
  phase = $state<AttemptPhase>('loading');
  /** Why the attempt cannot be loaded or changed, in words for the page. */
  problem = $state<string | null>(null);
  snapshot = $state.raw<ConversationSnapshot | null>(null);
  /** A trainer's overrides of the matcher on this attempt's typed replies, as stored. */
  overrides = $state.raw<MatchOverride[]>([]);

  readonly roleplay: Roleplay;
  readonly hash: string;
  #actor: ConversationActor | null = null;
  #unsubscribe: (() => void) | null = null;
  #profile: Profile | null = null;
  #resultId: string | null = null;

  constructor(roleplay: Roleplay) {
    this.roleplay = $state.snapshot(roleplay) as Roleplay;
    this.hash = roleplayHash(this.roleplay);
  }

  /** Open the profile's attempt: the newest one if running or ended, else a fresh briefing. */
  async open(profile: Profile | null): Promise<void> {
    this.#profile = profile;
    this.stop();
    if (!profile) {
      this.phase = 'no-profile';
      return;
    }
    this.phase = 'loading';
    try {
      await loadStorage(); // the profile store opens the database first
      const results = await (await loadResults()).roleplayResultsOf(profile.id, this.roleplay.id);
      if (this.#profile !== profile) return; // the profile changed while this loaded
      const latest = results[0];
      let conversation: Conversation | null = null;
      if (latest && latest.status !== 'abandoned' && latest.roleplayHash === this.hash) {
        const steps = stepsFromRecords(latest.steps);
        const candidate: Conversation | null =
          steps && latest.mode !== 'live'
            ? { roleplay: this.roleplay.id, mode: latest.mode, steps }
            : null;
        if (candidate && stepsFit(this.roleplay, candidate)) {
          conversation = candidate;
          this.#resultId = latest.id;
          this.overrides = overridesFromRecords(latest.overrides);
        }
      }
      // A conversation begun on an older version of the file cannot be continued: close it
      // so the list does not show it as in progress for ever.
      if (latest?.status === 'running' && !conversation)
        await (await loadResults()).abandonRoleplayResult(latest.id);
      this.#boot(conversation);
      this.phase = 'ready';
    } catch (error) {
      this.problem = `Your saved conversation could not be opened: ${(error as Error).message}`;
      this.phase = 'unavailable';
    }
  }

  #boot(conversation: Conversation | null) {
    if (!conversation) {
      this.#resultId = null;
      this.overrides = [];
    }
    const actor = createActor(
      roleplayConversationMachine.provide({
        actors: { persist: fromPromise(({ input }) => this.#persist(input)) },
      }),
      { input: { roleplay: this.roleplay, conversation } },
    );
    this.#actor = actor;
    const subscription = actor.subscribe((snapshot) => (this.snapshot = snapshot));
    this.#unsubscribe = () => subscription.unsubscribe();
    actor.start();
    this.snapshot = actor.getSnapshot();
  }

  async #persist({ previous, next }: PersistInput): Promise<void> {
    const results = await loadResults();
    if (!previous) {
      const id = crypto.randomUUID();
      await results.startRoleplayResult({
        id,
        profileId: this.#profile!.id,
        roleplay: this.roleplay.id,
        roleplayHash: this.hash,
        mode: next.mode,
      });
      this.#resultId = id;
      return;
    }
    if (!this.#resultId) throw new Error('No attempt is open.');
    const view = viewConversation(this.roleplay, next, this.overrides);
    await results.saveRoleplaySteps(
      this.#resultId,
      previous.steps.length,
      stepRecords(view),
      scoreRecord(view),
    );
  }

  send(event: ConversationEvent): void {
    this.#actor?.send(event);
  }

  /** Back to the briefing; an unfinished attempt stays on the record as abandoned. */
  async restart(): Promise<void> {
    const snapshot = this.snapshot;
    const id = this.#resultId;
    const ended =
      snapshot?.context.conversation &&
      viewConversation(this.roleplay, snapshot.context.conversation).ending;
    try {
      if (id && !ended) await (await loadResults()).abandonRoleplayResult(id);
      this.#resultId = null;
      this.overrides = [];
      this.problem = null;
      this.send({ type: 'RESTART' });
    } catch (error) {
      this.problem = `The attempt could not be closed: ${(error as Error).message}`;
    }
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#actor?.stop();
    this.#actor = null;
    this.#unsubscribe = null;
  }
}
