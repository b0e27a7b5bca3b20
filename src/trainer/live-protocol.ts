/**
 * The live-session protocol between a trainer's window and a trainee's window on the same
 * computer (issue 5): messages over a BroadcastChannel named after a short session code.
 * Nothing goes through a server. Any page of the site can post on a channel, so every
 * message received is untrusted input: it is parsed with the schema below and dropped
 * when it does not fit; what it carries is shown as text, never as HTML.
 */
import { z } from 'zod';
import type { InjectedEvent } from '../engine/injection';
import { MAX_NESTING } from '../engine/limits';
import { eventSchema, localDateTime } from '../engine/schema';

/** Letters and digits a person reads out without confusion (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export const sessionCode = z
  .string()
  .regex(
    new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`),
    `a session code is ${CODE_LENGTH} letters and digits`,
  );

/** A new session code from the browser's cryptographic random source. */
export function newSessionCode(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(CODE_LENGTH));
  return [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

/** A code as a person types it: spaces and dashes dropped, upper case. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** An event as the trainer asks for it; the trainee's desk stamps it with its own clock. */
export type InjectableEvent = InjectedEvent;

// The scenario's own event schemas without `at`: an injected event is checked exactly as
// one written in a scenario file.
export const injectableEventSchema = z.discriminatedUnion(
  'type',
  (eventSchema.options as readonly z.AnyZodObject[]).map((option) =>
    option.omit({ at: true }),
  ) as unknown as [
    z.ZodDiscriminatedUnionOption<'type'>,
    ...z.ZodDiscriminatedUnionOption<'type'>[],
  ],
) as unknown as z.ZodType<InjectableEvent>;

const id = z.string().min(1).max(64);
const personName = z.string().min(1).max(60);

/** What the session plays: a scenario (or a role-play) as data, checked again on arrival. */
const sessionContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scenario'), scenario: z.unknown() }).strict(),
  z.object({ kind: z.literal('roleplay'), roleplay: z.unknown() }).strict(),
]);

/** The session as the trainer set it up; the trainer's window is its source of truth. */
export const liveSessionSchema = z
  .object({
    id,
    trainerName: personName,
    trainee: z.object({ id, name: personName }).strict(),
    content: sessionContent,
    /** Whether the trainer holds the clock. */
    paused: z.boolean(),
  })
  .strict();
export type LiveSession = z.infer<typeof liveSessionSchema>;

/** Where the trainee's window is; the trainer's console shows it. */
export const TRAINEE_STAGES = [
  'conversation',
  'opening',
  'no-profile',
  'briefing',
  'desk',
  'debrief',
  'unavailable',
] as const;

export const liveMessageSchema = z.discriminatedUnion('kind', [
  /** Trainer: here is the session (on start, and in answer to `hello`). */
  z.object({ kind: z.literal('session'), session: liveSessionSchema }).strict(),
  /** Trainee: I am here, send me the session. */
  z.object({ kind: z.literal('hello') }).strict(),
  /** Trainee: where I am now. */
  z
    .object({
      kind: z.literal('status'),
      session: id,
      stage: z.enum(TRAINEE_STAGES),
      runId: id.nullable(),
      now: localDateTime.nullable(),
      logLength: z.number().int().nonnegative(),
      paused: z.boolean(),
    })
    .strict(),
  /** Trainer: put this event into the trainee's shift now. */
  z.object({ kind: z.literal('inject'), session: id, id, event: injectableEventSchema }).strict(),
  /** Trainee: what became of an injection (refused with a reason, or in the log at `at`). */
  z
    .object({
      kind: z.literal('injected'),
      session: id,
      id,
      ok: z.boolean(),
      at: localDateTime.nullable(),
      message: z.string().max(500),
    })
    .strict(),
  /** Trainer: the role-play has reached this node or ending (the trainee's window shows it). */
  z
    .object({
      kind: z.literal('roleplay-at'),
      session: id,
      at: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
      steps: z.number().int().nonnegative(),
    })
    .strict(),
  z.object({ kind: z.literal('pause'), session: id }).strict(),
  z.object({ kind: z.literal('resume'), session: id }).strict(),
  /** Trainer: the session is over; the trainee's window stops following it. */
  z.object({ kind: z.literal('end'), session: id }).strict(),
]);
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/**
 * Largest message on the channel. The largest is the session with its scenario; a trainer's
 * own scenario is at most 512 kB (MAX_AUTHORED_BYTES), the built-in ones far less.
 */
export const MAX_LIVE_MESSAGE_BYTES = 2 * 1024 * 1024;

/**
 * Whether `data` fits in `limit` (counted as characters of text, 8 for any other value)
 * and `MAX_NESTING` levels. The walk stops as soon as either is exceeded, so a huge or
 * cyclic message costs no more than the limit to refuse.
 */
