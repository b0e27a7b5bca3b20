/**
 * The trainee's side of a live session (issue 5, issue 17): join by code, open the
 * session's BroadcastChannel (the `channel` actor) and follow the trainer's window. The
 * scenario or role-play that arrives is validated again with the engine's and the
 * role-play's own loaders; an injected event is checked against the desk as it stands
 * (the same check the desk's machine makes) before it is handed on. The shift itself is
 * played by the desk's own machine: the view reports it here (`DESK`) and hears back what
 * to do to it (the emitted `inject` and `clock` events).
 */
import { assign, enqueueActions, raise, sendTo, setup, type SnapshotFrom } from 'xstate';
import { validateScenario } from '../engine/load';
import { injectionProblem } from '../engine/injection';
import type { Scenario, ScenarioEvent } from '../engine/schema';
import type { EngineState } from '../engine/state';
import { validateRoleplay } from '../roleplay/load';
import type { Roleplay } from '../roleplay/schema';
import {
  normaliseCode,
  sessionCode,
  type ChannelOpener,
  type InjectableEvent,
  type LiveMessage,
  type LiveSession,
} from '../trainer/live-protocol';
import {
  ignoredMore,
  liveChannel,
  type FromChannel,
  type Ignored,
  type ToChannel,
} from './live-session-channel';
import type { TraineeStatus } from './live-session';
import type { simulationSessionMachine } from './simulation-session';

/** How long the window waits for a trainer's console before saying none answers. */
export const NO_ANSWER_MS = 4000;

/** The desk of this window, as the view reads it from the shift's own machine. */
export interface DeskReport {
  stage: Exclude<TraineeStatus['stage'], 'conversation'>;
  runId: string | null;
  now: string | null;
  logLength: number;
  /** The desk's machine is in `running` (the clock may be paused) or `paused`. */
  running: boolean;
  paused: boolean;
  /** A step is being saved: the outcome of an injection is not known yet. */
  saving: boolean;
  state: EngineState | null;
  announcements: string[];
  saveError: string | null;
}

export interface TraineeInput {
  open?: ChannelOpener;
}

export interface TraineeContext {
  open: ChannelOpener | undefined;
  code: string | null;
  codeProblem: string | null;
  session: LiveSession | null;
  scenario: Scenario | null;
  roleplay: Roleplay | null;
  /** Where the role-play stands, as the trainer's window last said. */
  roleplayAt: string | null;
  contentProblem: string | null;
  ended: boolean;
  waitingTooLong: boolean;
  news: string;
  desk: DeskReport | null;
  /** Injections already handled: a message seen twice is applied once. */
  handled: string[];
  pending: { id: string; logLength: number } | null;
  /** The last status sent, so an unchanged one is not sent again. */
  lastStatus: string;
  /** Why the last injection was not taken, shown here as well as in the trainer's window. */
  refusal: string | null;
  ignored: Ignored | null;
}

export type TraineeEvent =
  | { type: 'JOIN'; typed: string }
  | { type: 'DESK'; desk: DeskReport | null }
  | { type: 'CONNECT' }
  | { type: 'REPORT' }
  | FromChannel;

/** What the view does to the desk's own machine. */
export type TraineeEmitted =
  { type: 'inject'; event: InjectableEvent } | { type: 'clock'; paused: boolean };

const send = (message: LiveMessage): ToChannel => ({ type: 'SEND', message });

const problemsText = (problems: { path: string; message: string }[]) =>
  problems
    .slice(0, 5)
    .map((p) => `${p.path || 'file'}: ${p.message}`)
    .join('; ')
    .slice(0, 600);

/** The context after a session arrives: the content checked again, or why it is refused. */
function takeSession(context: TraineeContext, next: LiveSession): Partial<TraineeContext> {
  // The same session again (a reload of the trainer's window): only the hold on the clock
  // may change; who plays and what stay as they arrived.
  if (context.session?.id === next.id)
    return { session: { ...context.session, paused: next.paused }, lastStatus: '' };
  // Content with problems is refused; it does not replace a session already running.
  const refuse = (problem: string): Partial<TraineeContext> =>
    context.session
      ? { ignored: ignoredMore(context.ignored, `a new session whose ${problem}`) }
      : { contentProblem: `The ${problem}` };
  const fresh = {
    contentProblem: null,
    ended: false,
    desk: null,
    pending: null,
    handled: [],
    refusal: null,
    roleplayAt: null,
    lastStatus: '',
    session: next,
  };
  if (next.content.kind === 'roleplay') {
    const checked = validateRoleplay(next.content.roleplay, 'roleplay');
    if (!checked.ok)
      return refuse(
        `role-play sent by the trainer's window has problems: ${problemsText(checked.problems)}`,
      );
    return { ...fresh, scenario: null, roleplay: checked.value };
  }
  const checked = validateScenario(next.content.scenario, 'scenario');
  if (!checked.ok)
    return refuse(
      `scenario sent by the trainer's window has problems: ${problemsText(checked.problems)}`,
    );
  return { ...fresh, roleplay: null, scenario: checked.value };
}

