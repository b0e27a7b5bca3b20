/// <reference types="vitest/config" />
// Vitest through Astro's own Vite config, so tests resolve `astro:content`, the Svelte
// plugin and path handling exactly as the site build does (STACK.md: works with Vitest 4).
import { getViteConfig } from 'astro/config';

/** Tests of storage and the islands' stores: each keeps database state in its modules. */
const STATEFUL = ['src/db/**/*.test.ts', 'src/components/**/*.test.ts'];

export default getViteConfig({
  test: {
    environment: 'node',
    // A guard against a hung test, not a speed check (speed lives in `npm run bench`): some
    // tests replay whole shifts or spawn the CLI and take 5 s on a loaded 2-core machine.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          include: [
            'src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/properties/**/*.test.ts',
          ],
          exclude: STATEFUL,
          // The engine, course, records and CLI tests keep no state between files, so the
          // files of a worker share one module graph instead of importing the engine afresh
          // each: half the CPU of the unit lane (48 s against 94 s for every test isolated,
          // measured on this machine under load).
          isolate: false,
        },
      },
      {
        extends: true,
        // Storage tests hold a database per file (`useDatabase`, fake-indexeddb, stubbed
        // globals): each file gets its own modules, as by default.
        test: { name: 'stateful', include: STATEFUL },
      },
    ],
  },
});
