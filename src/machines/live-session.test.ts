import { describe, expect, it, vi } from 'vitest';
import { formatLocal } from '../lib/dates';
import { createActor, fromPromise, type Actor } from 'xstate';
import { roleplayFiles, scenarioFiles } from '../../tests/fixtures/bundles';
import {
  channelName,
  readSavedConsole,
  type ChannelOpener,
  type ChannelPort,
  type LiveSession,
} from '../trainer/live-protocol';
import { liveConsoleMachine } from './live-session';
import { deskReport, liveTraineeMachine } from './live-session-trainee';
import { simulationSessionMachine } from './simulation-session';

const scenario = scenarioFiles().get('three-backorder-types')!;
const CODE = 'ABC234';

/**
 * One BroadcastChannel between windows, faked: what one end posts reaches every other end
 * of the same name later (as a structured clone, as the browser does), never itself.
 */
function fakeChannels() {
  const ports: (ChannelPort & { name: string })[] = [];
  const open: ChannelOpener = (name) => {
    const port: ChannelPort & { name: string } = {
      name,
      onmessage: null,
      postMessage(message) {
        const copy = structuredClone(message);
        for (const other of ports)
          if (other !== port && other.name === name)
            setTimeout(() => other.onmessage?.({ data: copy } as MessageEvent));
      },
      close: () => void ports.splice(ports.indexOf(port), 1),
    };
    ports.push(port);
    return port;
  };
  return { open, ports };
}

function session(content: LiveSession['content'], paused = false): LiveSession {
  return {
    id: 'session-1',
    trainerName: 'Maria Keller',
    trainee: { id: 'p-ana', name: 'Ana Ruiz' },
    content,
    paused,
  };
}

/** The trainer's console, the trainee's window and the trainee's desk, wired as the views wire them. */
function liveRoom(content: LiveSession['content'] = { kind: 'scenario', scenario }) {
  const { open, ports } = fakeChannels();
  const trainer = createActor(liveConsoleMachine, { input: { open } });
  const trainee = createActor(liveTraineeMachine, { input: { open } });
  trainer.start();
  trainee.start();
  trainer.send({ type: 'START', code: CODE, session: session(content) });
  let desk: Actor<typeof simulationSessionMachine> | null = null;
  /** The trainee presses Start the shift. */
  const startShift = () => {
    desk = createActor(
      simulationSessionMachine.provide({ actors: { persist: fromPromise(async () => {}) } }),
      { input: { scenario: trainee.getSnapshot().context.scenario!, actor: 'Ana Ruiz', log: [] } },
    );
    desk.subscribe((snapshot) =>
      trainee.send({ type: 'DESK', desk: deskReport('ready', 'run-1', snapshot) }),
    );
    desk.start();
    desk.send({ type: 'START' });
  };
  trainee.on('inject', ({ event }) => desk?.send({ type: 'INJECT', event }));
  trainee.on('clock', ({ paused }) => desk?.send({ type: paused ? 'PAUSE' : 'RESUME' }));
  /** Post straight onto the session's channel, as any page of the site can. */
  const stranger = open(channelName(CODE));
  return { trainer, trainee, desk: () => desk!, startShift, stranger, ports, open };
}