/** Where this window is, for the trainer's console. */
function statusOf(context: TraineeContext): TraineeStatus | null {
  if (!context.session) return null;
  const desk = context.desk;
  return {
    kind: 'status',
    session: context.session.id,
    stage: context.roleplay ? 'conversation' : (desk?.stage ?? 'opening'),
    runId: context.roleplay ? null : (desk?.runId ?? null),
    now: context.roleplay ? null : (desk?.now ?? null),
    logLength: context.roleplay ? 0 : (desk?.logLength ?? 0),
    paused: !context.roleplay && !!desk?.paused,
  };
}

export const liveTraineeMachine = setup({
  types: {
    input: {} as TraineeInput,
    context: {} as TraineeContext,
    events: {} as TraineeEvent,
    emitted: {} as TraineeEmitted,
  },
  actors: { channel: liveChannel },
  delays: { noAnswer: NO_ANSWER_MS },
  actions: {
    /** Tell the trainer's window where this one is, when that changed. */
    report: enqueueActions(({ context, enqueue }) => {
      const status = statusOf(context);
      const text = JSON.stringify(status);
      if (!status || text === context.lastStatus) return;
      enqueue.assign({ lastStatus: text });
      enqueue.sendTo('channel', send(status));
    }),
    /** The trainer holds the clock: also after a reload, or when a step was saving as they paused. */
    holdClock: enqueueActions(({ context, enqueue }) => {
      if (context.session?.paused && context.desk?.running)
        enqueue.emit({ type: 'clock', paused: true });
    }),
    /** The outcome of an injection once it is saved (or could not be). */
    settleInjection: enqueueActions(({ context, enqueue }) => {
      const desk = context.desk;
      if (!context.pending || !desk || desk.saving) return;
      const { id, logLength } = context.pending;
      enqueue.assign({ pending: null });
      const ok = desk.logLength > logLength;
      enqueue.sendTo(
        'channel',
        send({
          kind: 'injected',
          session: context.session!.id,
          id,
          ok,
          at: ok ? desk.now : null,
          message: (ok
            ? desk.announcements.join(' ')
            : (desk.saveError ?? 'The desk did not take the event.')
          ).slice(0, 500),
        }),
      );
    }),
    /** Check an injection against the desk as it stands; hand it on, or refuse it with a reason. */
    inject: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'RECEIVED' || event.message.kind !== 'inject') return;
      const message = event.message;
      if (!context.session || message.session !== context.session.id) return;
      if (context.handled.includes(message.id)) return;
      enqueue.assign({ handled: [...context.handled, message.id] });
      const desk = context.desk;
      const problem =
        !context.scenario || !desk?.state || !(desk.running || desk.paused)
          ? 'The trainee is not at the desk: the shift has not started or has ended.'
          : injectionProblem(desk.state, { ...message.event, at: desk.state.now } as ScenarioEvent);
      if (!problem) {
        enqueue.assign({ pending: { id: message.id, logLength: desk!.logLength }, refusal: null });
        enqueue.emit({ type: 'inject', event: message.event });
        return;
      }
      enqueue.assign({ refusal: `An event sent to this desk was not taken: ${problem}` });
      enqueue.sendTo(
        'channel',
        send({
          kind: 'injected',
          session: context.session.id,
          id: message.id,
          ok: false,
          at: null,
          message: problem.slice(0, 500),
        }),
      );
    }),
    receive: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'RECEIVED') return;
      const message = event.message;
      if (message.kind === 'session') {
        enqueue.assign(takeSession(context, message.session));
        enqueue.raise({ type: 'REPORT' }); // once the new session is in place
        if (
          context.session?.id === message.session.id &&
          !message.session.paused &&
          context.desk?.paused
        )
          enqueue.emit({ type: 'clock', paused: false });
        return;
      }
      // Another trainee window's messages, or an earlier session's: not for this one.
      const session = context.session;
      if (!session || !('session' in message) || message.session !== session.id) return;
      switch (message.kind) {
        case 'pause':
          enqueue.assign({
            session: { ...session, paused: true },
            news: `${session.trainerName} paused the shift.`,
          });
          if (context.desk?.running) enqueue.emit({ type: 'clock', paused: true });
          return;
        case 'resume':
          enqueue.assign({
            session: { ...session, paused: false },
            news: `${session.trainerName} resumed the shift.`,
          });
          if (context.desk?.paused) enqueue.emit({ type: 'clock', paused: false });
          return;
        case 'roleplay-at':
          if (
            context.roleplay &&
            (context.roleplay.nodes[message.at] || context.roleplay.endings[message.at])
          )
            enqueue.assign({ roleplayAt: message.at });
          return;
        case 'end':
          enqueue.assign({ ended: true, news: `${session.trainerName} ended the live session.` });
          return;
      }
    }),
  },
}).createMachine({
  id: 'liveTrainee',
  context: ({ input }) => ({
    open: input.open,
    code: null,
    codeProblem: null,
    session: null,
    scenario: null,
    roleplay: null,
    roleplayAt: null,
    contentProblem: null,
    ended: false,
    waitingTooLong: false,
    news: '',
    desk: null,
    handled: [],
    pending: null,
    lastStatus: '',
    refusal: null,
    ignored: null,
  }),
  initial: 'joining',
  states: {
    joining: {
      on: {
        JOIN: [
          {
            guard: ({ event }) => sessionCode.safeParse(normaliseCode(event.typed)).success,
            target: 'joined',
            actions: assign({
              code: ({ event }) => normaliseCode(event.typed),
              codeProblem: null,
            }),
          },
          {
            actions: assign({
              codeProblem:
                'A session code is the 6 letters and digits shown on the trainer’s screen.',
            }),
          },
        ],
      },
    },
    joined: {
      invoke: {
        id: 'channel',
        src: 'channel',
        input: ({ context }) => ({ code: context.code!, open: context.open }),
      },
      // Ask the trainer's window for the session, once the channel is open.
      entry: raise({ type: 'CONNECT' }),
      after: {
        noAnswer: {
          actions: assign({ waitingTooLong: ({ context }) => context.session === null }),
        },
      },
      on: {
        CONNECT: { actions: sendTo('channel', send({ kind: 'hello' })) },
        REPORT: { actions: 'report' },
        RECEIVED: [
          { guard: ({ event }) => event.message.kind === 'inject', actions: 'inject' },
          { actions: ['receive', 'holdClock'] },
        ],
        REFUSED: {
          actions: assign({
            ignored: ({ context, event }) => ignoredMore(context.ignored, event.problem),
          }),
        },
        DESK: {
          actions: [
            assign({ desk: ({ event }) => event.desk }),
            'settleInjection',
            'holdClock',
            'report',
          ],
        },
      },
    },
  },
});

/** How far the desk's island is with its run (src/components/simulation/run.svelte.ts). */
export type DeskPhase = 'loading' | 'no-profile' | 'unavailable' | 'ready';

/** The desk as this window reports it, from the shift's own machine. */
export function deskReport(
  phase: DeskPhase,
  runId: string | null,
  snapshot: SnapshotFrom<typeof simulationSessionMachine> | null,
): DeskReport {
  const stage: DeskReport['stage'] =
    phase === 'no-profile' || phase === 'unavailable'
      ? phase
      : phase === 'loading' || !snapshot
        ? 'opening'
        : snapshot.matches('briefing')
          ? 'briefing'
          : snapshot.matches('debrief')
            ? 'debrief'
            : 'desk';
  const context = snapshot?.context;
  return {
    stage,
    runId,
    now: context?.state.now ?? null,
    logLength: context?.log.length ?? 0,
    running: !!snapshot?.matches('running'),
    paused: !!snapshot?.matches('paused'),
    saving: !!snapshot && (snapshot.matches('saving') || snapshot.matches('savingWhilePaused')),
    state: context?.state ?? null,
    announcements: context?.announcements ?? [],
    saveError: context?.saveError ?? null,
  };
}
