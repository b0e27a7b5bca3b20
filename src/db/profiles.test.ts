import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { AcademyDatabase, useDatabase } from './database';
import { createProfile, currentProfile } from './index';
import { setProfileTeam } from './profiles';

let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`profiles-${++n}`)));

describe('editing a profile team', () => {
  it('sets, changes and clears the team, keeping everything else', async () => {
    const ana = await createProfile('Ana Ruiz', 'trainee');
    expect(await setProfileTeam(ana.id, '  North warehouse ')).toBe('North warehouse');
    expect(await currentProfile()).toEqual({ ...ana, team: 'North warehouse' });
    await setProfileTeam(ana.id, 'South');
    expect((await currentProfile())?.team).toBe('South');
    expect(await setProfileTeam(ana.id, '   ')).toBe('');
    expect(await currentProfile()).toEqual(ana);
    expect('team' in (await currentProfile())!).toBe(false);
  });

  it('keeps at most 60 characters, and refuses a profile that is gone', async () => {
    const ana = await createProfile('Ana Ruiz', 'trainee');
    expect(await setProfileTeam(ana.id, 'x'.repeat(80))).toHaveLength(60);
    await expect(setProfileTeam('nobody', 'North')).rejects.toThrow('no longer exists');
  });
});
