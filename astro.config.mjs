// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import AstroPWA from '@vite-pwa/astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { glossaryLinks, rehypeLessonMarkup } from './src/course/lesson-markup.ts';

/**
 * Writes the Pagefind search index into the built site. It runs at the end of the build,
 * before the service worker below is generated, so the index is in the offline precache.
 * @returns {import('astro').AstroIntegration}
 */
function pagefindIndex() {
  return {
    name: 'backorder-academy:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex();
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        await pagefind.close();
        const problems = [...errors, ...added.errors, ...written.errors];
        if (problems.length > 0) throw new Error(`Pagefind: ${problems.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages into ${written.outputPath}`);
      },
    },
  };
}

/**
 * What the service worker stores on the first visit, so the site works with no network:
 * every page, script, style and icon, the scenario and role-play data, the schemas, and the
 * parts of the Pagefind index the search page uses (its UI bundles are never loaded).
 * The site uses the system's fonts, so there are no font files to store.
 */
const PRECACHE = [
  '**/*.{html,js,css,svg,png,webmanifest,json}',
  // The latin subset of the site's font; other subsets load only for pages that need them.
  '_astro/inter-latin-wght-normal.*.woff2',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*.pagefind',
  'pagefind/index/*.pf_index',
  'pagefind/fragment/*.pf_fragment',
];

/**
 * Lessons link the first use of each glossary term to its definition. The glossary's own
 * checks (a term naming a lesson that does not exist) run when the course is loaded.
 */
const glossary = /** @type {{ term: string }[]} */ (
  parseYaml(readFileSync(new URL('./content/glossary.yaml', import.meta.url), 'utf8'))
);

// A static site: every page is built ahead of time and served from any web server.
export default defineConfig({
  output: 'static',
  integrations: [
    mdx({ rehypePlugins: [[rehypeLessonMarkup, { terms: glossaryLinks(glossary) }]] }),
    svelte(),
    // Order matters: build-done hooks run in this order, and the precache lists the index.
    pagefindIndex(),
    AstroPWA({
      // A new version waits for the person to accept it (src/components/pwa/), never
      // reloading the page by itself, which could land in the middle of a shift.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Backorder Academy',
        short_name: 'Backorders',
        description:
          'Learn to manage backorders and partial shipments, and practise on a simulated order desk.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1c2a3a',
        background_color: '#fbfaf7',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: PRECACHE,
        // Pagefind's ready-made UI bundles: the search page has its own form.
        // The manager's bundle-import worker (about 390 kB: the engine, the YAML reader and the
        // verifier) is left to the network: offline, the import runs on the page instead. So is
        // the authoring page's checker worker: offline, the editor checks on the page.
        globIgnores: [
          'pagefind/pagefind-*ui*',
          'pagefind/pagefind-highlight.js',
          '_astro/import-worker-*.js',
          '_astro/authoring-worker-*.js',
        ],
        // Keep entries as `courses/index.html` (no manifest rewrite: an empty list stops the
        // integration adding its own) and let `directoryIndex` map `/courses/` onto them.
        manifestTransforms: [],
        directoryIndex: 'index.html',
        // `/simulations/random/?seed=7` is the same page as `/simulations/random/`: the
        // page reads its query itself.
        ignoreURLParametersMatching: [/.*/],
        // A page the site does not have gets the not-found page, online or off; requests
        // for files (anything with an extension) are left to the network.
        navigateFallback: '/404.html',
        navigateFallbackDenylist: [/\/[^/]+\.[a-z0-9]+$/i],
        cleanupOutdatedCaches: true,
        // The first visit's page is taken over as soon as the site is stored, so an update
        // accepted there reloads it too. (No skipWaiting: a new version waits to be accepted.)
        clientsClaim: true,
        // No runtime caching: nothing outside the precache is ever stored, and the
        // precache holds only this site's own files, so a response from another origin
        // (such as a learning record store) is never cached.
        runtimeCaching: [],
      },
    }),
  ],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
