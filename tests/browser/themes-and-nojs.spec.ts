/**
 * In the dark, and without JavaScript (on the fixture story `rivers-and-rails`): the map's buttons
 * and scale bar and the presenter's preview follow the dark theme; the story mode without
 * JavaScript uses the page's width and hides what needs a script.
 */
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

describe('the dark theme', () => {
  it('darkens the map’s buttons and scale bar, and the presenter’s preview of the next slide', async () => {
    const context = await newContext(browser, {
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await page.goto(`${origin}/rivers-and-rails/present/?presenter#2`);
    await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 45_000,
    });
    const background = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await background('.maplibregl-ctrl-group')).toBe('rgb(23, 24, 26)');
    expect(await background('.maplibregl-ctrl-scale')).toBe('rgb(23, 24, 26)');
    await expect
      .poll(() => page.locator('.next img').evaluate((img) => (img as HTMLImageElement).currentSrc))
      .toMatch(/-dark\.svg$/);
  });
});

describe('without JavaScript', () => {
  it('the story mode uses the page’s width and shows nothing that needs a script', async () => {
    const context = await newContext(browser, {
      viewport: { width: 1280, height: 800 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${origin}/rivers-and-rails/story/`);
    const chapter = (await page.locator('.chapter').first().boundingBox())!;
    expect(chapter.width).toBeGreaterThan(700);
    expect(await page.locator('.hint').isVisible()).toBe(false);
    expect(await page.locator('.chapter .read').first().isVisible()).toBe(false);
    // Each chapter's static map names the countries around its places.
    const svg = await (await fetch(`${origin}/rivers-and-rails/story/from-delhi.svg`)).text();
    expect(svg).toContain('class="country">AFGHANISTAN</text>');
  });
});
