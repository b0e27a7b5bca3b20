import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  LiveChannel,
  fitsInSize,
  newSessionCode,
  normaliseCode,
  parseLiveMessage,
  readLiveMessage,
  readSavedConsole,
  sessionCode,
  type ChannelPort,
  type LiveMessage,
} from './live-protocol';

const session: Extract<LiveMessage, { kind: 'session' }> = {
  kind: 'session',
  session: {
    id: 's-1',
    trainerName: 'Maria Keller',
    trainee: { id: 'p-1', name: 'Ana Ruiz' },
    content: { kind: 'scenario', scenario: { id: 'anything, checked on arrival' } },
    paused: false,
  },
};

describe('session codes', () => {
  it('are six letters and digits a person can read out', () => {
    for (let i = 0; i < 50; i++) {
      const code = newSessionCode();
      expect(sessionCode.safeParse(code).success).toBe(true);
      expect(code).toMatch(/^[^01OIL]{6}$/);
    }
  });

  it('are the same whatever byte pattern the random source gives', () => {
    expect(newSessionCode((b) => b.fill(0))).toBe(CODE_ALPHABET[0]!.repeat(6));
    expect(newSessionCode((b) => b.fill(255))).toHaveLength(6);
  });

  it.each([
    ['abc-234', 'ABC234'],
    [' qx7 9kp ', 'QX79KP'],
  ])('typed %j reads as %s', (typed, code) => expect(normaliseCode(typed)).toBe(code));

  it.each(['ABC23', 'ABC2340', 'ABC2O4', 'abc234', ''])('%j is not a code', (code) =>
    expect(sessionCode.safeParse(code).success).toBe(false),
  );
});

describe('parsing what arrives on the channel', () => {
  it.each<[string, LiveMessage]>([
    ['a session', session],
    ['a hello', { kind: 'hello' }],
    [
      'a status',
      {
        kind: 'status',
        session: 's-1',
        stage: 'desk',
        runId: 'r-1',
        now: '2026-03-02T09:00',
        logLength: 4,
        paused: false,
      },
    ],
    [
      'a PO delay',
      {
        kind: 'inject',
        session: 's-1',
        id: 'i-1',
        event: { type: 'po-delayed', po: 'PO-1', eta: '2026-03-06T08:00' },
      },
    ],
    [
      'an angry call',
      {
        kind: 'inject',
        session: 's-1',
        id: 'i-2',
        event: {
          type: 'customer-message',
          order: 'SO-1',
          intent: 'ask-status',
          text: '<b>Where</b> is my order?',
        },
      },
    ],
    [
      'an injection result',
      {
        kind: 'injected',
        session: 's-1',
        id: 'i-1',
        ok: true,
        at: '2026-03-02T09:00',
        message: '',
      },
    ],
    ['a pause', { kind: 'pause', session: 's-1' }],
    [
      'a role-play position',
      { kind: 'roleplay-at', session: 's-1', at: 'asks-for-date', steps: 2 },
    ],
  ])('accepts %s as it is', (_name, message) => {
    expect(parseLiveMessage(structuredClone(message))).toEqual(message);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    [
      'a role-play position that is not a node id',
      { kind: 'roleplay-at', session: 's', at: '<b>x</b>', steps: 0 },
    ],
    ['a string', 'pause'],
    ['an unknown kind', { kind: 'explode', session: 's-1' }],
    ['an extra field', { kind: 'pause', session: 's-1', html: '<script>' }],
    [
      'an injected event with its own time',
      {
        kind: 'inject',
        session: 's-1',
        id: 'i',
        event: { type: 'sku-discontinued', at: '2026-03-02T09:00', sku: 'A' },
      },
    ],
    [
      'an injected event of an unknown type',
      { kind: 'inject', session: 's-1', id: 'i', event: { type: 'fire', sku: 'A' } },
    ],
    [
      'a delay to a date that is not one',
      {
        kind: 'inject',
        session: 's-1',
        id: 'i',
        event: { type: 'po-delayed', po: 'P', eta: 'soon' },
      },
    ],
    [
      'a customer text too long',
      {
        kind: 'inject',
        session: 's-1',
        id: 'i',
        event: {
          type: 'customer-message',
          order: 'SO-1',
          intent: 'ask-status',
          text: 'x'.repeat(2001),
        },
      },
    ],
    [
      'a session with a trainer name too long',
      {
        ...session,
        session: { ...(session as { session: object }).session, trainerName: 'x'.repeat(61) },
      },
    ],
    [
      'a status with a negative log',
      {
        kind: 'status',
        session: 's',
        stage: 'desk',
        runId: null,
        now: null,
        logLength: -1,
        paused: false,
      },
    ],
  ])('drops %s', (_name, data) => expect(parseLiveMessage(data)).toBeNull());
});

/** Two ends of one fake channel: what one posts, the other receives (as structured clones). */
function fakePair(): [(name: string) => ChannelPort, (name: string) => ChannelPort, ChannelPort[]] {
  const ports: ChannelPort[] = [];
  const open = (name: string): ChannelPort => {
    const port: ChannelPort & { name: string } = {
      name,
      onmessage: null,
      postMessage: (message) => {
        for (const other of ports)
          if (other !== port && (other as typeof port).name === name)
            other.onmessage?.({ data: structuredClone(message) } as MessageEvent);
      },
      close: () => ports.splice(ports.indexOf(port), 1),
    };
    ports.push(port);
    return port;
  };
  return [open, open, ports];
}

