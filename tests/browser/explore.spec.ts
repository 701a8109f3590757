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
import { featureState, jumpTo, mapSettled, openStory, toPage } from './story-page-helpers';

const origin = inject('origin');
const STORY = `${origin}/pakistan-russia/`;

/** The six features every check covers: id, layer, a point on it, and a title fragment. */
const REQUIRED = [
  {
    name: 'pipeline',
    id: 'north-south-gas-pipeline',
    layer: 'pipeline',
    at: [71.6836, 29.3956],
    title: /pipeline/i,
  },
  { name: 'Uri', id: 'uri-attack-2016', layer: 'events', at: [74.0333, 34.0861], title: /Uri/ },
  {
    name: 'Amritsar',
    id: 'heart-of-asia-amritsar-2016',
    layer: 'events',
    at: [74.8723, 31.634],
    title: /Heart of Asia|Amritsar/,
  },
  { name: 'Goa', id: 'brics-goa-2016', layer: 'events', at: [73.92, 15.25], title: /BRICS/ },
  {
    name: 'Istanbul',
    id: 'istanbul-afghan-conference-2021',
    layer: 'events',
    at: [28.955, 41.0136],
    title: /Istanbul/,
  },
  {
    name: 'Moscow',
    id: 'moscow-afghan-conference-2021',
    layer: 'events',
    at: [37.6173, 55.7558],
    title: /Moscow/,
  },
] as const;

/** Each feature's title, as the story has it. */
const TITLES = new Map(
  compileStory(path.resolve('geo/pakistan-russia'))
    .story!.layers.flatMap((l) => l.data.features)
    .map((f) => [f.properties.id, f.properties.title]),
);

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
      await jumpTo(page, f.at as [number, number], 6);
      const { x, y } = await toPage(page, f.at as [number, number]);
      await page.mouse.click(x, y);
      const chooser = page.locator('.chooser');
      if (await chooser.isVisible()) {
        // Several events share this city: the reader picks one.
        // Listed by date: pick this feature's own entry.
        await chooser.locator('button', { hasText: TITLES.get(f.id)! }).click();
      }
      await expect.poll(() => panelTitle(page).textContent()).toMatch(f.title);
      expect(await page.locator('.event-panel').textContent()).toMatch(/Sources/);
      await expect
        .poll(() => page.evaluate(() => new URLSearchParams(location.search).get('event')))
        .toBe(f.id);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('offers a chooser where several events share a place (Islamabad)', async () => {
    const { page } = await openStory(browser, STORY);
    await jumpTo(page, [73.0479, 33.6844], 6);
    const { x, y } = await toPage(page, [73.0479, 33.6844]);
    await page.mouse.click(x, y);
    const options = page.locator('.chooser button');
    expect(await options.count()).toBeGreaterThanOrEqual(4);
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
      await expect.poll(() => panelTitle(page).textContent()).toMatch(f.title);
      await mapSettled(page);
      expect(await featureState(page, f.layer, f.id)).toMatchObject({ selected: true });
      // The feature sits in the part of the map the panel does not cover.
      const at = await toPage(page, f.at as [number, number]);
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
    const { page } = await openStory(browser, `${STORY}?event=uri-attack-2016`);
    await page.locator('.event-panel a[data-feature="druzhba-2016"]').first().click();
    await expect.poll(() => panelTitle(page).textContent()).toMatch(/Druzhba/);
    await page.context().close();
  });
});

