/**
 * The glue between the order-desk island, the session machine and storage: which run of
 * this scenario the profile is on (resumed from its saved log, or a new one when the
 * trainee presses Start), the live snapshot for the panels, and ending, abandoning or
 * restarting the run. Storage loads lazily (ProfileSession), so the server never touches
 * IndexedDB and the page's start-up JavaScript carries no Dexie.
 */
import { fromPromise, type SnapshotFrom } from 'xstate';
import type { Profile, ShiftMode } from '../../db/index';
import type { LogEntry } from '../../engine/log';
import { scenarioHash } from '../../engine/review';
import type { Scenario } from '../../engine/schema';
import { ENGINE_VERSION } from '../../engine/state';
import {
  StaleRunError,
  simulationSessionMachine,
  type SessionEvent,
  type TraineeAction,
} from '../../machines/simulation-session';
import { StoredActor, type StoredPhase } from '../actor.svelte';
import { loadStorage } from '../profile/session.svelte';

export type SessionSnapshot = SnapshotFrom<typeof simulationSessionMachine>;

export type RunPhase = StoredPhase;

export class ShiftRun extends StoredActor<typeof simulationSessionMachine> {
  runId = $state<string | null>(null);
  /** Practice shows the coach; assessment does not. Kept on the run, so a reload keeps it. */
  mode = $state<ShiftMode>('practice');
  /** Another tab moved this run on: this tab's copy is behind until `reload()`. */
  stale = $state(false);

  readonly scenario: Scenario;
  readonly hash: string;
  protected override readonly noun = 'shift';
  #finished = false;
  /**
   * Events sent while a step is being saved. The machine only takes the next step once the
   * last one is stored; holding these (rather than disabling every control for the moment
   * a save takes) keeps focus where the trainee left it and the desk from redrawing twice.
   */
  #waiting: SessionEvent[] = [];
  /** The trainer of the live session this desk plays in, if any: a run started here is witnessed. */
  witness: string | null = null;

  constructor(scenario: Scenario) {
    super();
    // Props can arrive as Svelte proxies, which IndexedDB cannot clone: the scenario's events
    // go into the saved log as they are, so keep a plain copy.
    this.scenario = $state.snapshot(scenario) as Scenario;
    this.hash = scenarioHash(scenario);
  }

  /** The profile's run of this scenario: its running one if any, else a fresh briefing. */
  protected async load(profile: Profile): Promise<() => void> {
    const db = await loadStorage();
    // A run of another engine version resumes too: the log replays under today's engine
    // (a new version changes how shifts are scored, not what a log means).
    const runs = (await db.runsOf(profile.id, this.scenario.id)).filter(
      (run) => run.scenarioHash === this.hash,
    );
    // The newest run decides: an open shift resumes at the desk; a shift that ended shows
    // its debrief again (with "play again"); an abandoned one leaves a fresh briefing.
    const latest = runs[0]?.status === 'abandoned' ? undefined : runs[0];
    const log = latest ? ((await db.runLog(latest.id)) as LogEntry[]) : [];
    return () => {
      // A run stored before modes existed was played without a coach.
      this.mode = latest ? (latest.mode ?? 'assessment') : 'practice';
      this.#boot(latest?.id ?? null, log);
      if (latest?.status === 'ended') {
        this.#finished = true; // already stored with its score
        this.send({ type: 'END' });
      }
    };
  }

  /**
   * Read this scenario's run again from storage, as another tab left it, without reloading
   * the page: only the run changes, not the profile or anything else on screen.
   */
  async reload(): Promise<void> {
    await this.open(this.profile);
  }

  #boot(runId: string | null, log: LogEntry[]) {
    this.runId = runId;
    this.stale = false;
    this.#finished = false;
    this.#waiting = [];
    const persist = fromPromise<void, { from: number; entries: LogEntry[] }>(async ({ input }) => {
      if (!this.runId) throw new Error('No run is open.');
      const db = await loadStorage();
      try {
        await db.appendRunEntries(this.runId, input.from, input.entries, Date.now());
      } catch (error) {
        if (!(error instanceof db.RunMovedOn)) throw error;
        this.stale = true;
        throw new StaleRunError();
      }
    });
    this.boot(simulationSessionMachine.provide({ actors: { persist } }), {
      input: { scenario: this.scenario, actor: this.profile!.name, log },
    });
  }

  protected override onSnapshot(snapshot: SessionSnapshot): void {
    if (snapshot.matches('debrief')) void this.#finish(snapshot);
    else if (!snapshot.matches('saving') && this.#waiting.length > 0)
      queueMicrotask(() => this.send(this.#waiting.shift()!));
  }

  async #finish(snapshot: SessionSnapshot) {
    if (this.#finished || !this.runId) return;
    this.#finished = true;
    const score = snapshot.context.score;
    const db = await loadStorage();
    await db.finishRun(
      this.runId,
      'ended',
      score
        ? { total: score.total, passed: score.passed, competencies: score.competencies }
        : undefined,
    );
  }

  override send(event: SessionEvent): void {
    const actor = this.actor;
    if (!actor) return;
    if (actor.getSnapshot().matches('saving')) this.#waiting.push(event);
    else actor.send(event);
  }

  act(action: TraineeAction): void {
    this.send({ type: 'ACT', action });
  }

  /** Begin the shift: a new stored run unless the profile already has one open. */
  async start(mode: ShiftMode = this.mode): Promise<void> {
    const profile = this.profile;
    if (!profile) return;
    if (!this.runId) {
      this.mode = mode;
      try {
        const db = await loadStorage();
        const run = await db.startRun({
          id: crypto.randomUUID(),
          profileId: profile.id,
          scenario: this.scenario.id,
          scenarioHash: this.hash,
          engineVersion: ENGINE_VERSION,
          mode,
          ...(this.witness ? { witnessedBy: this.witness } : {}),
        });
        this.runId = run.id;
      } catch (error) {
        this.problem = `The shift could not be started: ${(error as Error).message}`;
        return;
      }
    }
    this.problem = null;
    this.send({ type: 'START' });
  }

  /** Give up this run (it stays in the profile's history as abandoned) and go back to the briefing. */
  async abandon(): Promise<void> {
    if (this.runId && !this.#finished) {
      const db = await loadStorage();
      await db.finishRun(this.runId, 'abandoned');
    }
    this.stop();
    this.#boot(null, []);
  }

  /** Abandon this run and start a new one straight away. */
  async restart(): Promise<void> {
    await this.abandon();
    await this.start();
  }

  override stop(): void {
    super.stop();
    this.#waiting = [];
  }
}
