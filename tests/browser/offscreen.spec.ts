/**
 * Events outside the map's view are not lost: an edge marker shows where they lie and how many
 * there are, and clicking it goes there.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { probe } from './probe';
import { mapSettled, openStory } from './story-page-helpers';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('events off screen', () => {
  // The fixture's default view leaves out one event on purpose: a statement from Ottawa.
  it('marks the Ottawa event beyond the west edge, and goes there on a click', async () => {
    const { page, errors } = await openStory(browser, `${origin}/rivers-and-rails/`);
    await mapSettled(page);
    const west = page.locator('.offscreen .edge[data-direction="w"]');
    await expect.poll(() => west.textContent()).toMatch(/1/);
    expect(await west.getAttribute('aria-label')).toMatch(
      /^1 event off the map to the west \(.*Ottawa.*\): show$/,
    );
    // The whole-story view shows every other event: none lies beyond the north edge.
    expect(await page.locator('.offscreen .edge[data-direction="n"]').count()).toBe(0);

    await west.click();
    await expect.poll(() => page.locator('.event-panel h2').textContent()).toBeTruthy();
    await mapSettled(page);
    const [w, s, e, n] = (await probe(page).camera()).bounds;
    const [lng, lat] = [-75.6972, 45.4215];
    expect(lng >= w && lng <= e && lat >= s && lat <= n).toBe(true);
    // Now the west marker is gone, and the story's other events are marked to the east.
    await expect.poll(() => west.count()).toBe(0);
    await expect.poll(() => page.locator('.offscreen .edge[data-direction="e"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
