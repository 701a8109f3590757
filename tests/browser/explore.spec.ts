/**
 * The explore view, driven as a reader drives it: map → narrative, list → map, the URL, the
 * timeline and layer toggles, keyboard only, and axe.
 */
import path from 'node:path';
import { compileStory } from '../../src/lib/server/story/compile';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';
import { probe } from './probe';
import { isSelected, jumpTo, mapSettled, openStory, toPage } from './story-page-helpers';
import { LAYER, storyLayer } from '../../src/lib/map/style-ids';

const EVENTS = storyLayer(LAYER.events, 'events');

const origin = inject('origin');
const SLUG = 'rivers-and-rails';
const STORY = `${origin}/${SLUG}/`;
const features = compileStory(path.resolve('tests/fixtures/stories', SLUG)).story!.layers.flatMap(
  (l) => l.data.features.map((f) => ({ layer: l.meta.id, ...f })),
);
/** A point on a feature where a reader would click it: the point, or a middle vertex. */
const pointOn = (g: GeoJSON.Geometry): [number, number] => {
  const points = g.type === 'Point' ? [g.coordinates] : (g as GeoJSON.LineString).coordinates;
  return points[Math.floor(points.length / 2)] as [number, number];
};

/**
 * The features every check covers: a route, places close together (Srinagar, Amritsar), far
 * south (Colombo), far west (Baku), and two events at one place (Tashkent).
 */
const REQUIRED = [
  'indus-pipeline',
  'srinagar-talks-2016',
  'amritsar-fair-2016',
  'colombo-port-1965',
  'baku-conference-2021',
  'tashkent-talks-2021',
].map((id) => {
  const f = features.find((x) => x.properties.id === id)!;
  return { name: id, id, layer: f.layer, at: pointOn(f.geometry), title: f.properties.title };
});
const TITLES = new Map(features.map((f) => [f.properties.id, f.properties.title]));
const SRINAGAR: [number, number] = [74.7973, 34.0837];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const panelTitle = (page: Page) => page.locator('.event-panel h2');

