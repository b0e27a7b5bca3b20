/**
 * The trainer's side of a live session (issue 5, issue 17): set up, then live over the
 * session's BroadcastChannel (the `channel` actor, src/machines/live-session-channel.ts)
 * until the trainer ends it. The machine keeps the session, the trainee window's last
 * status, the role-play branches followed and what became of each injected event; the
 * console (src/components/trainer/LiveConsole.svelte) only shows it and sends events.
 * Everything from the channel has been validated by src/trainer/live-protocol.ts; a reply
 * about an injection this console did not send is dropped with a visible reason.
 */
import { formatLocal } from '../lib/dates';
import { assign, enqueueActions, raise, sendTo, setup } from 'xstate';
import type { Roleplay } from '../roleplay/schema';
import { viewConversation, type Step } from '../roleplay/session';
import type {
  ChannelOpener,
  InjectableEvent,
  LiveMessage,
  LiveSession,
  SavedConsole,
} from '../trainer/live-protocol';
import {
  ignoredMore,
  liveChannel,
  type FromChannel,
  type Ignored,
  type ToChannel,
} from './live-session-channel';

export type TraineeStatus = Extract<LiveMessage, { kind: 'status' }>;

export interface InjectionResult {
  id: string;
  ok: boolean;
  text: string;
}

export interface ConsoleInput {
  open?: ChannelOpener;
}

export interface ConsoleContext {
  open: ChannelOpener | undefined;
  code: string | null;
  session: LiveSession | null;
  /** The branches taken so far in a role-play session. */
  steps: Step[];
  status: TraineeStatus | null;
  results: InjectionResult[];
  /** The label of each injection sent, by its id, for the reply. */
  asked: Record<string, string>;
  /** The last change, for the screen reader. */
  news: string;
  ignored: Ignored | null;
}

export type ConsoleEvent =
  | { type: 'RESTORE'; saved: SavedConsole | null }
  | { type: 'START'; code: string; session: LiveSession }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'INJECT'; id: string; event: InjectableEvent; label: string }
  | { type: 'STEPS'; steps: Step[] }
  | { type: 'END' }
  | { type: 'ANNOUNCE' }
  | { type: 'CLOSE' }
  | FromChannel;

/** Where the trainee's window is, in words for the console. */
export const STAGE_WORDS: Record<TraineeStatus['stage'], string> = {
  opening: 'opening',
  'no-profile': 'the trainee profile is missing on this computer',
  briefing: 'reading the briefing',
  desk: 'at the order desk',
  conversation: 'in the conversation',
  debrief: 'shift ended, reading the debrief',
  unavailable: 'cannot save in this browser',
};

/** Where the role-play stands: the node waiting for a reply, or the ending reached. */
export function roleplayPosition(session: LiveSession | null, steps: Step[]): string | null {
  if (session?.content.kind !== 'roleplay') return null;
  const roleplay = session.content.roleplay as Roleplay;
  try {
    const view = viewConversation(roleplay, { roleplay: roleplay.id, mode: 'assessment', steps });
    return view.node?.id ?? view.ending?.id ?? null;
  } catch {
    return roleplay.start;
  }
}

const send = (message: LiveMessage): ToChannel => ({ type: 'SEND', message });

const EMPTY = {
  code: null,
  session: null,
  steps: [],
  status: null,
  results: [],
  asked: {},
} satisfies Partial<ConsoleContext>;

