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
  },
});
