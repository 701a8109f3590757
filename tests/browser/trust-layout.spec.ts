/**
 * What a new reader sees and can reach, on phones and desktops: the chooser for stacked places, the
 * date window's two thumbs, the list on small screens, the panel at mid widths, focus, the empty
 * state, the embed-code dialog and the demo article.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';
import path from 'node:path';
import { compileStory } from '../../src/lib/server/story/compile';
import { probe } from './probe';
import { jumpTo, mapSettled, openStory, toPage } from './story-page-helpers';

const origin = inject('origin');
// The fixture story, 1962 to 2021, with three events at Lahore.
const SLUG = 'rivers-and-rails';
const STORY = `${origin}/${SLUG}/`;
const LAHORE: [number, number] = [74.3436, 31.5497];
const SRINAGAR: [number, number] = [74.7973, 34.0837];
/** The events the list counts. */
const LISTED = compileStory(path.resolve('tests/fixtures/stories', SLUG)).story!.layers.find(
  (l) => l.meta.kind === 'events',
)!.data.features.length;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!;
const inside = (a: Box, b: Box, slack = 1) =>
  a.x >= b.x - slack &&
  a.y >= b.y - slack &&
  a.x + a.width <= b.x + b.width + slack &&
  a.y + a.height <= b.y + b.height + slack;

/** Moves the map so that Lahore sits at (x, y) inside the map pane, then clicks it. */
async function clickLahoreAt(page: Page, where: (pane: Box) => { x: number; y: number }) {
  await jumpTo(page, LAHORE, 6);
  const pane = await box(page.locator('.map-pane'));
  const target = where(pane);
  const now = await toPage(page, LAHORE);
  await probe(page).panBy([now.x - target.x, now.y - target.y]);
  const at = await toPage(page, LAHORE);
  await page.mouse.click(at.x, at.y);
  await page.locator('.chooser').waitFor();
}

const viewport = (page: Page): Box => ({ x: 0, y: 0, ...page.viewportSize()! });
const focusedBox = (page: Page) =>
  page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

