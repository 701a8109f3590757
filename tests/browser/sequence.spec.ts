/**
 * The sequence modes show what they say, on the fixture story `rivers-and-rails`: the chapter
 * shown is the chapter applied whatever the scroll's speed, a keyboard reader sees the whole
 * drawing, closing a narrative brings the chapter's view back as it was, and the slides follow
 * the address bar, keep their slide on a mention and fit their closing slide.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';
import { probe } from './probe';

const origin = inject('origin');
const STORY = `${origin}/rivers-and-rails/story/`;
const PRESENT = `${origin}/rivers-and-rails/present/`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, width = 1280, height = 800): Promise<Page> {
  const context = await newContext(browser, { viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => window.__mapProbe && performance.getEntriesByName('map:idle').length > 0,
    null,
    { timeout: 45_000 },
  );
  return page;
}

const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));
const selected = (page: Page, id: string) =>
  probe(page)
    .featureState(id)
    .then((s) => s.selected);
const drawing = (page: Page) => probe(page).drawing();

describe('the story mode', () => {
  it('↓ twice and End: the last chapter is the one shown and the one applied', async () => {
    const page = await open(STORY);
    try {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await expect.poll(() => hash(page), { timeout: 10_000 }).toBe('from-delhi');
      await probe(page).settled();
      await expect
        .poll(() => page.locator('.progress [aria-current="step"]').getAttribute('href'))
        .toBe('#from-delhi');
      expect(await selected(page, 'kabul-plan-2021')).toBe(true);
      expect(await selected(page, 'baku-conference-2021')).toBe(false);
    } finally {
      await page.context().close();
    }
  });

  it('a link to the drawing chapter starts the line at its start; the keys draw it to its end before leaving', async () => {
    const page = await open(`${STORY}#the-line`);
    try {
      await expect.poll(() => drawing(page).then((d) => d.route)).toBe('indus-pipeline');
      expect((await drawing(page)).progress).toBeLessThan(0.01);
      const seen: { progress: number; reached: string[] }[] = [];
      for (let i = 0; i < 12 && (await hash(page)) === 'the-line'; i++) {
        await page.keyboard.press('PageDown');
        await page.waitForTimeout(900);
        if ((await hash(page)) === 'the-line') seen.push(await drawing(page));
      }
      // Each key took the line on to the next town, and the last drew it to its end.
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.at(-1)!.progress).toBe(1);
      expect(seen.at(-1)!.reached).toContain('Lahore');
      expect(seen[0]!.reached).not.toContain('Lahore');
    } finally {
      await page.context().close();
    }
  });

  it('closing a narrative brings back the chapter’s highlights and its date window', async () => {
    const page = await open(`${STORY}#an-autumn-in-kashmir`);
    try {
      await expect.poll(() => selected(page, 'srinagar-talks-2016')).toBe(true);
      await page.locator('#an-autumn-in-kashmir .read').click();
      await expect.poll(() => page.locator('.event-panel h2').textContent()).toMatch(/Srinagar/);
      // A mention inside the narrative leads out of the chapter's window…
      await page.locator('.event-panel a[data-feature="muzaffarabad-camp-2016"]').click();
      await page.locator('#an-autumn-in-kashmir a[data-feature="karachi-terminal-2015"]').click();
      await expect.poll(() => page.locator('.event-panel h2').textContent()).toMatch(/terminal/);
      await page.getByRole('button', { name: 'Close the narrative' }).click();
      await expect.poll(() => page.locator('.event-panel').count()).toBe(0);
      // …and closing it gives the chapter back: its focus highlighted, its window alone shown.
      await probe(page).settled();
      expect(await selected(page, 'srinagar-talks-2016')).toBe(true);
      expect(await selected(page, 'muzaffarabad-camp-2016')).toBe(true);
      const drawn = await probe(page).rendered();
      expect(drawn).not.toContain('karachi-terminal-2015');
      // Focus is back in the chapter's text, not on the page.
      expect(
        await page.evaluate(() => !!document.activeElement?.closest('#an-autumn-in-kashmir')),
      ).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});

describe('the slides', () => {
  it('follow the address bar: #4 shows the fourth slide', async () => {
    const page = await open(`${PRESENT}#2`, 1920, 1080);
    try {
      await page.evaluate(() => (location.hash = '#4'));
      await expect
        .poll(() => page.locator('#slide-title').textContent())
        .toBe('An autumn in Kashmir');
      await expect.poll(() => selected(page, 'srinagar-talks-2016')).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('a mention in the slide text opens its narrative and the address keeps the slide', async () => {
    const page = await open(`${PRESENT}#2`, 1920, 1080);
    try {
      await page.locator('.slide-text a[data-feature="colombo-port-1965"]').click();
      await expect
        .poll(() => page.locator('.question .event-panel h2').textContent())
        .toMatch(/Colombo/);
      expect(await hash(page)).toBe('first-meetings');
      await page.reload();
      await expect.poll(() => page.locator('#slide-title').textContent()).toBe('First meetings');
    } finally {
      await page.context().close();
    }
  });

  it('with the keys dialog open, the keys stay in it and the slides stay put', async () => {
    const page = await open(`${PRESENT}#2`, 1280, 720);
    try {
      await page.keyboard.press('?');
      await expect.poll(() => page.getByRole('dialog', { name: 'Keys' }).isVisible()).toBe(true);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      expect(await page.locator('#slide-title').textContent()).toBe('First meetings');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.keys'))).toBe(
        true,
      );
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog.keys').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  for (const [slug, width, height] of [
    ['rivers-and-rails', 1920, 1080],
    ['pakistan-russia', 1920, 1080],
    ['pakistan-russia', 1280, 720],
  ] as const) {
    it(`the closing slide of ${slug} fits at ${width}×${height}, the address of the sources first`, async () => {
      const page = await open(`${origin}/${slug}/present/#end`, width, height);
      try {
        const card = page.locator('.slide-text');
        await expect
          .poll(() => card.evaluate((e) => e.scrollHeight <= e.clientHeight + 1))
          .toBe(true);
        const link = (await card.locator('.address a').boundingBox())!;
        const box = (await card.boundingBox())!;
        expect(link.y + link.height).toBeLessThanOrEqual(box.y + box.height);
      } finally {
        await page.context().close();
      }
    });
  }
});
