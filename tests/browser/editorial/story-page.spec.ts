/**
 * The Pakistan–Russia story's page in a real Chromium: the map paints, the six features the story
 * was made for are drawn and coloured, nothing is requested from another origin, and the console
 * stays clean. (The behaviour behind it is tested on the fixture stories.)
 */
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { probe } from '../probe';
import { LAYER, storyLayer } from '../../../src/lib/map/style-ids';

const REQUIRED = {
  pipeline: 'north-south-gas-pipeline',
  Uri: 'uri-attack-2016',
  Amritsar: 'heart-of-asia-amritsar-2016',
  Goa: 'brics-goa-2016',
  Istanbul: 'istanbul-afghan-conference-2021',
  Moscow: 'moscow-afghan-conference-2021',
};

const origin = inject('origin');
let browser: Browser;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`${origin}/pakistan-russia/`);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 45_000,
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Pixels of the map area, as RGBA. */
async function mapPixels() {
  const shot = await page.locator('.map-pane').screenshot();
  return PNG.sync.read(shot);
}

describe('story page', () => {
  it('shows the title and lists the events as text', async () => {
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Pakistan and Russia/);
    expect(await page.locator('.event-list > li').count()).toBeGreaterThanOrEqual(15);
  });

  it('paints a map that is not blank: sea, land and story colours', async () => {
    const png = await mapPixels();
    const colours = new Set<string>();
    for (let y = 0; y < png.height; y += 7) {
      for (let x = 0; x < png.width; x += 7) {
        const i = (y * png.width + x) * 4;
        colours.add(`${png.data[i]! >> 3},${png.data[i + 1]! >> 3},${png.data[i + 2]! >> 3}`);
      }
    }
    expect(colours.size).toBeGreaterThan(40);
  });

  it('draws each required feature where it belongs', async () => {
    const rendered = await probe(page).rendered({
      layers: [storyLayer(LAYER.events, 'events'), storyLayer(LAYER.route, 'pipeline')],
    });
    expect(Object.values(REQUIRED).filter((id) => !rendered.includes(id))).toEqual([]);
  });

  it('colours the pixels under each required event marker', async () => {
    const pane = (await page.locator('.map-pane').boundingBox())!;
    const points = [];
    for (const id of [
      REQUIRED.Uri,
      REQUIRED.Amritsar,
      REQUIRED.Goa,
      REQUIRED.Istanbul,
      REQUIRED.Moscow,
    ]) {
      const g = (await probe(page).geometry(id)) as GeoJSON.Point;
      const p = await probe(page).toPage(g.coordinates as [number, number]);
      points.push({ id, x: Math.round(p.x - pane.x), y: Math.round(p.y - pane.y) });
    }
    expect(points).toHaveLength(5);
    const png = await mapPixels();
    const land = [0xf6, 0xf3, 0xec];
    for (const { id, x, y } of points) {
      // The marker is a disc of radius 6.5 px: look for a saturated pixel within it.
      let found = false;
      for (let dy = -5; dy <= 5 && !found; dy++) {
        for (let dx = -5; dx <= 5 && !found; dx++) {
          const i = ((y + dy) * png.width + (x + dx)) * 4;
          const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
          const saturated = Math.max(r, g, b) - Math.min(r, g, b) > 60;
          const notLand =
            Math.abs(r - land[0]!) + Math.abs(g - land[1]!) + Math.abs(b - land[2]!) > 60;
          found = saturated && notLand;
        }
      }
      expect(found, `no marker colour at ${id} (${x}, ${y})`).toBe(true);
    }
  });

  it('requests nothing from any other origin', () => {
    const foreign = requests.filter(
      (url) =>
        !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(requests.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
  });

  it('loads the label font from the site itself', () => {
    expect(requests.some((url) => url.startsWith(`${origin}/fonts/labels.woff2`))).toBe(true);
  });

  it('carries a Content Security Policy that allows only its own origin', async () => {
    const csp = await page
      .locator('meta[http-equiv="content-security-policy"]')
      .getAttribute('content');
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  it('logs no console errors (a CSP violation would be one)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
