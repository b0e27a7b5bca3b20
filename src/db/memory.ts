/**
 * The database in memory, for a browser that will not let the site save (issue 11 item 5):
 * private browsing that refuses IndexedDB, or storage blocked by policy. fake-indexeddb is
 * a complete IndexedDB written in JavaScript and kept in memory, so every query, live
 * query and transaction of ./index.ts works as it does on disk, and practice goes on;
 * it is loaded only when it is needed, and everything in it is gone with the page.
 */
import Dexie from 'dexie';
import { AcademyDatabase, useDatabase } from './database';

/** What the page says while the database is in memory. */
export const MEMORY_NOTICE =
  'This browser is not letting the site save (private browsing or blocked storage), so you are practising in memory: nothing will be kept on this device, and progress will not be kept once you close or reload this page.';

let memory: Promise<void> | null = null;
let inMemory = false;

/** Whether the database is the one in memory. */
export function keptInMemory(): boolean {
  return inMemory;
}

/** Move the database into memory, once; later calls wait for the same move. */
export function useMemory(): Promise<void> {
  memory ??= (async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    // Dexie's live queries stay silent where it finds no IndexedDB at all (as on a server):
    // tell it about this one.
    if (!Dexie.dependencies.indexedDB)
      Object.assign(Dexie.dependencies, { indexedDB, IDBKeyRange });
    const db = new AcademyDatabase(undefined, { indexedDB, IDBKeyRange });
    await db.open();
    useDatabase(db);
    inMemory = true;
  })();
  return memory;
}
