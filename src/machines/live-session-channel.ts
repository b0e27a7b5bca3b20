/**
 * The BroadcastChannel of a live session as an actor (XState `fromCallback`): it opens the
 * channel of the session code, hands its parent every well-formed message (`RECEIVED`) and
 * the reason for every one it drops (`REFUSED`), posts what the parent sends it (`SEND`),
 * and closes the channel when the parent leaves the state that invoked it.
 */
import { fromCallback } from 'xstate';
import { LiveChannel, type ChannelOpener, type LiveMessage } from '../trainer/live-protocol';

export interface ChannelInput {
  code: string;
  /** How to open the channel; a BroadcastChannel unless a test gives a fake. */
  open?: ChannelOpener;
}

/** What the channel tells the machine that invoked it. */
export type FromChannel =
  { type: 'RECEIVED'; message: LiveMessage } | { type: 'REFUSED'; problem: string };

/** What the machine asks the channel to post. */
export interface ToChannel {
  type: 'SEND';
  message: LiveMessage;
}

export const liveChannel = fromCallback<ToChannel, ChannelInput>(({ input, sendBack, receive }) => {
  const channel = new LiveChannel(
    input.code,
    (message) => sendBack({ type: 'RECEIVED', message } satisfies FromChannel),
    input.open,
    (problem) => sendBack({ type: 'REFUSED', problem } satisfies FromChannel),
  );
  receive((event) => channel.send(event.message));
  return () => channel.close();
});

/** The words for messages dropped from the channel, shown in either window. */
export interface Ignored {
  count: number;
  /** Why the last one was dropped. */
  last: string;
}

export function ignoredMore(ignored: Ignored | null, problem: string): Ignored {
  return { count: (ignored?.count ?? 0) + 1, last: problem };
}

/** One sentence for the page about what was dropped. */
export function ignoredWords(ignored: Ignored): string {
  const what = ignored.count === 1 ? '1 message' : `${ignored.count} messages`;
  return `Ignored ${what} on this session's channel that did not fit a live session; the last was ${ignored.last}. Another page on this computer may be posting on it.`;
}
