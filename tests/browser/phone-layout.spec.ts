/**
 * On a phone: the drawing chapter keeps its text under the map the whole way through (no screen
 * of blank page while the line draws), and the demo article's embedded map is whole — tall enough
 * for its buttons, no sideways scroll, no missing file.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileStory } from '../../src/lib/server/story/compile';
import { launchChromium, newContext } from './chromium';
import { openStory } from './story-page-helpers';

const origin = inject('origin');
const SLUG = 'rivers-and-rails';
const story = compileStory(path.resolve('tests/fixtures/stories', SLUG)).story!;
const DRAWING = story.chapters.find((c) => c.draw)!.slug;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The tallest stretch of the screen under the map that shows no text, in px. */
const blankUnderMap = (page: Page) =>
  page.evaluate(() => {
    const map = document.querySelector('.story-stage')!.getBoundingClientRect();
    const top = Math.max(0, map.bottom);
    const spans = [...document.querySelectorAll('.chapter h2, .chapter p, .chapter .read')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height > 0 && r.bottom > top && r.top < innerHeight)
      .map((r) => [Math.max(top, r.top), Math.min(innerHeight, r.bottom)] as const)
      .sort((a, b) => a[0] - b[0]);
    let gap = 0;
    let reached = top;
    for (const [from, to] of spans) {
      gap = Math.max(gap, from - reached);
      reached = Math.max(reached, to);
    }
    return { gap: Math.max(gap, innerHeight - reached), band: innerHeight - top };
  });

describe('phones', () => {
  it('at 375×667 the drawing chapter never leaves the screen under the map blank', async () => {
    const { page } = await openStory(browser, `${origin}/${SLUG}/story/#${DRAWING}`, {
      width: 375,
      height: 667,
    });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${DRAWING}`);
    const worst = { gap: 0, band: 1 };
    for (let i = 0; i < 12; i++) {
      const here = await blankUnderMap(page);
      if (here.gap > worst.gap) Object.assign(worst, here);
      await page.evaluate(() => window.scrollBy({ top: 80, behavior: 'instant' }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      if ((await page.evaluate(() => location.hash)) !== `#${DRAWING}`) break;
    }
    // A paragraph break or the gap before the next chapter, never most of what is left to read.
    expect(worst.gap).toBeLessThan(worst.band / 2);
    await page.context().close();
  });

  it('the demo article at 375×667: the map is whole, nothing scrolls sideways, no file is missing', async () => {
    const context = await newContext(browser, { viewport: { width: 375, height: 667 } });
    const article = await context.newPage();
    const missing: string[] = [];
    article.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
    await article.goto(`${origin}/demo/article/`);
    const frame = (await (await article.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 45_000,
    });
    await article.waitForTimeout(500);
    const iframe = (await article.locator('iframe').first().boundingBox())!;
    expect(iframe.height).toBeGreaterThanOrEqual(300);
    // The map's last button (⌂, the whole story) sits inside the frame, not cut off (both boxes
    // are in the article's coordinates).
    const home = (await frame.getByRole('button', { name: /Reset view/ }).boundingBox())!;
    expect(home.y + home.height).toBeLessThanOrEqual(iframe.y + iframe.height);
    expect(
      await article.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(missing).toEqual([]);
    await context.close();
  });
});