describe('a live session between the trainer’s console and the trainee’s window', () => {
  it('joins by code, sends the checked scenario, and reports where the trainee is', async () => {
    const room = liveRoom();
    room.trainee.send({ type: 'JOIN', typed: 'abc-234' });
    await vi.waitFor(() =>
      expect(room.trainee.getSnapshot().context.scenario?.id).toBe(scenario.id),
    );
    expect(room.trainee.getSnapshot().context.session?.trainerName).toBe('Maria Keller');
    await vi.waitFor(() =>
      expect(room.trainer.getSnapshot().context.status?.stage).toBe('opening'),
    );
    room.startShift();
    await vi.waitFor(() => expect(room.trainer.getSnapshot().context.status?.stage).toBe('desk'));
    expect(room.trainer.getSnapshot().context.news).toBe(
      "The trainee's window: at the order desk.",
    );
  });

  it('a wrong code is refused in words and opens no channel', () => {
    const room = liveRoom();
    room.trainee.send({ type: 'JOIN', typed: 'nope' });
    expect(room.trainee.getSnapshot().context.codeProblem).toMatch(/6 letters and digits/);
    expect(room.trainee.getSnapshot().matches('joining')).toBe(true);
    expect(room.ports).toHaveLength(2); // the trainer's and the stranger's
  });

  it('says when no trainer’s console answers', async () => {
    vi.useFakeTimers();
    try {
      const { open } = fakeChannels();
      const trainee = createActor(liveTraineeMachine, { input: { open } }).start();
      trainee.send({ type: 'JOIN', typed: CODE });
      await vi.advanceTimersByTimeAsync(4000);
      expect(trainee.getSnapshot().context.waitingTooLong).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the trainer holds the clock, delays a PO into the log, and hears where it landed', async () => {
    const room = liveRoom();
    room.trainee.send({ type: 'JOIN', typed: CODE });
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.scenario).not.toBeNull());
    room.startShift();
    room.trainer.send({ type: 'PAUSE' });
    await vi.waitFor(() => expect(room.desk().getSnapshot().matches('paused')).toBe(true));
    await vi.waitFor(() => expect(room.trainer.getSnapshot().context.status?.paused).toBe(true));

    const eta = '2026-03-08T10:00';
    room.trainer.send({
      type: 'INJECT',
      id: 'i-1',
      label: 'PO-4471 delayed',
      event: { type: 'po-delayed', po: 'PO-4471', eta },
    });
    await vi.waitFor(() => expect(room.trainer.getSnapshot().context.results).toHaveLength(1));
    const [result] = room.trainer.getSnapshot().context.results;
    expect(result).toMatchObject({ id: 'i-1', ok: true });
    expect(result!.text).toBe(
      `PO-4471 delayed: in the trainee's log at ${formatLocal(scenario.startsAt)}.`,
    );
    expect(room.desk().getSnapshot().context.log.at(-1)).toMatchObject({ type: 'po-delayed', eta });

    // The same message again (a second delivery) is not applied twice.
    room.stranger.postMessage({
      kind: 'inject',
      session: 'session-1',
      id: 'i-1',
      event: { type: 'po-delayed', po: 'PO-4471', eta },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(
      room
        .desk()
        .getSnapshot()
        .context.log.filter((e) => e.type === 'po-delayed'),
    ).toHaveLength(1);

    room.trainer.send({ type: 'RESUME' });
    await vi.waitFor(() => expect(room.desk().getSnapshot().matches('running')).toBe(true));
  });

  it('an impossible injection is refused with its reason on both sides, and the desk is untouched', async () => {
    const room = liveRoom();
    room.trainee.send({ type: 'JOIN', typed: CODE });
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.scenario).not.toBeNull());
    room.startShift();
    await vi.waitFor(() => expect(room.trainer.getSnapshot().context.status?.stage).toBe('desk'));
    room.trainer.send({
      type: 'INJECT',
      id: 'i-2',
      label: 'PO-9999 delayed',
      event: { type: 'po-delayed', po: 'PO-9999', eta: '2026-03-08T10:00' },
    });
    await vi.waitFor(() => expect(room.trainer.getSnapshot().context.results).toHaveLength(1));
    const [result] = room.trainer.getSnapshot().context.results;
    expect(result!.ok).toBe(false);
    expect(result!.text).toMatch(/^PO-9999 delayed: not taken\. .*PO-9999/);
    expect(room.trainee.getSnapshot().context.refusal).toMatch(/not taken: .*PO-9999/);
    expect(room.desk().getSnapshot().context.log).toHaveLength(0);
  });

  it('an injection before the shift starts is refused: the trainee is not at the desk', async () => {
    const room = liveRoom();
    room.trainee.send({ type: 'JOIN', typed: CODE });
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.scenario).not.toBeNull());
    room.trainer.send({
      type: 'INJECT',
      id: 'i-3',
      label: 'Discontinued',
      event: { type: 'sku-discontinued', sku: scenario.catalog[0]!.sku },
    });
    await vi.waitFor(() => expect(room.trainer.getSnapshot().context.results).toHaveLength(1));
    expect(room.trainer.getSnapshot().context.results[0]!.text).toMatch(/not at the desk/);
  });

  it('a role-play follows the trainer’s branches in the trainee’s window', async () => {
    const roleplay = [...roleplayFiles().values()][0]!;
    const room = liveRoom({ kind: 'roleplay', roleplay });
    room.trainee.send({ type: 'JOIN', typed: CODE });
    await vi.waitFor(() =>
      expect(room.trainee.getSnapshot().context.roleplay?.id).toBe(roleplay.id),
    );
    await vi.waitFor(() =>
      expect(room.trainer.getSnapshot().context.status?.stage).toBe('conversation'),
    );
    room.trainer.send({ type: 'STEPS', steps: [{ node: roleplay.start, option: 0 }] });
    const next = roleplay.nodes[roleplay.start]!.options[0]!.next;
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.roleplayAt).toBe(next));
  });

  it('ending tells the trainee’s window, closes the channel, and a reload restores a running session', async () => {
    const room = liveRoom();
    room.trainee.send({ type: 'JOIN', typed: CODE });
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.session).not.toBeNull());
    // The trainer's tab reloads: a new console restores the session from what the tab kept.
    const saved = readSavedConsole(
      JSON.stringify({
        code: CODE,
        session: room.trainer.getSnapshot().context.session,
        steps: [],
      }),
    );
    room.trainer.stop();
    const again = createActor(liveConsoleMachine, { input: { open: room.open } }).start();
    again.send({ type: 'RESTORE', saved });
    expect(again.getSnapshot().matches('live')).toBe(true);
    again.send({ type: 'END' });
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.ended).toBe(true));
    expect(again.getSnapshot().matches('setup')).toBe(true);
    expect(again.getSnapshot().context.session).toBeNull();
  });
});

