/**
 * The glue between the role-play island, the conversation machine and storage: which
 * attempt of this role-play the profile is on (resumed from its saved steps, or a new one
 * when the trainee presses Start), the live snapshot, and starting over. Storage loads
 * lazily, so the server never touches IndexedDB.
 */
import { fromPromise, type SnapshotFrom } from 'xstate';
import type { Profile } from '../../db/index';
import {
  roleplayConversationMachine,
  type PersistInput,
} from '../../machines/roleplay-conversation';
import { overridesFromRecords, type MatchOverride } from '../../roleplay/overrides';
import { roleplayHash, scoreRecord, stepRecords, stepsFromRecords } from '../../roleplay/record';
import type { Roleplay } from '../../roleplay/schema';
import { stepsFit, viewConversation, type Conversation } from '../../roleplay/session';
import { StoredActor, type StoredPhase } from '../actor.svelte';
import { loadStorage } from '../profile/session.svelte';

export type ConversationSnapshot = SnapshotFrom<typeof roleplayConversationMachine>;
export type AttemptPhase = StoredPhase;

export class RoleplayAttempt extends StoredActor<typeof roleplayConversationMachine> {
  /** A trainer's overrides of the matcher on this attempt's typed replies, as stored. */
  overrides = $state.raw<MatchOverride[]>([]);

  readonly roleplay: Roleplay;
  readonly hash: string;
  protected override readonly noun = 'conversation';
  #resultId: string | null = null;

  constructor(roleplay: Roleplay) {
    super();
    this.roleplay = $state.snapshot(roleplay) as Roleplay;
    this.hash = roleplayHash(this.roleplay);
  }

  /** The profile's attempt: the newest one if running or ended, else a fresh briefing. */
  protected async load(profile: Profile): Promise<() => void> {
    const db = await loadStorage();
    const results = await db.roleplayResultsOf(profile.id, this.roleplay.id);
    const latest = results[0];
    let conversation: Conversation | null = null;
    let resumed: { id: string; overrides: MatchOverride[] } | null = null;
    if (latest && latest.status !== 'abandoned' && latest.roleplayHash === this.hash) {
      const steps = stepsFromRecords(latest.steps);
      const candidate: Conversation | null =
        steps && latest.mode !== 'live'
          ? { roleplay: this.roleplay.id, mode: latest.mode, steps }
          : null;
      if (candidate && stepsFit(this.roleplay, candidate)) {
        conversation = candidate;
        resumed = { id: latest.id, overrides: overridesFromRecords(latest.overrides) };
      }
    }
    // A conversation begun on an older version of the file cannot be continued: close it
    // so the list does not show it as in progress for ever.
    if (latest?.status === 'running' && !conversation) await db.abandonRoleplayResult(latest.id);
    return () => {
      this.#resultId = resumed?.id ?? null;
      this.overrides = resumed?.overrides ?? [];
      this.#boot(conversation);
    };
  }

  #boot(conversation: Conversation | null) {
    const persist = fromPromise<void, PersistInput>(({ input }) => this.#persist(input));
    this.boot(roleplayConversationMachine.provide({ actors: { persist } }), {
      input: { roleplay: this.roleplay, conversation },
    });
  }

  async #persist({ previous, next }: PersistInput): Promise<void> {
    const results = await loadStorage();
    if (!previous) {
      const id = crypto.randomUUID();
      await results.startRoleplayResult({
        id,
        profileId: this.profile!.id,
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

  /** Back to the briefing; an unfinished attempt stays on the record as abandoned. */
  async restart(): Promise<void> {
    const snapshot = this.snapshot;
    const id = this.#resultId;
    const ended =
      snapshot?.context.conversation &&
      viewConversation(this.roleplay, snapshot.context.conversation).ending;
    try {
      if (id && !ended) await (await loadStorage()).abandonRoleplayResult(id);
      this.#resultId = null;
      this.overrides = [];
      this.problem = null;
      this.send({ type: 'RESTART' });
    } catch (error) {
      this.problem = `The attempt could not be closed: ${(error as Error).message}`;
    }
  }
}
