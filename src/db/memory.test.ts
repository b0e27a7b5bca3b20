import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createProfile,
  currentProfile,
  keptInMemory,
  listProfiles,
  liveQuery,
  storageProblem,
} from './index';

afterEach(() => vi.unstubAllGlobals());

describe('a browser that will not let the site save', () => {
  it('moves the database into memory, where profiles and their changes work until the page goes', async () => {
    // No IndexedDB at all, as in some private modes (and in this test process).
    vi.stubGlobal('indexedDB', undefined);
    expect(keptInMemory()).toBe(false);
    expect(await storageProblem()).toBeNull();
    expect(keptInMemory()).toBe(true);
    const ana = await createProfile('Ana Ruiz', 'trainee');
    expect(await currentProfile()).toEqual(ana);
    // Asked again, it stays in memory rather than trying the browser's storage once more.
    expect(await storageProblem()).toBeNull();
    expect((await currentProfile())?.id).toBe(ana.id);
    // Live queries answer too (the islands follow the profile through them).
    const names = await new Promise<string[]>((resolve, reject) => {
      const subscription = liveQuery(listProfiles).subscribe({
        next: (profiles) => {
          subscription.unsubscribe();
          resolve(profiles.map((p) => p.name));
        },
        error: reject,
      });
    });
    expect(names).toEqual(['Ana Ruiz']);
  });
});
