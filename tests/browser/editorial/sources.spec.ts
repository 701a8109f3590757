/**
 * The Pakistan–Russia story's sources as a reader meets them: the panel names a source's outlet,
 * title and date, marks a secondary source, cites the source article wherever the story is shown,
 * and a source clicked in the demo article's embed opens in a new page.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from '../chromium';
import { openStory } from '../story-page-helpers';

const origin = inject('origin');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Tests run offline: any request leaving the test server is answered with an empty page. */
async function offline(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>x</title>' }),
  );
}

describe('the narrative panel', () => {
  it('shows each source as outlet, title and date', async () => {
    const { page, errors } = await openStory(
      browser,
      `${origin}/pakistan-russia/?event=druzhba-2016`,
    );
    const first = page.locator('.event-panel .sources li').first();
    await expect.poll(() => first.textContent()).toMatch(/TASS/);
    const text = (await first.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('TASS: Russian mechanized infantry unit arrives in Pakistan');
    expect(text).toContain('23 September 2016');
    // The link is the title, not a bare host name.
    expect(await first.locator('a').textContent()).toMatch(/^Russian mechanized infantry unit/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('marks a secondary source as such', async () => {
    const { page } = await openStory(
      browser,
      `${origin}/pakistan-russia/?event=pak-ussr-cultural-agreement-1965`,
    );
    const secondary = page.locator('.event-panel .sources li', { hasText: 'secondary' });
    await expect.poll(() => secondary.count()).toBe(1);
    expect(await secondary.textContent()).toMatch(/Great Soviet Encyclopedia/);
    await page.context().close();
  });
});

describe('the demo article', () => {
  it('opens a source clicked inside the embed in a new page, and the embed keeps its map', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    await offline(context);
    const page = await context.newPage();
    await page.goto(`${origin}/demo/article/`);
    const frame = (await (await page.waitForSelector('iframe[data-storymap]')).contentFrame())!;
    await frame.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 45_000,
    });
    const embedUrl = frame.url();
    await page.evaluate(() =>
      document
        .querySelector('[data-storymap-event="brics-goa-2016"]')!
        .scrollIntoView({ block: 'center' }),
    );
    const source = frame.locator('.event-panel .sources a').first();
    await source.waitFor({ timeout: 10_000 });
    const [popup] = await Promise.all([
      context.waitForEvent('page', { timeout: 5_000 }),
      source.click(),
    ]);
    expect(popup.url()).toBe(await source.getAttribute('href'));
    // The iframe still shows the story and its map.
    expect(frame.url()).toBe(embedUrl);
    expect(await frame.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(await frame.locator('.event-panel h2').textContent()).toMatch(/BRICS/);
    await context.close();
  });
});

describe('what the pages say about the story', () => {
  it('cites the source article by its title, set apart, wherever the story is shown', async () => {
    for (const path of ['/pakistan-russia/', '/pakistan-russia/embed/']) {
      const html = await (await fetch(`${origin}${path}`)).text();
      expect(html, path).not.toMatch(/Based on A /);
      expect(html, path).toMatch(/Source article: <cite>A news analysis of Pakistan–Russia/);
    }
  });
});