export function fitsInSize(data: unknown, limit = MAX_LIVE_MESSAGE_BYTES): boolean {
  let size = 0;
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_NESTING) return false;
    if (typeof value === 'string') size += value.length + 2;
    else if (value && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
      for (const [key, child] of entries) {
        size += String(key).length + 2;
        if (size > limit) return false;
        stack.push([child, depth + 1]);
      }
    } else size += 8;
    if (size > limit) return false;
  }
  return true;
}

/** A piece of what arrived, safe and short enough to quote in a message (shown as text). */
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** What arrived on the channel: the message, or why it was refused, in words for the page. */
export type LiveReading = { ok: true; message: LiveMessage } | { ok: false; problem: string };

/** Read what arrived on the channel, checking its size before its shape. */
export function readLiveMessage(data: unknown): LiveReading {
  if (!fitsInSize(data))
    return {
      ok: false,
      problem: `a message larger than ${MAX_LIVE_MESSAGE_BYTES / 1024 / 1024} MB or nested deeper than ${MAX_NESTING} levels`,
    };
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, problem: `a message that is not an object (${describeValue(data)})` };
  const kind = (data as { kind?: unknown }).kind;
  const known = liveMessageSchema.options.map((option) => option.shape.kind.value as string);
  if (typeof kind !== 'string' || !known.includes(kind))
    return {
      ok: false,
      problem:
        typeof kind === 'string'
          ? `a message of a kind the session does not know, ${quote(kind)}`
          : 'a message with no kind',
    };
  const parsed = liveMessageSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.join('.') || 'the message';
  return {
    ok: false,
    problem: `a "${kind}" message with a wrong ${where}: ${quote(issue.message)}`,
  };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** Parse what arrived on the channel: the message, or null for anything that does not fit. */
export function parseLiveMessage(data: unknown): LiveMessage | null {
  const reading = readLiveMessage(data);
  return reading.ok ? reading.message : null;
}

/** The BroadcastChannel name of a session code. */
export function channelName(code: string): string {
  return `backorder-academy-live-${code}`;
}

/** The smallest part of BroadcastChannel we use, so tests can give a pair of fakes. */
export interface ChannelPort {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Opens the channel of a name: a BroadcastChannel in the browser, a fake in tests. */
export type ChannelOpener = (name: string) => ChannelPort;

/**
 * One end of a live session: sends only well-formed messages (a malformed one is a bug and
 * throws) and hands on only well-formed ones; `ignored` counts what was dropped, and
 * `refuse` hears why.
 */
export class LiveChannel {
  ignored = 0;
  readonly #port: ChannelPort;

  constructor(
    code: string,
    receive: (message: LiveMessage) => void,
    open: ChannelOpener = (name) => new BroadcastChannel(name),
    refuse: (problem: string) => void = () => {},
  ) {
    if (!sessionCode.safeParse(code).success) throw new Error(`Not a session code: ${code}`);
    this.#port = open(channelName(code));
    this.#port.onmessage = (event) => {
      const reading = readLiveMessage(event.data);
      if (reading.ok) return receive(reading.message);
      this.ignored++;
      refuse(reading.problem);
    };
  }

  send(message: LiveMessage): void {
    this.#port.postMessage(liveMessageSchema.parse(message));
  }

  close(): void {
    this.#port.onmessage = null;
    this.#port.close();
  }
}

/** One branch the trainer followed in a live role-play (src/roleplay/session.ts `Step`). */
const stepSchema = z
  .object({
    node: z.string().min(1).max(64),
    option: z.number().int().nonnegative().max(99),
    typed: z.string().max(2000).optional(),
  })
  .strict();

/** What the trainer's tab keeps through a reload (sessionStorage). */
export interface SavedConsole {
  code: string;
  session: LiveSession;
  steps: z.infer<typeof stepSchema>[];
}

/**
 * The session this tab ran before a reload, from the text sessionStorage kept; null when
 * there is none or it does not fit (storage is input too). Steps that do not fit are dropped.
 */
export function readSavedConsole(text: string | null): SavedConsole | null {
  let saved: unknown;
  try {
    saved = JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
  if (!saved || typeof saved !== 'object') return null;
  const { code, session, steps } = saved as Record<string, unknown>;
  const parsedCode = sessionCode.safeParse(code);
  const parsedSession = liveSessionSchema.safeParse(session);
  if (!parsedCode.success || !parsedSession.success) return null;
  const parsedSteps = z.array(stepSchema).max(500).safeParse(steps);
  return {
    code: parsedCode.data,
    session: parsedSession.data,
    steps: parsedSteps.success ? parsedSteps.data : [],
  };
}
