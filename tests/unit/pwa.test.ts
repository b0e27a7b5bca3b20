import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precacheUrls, precacheWeight } from '../../scripts/precache-size';
import {
  newVersionWaiting,
  shiftInProgress,
  updateState,
} from '../../src/components/pwa/update-policy';

describe('the update prompt', () => {
  it('shows when a new version waits and no shift is being played', () => {
    expect(updateState({ waiting: true, dismissed: false, inShift: false })).toBe('prompt');
  });

  it('is held while a shift is being played, and stays away once put off', () => {
    expect(updateState({ waiting: true, dismissed: false, inShift: true })).toBe('held');
    expect(updateState({ waiting: true, dismissed: true, inShift: false })).toBe('none');
    expect(updateState({ waiting: false, dismissed: false, inShift: true })).toBe('none');
  });

  it('reads a shift in progress from the desk stage the player marks', () => {
    const root = (stage: string | null) =>
      ({
        querySelector: (selector: string) =>
          stage !== null && selector === `[data-stage="${stage}"]` ? {} : null,
      }) as unknown as ParentNode;
    expect(shiftInProgress(root('desk'))).toBe(true);
    expect(shiftInProgress(root('briefing'))).toBe(false);
    expect(shiftInProgress(root('debrief'))).toBe(false);
    expect(shiftInProgress(root(null))).toBe(false);
  });

  it('counts a waiting worker as a new version only when another one is in charge', () => {
    const worker = {};
    expect(newVersionWaiting({ active: worker, waiting: {} })).toBe(true);
    // A first install passes through waiting with nothing active: the site, not an update.
    expect(newVersionWaiting({ active: null, waiting: worker })).toBe(false);
    expect(newVersionWaiting({ active: worker, waiting: null })).toBe(false);
  });
});

describe('the precache report', () => {
  // The shape Workbox's generateSW writes (minified), two entries and a route after them.
  const sw =
    'define(["./workbox-1"],function(e){e.precacheAndRoute([{url:"index.html",revision:"a1"},' +
    '{url:"_astro/app.B1.js",revision:null},{url:"index.html",revision:"a1"}],' +
    '{directoryIndex:"index.html"}),e.registerRoute(new e.NavigationRoute(e.createHandlerBoundToURL("/404.html")))});';

  it('lists each precached URL once, and nothing from the routes', () => {
    expect(precacheUrls(sw)).toEqual(['index.html', '_astro/app.B1.js']);
    expect(precacheUrls('self.addEventListener("fetch",()=>{})')).toEqual([]);
  });

  it('sums sizes on disk and gzipped, largest first, and names what is missing', () => {
    const dist = mkdtempSync(join(tmpdir(), 'precache-'));
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, 'index.html'), 'x'.repeat(1000));
    writeFileSync(join(dist, '_astro/app.B1.js'), 'y'.repeat(10));
    const weight = precacheWeight(dist, ['index.html', '_astro/app.B1.js', 'gone.css']);
    expect(weight.bytes).toBe(1010);
    expect(weight.gzipBytes).toBeGreaterThan(0);
    expect(weight.gzipBytes).toBeLessThan(1010);
    expect(weight.largest.map((entry) => entry.url)).toEqual(['index.html', '_astro/app.B1.js']);
    expect(weight.missing).toEqual(['gone.css']);
  });
});
