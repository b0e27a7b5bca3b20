import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { GREEDY_TRAP, roleplayFrom } from '../../tests/fixtures/roleplay';
import { AcademyDatabase, useDatabase } from '../db/database';
import { createProfile, roleplayResultsOf, type Profile } from '../db/index';
import { StoredActor } from './actor.svelte';
import { RoleplayAttempt } from './roleplay/attempt.svelte';

let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`stored-actor-${++n}`)));

/** Wait, a few milliseconds at a time, until storage and the machine have caught up. */
async function until(done: () => boolean) {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}

const counter = createMachine({ id: 'counter', initial: 'idle', states: { idle: {} } });

/** A stored actor whose loads the test settles by hand, in any order. */
class Probe extends StoredActor<typeof counter> {
  protected override readonly noun = 'probe';
  booted: string[] = [];
  loads = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  protected override load(profile: Profile): Promise<() => void> {
    return new Promise((resolve, reject) =>
      this.loads.set(profile.id, {
        resolve: () => resolve(() => (this.booted.push(profile.id), this.boot(counter, {}))),
        reject,
      }),
    );
  }
}

const person = (id: string) =>
  ({ id, name: id, role: 'trainee', createdAt: new Date() }) as Profile;

describe('a stored actor read through runes', () => {
  it('a profile that changes while the last one loads wins, whichever load ends first', async () => {
    const probe = new Probe();
    const first = probe.open(person('ana'));
    const second = probe.open(person('ben'));
    probe.loads.get('ben')!.resolve();
    await second;
    probe.loads.get('ana')!.resolve();
    await first;
    expect(probe.booted).toEqual(['ben']);
    expect(probe.phase).toBe('ready');
    expect(probe.snapshot?.value).toBe('idle');
  });

  it('a load that fails is a sentence for the page, naming what could not be opened', async () => {
    const probe = new Probe();
    const opening = probe.open(person('ana'));
    probe.loads.get('ana')!.reject(new Error('The database is blocked.'));
    await opening;
    expect(probe.phase).toBe('unavailable');
    expect(probe.problem).toBe('Your saved probe could not be opened: The database is blocked.');
  });

  it('no profile, no actor', async () => {
    const probe = new Probe();
    await probe.open(null);
    expect(probe.phase).toBe('no-profile');
    expect(probe.snapshot).toBeNull();
  });
});

describe('a role-play attempt', () => {
  const roleplay = roleplayFrom(GREEDY_TRAP);

  it('resumes where it was left in another island, and starts over on the record as abandoned', async () => {
    const profile = await createProfile('Ana', 'trainee');
    const first = new RoleplayAttempt(roleplay);
    await first.open(profile);
    first.send({ type: 'START', mode: 'practice' });
    await until(() => !!first.snapshot?.matches('talking'));
    first.send({ type: 'CHOOSE', option: 0 });
    await until(() => first.snapshot?.context.conversation?.steps.length === 1);
    await until(() => !first.snapshot!.matches('saving'));
    first.stop();

    const again = new RoleplayAttempt(roleplay);
    await again.open(profile);
    expect(again.phase).toBe('ready');
    expect(again.snapshot!.context.conversation?.steps).toHaveLength(1);

    await again.restart();
    expect(again.snapshot!.context.conversation).toBeNull();
    expect((await roleplayResultsOf(profile.id, roleplay.id))[0]!.status).toBe('abandoned');
    again.stop();
  });
});