describe('hostile messages on the session’s channel', () => {
  /** A room with the shift started at the desk, and the session id a hostile page could learn. */
  async function atTheDesk() {
    const room = liveRoom();
    room.trainee.send({ type: 'JOIN', typed: CODE });
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.scenario).not.toBeNull());
    room.startShift();
    await vi.waitFor(() => expect(room.trainer.getSnapshot().context.status?.stage).toBe('desk'));
    return room;
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  const id = 'session-1';

  it('wrong shapes, unknown kinds and huge payloads are counted in both windows with the last reason', async () => {
    const room = await atTheDesk();
    const cyclic: Record<string, unknown> = { kind: 'inject' };
    cyclic.event = cyclic;
    for (const junk of [
      '<img src=x onerror=alert(1)>',
      { kind: 'explode', session: id },
      { kind: 'pause', session: id, html: '<script>' },
      cyclic,
      { kind: 'status', session: id, junk: 'x'.repeat(3 * 1024 * 1024) },
    ])
      room.stranger.postMessage(junk);
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.ignored?.count).toBe(5));
    expect(room.trainer.getSnapshot().context.ignored).toEqual({
      count: 5,
      last: 'a message larger than 2 MB or nested deeper than 24 levels',
    });
    // Nothing of it reached the session: the clock runs, the log is empty.
    expect(room.trainee.getSnapshot().context.session?.paused).toBe(false);
    expect(room.desk().getSnapshot().context.log).toHaveLength(0);
  });

  it('impossible injections from another page are refused in the trainee’s window, and the console ignores their replies', async () => {
    const room = await atTheDesk();
    const order = (overrides: object) => ({
      kind: 'inject',
      session: id,
      id: `evil-${Math.random()}`,
      event: {
        type: 'order-placed',
        order: {
          id: 'SO-EVIL-1',
          customer: scenario.customers[0]!.id,
          placedAt: scenario.startsAt,
          lines: [{ sku: scenario.catalog[0]!.sku, qty: 1 }],
          ...overrides,
        },
      },
    });
    room.stranger.postMessage(order({ customer: 'CU-NOBODY' }));
    await vi.waitFor(() =>
      expect(room.trainee.getSnapshot().context.refusal).toMatch(/There is no customer CU-NOBODY/),
    );
    room.stranger.postMessage(order({ lines: [{ sku: 'NO-SUCH-SKU', qty: 1 }] }));
    await vi.waitFor(() =>
      expect(room.trainee.getSnapshot().context.refusal).toMatch(/There is no item NO-SUCH-SKU/),
    );
    room.stranger.postMessage(order({ id: scenario.orders[0]!.id }));
    await vi.waitFor(() =>
      expect(room.trainee.getSnapshot().context.refusal).toMatch(
        new RegExp(`Order ${scenario.orders[0]!.id} already exists`),
      ),
    );
    expect(room.desk().getSnapshot().context.log).toHaveLength(0);
    // The console sent none of these: their replies are not shown as its results.
    await vi.waitFor(() =>
      expect(room.trainer.getSnapshot().context.ignored?.last).toBe(
        'a reply about an event this console did not send',
      ),
    );
    expect(room.trainer.getSnapshot().context.results).toEqual([]);
  });

  it('a new session whose scenario has problems does not replace the one running', async () => {
    const room = await atTheDesk();
    room.stranger.postMessage({
      kind: 'session',
      session: { ...session({ kind: 'scenario', scenario: { id: '<b>x</b>' } }), id: 'evil' },
    });
    await vi.waitFor(() =>
      expect(room.trainee.getSnapshot().context.ignored?.last).toMatch(
        /^a new session whose scenario sent by the trainer's window has problems: /,
      ),
    );
    expect(room.trainee.getSnapshot().context.session?.id).toBe(id);
    expect(room.trainee.getSnapshot().context.contentProblem).toBeNull();
  });

  it('the same session again cannot change who plays or what', async () => {
    const room = await atTheDesk();
    const other = { ...session({ kind: 'scenario', scenario: { id: 'other' } }, true) };
    room.stranger.postMessage({
      kind: 'session',
      session: { ...other, trainee: { id: 'p-evil', name: '<img src=x>' } },
    });
    await vi.waitFor(() => expect(room.desk().getSnapshot().matches('paused')).toBe(true));
    expect(room.trainee.getSnapshot().context.session?.trainee).toEqual({
      id: 'p-ana',
      name: 'Ana Ruiz',
    });
    expect(room.trainee.getSnapshot().context.scenario?.id).toBe(scenario.id);
  });

  it('messages for another session, and role-play positions that are no node, change nothing', async () => {
    const roleplay = [...roleplayFiles().values()][0]!;
    const room = liveRoom({ kind: 'roleplay', roleplay });
    room.trainee.send({ type: 'JOIN', typed: CODE });
    await vi.waitFor(() => expect(room.trainee.getSnapshot().context.roleplay).not.toBeNull());
    room.stranger.postMessage({ kind: 'roleplay-at', session: id, at: 'no-such-node', steps: 1 });
    room.stranger.postMessage({ kind: 'end', session: 'another-session' });
    await settle();
    expect(room.trainee.getSnapshot().context.roleplayAt).toBe(roleplay.start);
    expect(room.trainee.getSnapshot().context.ended).toBe(false);
  });
});
