/** Opening the built story page and talking to its map, for the browser tests. */
import { newContext } from './chromium';
import type { Browser, Frame, Page } from 'playwright-core';
import { probe } from './probe';

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
export const mapSettled = (page: Page | Frame): Promise<void> => probe(page).settled();

/** Moves the camera without animation, as a reader zooming in would. */
export const jumpTo = (page: Page | Frame, center: [number, number], zoom: number): Promise<void> =>
  probe(page).jumpTo(center, zoom);

/** Page coordinates of a geographic position on the map. */
export const toPage = (page: Page | Frame, lngLat: [number, number]) => probe(page).toPage(lngLat);

/** Whether a story feature is highlighted as selected (or as a chapter's focus). */
export const isSelected = async (page: Page | Frame, id: string): Promise<boolean> =>
  (await probe(page).featureState(id)).selected;
