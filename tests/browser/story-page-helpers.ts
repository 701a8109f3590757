/** Opening the built story page and talking to its map, for the browser tests. */
import { newContext } from './chromium';
import type { Browser, Page } from 'playwright-core';

export interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Opens a page in a fresh context (empty cache) and waits for the map's first idle. */
export async function openStory(
  browser: Browser,
  url: string,
  options: {
    width?: number;
    height?: number;
    colorScheme?: 'light' | 'dark';
    reducedMotion?: boolean;
    /** Let the test inject scripts (axe) past the page's Content Security Policy. */
    bypassCSP?: boolean;
  } = {},
): Promise<Opened> {
  const context = await newContext(browser, {
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 45_000,
  });
  return { page, errors, requests };
}

/** Waits until the map has stopped moving and drawn everything. */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__mapProbe!.map;
    return !map.isMoving() && map.loaded() && map.areTilesLoaded();
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__mapProbe!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Moves the camera without animation, as a reader zooming in would. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) =>
      window.__mapProbe!.map.jumpTo({
        center,
        zoom,
      }),
    { center, zoom },
  );
  await mapSettled(page);
}

/** Page coordinates of a geographic position on the map. */
export async function toPage(
  page: Page,
  lngLat: [number, number],
): Promise<{ x: number; y: number }> {
  return page.evaluate((lngLat) => {
    const map = window.__mapProbe!.map;
    const rect = map.getCanvas().getBoundingClientRect();
    const p = map.project(lngLat);
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

/** The map's centre of the area not covered by the panel, and the feature's position, in page px. */
export async function featureState(page: Page, source: string, id: string) {
  return page.evaluate(
    ({ source, id }) =>
      window.__mapProbe!.map.getFeatureState({
        source,
        id,
      }),
    { source, id },
  );
}
