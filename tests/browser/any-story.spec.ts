/**
 * Any story is data, and the site works under a path. The fixture stories (an offshore pipeline
 * with an event at sea, its own categories and a link across the antimeridian; a story in Urdu,
 * Russian and Chinese with very long text) are built with no code change, under
 * `BASE_PATH=/graphics`, and served only under that prefix, as a newsroom would host them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.js';
import { launchChromium, newContext } from './chromium';
import { probe } from './probe';
import { jumpTo, mapSettled, openStory } from './story-page-helpers';
import { LAYER, storyLayer } from '../../src/lib/map/style-ids';

const PREFIX = '/graphics';
const STORIES = ['many-scripts', 'offshore-pipeline', 'two-ports'];

let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
let buildDir: string;

/** A free local port, so that the build can name its own address (oEmbed, embed code). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  return typeof address === 'object' && address ? address.port : 0;
}

beforeAll(async () => {
  buildDir = mkdtempSync(path.join(tmpdir(), 'story-build-'));
  const port = await freePort();
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      BASE_PATH: PREFIX,
      VITE_MAP_PROBE: '1',
      STORIES_DIR: 'tests/fixtures/stories',
      BUILD_DIR: buildDir,
      SITE_URL: `http://127.0.0.1:${port}`,
    },
  });
  if (build.status !== 0) throw new Error(`the fixture build failed:\n${build.stderr}`);
  site = await serve({ dir: buildDir, port, prefix: PREFIX });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(buildDir, { recursive: true, force: true });
});

const url = (p: string) => `${site.origin}${PREFIX}${p}`;

/** Every response the page received, with its status. */
function watchResponses(page: Page): { url: string; status: number }[] {
  const seen: { url: string; status: number }[] = [];
  page.on('response', (r) => seen.push({ url: r.url(), status: r.status() }));
  return seen;
}

/**
 * Opens a story page of a site served under `prefix` and checks that every request stays under
 * the prefix and answers, and that the basemap, the font and every story layer load.
 */
async function checkServedUnder(root: string, prefix: string, slug: string, pageUrl: string) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const responses = watchResponses(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pageUrl);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 45_000,
  });
  await mapSettled(page);
  const failed = responses.filter((r) => r.status >= 400);
  expect(failed, JSON.stringify(failed)).toEqual([]);
  const outside = responses.filter((r) => !r.url.startsWith(root));
  expect(outside, JSON.stringify(outside)).toEqual([]);
  // The basemap, the label font and each story layer came from under the prefix.
  const paths = responses.map((r) => new URL(r.url).pathname);
  expect(paths.some((p) => new RegExp(`^${prefix}/basemap/\\d+/\\d+/\\d+\\.pbf$`).test(p))).toBe(
    true,
  );
  expect(paths).toContain(`${prefix}/fonts/labels.woff2`);
  const layers = await probe(page).sources();
  expect(layers.length).toBeGreaterThan(0);
  for (const layer of layers) {
    expect(layer.loaded, layer.id).toBe(true);
    expect(paths).toContain(`${prefix}/${slug}/map-data/${layer.id}.geojson`);
  }
  expect(errors).toEqual([]);
  await context.close();
}

describe(`a build with BASE_PATH=${PREFIX}, served only under ${PREFIX}/`, () => {
  for (const slug of STORIES) {
    it(`${slug}: every request stays under the prefix and answers, and every story layer loads`, async () => {
      await checkServedUnder(url('/'), PREFIX, slug, url(`/${slug}/`));
    });
  }

  it('publishes embed.js, oEmbed and an embed code that point under the prefix', async () => {
    const js = await fetch(url('/embed.js'));
    expect(js.status).toBe(200);
    const oembed = (await (await fetch(url('/offshore-pipeline/oembed.json'))).json()) as {
      html: string;
    };
    expect(oembed.html).toContain(`src="${url('/offshore-pipeline/embed/')}"`);
    expect(oembed.html).toContain(`src="${url('/embed.js')}"`);
    const { page } = await openStory(browser, url('/offshore-pipeline/embed/'));
    expect(await page.locator('h1, h2').first().textContent()).toMatch(/offshore pipeline/i);
    await page.context().close();
  });
});

