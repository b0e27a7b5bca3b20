// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';

// A static site: every page is built ahead of time and served from any web server.
export default defineConfig({
  output: 'static',
  integrations: [mdx(), svelte()],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