export const liveConsoleMachine = setup({
  types: {
    input: {} as ConsoleInput,
    context: {} as ConsoleContext,
    events: {} as ConsoleEvent,
  },
  actors: { channel: liveChannel },
  actions: {
    /** Tell the trainee's window the session, and where the role-play stands. */
    announce: enqueueActions(({ context, enqueue }) => {
      if (!context.session) return;
      enqueue.sendTo('channel', send({ kind: 'session', session: context.session }));
      const at = roleplayPosition(context.session, context.steps);
      if (at)
        enqueue.sendTo(
          'channel',
          send({
            kind: 'roleplay-at',
            session: context.session.id,
            at,
            steps: context.steps.length,
          }),
        );
    }),
    receive: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'RECEIVED' || !context.session) return;
      const message = event.message;
      if (message.kind === 'hello') return void enqueue.raise({ type: 'ANNOUNCE' });
      // Another console's messages, or an earlier session's: not for this one.
      if (!('session' in message) || message.session !== context.session.id) return;
      if (message.kind === 'status') {
        if (context.status?.stage !== message.stage)
          enqueue.assign({ news: `The trainee's window: ${STAGE_WORDS[message.stage]}.` });
        enqueue.assign({ status: message });
      } else if (message.kind === 'injected') {
        const what = context.asked[message.id];
        if (!what) {
          enqueue.assign({
            ignored: ignoredMore(
              context.ignored,
              'a reply about an event this console did not send',
            ),
          });
          return;
        }
        const text = message.ok
          ? `${what}: in the trainee's log at ${message.at ? formatLocal(message.at) : 'now'}.`
          : `${what}: not taken. ${message.message}`;
        enqueue.assign({
          results: [{ id: message.id, ok: message.ok, text }, ...context.results],
          news: text,
        });
      }
    }),
  },
}).createMachine({
  id: 'liveConsole',
  context: ({ input }) => ({ open: input.open, ...EMPTY, news: '', ignored: null }),
  initial: 'setup',
  states: {
    setup: {
      on: {
        // The session this tab ran before a reload.
        RESTORE: {
          guard: ({ event }) => event.saved !== null,
          target: 'live',
          actions: assign(({ event }) => ({
            code: event.saved!.code,
            session: event.saved!.session,
            steps: event.saved!.steps,
          })),
        },
        START: {
          target: 'live',
          actions: assign(({ event }) => ({
            ...EMPTY,
            code: event.code,
            session: event.session,
            news: `Live session ${event.code} started.`,
          })),
        },
      },
    },
    live: {
      invoke: {
        id: 'channel',
        src: 'channel',
        input: ({ context }) => ({ code: context.code!, open: context.open }),
      },
      // Raised, so the channel is open when the session goes out.
      entry: raise({ type: 'ANNOUNCE' }),
      on: {
        ANNOUNCE: { actions: 'announce' },
        RECEIVED: { actions: 'receive' },
        REFUSED: {
          actions: assign({
            ignored: ({ context, event }) => ignoredMore(context.ignored, event.problem),
          }),
        },
        PAUSE: {
          actions: [
            assign({ session: ({ context }) => ({ ...context.session!, paused: true }) }),
            sendTo('channel', ({ context }) =>
              send({ kind: 'pause', session: context.session!.id }),
            ),
          ],
        },
        RESUME: {
          actions: [
            assign({ session: ({ context }) => ({ ...context.session!, paused: false }) }),
            sendTo('channel', ({ context }) =>
              send({ kind: 'resume', session: context.session!.id }),
            ),
          ],
        },
        INJECT: {
          actions: [
            assign({
              asked: ({ context, event }) => ({ ...context.asked, [event.id]: event.label }),
              news: ({ event }) => `${event.label}: sent to the trainee's desk.`,
            }),
            sendTo('channel', ({ context, event }) =>
              send({
                kind: 'inject',
                session: context.session!.id,
                id: event.id,
                event: event.event,
              }),
            ),
          ],
        },
        STEPS: {
          actions: [assign({ steps: ({ event }) => event.steps }), raise({ type: 'ANNOUNCE' })],
        },
        // Say so on the channel first; leaving `live` closes it.
        END: {
          actions: [
            sendTo('channel', ({ context }) => send({ kind: 'end', session: context.session!.id })),
            raise({ type: 'CLOSE' }),
          ],
        },
        CLOSE: {
          target: 'setup',
          actions: assign({ ...EMPTY, news: 'The live session ended.' }),
        },
      },
    },
  },
});
