/**
 * What the first map waits for starts downloading from the page's head: every file of the map
 * (maplibre-gl, its worker, the label font, the story layers, the basemap tiles of the first view)
 * that the map requests before its first idle was preloaded, for the window's width. The map draws
 * from its slim copy of the layers, and a page without a live map preloads none of it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';
import { openStory } from './story-page-helpers';

const origin = inject('origin');
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
    ['/pakistan-russia/', 1280, 800],
    ['/pakistan-russia/', 375, 667],
    ['/pakistan-russia/', 1600, 900],
    ['/pakistan-russia/embed/', 1280, 800],
    ['/pakistan-russia/embed/', 375, 667],
    ['/pakistan-russia/story/', 1280, 800],
    ['/pakistan-russia/present/', 1280, 800],
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
      expect(asked.filter((url) => url.includes('/map-data/')).length).toBe(3);
      await page.context().close();
    });
  }

  it('the handout, which has no live map, preloads none of it', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${origin}/pakistan-russia/print/`);
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
