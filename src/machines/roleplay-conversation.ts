/**
 * A role-play attempt: briefing, conversation, debrief. The machine holds the steps and
 * nothing else; every reply is turned into new steps by the role-play module
 * (src/roleplay/session.ts), saved by the `persist` actor, and only then shown, so a reload
 * resumes exactly the saved conversation. Going back a step (practice mode) is saved the
 * same way; the score is always recomputed from the steps kept.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { Roleplay } from '../roleplay/schema';
import {
  chooseReply,
  startConversation,
  stepBack,
  typeReply,
  viewConversation,
  type Conversation,
  type Mode,
} from '../roleplay/session';

export interface ConversationInput {
  roleplay: Roleplay;
  /** A saved attempt to resume; none for a fresh briefing. */
  conversation?: Conversation | null;
}

export interface ConversationContext {
  roleplay: Roleplay;
  conversation: Conversation | null;
  /** Steps waiting to be saved. */
  pending: Conversation | null;
  /** Why the typed reply was not taken, for the reply box. */
  replyProblem: string | null;
  /** Why the last step could not be saved. */
  saveError: string | null;
}

export type ConversationEvent =
  | { type: 'START'; mode: Mode }
  | { type: 'CHOOSE'; option: number }
  | { type: 'TYPE'; text: string }
  | { type: 'BACK' }
  | { type: 'RESTART' };

/** What the `persist` actor saves: the steps before and after. */
export interface PersistInput {
  previous: Conversation | null;
  next: Conversation;
}

const ended = (roleplay: Roleplay, conversation: Conversation | null) =>
  !!conversation && viewConversation(roleplay, conversation).ending !== null;

export const roleplayConversationMachine = setup({
  types: {
    input: {} as ConversationInput,
    context: {} as ConversationContext,
    events: {} as ConversationEvent,
  },
  actors: {
    /** Replaced by the island with one that writes the attempt to IndexedDB. */
    persist: fromPromise<void, PersistInput>(async () => {}),
  },
  guards: {
    resumed: ({ context }) => context.conversation !== null,
    hasEnded: ({ context }) => ended(context.roleplay, context.conversation),
    canGoBack: ({ context }) =>
      context.conversation?.mode === 'practice' && context.conversation.steps.length > 0,
    replyTaken: ({ context, event }) =>
      event.type === 'TYPE' && typeReply(context.roleplay, context.conversation!, event.text).ok,
  },
  actions: {
    queueStart: assign({
      pending: ({ context, event }) =>
        event.type === 'START' ? startConversation(context.roleplay, event.mode) : null,
    }),
    queueChoice: assign({
      pending: ({ context, event }) =>
        event.type === 'CHOOSE'
          ? chooseReply(context.roleplay, context.conversation!, event.option)
          : null,
    }),
    queueTyped: assign(({ context, event }) => {
      if (event.type !== 'TYPE') return {};
      const result = typeReply(context.roleplay, context.conversation!, event.text);
      return result.ok
        ? { pending: result.conversation, replyProblem: null }
        : { replyProblem: result.message };
    }),
    queueBack: assign({ pending: ({ context }) => stepBack(context.conversation!) }),
    commit: assign(({ context }) => ({
      conversation: context.pending,
      pending: null,
      saveError: null,
      replyProblem: null,
    })),
    dropPending: assign({
      pending: null,
      saveError:
        'Your reply could not be saved, so it was not sent. Check that this browser can save, then try again.',
    }),
    clear: assign({ conversation: null, pending: null, replyProblem: null, saveError: null }),
  },
}).createMachine({
  id: 'roleplayConversation',
  context: ({ input }) => ({
    roleplay: input.roleplay,
    conversation: input.conversation ?? null,
    pending: null,
    replyProblem: null,
    saveError: null,
  }),
  initial: 'opening',
  states: {
    opening: {
      always: [
        { guard: 'hasEnded', target: 'debrief' },
        { guard: 'resumed', target: 'talking' },
        { target: 'briefing' },
      ],
    },
    briefing: { on: { START: { target: 'saving', actions: 'queueStart' } } },
    talking: {
      on: {
        CHOOSE: { target: 'saving', actions: 'queueChoice' },
        TYPE: [
          { guard: 'replyTaken', target: 'saving', actions: 'queueTyped' },
          { actions: 'queueTyped' },
        ],
        BACK: { guard: 'canGoBack', target: 'saving', actions: 'queueBack' },
        RESTART: { target: 'briefing', actions: 'clear' },
      },
    },
    saving: {
      invoke: {
        src: 'persist',
        input: ({ context }) => ({ previous: context.conversation, next: context.pending! }),
        onDone: { target: 'settled', actions: 'commit' },
        onError: { target: 'settled', actions: 'dropPending' },
      },
    },
    settled: {
      always: [
        { guard: 'hasEnded', target: 'debrief' },
        { guard: 'resumed', target: 'talking' },
        { target: 'briefing' },
      ],
    },
    debrief: {
      on: {
        BACK: { guard: 'canGoBack', target: 'saving', actions: 'queueBack' },
        RESTART: { target: 'briefing', actions: 'clear' },
      },
    },
  },
});