describe('map → narrative', () => {
  for (const f of REQUIRED) {
    it(`a click on ${f.name} opens its narrative`, async () => {
      const { page, errors } = await openStory(browser, STORY);
      await jumpTo(page, f.at, 6);
      const { x, y } = await toPage(page, f.at);
      await page.mouse.click(x, y);
      const chooser = page.locator('.chooser');
      if (await chooser.isVisible()) {
        // Several events share this city: the reader picks one.
        // Listed by date: pick this feature's own entry.
        await chooser.locator('button', { hasText: TITLES.get(f.id)! }).click();
      }
      await expect.poll(() => panelTitle(page).textContent()).toContain(f.title);
      expect(await page.locator('.event-panel').textContent()).toMatch(/Sources/);
      await expect
        .poll(() => page.evaluate(() => new URLSearchParams(location.search).get('event')))
        .toBe(f.id);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('offers a chooser where several events share a place (Lahore)', async () => {
    const { page } = await openStory(browser, STORY);
    await jumpTo(page, [74.3436, 31.5497], 6);
    const { x, y } = await toPage(page, [74.3436, 31.5497]);
    await page.mouse.click(x, y);
    const options = page.locator('.chooser button');
    expect(await options.count()).toBe(3);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.chooser') !== null))
      .toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('.chooser').count()).toBe(0);
    await page.context().close();
  });
});

describe('narrative → map', () => {
  for (const f of REQUIRED) {
    it(`selecting ${f.name} in the list centres the map on it and highlights it`, async () => {
      const { page } = await openStory(browser, STORY);
      await page.locator(`.event-list [data-id="${f.id}"]`).click();
      await expect.poll(() => panelTitle(page).textContent()).toContain(f.title);
      await mapSettled(page);
      expect(await isSelected(page, f.id)).toBe(true);
      // The feature sits in the part of the map the panel does not cover.
      const at = await toPage(page, f.at);
      const map = (await page.locator('.map-pane').boundingBox())!;
      const panel = (await page.locator('.panel-host').boundingBox())!;
      expect(at.x).toBeGreaterThan(panel.x + panel.width);
      expect(at.x).toBeLessThan(map.x + map.width);
      expect(at.y).toBeGreaterThan(map.y);
      expect(at.y).toBeLessThan(map.y + map.height);
      expect(
        await page.locator(`.event-list [data-id="${f.id}"]`).getAttribute('aria-current'),
      ).toBe('true');
      await page.context().close();
    });
  }

  it('a mention inside a narrative selects that event', async () => {
    const { page } = await openStory(browser, `${STORY}?event=srinagar-talks-2016`);
    await page.locator('.event-panel a[data-feature="muzaffarabad-camp-2016"]').first().click();
    await expect.poll(() => panelTitle(page).textContent()).toMatch(/Muzaffarabad/);
    await page.context().close();
  });
});

describe('URL state', () => {
  for (const f of REQUIRED) {
    it(`?event=${f.id} opens with ${f.name} selected`, async () => {
      const { page } = await openStory(browser, `${STORY}?event=${f.id}`);
      await expect.poll(() => panelTitle(page).textContent()).toContain(f.title);
      await mapSettled(page);
      expect(await isSelected(page, f.id)).toBe(true);
      await page.context().close();
    });
  }

  it('round-trips the date window and layer choices', async () => {
    const { page } = await openStory(browser, `${STORY}?date=2015/2017&layers=pipeline`);
    expect(await page.locator('.timeline-label').textContent()).toMatch(/2015–2017/);
    expect(await probe(page).visibleLayers()).toEqual(['events', 'pipeline']);
    await page.getByText('Layers and legend').click();
    await page.getByLabel('De facto boundaries (Kashmir)').check();
    await expect
      .poll(() => page.evaluate(() => location.search))
      .toBe('?date=2015/2017&layers=pipeline,de-facto');
    await page.context().close();
  });

  it('a switch of the reader’s theme keeps the date window, layers and categories', async () => {
    const { page, errors } = await openStory(
      browser,
      `${STORY}?date=2015/2017&layers=pipeline&categories=energy,defence`,
    );
    const drawn = async () => ({
      background: await probe(page).property(LAYER.background, 'background-color'),
      layers: await probe(page).visibleLayers(),
      events: (await probe(page).rendered({ layers: [EVENTS] })).length,
      filter: JSON.stringify(await probe(page).filter(EVENTS)),
    });
    const before = await drawn();
    expect(before.layers).toEqual(['events', 'pipeline']);
    expect(before.events).toBeGreaterThan(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await drawn()).background).not.toBe(before.background);
    await mapSettled(page);
    expect(await drawn()).toEqual({ ...before, background: expect.any(String) });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('falls back to the default view for a malformed URL, without errors', async () => {
    const { page, errors } = await openStory(
      browser,
      `${STORY}?event=%3Cscript%3E&date=banana&layers=x,,y`,
    );
    expect(await page.locator('.event-panel').count()).toBe(0);
    expect(await page.locator('.timeline-label').textContent()).toMatch(/1962–2021/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('timeline and filters', () => {
  it('a date window filters map and list together', async () => {
    const { page } = await openStory(browser, STORY);
    // From to the last year, then back one: 2020–2021.
    await page.getByRole('slider', { name: 'From' }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await mapSettled(page);
    expect(await page.locator('.event-list [data-id="srinagar-talks-2016"]').isVisible()).toBe(
      false,
    );
    expect(await page.locator('.event-list [data-id="kabul-plan-2021"]').isVisible()).toBe(true);
    const rendered = await probe(page).rendered({ layers: [EVENTS] });
    expect(rendered).not.toContain('srinagar-talks-2016');
    expect(rendered).toContain('baku-conference-2021');
    expect(await page.evaluate(() => location.search)).toBe('?date=2020/2021');
    await page.context().close();
  });

  it('a category toggle filters map and list together', async () => {
    const { page } = await openStory(browser, STORY);
    await page.locator('.category-filter').getByLabel('Security').uncheck();
    await mapSettled(page);
    expect(await page.locator('.event-list [data-id="srinagar-talks-2016"]').isVisible()).toBe(
      false,
    );
    const rendered = (await probe(page).drawn([EVENTS])).map((f) => f.properties.category);
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered).not.toContain('security');
    await page.context().close();
  });
});

describe('keyboard and screen readers', () => {
  it('works without a mouse: Tab to the list, arrows, Enter, Esc', async () => {
    const { page } = await openStory(browser, STORY);
    let inList = false;
    for (let i = 0; i < 40 && !inList; i++) {
      await page.keyboard.press('Tab');
      inList = await page.evaluate(() => !!document.activeElement?.closest('.event-list'));
    }
    expect(inList).toBe(true);
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const third = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    expect(third).not.toBe(first);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.event-panel').count()).toBe(1);
    await expect
      .poll(() => page.locator('[aria-live="polite"].sr-only').textContent())
      .toBe(await panelTitle(page).textContent());
    await page.keyboard.press('Escape');
    expect(await page.locator('.event-panel').count()).toBe(0);
    // Focus returns to the item that was open.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(
      third,
    );
    await page.context().close();
  });

  it('gives the map an accessible name', async () => {
    const { page } = await openStory(browser, STORY);
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toMatch(/^Map of /);
    await page.context().close();
  });

  it('jumps instead of flying with prefers-reduced-motion', async () => {
    const { page } = await openStory(browser, STORY, { reducedMotion: true });
    await page.locator('.event-list [data-id="srinagar-talks-2016"]').click();
    // With no animation the camera is already there on the next frame.
    await page.waitForTimeout(50);
    expect(await probe(page).moving()).toBe(false);
    const at = await toPage(page, SRINAGAR);
    const panel = (await page.locator('.panel-host').boundingBox())!;
    expect(at.x).toBeGreaterThan(panel.x + panel.width);
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violations (${scheme}), panel closed and open`, async () => {
      const { page } = await openStory(browser, STORY, { colorScheme: scheme, bypassCSP: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('.event-list [data-id="colombo-port-1965"]').click();
      await expect.poll(() => page.locator('.event-panel').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('phones', () => {
  it('at 375×667 the map keeps half the screen and the sheet never hides the selection', async () => {
    const { page } = await openStory(browser, `${STORY}?event=srinagar-talks-2016`, {
      width: 375,
      height: 667,
    });
    await mapSettled(page);
    const map = (await page.locator('.map-pane').boundingBox())!;
    expect(map.height).toBeGreaterThanOrEqual(667 / 2);
    const sheet = (await page.locator('.panel-host').boundingBox())!;
    expect(sheet.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    const at = await toPage(page, SRINAGAR);
    expect(at.y).toBeGreaterThan(map.y);
    expect(at.y).toBeLessThan(map.y + map.height);
    expect(at.x).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(375);
    await page.context().close();
  });
});
