/// <reference types="vitest/config" />
// Vitest through Astro's own Vite config, so tests resolve `astro:content`, the Svelte
// plugin and path handling exactly as the site build does (STACK.md: works with Vitest 4).
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/cli/**/*.test.ts',
      'tests/properties/**/*.test.ts',
    ],
    environment: 'node',
    // A guard against a hung test, not a speed check (speed lives in `npm run bench`): some
    // tests replay whole shifts or spawn the CLI and take 5 s on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
