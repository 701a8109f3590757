/**
 * Images to take away: the social preview (a PNG, since many platforms refuse an SVG og:image)
 * and "Download image", a PNG of the current map view with its title, legend, dates and credits.
 */
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';

const origin = inject('origin');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** How many distinct colours (5 bits a channel) a sample of the image has: a blank image has 1. */
function colours(png: PNG): number {
  const seen = new Set<string>();
  for (let y = 0; y < png.height; y += 5) {
    for (let x = 0; x < png.width; x += 5) {
      const i = (y * png.width + x) * 4;
      seen.add(`${png.data[i]! >> 3},${png.data[i + 1]! >> 3},${png.data[i + 2]! >> 3}`);
    }
  }
  return seen.size;
}

describe('social preview', () => {
  it('is a 1200×630 PNG of the story map, named by the page head', async () => {
    const html = await (await fetch(`${origin}/rivers-and-rails/`)).text();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image).toMatch(/\/rivers-and-rails\/social\.png$/);
    expect(html).toContain('<meta property="og:image:type" content="image/png"');
    const res = await fetch(image!.replace(/^https?:\/\/[^/]+/, origin));
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(colours(png)).toBeGreaterThan(20);
  });
});

describe('Download image', () => {
  it('downloads a PNG of the map view at twice its size, with the title drawn and written in', async () => {
    const context = await newContext(browser, {
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${origin}/rivers-and-rails/?event=indus-pipeline`);
    await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 45_000,
    });
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Download image (PNG)' }).click(),
    ]);
    // Named by the view: the story, then the selected feature.
    expect(download.suggestedFilename()).toBe('rivers-and-rails-indus-pipeline.png');
    const path = await download.path();
    const bytes = (await import('node:fs')).readFileSync(path!);
    const png = PNG.sync.read(bytes);
    // The map at twice its size, with a title band above it and a legend band below: nothing is
    // drawn over the map itself.
    // It leaves out what the narrative panel covers, as the reader sees the map beside it.
    const panel = (await page.locator('.panel-host').boundingBox())!;
    const shown = canvas.x + canvas.width - (panel.x + panel.width + 8);
    expect(Math.abs(png.width - 2 * shown)).toBeLessThanOrEqual(2);
    expect(png.height).toBeGreaterThan(Math.round(canvas.height * 2) + 100);
    expect(colours(png)).toBeGreaterThan(30);
    // The title is written into the PNG's text fields…
    expect(bytes.toString('latin1')).toContain('tEXtTitle\0Rivers and rails');
    // …and drawn in its band at the top: dark text pixels on the light band.
    let dark = 0;
    for (let y = 10; y < 50; y++) {
      for (let x = 20; x < 600; x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 200) dark++;
      }
    }
    expect(dark).toBeGreaterThan(300);
    await context.close();
  });
});