describe('a live channel', () => {
  it('carries well-formed messages between two windows with the same code only', () => {
    const [open] = fakePair();
    const trainee: LiveMessage[] = [];
    const stranger: LiveMessage[] = [];
    const trainer = new LiveChannel('ABC234', () => {}, open);
    new LiveChannel('ABC234', (m) => trainee.push(m), open);
    new LiveChannel('XYZ789', (m) => stranger.push(m), open);
    trainer.send(session);
    expect(trainee).toEqual([session]);
    expect(stranger).toEqual([]);
  });

  it('drops and counts what does not fit, from any page posting on the channel', () => {
    const [open] = fakePair();
    const received: LiveMessage[] = [];
    const channel = new LiveChannel('ABC234', (m) => received.push(m), open);
    const other = open('backorder-academy-live-ABC234');
    other.postMessage({ kind: 'pause' });
    other.postMessage('<img src=x onerror=alert(1)>');
    expect(received).toEqual([]);
    expect(channel.ignored).toBe(2);
  });

  it('refuses to send a malformed message (a bug, not input)', () => {
    const [open] = fakePair();
    const channel = new LiveChannel('ABC234', () => {}, open);
    expect(() => channel.send({ kind: 'pause' } as unknown as LiveMessage)).toThrow();
  });

  it('refuses a code that is not one', () => {
    const [open] = fakePair();
    expect(() => new LiveChannel('nope', () => {}, open)).toThrow(/session code/);
  });

  it('stops hearing once closed', () => {
    const [open] = fakePair();
    const received: LiveMessage[] = [];
    const trainer = new LiveChannel('ABC234', () => {}, open);
    const trainee = new LiveChannel('ABC234', (m) => received.push(m), open);
    trainee.close();
    trainer.send({ kind: 'hello' });
    expect(received).toEqual([]);
  });
});

describe('hostile messages are refused with a reason, cheaply', () => {
  const deep = (levels: number) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < levels; i++) value = { kind: 'pause', session: value };
    return value;
  };
  const cyclic: Record<string, unknown> = { kind: 'session' };
  cyclic.session = cyclic;

  it.each<[string, unknown, RegExp]>([
    [
      'a huge payload',
      { kind: 'pause', session: 's-1', junk: 'x'.repeat(3 * 1024 * 1024) },
      /^a message larger than 2 MB/,
    ],
    ['a huge list', { kind: 'hello', list: new Array(200_000).fill(0) }, /larger than 2 MB/],
    ['nesting 100,000 levels deep', deep(100_000), /nested deeper than 24 levels/],
    ['an object that contains itself', cyclic, /nested deeper than 24 levels/],
    ['a string', '<img src=x onerror=alert(1)>', /^a message that is not an object \(a string\)$/],
    ['a list', [{ kind: 'hello' }], /not an object \(a list\)/],
    ['null', null, /not an object \(null\)/],
    ['no kind', { session: 's-1' }, /^a message with no kind$/],
    [
      'an unknown kind written as HTML',
      { kind: '<script>alert(1)</script><b>and a long tail to cut</b>' },
      /^a message of a kind the session does not know, "<script>alert\(1\)<\/script><b>and a long t…"$/,
    ],
    [
      'a delay to a date that is not one',
      {
        kind: 'inject',
        session: 's',
        id: 'i',
        event: { type: 'po-delayed', po: 'P', eta: 'soon' },
      },
      /^a "inject" message with a wrong event\.eta: /,
    ],
    [
      'a stage the trainee window never has',
      {
        kind: 'status',
        session: 's',
        stage: '<b>hacked</b>',
        runId: null,
        now: null,
        logLength: 0,
        paused: false,
      },
      /^a "status" message with a wrong stage: /,
    ],
  ])('%s', (_name, data, problem) => {
    const reading = readLiveMessage(data);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.problem).toMatch(problem);
  });

  it('a channel hands the reason of each refusal on, and goes on carrying good messages', () => {
    const [open] = fakePair();
    const received: LiveMessage[] = [];
    const refused: string[] = [];
    new LiveChannel(
      'ABC234',
      (m) => received.push(m),
      open,
      (p) => refused.push(p),
    );
    const other = open('backorder-academy-live-ABC234');
    other.postMessage({ kind: 'explode' });
    other.postMessage({ kind: 'hello' });
    expect(refused).toEqual(['a message of a kind the session does not know, "explode"']);
    expect(received).toEqual([{ kind: 'hello' }]);
  });

  it('fitsInSize counts text and stops at the limit', () => {
    expect(fitsInSize({ a: 'x'.repeat(90) }, 100)).toBe(true);
    expect(fitsInSize({ a: 'x'.repeat(100) }, 100)).toBe(false);
    expect(fitsInSize(deep(24), 1000)).toBe(true);
    expect(fitsInSize(deep(25), 1000)).toBe(false);
  });
});

describe('what the trainer’s tab kept through a reload', () => {
  const kept = {
    code: 'ABC234',
    session: session.session,
    steps: [{ node: 'opening', option: 1 }],
  };

  it('comes back as it was kept', () => {
    expect(readSavedConsole(JSON.stringify(kept))).toEqual(kept);
  });

  it.each<[string, string | null]>([
    ['nothing', null],
    ['text that is not JSON', '{'],
    ['a wrong code', JSON.stringify({ ...kept, code: 'nope' })],
    ['a session with a script for a name', JSON.stringify({ ...kept, session: { id: 1 } })],
  ])('is nothing for %s', (_name, text) => expect(readSavedConsole(text)).toBeNull());

  it('drops steps that do not fit, and keeps the session', () => {
    const text = JSON.stringify({ ...kept, steps: [{ node: 'x', option: -1 }] });
    expect(readSavedConsole(text)).toEqual({ ...kept, steps: [] });
  });
});