describe('the chooser for places with several events', () => {
  for (const [width, height] of [
    [375, 667],
    [667, 375],
  ] as const) {
    it(`at ${width}×${height} is on screen, readable, and every option reachable`, async () => {
      const { page } = await openStory(browser, STORY, { width, height });
      // Near the right edge: left of the map's column of buttons and of the arrows that point at
      // events beyond the edge.
      await clickLahoreAt(page, (pane) => ({
        x: pane.x + pane.width - 90,
        y: pane.y + pane.height / 2,
      }));
      const chooser = page.locator('.chooser');
      expect(inside(await box(chooser), viewport(page))).toBe(true);
      // Readable: options as wide as a phone allows, not one word per line.
      const first = await box(chooser.locator('button').first());
      expect(first.width).toBeGreaterThanOrEqual(Math.min(300, width - 40));
      expect(inside(await focusedBox(page), viewport(page))).toBe(true);
      // The last option is reachable with the keyboard and comes into view.
      await page.keyboard.press('ArrowUp');
      const last = chooser.locator('button').last();
      expect(await last.evaluate((b) => b === document.activeElement)).toBe(true);
      expect(inside(await box(last), viewport(page))).toBe(true);
      await page.context().close();
    });
  }

  for (const corner of ['bottom right', 'top left'] as const) {
    it(`at 1280×800 stays inside the map pane for a place near the ${corner}`, async () => {
      const { page } = await openStory(browser, STORY);
      await clickLahoreAt(page, (pane) => ({
        x: corner === 'bottom right' ? pane.x + pane.width - 40 : pane.x + 40,
        y: corner === 'bottom right' ? pane.y + pane.height - 30 : pane.y + 30,
      }));
      const chooser = await box(page.locator('.chooser'));
      expect(inside(chooser, await box(page.locator('.map-pane')))).toBe(true);
      // Never over the timeline.
      expect(chooser.y + chooser.height).toBeLessThanOrEqual(
        (await box(page.locator('.timeline-pane'))).y + 1,
      );
      // Focus lands on the first option, and it is visible.
      const focused = await focusedBox(page);
      expect(focused).toEqual(await box(page.locator('.chooser button').first()));
      expect(inside(focused, viewport(page))).toBe(true);
      await page.context().close();
    });
  }

  it('Esc returns focus to the map, not to the page body', async () => {
    const { page } = await openStory(browser, STORY);
    await clickLahoreAt(page, (pane) => ({
      x: pane.x + pane.width / 2,
      y: pane.y + pane.height / 2,
    }));
    await page.keyboard.press('Escape');
    expect(await page.locator('.chooser').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(
      /maplibregl-canvas/,
    );
    await page.context().close();
  });
});

/** The window the sliders report: the accessible value of each thumb. */
async function thumbs(page: Page) {
  const read = (name: string) =>
    page.getByRole('slider', { name, exact: true }).evaluate((el) => ({
      now: Number(el.getAttribute('aria-valuenow') ?? (el as HTMLInputElement).value),
      text: el.getAttribute('aria-valuetext') ?? '',
      x: el.getBoundingClientRect().x + el.getBoundingClientRect().width / 2,
    }));
  return { from: await read('From'), to: await read('To') };
}
const label = (page: Page) => page.locator('.timeline-label').textContent();
const listed = (page: Page, id: string) =>
  page.locator(`.event-list [data-id="${id}"]`).isVisible();

describe('the date window', () => {
  it('dragging From to the point under "1990" on the axis starts the window in 1990', async () => {
    const { page } = await openStory(browser, STORY);
    const year = await box(page.locator('.axis .year', { hasText: '1990' }));
    const from = await box(page.getByRole('slider', { name: 'From', exact: true }));
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(year.x + year.width / 2, from.y + from.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(await label(page)).toMatch(/1990–2021/);
    expect(await page.evaluate(() => location.search)).toBe('?date=1990/2021');
    await page.context().close();
  });

  it('the thumbs clamp: From cannot pass To, and To keeps working', async () => {
    const { page } = await openStory(browser, STORY);
    const from = page.getByRole('slider', { name: 'From', exact: true });
    const to = page.getByRole('slider', { name: 'To', exact: true });
    await from.focus();
    await page.keyboard.press('End');
    await to.focus();
    await page.keyboard.press('Home');
    let t = await thumbs(page);
    expect([t.from.now, t.to.now]).toEqual([2021, 2021]);
    expect(t.to.x).toBeGreaterThanOrEqual(t.from.x);
    expect(await label(page)).toMatch(/2021/);
    await from.focus();
    await page.keyboard.press('Home');
    await to.focus();
    await page.keyboard.press('ArrowLeft');
    t = await thumbs(page);
    expect([t.from.now, t.to.now]).toEqual([1962, 2020]);
    expect(await label(page)).toMatch(/1962–2020/);
    await page.context().close();
  });

  it('keys move a thumb by a year, PageUp/PageDown by a decade, Home/End to the ends', async () => {
    const { page } = await openStory(browser, STORY);
    await page.getByRole('slider', { name: 'From', exact: true }).focus();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowRight');
    expect((await thumbs(page)).from.now).toBe(1973);
    await page.getByRole('slider', { name: 'To', exact: true }).focus();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    expect((await thumbs(page)).to.now).toBe(2010);
    expect(await label(page)).toMatch(/1973–2010/);
    await page.keyboard.press('End');
    expect((await thumbs(page)).to.now).toBe(2021);
    await page.context().close();
  });

  it('a window outside the story says it is empty, and so do the thumbs', async () => {
    const { page } = await openStory(browser, `${STORY}?date=2030/2040`);
    expect(await page.locator('.timeline-control').textContent()).toMatch(/no events.*1962.*2021/i);
    const t = await thumbs(page);
    expect(t.from.text).toMatch(/2030/);
    expect(t.to.text).toMatch(/2040/);
    expect(t.from.text).toMatch(/after/i);
    await page.context().close();
  });

  it('shows a month window at its precision, and a nudge keeps that precision', async () => {
    const { page } = await openStory(browser, `${STORY}?date=2016-10/2016-10`);
    expect(await label(page)).toMatch(/Dates shown: October 2016$/);
    expect(await listed(page, 'amritsar-fair-2016')).toBe(true);
    expect(await listed(page, 'srinagar-talks-2016')).toBe(false);
    await page.getByRole('slider', { name: 'From', exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await label(page)).toMatch(/October 2015 – October 2016/);
    expect((await thumbs(page)).from.text).toMatch(/October 2015/);
    // The list agrees with the label.
    expect(await listed(page, 'karachi-terminal-2015')).toBe(true);
    expect(await listed(page, 'lahore-accord-1990')).toBe(false);
    expect(await listed(page, 'ottawa-statement-2017')).toBe(false);
    await page.context().close();
  });

  it('at 200% root font size the year labels do not collide', async () => {
    const { page } = await openStory(browser, STORY);
    await page.addStyleTag({ content: 'html { font-size: 200%; }' });
    await page.waitForTimeout(300);
    const years = await page.locator('.axis .year').evaluateAll((els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .map((e) => e.getBoundingClientRect())
        .map((r) => [r.left, r.right]),
    );
    expect(years.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < years.length; i++) {
      expect(years[i]![0]! - years[i - 1]![1]!).toBeGreaterThanOrEqual(8);
    }
    await page.context().close();
  });
});

describe('nothing matches', () => {
  it('with all categories off, says so and resets in one click', async () => {
    const { page } = await openStory(browser, STORY);
    for (const chip of await page.locator('.category-filter input').all()) await chip.uncheck();
    const notice = page.getByText('Nothing matches these filters');
    expect(await notice.isVisible()).toBe(true);
    await page.getByRole('button', { name: /show everything/i }).click();
    expect(await page.locator('.list-heading .count').first().textContent()).toBe(
      `(${LISTED} of ${LISTED})`,
    );
    expect(await notice.count()).toBe(0);
    expect(await page.evaluate(() => location.search)).toBe('');
    await page.context().close();
  });

  it('with an empty date window, says so too', async () => {
    const { page } = await openStory(browser, `${STORY}?date=2030/2040`);
    expect(await page.getByText('Nothing matches these filters').isVisible()).toBe(true);
    await page.getByRole('button', { name: /show everything/i }).click();
    expect(await label(page)).toMatch(/1962–2021/);
    await page.context().close();
  });
});

describe('small and mid-width screens', () => {
  /** Pixels of the viewport's height, sampled down the middle, where the event list shows. */
  async function listHeightOnScreen(page: Page) {
    return page.evaluate(() => {
      const x = Math.round(document.querySelector('.event-list')!.getBoundingClientRect().x + 40);
      let n = 0;
      for (let y = 0; y < innerHeight; y += 4) {
        if (document.elementFromPoint(x, y)?.closest('.event-list')) n += 4;
      }
      return n;
    });
  }

  for (const [width, height, room] of [
    [375, 667, 300],
    [667, 375, 220],
  ] as const) {
    it(`at ${width}×${height} the list gets real room and the chips are not cut off`, async () => {
      const { page } = await openStory(browser, STORY, { width, height });
      const chips = page.locator('.category-filter .chip');
      await chips.first().scrollIntoViewIfNeeded();
      for (const chip of await chips.all()) {
        const b = await box(chip);
        expect(inside(b, viewport(page))).toBe(true);
        const hit = await page.evaluate(
          ({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.chip'),
          { x: b.x + b.width / 2, y: b.y + b.height / 2 },
        );
        expect(hit).toBe(true);
      }
      // Scroll as a reader would (wheel over the list) and see the list fill the free room.
      const list = await box(page.locator('.event-list').first());
      await page.mouse.move(list.x + 40, Math.min(list.y + 10, height - 10));
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 200);
      await page.waitForTimeout(200);
      expect(await listHeightOnScreen(page)).toBeGreaterThanOrEqual(room);
      // The last event can be reached.
      const last = page.locator('.event-list .event-button').last();
      await last.scrollIntoViewIfNeeded();
      expect(inside(await box(last), viewport(page))).toBe(true);
      await page.context().close();
    });
  }

  it('at 900×700 an open narrative leaves most of the map usable', async () => {
    const { page } = await openStory(browser, `${STORY}?event=srinagar-talks-2016`, {
      width: 900,
      height: 700,
    });
    await page.locator('.event-panel').waitFor();
    const map = await box(page.locator('.map-pane'));
    const panel = await box(page.locator('.panel-host'));
    const covered = Math.max(
      0,
      Math.min(map.x + map.width, panel.x + panel.width) - Math.max(map.x, panel.x),
    );
    expect(map.width - covered).toBeGreaterThanOrEqual(0.6 * map.width);
    await mapSettled(page);
    // The selection is on the uncovered part of the map.
    const uri = await toPage(page, SRINAGAR);
    expect(uri.x).toBeGreaterThan(map.x);
    expect(uri.x).toBeLessThan(map.x + map.width);
    expect(uri.x < panel.x || uri.x > panel.x + panel.width).toBe(true);
    await page.context().close();
  });
});

describe('focus', () => {
  it('Enter on a mention link keeps focus in the narrative panel', async () => {
    const { page } = await openStory(browser, `${STORY}?event=srinagar-talks-2016`);
    await page.locator('.event-panel a[data-feature="muzaffarabad-camp-2016"]').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.event-panel h2').textContent()).toMatch(/Muzaffarabad/);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.panel-host'))).toBe(true);
    await page.context().close();
  });
});

describe('embed-code dialog', () => {
  for (const [width, height] of [
    [1280, 800],
    [375, 667],
  ] as const) {
    it(`at ${width}×${height} lays out cleanly: nothing under the preview, nothing cut off`, async () => {
      const { page } = await openStory(browser, STORY, { width, height });
      if (width < 760) {
        // Phones hide the header button; the dialog is still reachable from a wider window.
        await page.setViewportSize({ width: 800, height });
        await page.getByRole('button', { name: 'Embed this map' }).click();
        await page.setViewportSize({ width, height });
      } else {
        await page.getByRole('button', { name: 'Embed this map' }).click();
      }
      const dialog = page.getByRole('dialog', { name: 'Embed this map' });
      await dialog.getByLabel('Open on').selectOption('amritsar-fair-2016');
      const frame = await box(dialog.locator('form'));
      const preview = await box(dialog.locator('iframe'));
      for (const control of await dialog.locator('.embed-options :is(select, input)').all()) {
        const b = await box(control);
        expect(inside(b, frame)).toBe(true);
        const overlap =
          b.x < preview.x + preview.width &&
          b.x + b.width > preview.x &&
          b.y < preview.y + preview.height &&
          b.y + b.height > preview.y;
        expect(overlap).toBe(false);
      }
      const clipped = await dialog.evaluate((d) =>
        [...d.querySelectorAll<HTMLElement>('.embed-options label, .embed-form *')]
          // A select shows its chosen option in one line, as every browser's does: its box is
          // checked above, inside the form and clear of the preview.
          .filter(
            (e) =>
              e.scrollWidth > e.clientWidth + 1 &&
              e.tagName !== 'TEXTAREA' &&
              e.tagName !== 'SELECT',
          )
          .map((e) => e.tagName + '.' + e.className),
      );
      expect(clipped).toEqual([]);
      await page.context().close();
    });
  }

  it('keeps the embed at least 280 px tall, and says so', async () => {
    const { page } = await openStory(browser, STORY);
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.getByLabel(/Height/).fill('200');
    const code = await dialog.getByLabel('Code to paste into the article').inputValue();
    expect(code).toContain('height: 280px');
    expect(code).not.toContain('height: 200px');
    expect(await dialog.textContent()).toMatch(/at least 280 px.*the code uses 280 px/);
    await page.context().close();
  });
});

describe('demo article on a phone', () => {
  it('at 375×667 the map stays in view while its paragraphs play, with the text readable', async () => {
    const context = await newContext(browser, { viewport: { width: 375, height: 667 } });
    const page = await context.newPage();
    await page.goto(`${origin}/demo/article/`);
    const frame = page.locator('#story-map');
    for (const id of ['uri-attack-2016', 'brics-goa-2016', 'north-south-gas-pipeline']) {
      const paragraph = page.locator(`p[data-storymap-event="${id}"]`);
      // Bring the paragraph to the middle of the screen, where it drives the map.
      await paragraph.evaluate((p) => {
        const r = p.getBoundingClientRect();
        window.scrollBy(0, r.top + r.height / 2 - innerHeight / 2);
      });
      await expect.poll(() => paragraph.getAttribute('data-storymap-active')).toBe('');
      const map = await box(frame);
      expect(map.y).toBeGreaterThanOrEqual(-1);
      expect(map.height).toBeGreaterThanOrEqual(200);
      expect(map.y + map.height).toBeLessThanOrEqual(667 * 0.5);
      const text = await box(paragraph);
      // The paragraph shows below the map.
      expect(text.y + text.height).toBeGreaterThan(map.y + map.height + 40);
    }
    await context.close();
  });
});
