/**
 * The briefing: slides driven by the keys of slide tools, each slide playing its chapter on the
 * map, questions answered from the map and the slide restored, and a presenter view in a second
 * window kept in step over a BroadcastChannel.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Box } from '../../src/lib/map/probe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileStory } from '../../src/lib/server/story/compile';
import { seriousViolations } from './axe';
import { launchChromium, newContext } from './chromium';
import { probe } from './probe';
import { isSelected, jumpTo, mapSettled, toPage } from './story-page-helpers';
import { LAYER, storyLayer } from '../../src/lib/map/style-ids';

const origin = inject('origin');
// The fixture story: a title slide, six chapters (the fourth draws the pipeline), the sources.
const SLUG = 'rivers-and-rails';
const PRESENT = `${origin}/${SLUG}/present/`;
const story = compileStory(path.resolve('tests/fixtures/stories', SLUG)).story!;
const EVENTS = storyLayer(LAYER.events, 'events');
const DRAWING = story.chapters.find((c) => c.draw)!.slug;
const DRAWING_SLIDE = story.chapters.findIndex((c) => c.slug === DRAWING) + 2;
const SRINAGAR: [number, number] = [74.7973, 34.0837];
const TASHKENT: [number, number] = [69.2401, 41.2995];

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
    await page.keyboard.press(String(DRAWING_SLIDE));
    await page.keyboard.press('Enter');
    expect(await slideNumber(page)).toBe(DRAWING_SLIDE);
    expect(page.url()).toMatch(new RegExp(`#${DRAWING}$`));
    await page.keyboard.press('End');
    expect(await title(page)).toBe('Sources and credits');
    await page.keyboard.press('Home');
    expect(await slideNumber(page)).toBe(1);
    await ctx.close();
  });

  it('open at the slide the URL names, by number or by chapter', async () => {
    const { page, ctx } = await open(`${PRESENT}#4`);
    expect(await slideNumber(page)).toBe(4);
    await page.goto(`${PRESENT}#${DRAWING}`);
    await page.reload();
    await expect.poll(() => slideNumber(page)).toBe(DRAWING_SLIDE);
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
      const drawn = (await probe(page).drawn([EVENTS])).map(
        (f) =>
          [f.id, f.properties.period_start, f.properties.period_end] as [string, string, string],
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
        expect(await isSelected(page, id), `${id} on slide ${n}`).toBe(true);
      }
    }
    await ctx.close();
  });

  it('highlights the chapter’s focus and keeps the slide text off the features it names', async () => {
    const { page, ctx } = await open(`${PRESENT}#an-autumn-in-kashmir`);
    await mapSettled(page);
    expect(await isSelected(page, 'srinagar-talks-2016')).toBe(true);
    const box = (await page.locator('.slide-text').boundingBox())!;
    const uri = await toPage(page, SRINAGAR);
    expect(uri.x > box.x + box.width || uri.y > box.y + box.height).toBe(true);
    const size = await page.evaluate(
      () => getComputedStyle(document.querySelector('.slide-text .body p')!).fontSize,
    );
    expect(parseFloat(size)).toBeGreaterThanOrEqual(28);
    await ctx.close();
  });

  it('a click on a feature opens its narrative; Esc restores the slide’s camera', async () => {
    const { page, ctx } = await open(`${PRESENT}#tashkent-and-baku`);
    await mapSettled(page);
    const camera = () => probe(page).camera();
    const before = await camera();
    const at = await toPage(page, TASHKENT);
    await page.mouse.click(at.x, at.y);
    const chooser = page.locator('.chooser');
    if (await chooser.isVisible()) await chooser.locator('button').first().click();
    await expect.poll(() => page.locator('.question .event-panel').count()).toBe(1);
    await jumpTo(page, [10, 10], 2);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.question').count()).toBe(0);
    await mapSettled(page);
    const after = await camera();
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(
      Math.hypot(after.center[0]! - before.center[0]!, after.center[1]! - before.center[1]!),
    ).toBeLessThan(0.01);
    expect(await slideNumber(page)).toBe(6);
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
    const { page } = await open(`${PRESENT}#${DRAWING}`, { context });
    await expect
      .poll(() => page.locator('.draw-readout').textContent())
      .toMatch(/^\s*([\d,]+) of \1 km\s*$/);
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

describe('questions and the timer across windows', () => {
  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('a place clicked in the presenter view opens the same narrative on the audience screen, clear of the notes', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    const { page: audience } = await open(`${PRESENT}#an-autumn-in-kashmir`, { context });
    const { page: presenter } = await open(`${PRESENT}?presenter`, { context });
    await expect.poll(() => slideNumber(presenter)).toBe(4);
    await mapSettled(presenter);
    const at = await toPage(presenter, SRINAGAR);
    await presenter.mouse.click(at.x, at.y);
    const asked = presenter.locator('.question .event-panel h2');
    await expect.poll(() => asked.textContent()).toMatch(/Srinagar/);
    // The audience sees the question too, at once.
    await expect
      .poll(() => audience.locator('.question .event-panel h2').textContent())
      .toBe(await asked.textContent());
    // In the presenter view the narrative leaves the notes, the next slide and the buttons clear.
    const panel = (await presenter.locator('.question').boundingBox())!;
    for (const part of ['.notes', '.next', '.slide-controls']) {
      const box = (await presenter.locator(part).boundingBox())!;
      expect(overlaps(panel, box), `the question covers ${part}`).toBe(false);
    }
    // Closing it in one window closes it in the other.
    await presenter.keyboard.press('Escape');
    await expect.poll(() => audience.locator('.question').count()).toBe(0);
    await context.close();
  });

  it('the elapsed time survives a reload of the presenter view', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    const { page: presenter } = await open(`${PRESENT}?presenter`, { context });
    const seconds = async () => {
      const [mm, ss] = /(\d\d):(\d\d)/
        .exec((await presenter.locator('.timer').textContent())!)!
        .slice(1)
        .map(Number) as [number, number];
      return mm * 60 + ss;
    };
    await expect.poll(seconds, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await presenter.reload();
    await presenter.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
    expect(await seconds()).toBeGreaterThanOrEqual(3);
    await context.close();
  });
});

describe('network and accessibility', () => {
  it('requests nothing from another origin; axe finds nothing serious on slide and presenter pages', async () => {
    const { page, ctx, requests, errors } = await open(`${PRESENT}#${DRAWING}`);
    expect(await seriousViolations(page)).toEqual([]);
    const { page: presenter, requests: more } = await open(`${PRESENT}?presenter#${DRAWING}`, {
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