describe('the default build, copied into any folder', () => {
  it('works from /copied/deeper/ with no base path given at build time', async () => {
    const copied = await serve({ dir: path.resolve('.test-build'), prefix: '/copied/deeper' });
    try {
      for (const p of ['/rivers-and-rails/', '/rivers-and-rails/embed/']) {
        const root = `${copied.origin}/copied/deeper/`;
        await checkServedUnder(root, '/copied/deeper', 'rivers-and-rails', `${root}${p.slice(1)}`);
      }
    } finally {
      await copied.close();
    }
  });
});

describe('a new story folder, built with no code change', () => {
  it('shows its event at sea, its own categories and its link across the antimeridian', async () => {
    const { page, errors } = await openStory(browser, url('/offshore-pipeline/'));
    await expect
      .poll(() => page.locator('.category-filter .chip').allTextContents())
      .toEqual([
        expect.stringMatching(/Environment/),
        expect.stringMatching(/Energy/),
        expect.stringMatching(/Diplomacy/),
      ]);
    await page.click('.event-list [data-id="rupture-at-sea"]');
    await expect
      .poll(() => page.locator('.event-panel').textContent())
      .toMatch(/Denmark's exclusive economic zone/);
    // The whole world in view: the arc is drawn on both sides of the antimeridian.
    await jumpTo(page, [0, 45], 0);
    const arcs = (await probe(page).drawn([storyLayer(LAYER.links, 'ties')]))
      .flatMap(({ geometry: g }) =>
        g.type === 'LineString'
          ? [g.coordinates]
          : g.type === 'MultiLineString'
            ? g.coordinates
            : [],
      )
      .flat()
      .map((p) => p[0]!);
    expect(Math.min(...arcs)).toBeLessThan(-150);
    expect(Math.max(...arcs)).toBeGreaterThan(150);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('never mentions Kashmir, on the page, in its legend or in its embed', async () => {
    for (const p of ['/offshore-pipeline/', '/offshore-pipeline/embed/']) {
      const html = await (await fetch(url(p))).text();
      expect(html, p).not.toMatch(/Kashmir/);
    }
    const { page } = await openStory(browser, url('/offshore-pipeline/'));
    await page.click('.layer-panel summary');
    const panel = await page.locator('.layer-panel').textContent();
    expect(panel).toMatch(/Subsea pipeline/);
    expect(panel).not.toMatch(/Kashmir|De facto|Pipeline, indicative/);
    expect(await page.locator('body').textContent()).not.toMatch(/Kashmir/);
    await page.context().close();
  });
});

describe('titles and narratives in any script, and very long text', () => {
  for (const [width, height] of [
    [1280, 800],
    [375, 667],
  ] as const) {
    it(`keep the layout whole at ${width}×${height}`, async () => {
      const { page, errors } = await openStory(browser, url('/many-scripts/'), { width, height });
      const overflow = () =>
        page.evaluate(() => {
          const wide = (el: Element | null) => !!el && el.scrollWidth > el.clientWidth + 1;
          return {
            page: document.documentElement.scrollWidth > window.innerWidth,
            panel: wide(document.querySelector('.event-panel')),
            list: wide(document.querySelector('.event-list')),
            header: wide(document.querySelector('.story-header')),
          };
        });
      const none = { page: false, panel: false, list: false, header: false };
      expect(await overflow()).toEqual(none);
      for (const [id, title] of [
        ['karachi-urdu', 'کراچی کی بندرگاہ پر ایک ملاقات'],
        ['moscow-russian', 'Встреча в Москве'],
        ['beijing-chinese', '北京的一次会议'],
        ['long-text', 'A very long title'],
      ]) {
        await page.click(`.event-list [data-id="${id}"]`);
        await expect.poll(() => page.locator('.event-panel h2').textContent()).toContain(title);
        expect(await overflow(), id).toEqual(none);
        // Urdu reads right to left, in the panel and in the list.
        const rtl = await page
          .locator(`.event-panel h2, .event-list [data-id="${id}"] .event-title`)
          .evaluateAll((els) => els.map((el) => el.matches(':dir(rtl)')));
        expect(rtl, id).toEqual([id === 'karachi-urdu', id === 'karachi-urdu']);
        // Close the panel (on phones a sheet over the list) before the next one.
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.event-panel').count()).toBe(0);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
