/**
 * /embed.js with an iframe that lacks `data-storymap`, as many CMSs leave it (they strip
 * attributes they do not know): the script recognises the story map by its messages, matching
 * each message's source to an iframe's window, and sizes and drives it all the same. The article
 * is served from another origin, beside an unrelated iframe.
 */
import { createServer, type Server } from 'node:http';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';

const origin = inject('origin');

/** An article whose CMS kept only src, title and style; the script selects Srinagar at once. */
function hostPage(embedOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } iframe { display: block; width: 100%; height: 150px; border: 0; }</style>
</head><body>
<h1>Host article</h1>
<iframe id="other" title="Another widget" srcdoc="<p>Not a story map</p>"></iframe>
<iframe id="story" title="Story map" src="${embedOrigin}/rivers-and-rails/embed/"></iframe>
<p>Text after the map.</p>
<script src="${embedOrigin}/embed.js"></script>
<script>
  window.reports = [];
  document.getElementById('story').addEventListener('storymap:select', (e) => window.reports.push(e.detail));
  window.StoryMap.select('srinagar-talks-2016');
</script>
</body></html>`;
}

let browser: Browser;
let host: Server;
let hostOrigin: string;

beforeAll(async () => {
  browser = await launchChromium();
  host = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(hostPage(origin));
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const address = host.address();
  hostOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => host?.close(r));
});

async function openHost(): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const context = await newContext(browser, { viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(hostOrigin);
  const frame = (await (await page.waitForSelector('iframe#story')).contentFrame())!;
  await page.evaluate(() => document.getElementById('story')!.scrollIntoView());
  await frame.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 45_000,
  });
  return { page, frame, errors };
}

describe('embed.js with an iframe that lacks data-storymap', () => {
  it('sizes the story-map iframe to its content and leaves the other iframe alone', async () => {
    const { page, frame, errors } = await openHost();
    await expect
      .poll(async () => {
        const iframe = await page.evaluate(
          () => document.getElementById('story')!.getBoundingClientRect().height,
        );
        const content = await frame.evaluate(
          () => document.querySelector('.embed')!.getBoundingClientRect().height,
        );
        return iframe > 300 && Math.abs(iframe - content) <= 1;
      })
      .toBe(true);
    expect(
      await page.evaluate(() => document.getElementById('other')!.getBoundingClientRect().height),
    ).toBe(150);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('delivers a command given before the map was known, and reports the selection back', async () => {
    const { page, frame } = await openHost();
    await expect.poll(() => frame.locator('.event-panel h2').textContent()).toMatch(/Srinagar/);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { reports: unknown[] }).reports))
      .toContainEqual(expect.objectContaining({ id: 'srinagar-talks-2016', cause: 'host' }));
    await page.context().close();
  });
});
