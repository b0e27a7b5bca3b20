/**
 * Changes to a profile after it was made. In a module of its own beside ./index, loaded
 * lazily by the profile panel like the rest of storage.
 */
import { database } from './database';

/** Longest team name kept, as when a profile is created. */
export const MAX_TEAM = 60;

/**
 * Set or clear (empty text) a profile's team, e.g. after moving to another warehouse. The
 * manager's team filter reads it. Returns the team as saved.
 */
export async function setProfileTeam(profileId: string, team: string): Promise<string> {
  const saved = team.trim().slice(0, MAX_TEAM);
  const db = database();
  await db.transaction('rw', db.profiles, async () => {
    const profile = await db.profiles.get(profileId);
    if (!profile) throw new Error('That profile no longer exists.');
    const { team: _old, ...rest } = profile;
    await db.profiles.put(saved ? { ...rest, team: saved } : rest);
  });
  return saved;
}