describe('URL state', () => {
  for (const f of REQUIRED) {
    it(`?event=${f.id} opens with ${f.name} selected`, async () => {
      const { page } = await openStory(browser, `${STORY}?event=${f.id}`);
      await expect.poll(() => panelTitle(page).textContent()).toMatch(f.title);
      await mapSettled(page);
      expect(await featureState(page, f.layer, f.id)).toMatchObject({ selected: true });
      await page.context().close();
    });
  }

  it('round-trips the date window and layer choices', async () => {
    const { page } = await openStory(browser, `${STORY}?date=2015/2017&layers=pipeline`);
    expect(await page.locator('.timeline-label').textContent()).toMatch(/2015–2017/);
    const visibility = await page.evaluate(() => {
      const map = window.__mapProbe!.map;
      return [
        map.getLayoutProperty('links:links', 'visibility'),
        map.getLayoutProperty('boundary-de-facto', 'visibility'),
      ];
    });
    expect(visibility).toEqual(['none', 'none']);
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
    const drawn = () =>
      page.evaluate(() => {
        const map = window.__mapProbe!.map;
        return {
          background: map.getPaintProperty('background', 'background-color'),
          links: map.getLayoutProperty('links:links', 'visibility'),
          deFacto: map.getLayoutProperty('boundary-de-facto', 'visibility'),
          events: map.queryRenderedFeatures({ layers: ['events:events'] }).length,
          filter: JSON.stringify(map.getFilter('events:events')),
        };
      });
    const before = await drawn();
    expect(before).toMatchObject({ links: 'none', deFacto: 'none' });
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
    expect(await page.locator('.timeline-label').textContent()).toMatch(/1965–2021/);
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
    expect(await page.locator('.event-list [data-id="uri-attack-2016"]').isVisible()).toBe(false);
    expect(
      await page.locator('.event-list [data-id="lavrov-islamabad-visit-2021"]').isVisible(),
    ).toBe(true);
    const rendered = await page.evaluate(() => {
      const map = window.__mapProbe!.map;
      return map
        .queryRenderedFeatures({ layers: ['events:events'] })
        .map((f) => f.properties.id as string);
    });
    expect(rendered).not.toContain('uri-attack-2016');
    expect(rendered).toContain('moscow-afghan-conference-2021');
    expect(await page.evaluate(() => location.search)).toBe('?date=2020/2021');
    await page.context().close();
  });

  it('a category toggle filters map and list together', async () => {
    const { page } = await openStory(browser, STORY);
    await page.locator('.category-filter').getByLabel('security').uncheck();
    await mapSettled(page);
    expect(await page.locator('.event-list [data-id="uri-attack-2016"]').isVisible()).toBe(false);
    const rendered = await page.evaluate(() => {
      const map = window.__mapProbe!.map;
      return map
        .queryRenderedFeatures({ layers: ['events:events'] })
        .map((f) => f.properties.category as string);
    });
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
    await page.locator('.event-list [data-id="uri-attack-2016"]').click();
    // With no animation the camera is already there on the next frame.
    await page.waitForTimeout(50);
    expect(await page.evaluate(() => window.__mapProbe!.map.isMoving())).toBe(false);
    const at = await toPage(page, [74.0333, 34.0861]);
    const panel = (await page.locator('.panel-host').boundingBox())!;
    expect(at.x).toBeGreaterThan(panel.x + panel.width);
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violations (${scheme}), panel closed and open`, async () => {
      const { page } = await openStory(browser, STORY, { colorScheme: scheme, bypassCSP: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('.event-list [data-id="brics-goa-2016"]').click();
      await expect.poll(() => page.locator('.event-panel').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('phones', () => {
  it('at 375×667 the map keeps half the screen and the sheet never hides the selection', async () => {
    const { page } = await openStory(browser, `${STORY}?event=uri-attack-2016`, {
      width: 375,
      height: 667,
    });
    await mapSettled(page);
    const map = (await page.locator('.map-pane').boundingBox())!;
    expect(map.height).toBeGreaterThanOrEqual(667 / 2);
    const sheet = (await page.locator('.panel-host').boundingBox())!;
    expect(sheet.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    const at = await toPage(page, [74.0333, 34.0861]);
    expect(at.y).toBeGreaterThan(map.y);
    expect(at.y).toBeLessThan(map.y + map.height);
    expect(at.x).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(375);
    await page.context().close();
  });
});
