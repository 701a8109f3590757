/**
 * The briefing: slides driven by the keys of slide tools, each slide playing its chapter on the
 * map, questions answered from the map and the slide restored, and a presenter view in a second
 * window kept in step over a BroadcastChannel.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileStory } from '../../src/lib/server/story/compile';
import { seriousViolations } from './axe';
import { launchChromium, newContext } from './chromium';
import { mapSettled, toPage } from './story-page-helpers';

const origin = inject('origin');
const PRESENT = `${origin}/pakistan-russia/present/`;
const story = compileStory(path.resolve('geo/pakistan-russia')).story!;
const layerOf = new Map(
  story.layers.flatMap((l) => l.data.features.map((f) => [f.properties.id, l.meta.id] as const)),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  url: string,
  {
    width = 1920,
    height = 1080,
    context,
  }: { width?: number; height?: number; context?: BrowserContext } = {},
) {
  const ctx =
    context ?? (await newContext(browser, { viewport: { width, height }, bypassCSP: true }));
  const page = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 45_000,
  });
  return { page, ctx, requests, errors };
}

/** The slide shown, as the reader reads it: "Slide 4 of 10 · chapter 3 of 8". */
const slideNumber = (page: Page) =>
  page.evaluate(() =>
    Number(/Slide (\d+) of/.exec(document.querySelector('.slide-number')?.textContent ?? '')?.[1]),
  );
const title = (page: Page) => page.locator('#slide-title').textContent();

