/**
 * The embed inside an article served from another origin (another local port), with /embed.js:
 * auto-height, the host-article driver, reports back to the host, scroll pass-through, requests,
 * and malformed messages.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { compileStory } from '../../src/lib/server/story/compile';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';
import { probe } from './probe';
import { openStory } from './story-page-helpers';

const origin = inject('origin');
// The fixture story, with places in the north, the far south and the west.
const SLUG = 'rivers-and-rails';
const SEQUENCE = [
  { id: 'srinagar-talks-2016', title: /Srinagar/ },
  { id: 'amritsar-fair-2016', title: /Amritsar/ },
  { id: 'colombo-port-1965', title: /Colombo/ },
  { id: 'baku-conference-2021', title: /Baku/ },
  { id: 'tashkent-summit-2021', title: /summit in Tashkent/ },
];
const COLOMBO: [number, number] = [79.8612, 6.9271];
const FEATURES = compileStory(path.resolve('tests/fixtures/stories', SLUG)).story!.layers.reduce(
  (n, l) => n + l.data.features.length,
  0,
);

/** An article on another origin that embeds the map and drives it with its paragraphs. */
function hostPage(embedOrigin: string): string {
  const paragraphs = SEQUENCE.map(
    (s, i) =>
      `<p data-storymap-event="${s.id}">Paragraph ${i + 1} of the host article, about ${s.id}.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; }
  .intro { height: 110vh; padding: 1rem; }
  iframe { position: sticky; top: 0; display: block; width: 100%; height: 200px; border: 0; background: #fff; }
  p[data-storymap-event] { margin: 0 1rem 70vh; }
  .outro { height: 120vh; }
</style></head><body>
<div class="intro"><h1>Host article</h1><p>Introductory text.</p></div>
<iframe id="story" data-storymap title="Story map" src="${embedOrigin}/${SLUG}/embed/"></iframe>
${paragraphs}
<div class="outro"></div>
<script>
  window.reports = [];
  document.getElementById('story').addEventListener('storymap:select', (e) => window.reports.push(e.detail));
</script>
<script src="${embedOrigin}/embed.js"></script>
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

async function openHost(width = 1200, height = 800) {
  const context = await newContext(browser, { viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: { url: string; frame: string }[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push({ url: r.url(), frame: r.frame()?.url() ?? '' }));
  await page.goto(hostOrigin);
  const frame = await embedFrame(page);
  // Browsers pause rendering in cross-origin frames out of view: bring the map into view first.
  await page.evaluate(() => document.getElementById('story')!.scrollIntoView());
  await frame.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 45_000,
  });
  return { page, frame, errors, requests };
}

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#story');
  return (await handle.contentFrame())!;
}

/** Height of the iframe element and of the embed's content inside it. */
async function heights(page: Page, frame: Frame) {
  const iframe = await page.evaluate(
    () => document.getElementById('story')!.getBoundingClientRect().height,
  );
  const content = await frame.evaluate(
    () => document.querySelector('.embed')!.getBoundingClientRect().height,
  );
  return { iframe, content };
}

const panelTitle = (frame: Frame) => frame.locator('.event-panel h2').textContent();

describe('embed in a page on another origin', () => {
  for (const width of [320, 768, 1200]) {
    it(`sizes the iframe to its content at ${width} px, and follows it when the content grows`, async () => {
      const { page, frame, errors } = await openHost(width);
      await expect
        .poll(async () => {
          const h = await heights(page, frame);
          return Math.abs(h.iframe - h.content);
        })
        .toBeLessThanOrEqual(1);
      const before = (await heights(page, frame)).iframe;
      await page.evaluate(() =>
        (window as unknown as { StoryMap: { select: (id: string) => void } }).StoryMap.select(
          'indus-pipeline',
        ),
      );
      await expect.poll(() => panelTitle(frame)).toMatch(/pipeline/i);
      await expect
        .poll(async () => {
          const h = await heights(page, frame);
          return h.iframe > before + 100 && Math.abs(h.iframe - h.content) <= 1;
        })
        .toBe(true);
      // No scroll bar inside the iframe: the page, not the frame, scrolls.
      expect(
        await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1),
      ).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('selects Srinagar, Amritsar, Colombo, Baku and Tashkent in turn as the reader scrolls the article', async () => {
    const { page, frame } = await openHost(1200, 800);
    for (const step of SEQUENCE) {
      await page.evaluate((id) => {
        document
          .querySelector(`[data-storymap-event="${id}"]`)!
          .scrollIntoView({ block: 'center' });
      }, step.id);
      await expect.poll(() => panelTitle(frame), { timeout: 10_000 }).toMatch(step.title);
      expect(
        await page.evaluate(() =>
          document.querySelector('[data-storymap-active]')?.getAttribute('data-storymap-event'),
        ),
      ).toBe(step.id);
    }
    const reports = await page.evaluate(
      () => (window as unknown as { reports: { id: string; cause: string }[] }).reports,
    );
    expect(reports.filter((r) => r.cause === 'host').map((r) => r.id)).toEqual(
      SEQUENCE.map((s) => s.id),
    );
    await page.context().close();
  });

  it('reports no selection at load: nobody has selected anything yet', async () => {
    const { page } = await openHost(1200, 800);
    await page.waitForTimeout(1000);
    expect(
      await page.evaluate(() => (window as unknown as { reports: unknown[] }).reports),
    ).toEqual([]);
    await page.context().close();
  });

  it('reports a click on a feature inside the iframe to the host', async () => {
    const { page, frame } = await openHost(1200, 800);
    await page.evaluate(() => document.getElementById('story')!.scrollIntoView());
    await probe(frame).jumpTo(COLOMBO, 6);
    const point = await probe(frame).toPage(COLOMBO);
    const box = (await page.locator('iframe#story').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { reports: { id: string; cause: string }[] }).reports.at(-1),
        ),
      )
      .toMatchObject({ id: 'colombo-port-1965', cause: 'user' });
    await page.context().close();
  });

  it('lets wheel-scrolling over the map scroll the host page, not zoom the map', async () => {
    const { page, frame } = await openHost(1200, 800);
    await page.evaluate(() => window.scrollTo(0, document.getElementById('story')!.offsetTop));
    const readZoom = async () => (await probe(frame).camera()).zoom;
    // Wait for the embed to settle (the iframe resizes to its content after load).
    let zoom = await readZoom();
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(150);
      const next = await readZoom();
      if (next === zoom) break;
      zoom = next;
    }
    const before = await page.evaluate(() => window.scrollY);
    const box = (await page
      .locator('iframe#story .embed-map, iframe#story')
      .first()
      .boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    // Scroll up, towards the introduction: no driver paragraph is crossed, so nothing else moves
    // the map.
    await page.mouse.wheel(0, -500);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(before - 200);
    expect(await readZoom()).toBe(zoom);
    await page.context().close();
  });

  it('requests nothing from any origin but its own', async () => {
    const { page, requests } = await openHost(1200, 800);
    const fromEmbed = requests.filter((r) => r.frame.startsWith(origin));
    expect(fromEmbed.length).toBeGreaterThan(5);
    expect(
      fromEmbed.filter((r) => !/^(data:|blob:)/.test(r.url) && !r.url.startsWith(`${origin}/`)),
    ).toEqual([]);
    expect(
      requests.filter(
        (r) =>
          !r.url.startsWith(`${origin}/`) &&
          !r.url.startsWith(`${hostOrigin}/`) &&
          !/^(data:|blob:)/.test(r.url),
      ),
    ).toEqual([]);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);
    await page.context().close();
  });

  it('ignores fuzzed malformed messages: no error, no change of state', async () => {
    const { page, frame, errors } = await openHost(1200, 800);
    await page.evaluate(() =>
      (window as unknown as { StoryMap: { select: (id: string) => void } }).StoryMap.select(
        'srinagar-talks-2016',
      ),
    );
    await expect.poll(() => panelTitle(frame)).toMatch(/Srinagar/);
    const state = () =>
      frame.evaluate(() => ({
        title: document.querySelector('.event-panel h2')?.textContent,
        window: document.querySelector('.timeline-label')?.textContent,
        url: location.href,
      }));
    const before = await state();
    await page.evaluate(() => {
      const target = (document.getElementById('story') as HTMLIFrameElement).contentWindow!;
      const junk: unknown[] = [
        null,
        undefined,
        0,
        -1,
        NaN,
        '',
        'storymap:select',
        'storymap:clear',
        true,
        [],
        [1, 2],
        {},
        { type: 'storymap:select' },
        { type: 'storymap:select', id: 42 },
        { type: 'storymap:select', id: 'colombo-port-1965', extra: '<img src=x onerror=alert(1)>' },
        { type: 'storymap:select', id: '../../etc/passwd' },
        { type: 'storymap:select', id: 'x'.repeat(100000) },
        { type: 'storymap:clear', now: true },
        { type: 'storymap:setDateWindow', from: '2021', to: 'later' },
        { type: 'storymap:setDateWindow', from: '2021-13', to: '2021' },
        { type: 'storymap:setDateWindow' },
        { type: 'storymap:eval', code: 'document.body.remove()' },
        { type: 'STORYMAP:CLEAR' },
        { type: ['storymap:clear'] },
        { type: 'storymap:select', id: ['srinagar-talks-2016'] },
        JSON.stringify({ type: 'storymap:clear' }),
        new Date(),
        new ArrayBuffer(8),
        { length: 1e9 },
      ];
      for (let i = 0; i < 200; i++) {
        const random: Record<string, unknown> = {};
        for (let k = 0; k < 3; k++)
          random[Math.random().toString(36).slice(2, 6)] =
            Math.random() > 0.5 ? Math.random() : 'storymap:' + Math.random().toString(36);
        if (i % 3 === 0)
          random.type =
            ['storymap:select', 'storymap:clear', 'storymap:setDateWindow'][i % 9 === 0 ? 1 : 0] +
            (i % 2 ? '' : ' ');
        junk.push(random);
      }
      for (const message of junk) target.postMessage(message, '*');
    });
    await page.waitForTimeout(500);
    expect(await state()).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('embed on its own', () => {
  it('credits every source of its basemap, as the map itself does', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/${SLUG}/embed/`);
    const credit = (await page.locator('footer.credit').textContent())!;
    for (const source of ['Natural Earth', 'GeoNames', 'OpenStreetMap']) {
      expect(credit).toContain(source);
    }
    await context.close();
  });

  it('without JavaScript shows the static map and every narrative', async () => {
    const context = await newContext(browser, {
      javaScriptEnabled: false,
      viewport: { width: 400, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${origin}/${SLUG}/embed/?event=srinagar-talks-2016`);
    const map = page.locator('img.static-map');
    await expect
      .poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await map.isVisible()).toBe(true);
    const narratives = page.locator('.item-narrative');
    // Every feature of the story has its narrative on the page.
    expect(await narratives.count()).toBe(FEATURES);
    for (const n of await narratives.all()) expect(await n.isVisible()).toBe(true);
    expect(
      (await page.locator('.item-narrative').first().textContent())!.trim().length,
    ).toBeGreaterThan(100);
    expect(await page.getByText('Loading map').count()).toBe(0);
    await context.close();
  });

  it('without WebGL says so and shows the static map instead of an empty box', async () => {
    const { chromium } = await import('playwright-core');
    const { CHROMIUM_PATH } = await import('./chromium');
    const noGl = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--disable-3d-apis',
        '--disable-gpu',
        '--no-sandbox',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    try {
      const page = await noGl.newPage({ viewport: { width: 600, height: 900 } });
      await page.goto(`${origin}/${SLUG}/embed/`);
      await expect
        .poll(() => page.locator('.map-message.error').textContent(), { timeout: 20_000 })
        .toMatch(/needs WebGL/);
      expect(await page.locator('img.static-map').isVisible()).toBe(true);
    } finally {
      await noGl.close();
    }
  });

  it('opens /<story>/embed/?event=srinagar-talks-2016 with Srinagar selected', async () => {
    const { page, errors } = await openStory(
      browser,
      `${origin}/${SLUG}/embed/?event=srinagar-talks-2016`,
      { width: 600, height: 900 },
    );
    await expect.poll(() => page.locator('.event-panel h2').textContent()).toMatch(/Srinagar/);
    expect(await page.locator('.open-full').getAttribute('href')).toMatch(
      new RegExp(`/${SLUG}/\\?event=srinagar-talks-2016$`),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('uses cooperative gestures, and interactive=0 gives a still map', async () => {
    const { page } = await openStory(browser, `${origin}/${SLUG}/embed/?interactive=0&theme=dark`, {
      width: 600,
      height: 900,
    });
    expect(await probe(page).gestures()).toMatchObject({ dragPan: false, scrollZoom: false });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.context().close();
    const { page: p2 } = await openStory(browser, `${origin}/${SLUG}/embed/`, {
      width: 600,
      height: 900,
    });
    expect((await probe(p2).gestures()).cooperative).toBe(true);
    await p2.context().close();
  });
});
