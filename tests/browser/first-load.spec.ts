/**
 * What the first map waits for starts downloading from the page's head: every file of the map
 * (maplibre-gl, its worker, the label font, the story layers, the basemap tiles of the first view)
 * that the map requests before its first idle was preloaded, for the window's width. The map draws
 * from its slim copy of the layers, and a page without a live map preloads none of it.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { compileStory } from '../../src/lib/server/story/compile';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';
import { openStory } from './story-page-helpers';

const origin = inject('origin');
// The fixture story: its view is wide enough that a phone's first tiles are of zoom 1, not 2.
const LAYERS = compileStory(path.resolve('tests/fixtures/stories/rivers-and-rails')).story!.layers
  .length;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Files of the map, by URL: everything its first frame needs besides the page itself. */
const isMapFile = (url: string) =>
  /maplibre-gl[^/]*\.mjs$|\.woff2$|\/map-data\/|\/data\/[^/]+\.geojson$|\/basemap\/\d+\/\d+\/\d+\.pbf$/.test(
    new URL(url).pathname,
  );

describe('the first map', () => {
  for (const [path, width, height] of [
    ['/rivers-and-rails/', 1280, 800],
    ['/rivers-and-rails/', 375, 667],
    ['/rivers-and-rails/', 1600, 900],
    ['/rivers-and-rails/embed/', 1280, 800],
    ['/rivers-and-rails/embed/', 375, 667],
    ['/rivers-and-rails/story/', 1280, 800],
    ['/rivers-and-rails/present/', 1280, 800],
  ] as const) {
    it(`at ${path} (${width}×${height}) asks for nothing the head did not preload`, async () => {
      const { page, requests } = await openStory(browser, `${origin}${path}`, { width, height });
      const preloaded = await page.evaluate(() =>
        [
          ...document.head.querySelectorAll<HTMLLinkElement>(
            'link[rel=preload], link[rel=modulepreload]',
          ),
        ]
          .filter((link) => !link.media || matchMedia(link.media).matches)
          .map((link) => link.href),
      );
      // The story mode and the slides open on a chapter framed around their text: their first
      // tiles are not predicted, and not preloaded (StoryHead's `chapters` shell).
      const chapters = /\/(story|present)\/$/.test(path);
      const asked = [...new Set(requests.filter(isMapFile))].filter(
        (url) => !(chapters && url.includes('/basemap/')),
      );
      expect(asked.length).toBeGreaterThan(5);
      expect(asked.filter((url) => !preloaded.includes(url))).toEqual([]);
      // The map draws from its own copy of each layer; the published files are for downloads.
      expect(asked.filter((url) => url.includes('/data/'))).toEqual([]);
      expect(asked.filter((url) => url.includes('/map-data/')).length).toBe(LAYERS);
      await page.context().close();
    });
  }

  it('the handout, which has no live map, preloads none of it', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${origin}/rivers-and-rails/print/`);
    const preloaded = await page.evaluate(() =>
      [
        ...document.head.querySelectorAll<HTMLLinkElement>(
          'link[rel=preload], link[rel=modulepreload]',
        ),
      ].map((link) => link.href),
    );
    expect(preloaded.filter(isMapFile)).toEqual([]);
    await page.context().close();
  });
});