describe('slides', () => {
  it('move forward, back and jump with the keys of slide tools', async () => {
    const { page, ctx } = await open(PRESENT);
    expect(await slideNumber(page)).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await slideNumber(page)).toBe(3);
    await page.keyboard.press('PageDown');
    expect(await slideNumber(page)).toBe(4);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    expect(await slideNumber(page)).toBe(2);
    await page.keyboard.press('6');
    await page.keyboard.press('Enter');
    expect(await slideNumber(page)).toBe(6);
    expect(page.url()).toMatch(/#the-route$/);
    await page.keyboard.press('End');
    expect(await title(page)).toBe('Sources and credits');
    await page.keyboard.press('Home');
    expect(await slideNumber(page)).toBe(1);
    await ctx.close();
  });

  it('open at the slide the URL names, by number or by chapter', async () => {
    const { page, ctx } = await open(`${PRESENT}#4`);
    expect(await slideNumber(page)).toBe(4);
    await page.goto(`${PRESENT}#the-route`);
    await page.reload();
    await expect.poll(() => slideNumber(page)).toBe(6);
    await ctx.close();
  });

  it('each chapter slide plays its chapter: camera, focus and date window', async () => {
    const { page, ctx } = await open(`${PRESENT}#2`, { width: 1600, height: 900 });
    const total = story.chapters.length + 2;
    for (let n = 2; n < total; n++) {
      if (n > 2) await page.keyboard.press('ArrowRight');
      await expect.poll(() => slideNumber(page)).toBe(n);
      await mapSettled(page);
      const chapter = story.chapters[n - 2]!;
      const drawn = await page.evaluate(() =>
        window
          .__mapProbe!.map.queryRenderedFeatures({ layers: ['events:events'] })
          .map((f) => [
            String(f.properties.id),
            f.properties.period_start,
            f.properties.period_end,
          ]),
      );
      // The chapter's target lies in the part of the map the slide's text leaves clear.
      const [w, s, e, nn] = chapter.bounds;
      const middle = await toPage(page, [(w + e) / 2, (s + nn) / 2]);
      const text = (await page.locator('.slide-text').boundingBox())!;
      expect(middle.x).toBeGreaterThan(text.x + text.width);
      expect(middle.x).toBeLessThan(1600);
      expect(middle.y).toBeGreaterThan(0);
      expect(middle.y).toBeLessThan(900);
      if (chapter.window) {
        const [from, to] = chapter.window;
        for (const [id, start, end] of drawn) {
          expect(end >= from && start <= to, `${id} outside ${chapter.window}`).toBe(true);
        }
      }
      for (const id of chapter.focus) {
        const fstate = await page.evaluate(
          ({ source, id }) => window.__mapProbe!.map.getFeatureState({ source, id }),
          { source: layerOf.get(id)!, id },
        );
        expect(fstate, `${id} on slide ${n}`).toMatchObject({ selected: true });
      }
    }
    await ctx.close();
  });

  it('highlights the chapter’s focus and keeps the slide text off the features it names', async () => {
    const { page, ctx } = await open(`${PRESENT}#uri-and-druzhba`);
    await mapSettled(page);
    expect(
      await page.evaluate(() =>
        window.__mapProbe!.map.getFeatureState({
          source: 'events',
          id: 'uri-attack-2016',
        }),
      ),
    ).toMatchObject({ selected: true });
    const box = (await page.locator('.slide-text').boundingBox())!;
    const uri = await toPage(page, [74.0333, 34.0861]);
    expect(uri.x > box.x + box.width || uri.y > box.y + box.height).toBe(true);
    const size = await page.evaluate(
      () => getComputedStyle(document.querySelector('.slide-text .body p')!).fontSize,
    );
    expect(parseFloat(size)).toBeGreaterThanOrEqual(28);
    await ctx.close();
  });

  it('a click on a feature opens its narrative; Esc restores the slide’s camera', async () => {
    const { page, ctx } = await open(`${PRESENT}#moscow-and-istanbul`);
    await mapSettled(page);
    const camera = () =>
      page.evaluate(() => {
        const map = window.__mapProbe!.map;
        return { center: map.getCenter().toArray(), zoom: map.getZoom() };
      });
    const before = await camera();
    const at = await toPage(page, [37.6173, 55.7558]);
    await page.mouse.click(at.x, at.y);
    const chooser = page.locator('.chooser');
    if (await chooser.isVisible()) await chooser.locator('button').first().click();
    await expect.poll(() => page.locator('.question .event-panel').count()).toBe(1);
    await page.evaluate(() =>
      window.__mapProbe!.map.jumpTo({
        center: [10, 10],
        zoom: 2,
      }),
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.question').count()).toBe(0);
    await mapSettled(page);
    const after = await camera();
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(
      Math.hypot(after.center[0]! - before.center[0]!, after.center[1]! - before.center[1]!),
    ).toBeLessThan(0.01);
    expect(await slideNumber(page)).toBe(7);
    await ctx.close();
  });

  it('blanks the screen with B and shows the keys with ?', async () => {
    const { page, ctx } = await open(PRESENT);
    await page.keyboard.press('b');
    expect(await page.locator('.blank').isVisible()).toBe(true);
    await page.keyboard.press('b');
    expect(await page.locator('.blank').count()).toBe(0);
    await page.keyboard.press('?');
    expect(await page.getByRole('dialog', { name: 'Keys' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog', { name: 'Keys' }).count()).toBe(0);
    await ctx.close();
  });

  it('with reduced motion the route is drawn whole at once', async () => {
    const context = await newContext(browser, {
      viewport: { width: 1600, height: 900 },
      reducedMotion: 'reduce',
    });
    const { page } = await open(`${PRESENT}#the-route`, { context });
    await expect
      .poll(() => page.locator('.draw-readout').textContent())
      .toMatch(/1,079 of 1,079 km/);
    await context.close();
  });
});

describe('presenter view', () => {
  it('stays on the audience’s slide whichever window is driven, and shows notes and the next slide', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    const { page: audience } = await open(`${PRESENT}#3`, { context });
    const { page: presenter } = await open(`${PRESENT}?presenter`, { context });
    // The presenter window joins the show where the audience window has it.
    await expect.poll(() => slideNumber(presenter)).toBe(3);
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => slideNumber(audience)).toBe(4);
    await audience.keyboard.press('ArrowRight');
    await expect.poll(() => slideNumber(presenter)).toBe(5);
    expect(await presenter.locator('.notes').textContent()).toMatch(/^Notes\s*\S.{40,}/s);
    expect(await presenter.locator('.notes').textContent()).not.toMatch(/No notes/);
    const next = presenter.locator('.next img');
    expect(await next.getAttribute('src')).toMatch(/\/story\/[a-z0-9-]+\.svg$/);
    await expect
      .poll(() => next.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await presenter.locator('.timer').textContent()).toMatch(/\d\d:\d\d/);
    // Reloading the audience window rejoins the show.
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => slideNumber(audience)).toBe(6);
    await audience.reload();
    await audience.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
    await expect.poll(() => slideNumber(audience)).toBe(6);
    // Blanking from the presenter blanks the audience screen.
    await presenter.keyboard.press('b');
    await expect.poll(() => audience.locator('.blank').count()).toBe(1);
    await context.close();
  });
});

describe('network and accessibility', () => {
  it('requests nothing from another origin; axe finds nothing serious on slide and presenter pages', async () => {
    const { page, ctx, requests, errors } = await open(`${PRESENT}#the-route`);
    expect(await seriousViolations(page)).toEqual([]);
    const { page: presenter, requests: more } = await open(`${PRESENT}?presenter#the-route`, {
      context: ctx,
    });
    expect(await seriousViolations(presenter)).toEqual([]);
    const foreign = [...requests, ...more].filter(
      (u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u),
    );
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
