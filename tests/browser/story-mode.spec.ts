/**
 * The story mode, /<story>/story/: scrolling enters each chapter and applies it (camera, focus,
 * window, layers), scrolling back restores the previous one, #slug opens a chapter, the pipeline
 * draws with the scroll, reduced motion, no JavaScript, and axe.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileStory } from '../../src/lib/server/story/compile';
import { seriousViolations } from './axe';
import { launchChromium, newContext } from './chromium';
import { probe } from './probe';
import { isSelected, mapSettled, openStory } from './story-page-helpers';
import { LAYER, storyLayer } from '../../src/lib/map/style-ids';

const origin = inject('origin');
// The fixture story: six chapters, one of which draws the pipeline from Karachi to Lahore.
const SLUG = 'rivers-and-rails';
const STORY = `${origin}/${SLUG}/story/`;
const story = compileStory(path.resolve('tests/fixtures/stories', SLUG)).story!;
const EVENTS = storyLayer(LAYER.events, 'events');
const ROUTE = story.layers.find((l) => l.meta.id === 'pipeline')!.data.features[0]!.properties as {
  id: string;
  computed_length_km: number;
  waypoints: string[];
};
/** The chapter that draws the route, and two with focus features to click and to play. */
const DRAWING = story.chapters.find((c) => c.draw)!.slug;
const KASHMIR = 'an-autumn-in-kashmir';
const chapters = story.chapters;
const layerOf = new Map(
  story.layers.flatMap((l) => l.data.features.map((f) => [f.properties.id, l.meta.id] as const)),
);
const periodOf = new Map(
  story.layers.flatMap((l) =>
    l.data.features.map(
      (f) => [f.properties.id, [f.properties.period_start, f.properties.period_end]] as const,
    ),
  ),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Scrolls so that the chapter's top is just past the band that decides the chapter in play. */
async function scrollToChapter(page: Page, slug: string, at: 'start' | 'end' = 'start') {
  await page.evaluate(
    ({ slug, at }) => {
      const section = document.getElementById(slug)!;
      const top = section.getBoundingClientRect().top + window.scrollY;
      const band = window.innerHeight * (window.innerWidth <= 760 ? 0.72 : 0.5);
      // Start: the band just inside the chapter's top; end: just inside its bottom.
      const y = at === 'start' ? top - band + 40 : top + section.offsetHeight - band - 40;
      window.scrollTo({ top: y, behavior: 'instant' });
    },
    { slug, at },
  );
}

async function activeSlug(page: Page): Promise<string> {
  return page.evaluate(() => window.location.hash.slice(1));
}

/** Every check a chapter makes on the map once the camera has stopped. */
async function expectChapterApplied(page: Page, index: number) {
  const chapter = chapters[index]!;
  await expect.poll(() => activeSlug(page)).toBe(chapter.slug);
  await expect
    .poll(() => page.locator('.progress [aria-current="step"]').getAttribute('href'))
    .toBe(`#${chapter.slug}`);
  await mapSettled(page);
  // The camera: the map's centre lies inside the chapter's target.
  const { center } = await probe(page).camera();
  const [w, s, e, n] = chapter.bounds;
  expect(center[0], `${chapter.slug}: centre longitude`).toBeGreaterThanOrEqual(w);
  expect(center[0], `${chapter.slug}: centre longitude`).toBeLessThanOrEqual(e);
  expect(center[1], `${chapter.slug}: centre latitude`).toBeGreaterThanOrEqual(s);
  expect(center[1], `${chapter.slug}: centre latitude`).toBeLessThanOrEqual(n);
  // The focus: selected in feature-state.
  for (const id of chapter.focus) {
    expect(await isSelected(page, id), `${chapter.slug}: focus ${id}`).toBe(true);
  }
  // The window: events outside it are not drawn, the focus events inside it are.
  const rendered = await probe(page).rendered({ layers: [EVENTS] });
  const dates = chapter.window ?? ['0000', '9999'];
  for (const id of rendered) {
    const [start, end] = periodOf.get(id)!;
    expect(end >= dates[0] && start <= dates[1], `${chapter.slug}: ${id} is drawn`).toBe(true);
  }
  for (const id of chapter.focus.filter((f) => layerOf.get(f) === 'events')) {
    expect(rendered, `${chapter.slug}: focus ${id} is drawn`).toContain(id);
  }
  // The layers: those the chapter leaves out are hidden.
  if (chapter.layers) {
    const visible = await probe(page).visibleLayers();
    for (const layer of ['pipeline', 'railway', 'links', 'de-facto']) {
      expect(visible.includes(layer), `${chapter.slug}: ${layer}`).toBe(
        chapter.layers.includes(layer),
      );
    }
  }
}

describe('scrolling through the story', () => {
  it('has the story’s chapters', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(6);
  });

  it('enters each chapter in order and applies it; scrolling back restores the previous one', async () => {
    const { page, errors } = await openStory(browser, STORY);
    const announced: string[] = [];
    for (let i = 0; i < chapters.length; i++) {
      await scrollToChapter(page, chapters[i]!.slug);
      await expectChapterApplied(page, i);
      announced.push((await page.locator('.story-scroll [aria-live="polite"]').textContent())!);
    }
    expect(announced.at(-1)).toBe(
      `Chapter ${chapters.length} of ${chapters.length}: ${chapters.at(-1)!.title}`,
    );
    // Back up: the end of the chapter before the last, then the one before that.
    for (const i of [chapters.length - 2, chapters.length - 3]) {
      await scrollToChapter(page, chapters[i]!.slug, 'end');
      await expectChapterApplied(page, i);
    }
    // The previous chapter's focus is no longer selected once it is left.
    const left = chapters.at(-1)!.focus.filter((id) => !chapters.at(-3)!.focus.includes(id));
    for (const id of left) {
      expect(await isSelected(page, id)).toBe(false);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the chapter the URL names (#slug)', async () => {
    const index = chapters.findIndex((c) => c.slug === 'tashkent-and-baku');
    const { page } = await openStory(browser, `${STORY}#tashkent-and-baku`);
    await expectChapterApplied(page, index);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('ArrowDown steps to the next chapter and moves focus to its heading', async () => {
    const { page } = await openStory(browser, `${STORY}#${KASHMIR}`);
    const index = chapters.findIndex((c) => c.slug === KASHMIR);
    await expect.poll(() => activeSlug(page)).toBe(KASHMIR);
    await page.keyboard.press('ArrowDown');
    await expectChapterApplied(page, index + 1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      `${chapters[index + 1]!.slug}-title`,
    );
    await page.context().close();
  });

  it('a click on a feature opens its narrative and keeps the reader’s place', async () => {
    const { page } = await openStory(browser, `${STORY}#${KASHMIR}`);
    await mapSettled(page);
    const before = await page.evaluate(() => window.scrollY);
    await page.locator(`#${KASHMIR} .read`).click();
    await expect.poll(() => page.locator('.event-panel h2').textContent()).toMatch(/Srinagar/);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect(await activeSlug(page)).toBe(KASHMIR);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.event-panel').count()).toBe(0);
    await page.context().close();
  });
});

describe('the pipeline drawn along its route', () => {
  const slug = DRAWING;
  const last = ROUTE.waypoints.at(-1)!;

  /** The km figure shown, how far the map has drawn the line, and whether it reached its end. */
  async function drawn(page: Page) {
    const km = Number(
      (await page.locator('.draw-readout strong').textContent())!.replace(/,/g, ''),
    );
    const { progress, reached } = await probe(page).drawing();
    return { km, progress, end: reached.includes(last) };
  }

  it('grows with the scroll position, from its first waypoint to its last, and is complete at the chapter’s end', async () => {
    const { page } = await openStory(browser, STORY);
    await scrollToChapter(page, slug);
    await expect.poll(() => activeSlug(page)).toBe(slug);
    const total = Number(
      (await page.locator('.draw-readout').textContent())!
        .match(/of ([\d,]+) km/)![1]!
        .replace(/,/g, ''),
    );
    expect(total).toBe(ROUTE.computed_length_km);
    const samples: { km: number; progress: number; end: boolean }[] = [];
    const height = await page.evaluate((s) => document.getElementById(s)!.offsetHeight, slug);
    for (let y = 0; y < height; y += 120) {
      await page.evaluate(() => window.scrollBy({ top: 120, behavior: 'instant' }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      if ((await activeSlug(page)) !== slug) break;
      samples.push(await drawn(page));
    }
    expect(samples.length).toBeGreaterThan(5);
    for (let i = 1; i < samples.length; i++) {
      expect(samples[i]!.km).toBeGreaterThanOrEqual(samples[i - 1]!.km);
      expect(samples[i]!.progress).toBeGreaterThanOrEqual(samples[i - 1]!.progress);
    }
    expect(samples[0]!.km).toBeLessThan(total / 4);
    expect(samples.at(-1)!.km).toBe(total);
    expect(samples.at(-1)!.progress).toBe(1);
    // Waypoint labels appear as the line reaches them: the last one's only at the very end.
    expect(samples.filter((s) => s.end).length).toBeGreaterThan(0);
    expect(samples.findIndex((s) => s.end)).toBe(samples.findIndex((s) => s.progress === 1));
    await page.context().close();
  });

  it('with reduced motion the route is shown whole', async () => {
    const { page } = await openStory(browser, `${STORY}#${slug}`, { reducedMotion: true });
    await expect.poll(() => activeSlug(page)).toBe(slug);
    const total = (await page.locator('.draw-readout').textContent())!;
    expect(total).toMatch(/^\s*([\d,]+) of \1 km\s*$/);
    expect((await drawn(page)).progress).toBe(1);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('shows every chapter’s text and its static map', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(STORY);
    for (const chapter of chapters) {
      const section = page.locator(`#${chapter.slug}`);
      await expect.poll(() => section.locator('h2').textContent()).toContain(chapter.title);
      expect(await section.locator('.body p').count()).toBeGreaterThan(0);
      const map = section.locator('img.chapter-map');
      expect(await map.isVisible()).toBe(true);
      await expect
        .poll(() => map.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    }
    expect(await page.locator('.story-stage').isVisible()).toBe(false);
    await context.close();
  });

  it('the explore page links to the story mode', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/${SLUG}/`);
    const link = page.locator('a.story-mode-link');
    expect(await link.textContent()).toMatch(new RegExp(`story in ${chapters.length} chapters`));
    await link.click();
    await page.waitForURL(STORY);
    expect(await page.locator('.chapter h2').count()).toBe(chapters.length);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violations (${scheme}), narrative closed and open`, async () => {
      const { page } = await openStory(browser, `${STORY}#${DRAWING}`, {
        colorScheme: scheme,
        bypassCSP: true,
      });
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator(`#${DRAWING} .read`).click();
      await expect.poll(() => page.locator('.event-panel').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('chapters in the embed', () => {
  const PLAYED = [KASHMIR, 'tashkent-and-baku', 'from-delhi'];
  let host: Server;
  let hostOrigin: string;

  /** An article on another origin whose paragraphs play chapters of the embedded map. */
  const hostPage =
    () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; }
  .intro { height: 110vh; }
  iframe { position: sticky; top: 0; display: block; width: 100%; height: 200px; border: 0; }
  p[data-storymap-chapter] { margin: 0 1rem 70vh; }
  .outro { height: 120vh; }
</style></head><body>
<div class="intro"><h1>Host article</h1></div>
<iframe id="story" data-storymap title="Story map" src="${origin}/${SLUG}/embed/"></iframe>
${PLAYED.map((slug) => `<p data-storymap-chapter="${slug}">About ${slug}.</p>`).join('\n')}
<div class="outro"></div>
<script src="${origin}/embed.js"></script>
</body></html>`;

  beforeAll(async () => {
    host = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(hostPage());
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const address = host.address();
    hostOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((r) => host?.close(r));
  });

  async function focusSelected(frame: Frame, ids: string[]) {
    for (const id of ids) if (!(await isSelected(frame, id))) return false;
    return true;
  }

  it('paragraphs marked data-storymap-chapter play their chapters in the embed', async () => {
    const context = await newContext(browser, { viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    await page.goto(hostOrigin);
    const frame = (await (await page.waitForSelector('iframe#story')).contentFrame())!;
    await page.evaluate(() => document.getElementById('story')!.scrollIntoView());
    await frame.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 45_000,
    });
    for (const slug of PLAYED) {
      const chapter = chapters.find((c) => c.slug === slug)!;
      await page.evaluate((slug) => {
        document
          .querySelector(`[data-storymap-chapter="${slug}"]`)!
          .scrollIntoView({ block: 'center' });
      }, slug);
      await expect
        .poll(() => frame.locator('.embed-chapter h2').textContent(), { timeout: 10_000 })
        .toBe(chapter.title);
      await expect.poll(() => focusSelected(frame, chapter.focus)).toBe(true);
      await mapSettled(frame);
      const { center } = await probe(frame).camera();
      const [w, s, e, n] = chapter.bounds;
      expect(center[0] >= w && center[0] <= e && center[1] >= s && center[1] <= n).toBe(true);
    }
    await context.close();
  });

  it('opens at the chapter its URL names (?chapter=)', async () => {
    const { page } = await openStory(browser, `${origin}/${SLUG}/embed/?chapter=${DRAWING}`);
    await expect
      .poll(() => page.locator('.embed-chapter h2').textContent())
      .toBe(chapters.find((c) => c.slug === DRAWING)!.title);
    expect(await isSelected(page, ROUTE.id)).toBe(true);
    await page.context().close();
  });
});
