/**
 * Getting the embed: the embed-code dialog on the explore page, oEmbed, and the demo article.
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

describe('embed-code dialog', () => {
  it('builds, previews and copies the snippet for the chosen event and options', async () => {
    const { page, errors } = await openStory(browser, `${origin}/rivers-and-rails/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.getByLabel('Open on').selectOption('colombo-port-1965');
    await dialog.getByLabel('Theme').selectOption('dark');
    await dialog.getByLabel('Readers can pan and zoom').uncheck();
    const code = await dialog.getByLabel('Code to paste into the article').inputValue();
    expect(code).toContain(
      `<iframe data-storymap src="${origin}/rivers-and-rails/embed/?event=colombo-port-1965&amp;interactive=0&amp;theme=dark"`,
    );
    expect(code).toContain(`<script src="${origin}/embed.js" defer></script>`);
    await expect
      .poll(() => dialog.locator('iframe').getAttribute('src'))
      .toBe(`${origin}/rivers-and-rails/embed/?event=colombo-port-1965&interactive=0&theme=dark`);
    const preview = (await (await dialog.locator('iframe').elementHandle())!.contentFrame())!;
    await expect
      .poll(() => preview.locator('.event-panel h2').textContent(), { timeout: 20_000 })
      .toMatch(/Colombo/);
    await dialog.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('oEmbed', () => {
  it('is discoverable from the story page and returns the embed code', async () => {
    const html = await (await fetch(`${origin}/rivers-and-rails/`)).text();
    const link = /<link[^>]+type="application\/json\+oembed"[^>]+href="([^"]+)"/.exec(html);
    expect(link).not.toBeNull();
    const href = link![1]!.replace(/^https?:\/\/[^/]+/, origin);
    const body = (await (await fetch(href)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', width: 800, height: 640 });
    expect(body.html).toMatch(/<iframe data-storymap src="[^"]+\/rivers-and-rails\/embed\/"/);
    expect(body.html).toMatch(/<script src="[^"]+\/embed\.js" defer><\/script>/);
    expect(body.thumbnail_url).toMatch(/\/rivers-and-rails\/social\.png$/);
  });

  it('serves /embed.js under 3 KB gzip', async () => {
    const res = await fetch(`${origin}/embed.js`);
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length).toBeLessThanOrEqual(
      3 * 1024,
    );
  });
});

describe('demo article', () => {
  it('embeds the map and drives it from its paragraphs', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/demo/article/`);
    const frame = (await (await page.waitForSelector('iframe[data-storymap]')).contentFrame())!;
    await frame.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 45_000,
    });
    await page.evaluate(() =>
      document
        .querySelector('[data-storymap-event="brics-goa-2016"]')!
        .scrollIntoView({ block: 'center' }),
    );
    await expect
      .poll(() => frame.locator('.event-panel h2').textContent(), { timeout: 10_000 })
      .toMatch(/BRICS/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
