/**
 * One camera, one state: the camera never flies back to an earlier request, Esc closes one thing,
 * filters and the selection agree on the map and in the list, Back returns to the previous event,
 * and the URL records the reader's camera.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { jumpTo, mapSettled, openStory, toPage } from './story-page-helpers';

const origin = inject('origin');
const STORY = `${origin}/pakistan-russia/`;
const URI: [number, number] = [74.0333, 34.0861];
const GOA: [number, number] = [73.92, 15.25];
const MOSCOW: [number, number] = [37.6173, 55.7558];
const ISTANBUL: [number, number] = [28.955, 41.0136];
const CHERAT: [number, number] = [71.9, 33.8333];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const camera = (page: Page) =>
  page.evaluate(() => {
    const map = window.__mapProbe!.map;
    const c = map.getCenter();
    const b = map.getBounds();
    return {
      center: [c.lng, c.lat] as [number, number],
      zoom: map.getZoom(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    };
  });
const degreesApart = (a: [number, number], b: [number, number]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1]);
const panelTitle = (page: Page) => page.locator('.event-panel h2').textContent();
const param = (page: Page, name: string) =>
  page.evaluate((name) => new URLSearchParams(location.search).get(name), name);

/** Ids of the features MapLibre draws in the given style layers. */
const rendered = (page: Page, layers: string[]) =>
  page.evaluate((layers) => {
    const map = window.__mapProbe!.map;
    return [
      ...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id))),
    ].sort();
  }, layers);

/** Each position lies on the map, right of the narrative panel. */
async function expectClearOfPanel(page: Page, positions: [number, number][]) {
  const panel = (await page.locator('.panel-host').boundingBox())!;
  const map = (await page.locator('.map-pane').boundingBox())!;
  for (const at of positions) {
    const p = await toPage(page, at);
    expect(p.x).toBeGreaterThan(panel.x + panel.width);
    expect(p.x).toBeLessThan(map.x + map.width);
    expect(p.y).toBeGreaterThan(map.y);
    expect(p.y).toBeLessThan(map.y + map.height);
  }
}

/** Clicks the map at a geographic position. */
async function clickAt(page: Page, at: [number, number]) {
  const { x, y } = await toPage(page, at);
  await page.mouse.click(x, y);
}

describe('the camera never flies back', () => {
  it('list → Uri, pan to Goa, click Goa: the camera stays at Goa', async () => {
    const { page } = await openStory(browser, STORY);
    await page.locator('.event-list [data-id="uri-attack-2016"]').click();
    await mapSettled(page);
    await jumpTo(page, GOA, 5);
    await clickAt(page, GOA);
    await expect.poll(() => panelTitle(page)).toMatch(/BRICS/);
    await page.waitForTimeout(1500);
    await mapSettled(page);
    const after = await camera(page);
    // Goa was in full view, clear of the panel: the camera had no reason to move at all.
    expect(degreesApart(after.center, GOA)).toBeLessThan(degreesApart(after.center, URI));
    const goa = await toPage(page, GOA);
    const panel = (await page.locator('.panel-host').boundingBox())!;
    const map = (await page.locator('.map-pane').boundingBox())!;
    expect(goa.x).toBeGreaterThan(panel.x + panel.width);
    expect(goa.y).toBeGreaterThan(map.y);
    expect(goa.y).toBeLessThan(map.y + map.height);
    await page.context().close();
  });

  it('Esc after panning away closes the narrative and leaves the camera where it is', async () => {
    const { page } = await openStory(browser, STORY);
    await page.locator('.event-list [data-id="uri-attack-2016"]').click();
    await mapSettled(page);
    await jumpTo(page, MOSCOW, 4);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.event-panel').count()).toBe(0);
    await page.waitForTimeout(1500);
    const after = await camera(page);
    expect(degreesApart(after.center, MOSCOW)).toBeLessThan(0.01);
    expect(after.zoom).toBeCloseTo(4, 5);
    await page.context().close();
  });

  // A guard for the rule rather than a reproduction: the embed here was already wide enough.
  it('a selected point keeps its context: the country and its neighbours, not an empty square', async () => {
    const { page } = await openStory(browser, `${origin}/pakistan-russia/embed/`, {
      width: 600,
      height: 900,
    });
    await page
      .locator('.embed-list summary')
      .click()
      .catch(() => undefined);
    await page.locator('.event-list [data-id="moscow-afghan-conference-2021"]').click();
    await mapSettled(page);
    const { zoom, bounds } = await camera(page);
    expect(zoom).toBeLessThanOrEqual(5.5);
    // At least 8 degrees of longitude around Moscow: Russia with Belarus and Ukraine beside it.
    expect(bounds[2]! - bounds[0]!).toBeGreaterThanOrEqual(8);
    await page.context().close();
  });

  it('"Reset view" brings back the whole story after a selection zoomed in', async () => {
    const { page } = await openStory(browser, STORY);
    const home = await camera(page);
    await page.locator('.event-list [data-id="brics-goa-2016"]').click();
    await mapSettled(page);
    await page.keyboard.press('Escape');
    expect((await camera(page)).zoom).toBeGreaterThan(home.zoom + 1);
    await page.getByRole('button', { name: /Reset view/ }).click();
    await mapSettled(page);
    const after = await camera(page);
    expect(after.zoom).toBeCloseTo(home.zoom, 1);
    expect(degreesApart(after.center, home.center)).toBeLessThan(0.5);
    await page.context().close();
  });
});

describe('a click picks what is under it', () => {
  it('at the default zoom, a click on Islamabad offers only the events at Islamabad', async () => {
    const { page } = await openStory(browser, STORY);
    await clickAt(page, [73.0479, 33.6844]);
    const chooser = page.locator('.chooser');
    await expect.poll(() => chooser.count()).toBe(1);
    const titles = await chooser.locator('button strong').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(3);
    for (const near of [/Uri/, /Druzhba/]) {
      expect(titles.filter((t) => near.test(t))).toEqual([]);
    }
    await page.context().close();
  });
});

describe('one selection, both ends in view', () => {
  it('a click on the Moscow–Istanbul arc shows both its ends, clear of the panel', async () => {
    const { page } = await openStory(browser, STORY);
    // Istanbul lies where the narrative panel opens; Moscow and the arc's middle are in view.
    await jumpTo(page, [33, 50], 4.5);
    // A point in the middle of the arc, as MapLibre draws it.
    const middle = await page.evaluate(() => {
      const map = window.__mapProbe!.map;
      const arc = map
        .querySourceFeatures('links')
        .find((f) => f.properties.id === 'link-afghan-peace-track-2021')!;
      const line = (arc.geometry as GeoJSON.LineString).coordinates;
      return line[Math.floor(line.length / 2)] as [number, number];
    });
    await clickAt(page, middle);
    await expect.poll(() => panelTitle(page)).toBeTruthy();
    expect(await param(page, 'event')).toBe('link-afghan-peace-track-2021');
    await mapSettled(page);
    await expectClearOfPanel(page, [MOSCOW, ISTANBUL]);
    await page.context().close();
  });

  it('zoomed in, a click on the Uri–Cherat arc brings both ends into view', async () => {
    const { page } = await openStory(browser, STORY);
    await jumpTo(page, [73.4, 34.0], 8.5);
    const middle: [number, number] = [(URI[0] + CHERAT[0]) / 2, (URI[1] + CHERAT[1]) / 2];
    const near = await page.evaluate((middle) => {
      const map = window.__mapProbe!.map;
      const arc = map
        .querySourceFeatures('links')
        .find((f) => f.properties.id === 'link-uri-druzhba-2016')!;
      const line = (arc.geometry as GeoJSON.LineString).coordinates as [number, number][];
      return line.reduce((a, b) =>
        Math.hypot(b[0] - middle[0], b[1] - middle[1]) <
        Math.hypot(a[0] - middle[0], a[1] - middle[1])
          ? b
          : a,
      );
    }, middle);
    await jumpTo(page, near, 8.5);
    await clickAt(page, near);
    await expect.poll(() => param(page, 'event')).toBe('link-uri-druzhba-2016');
    await mapSettled(page);
    await expectClearOfPanel(page, [URI, CHERAT]);
    await page.context().close();
  });
});

describe('Esc closes one thing', () => {
  it('Esc in the embed-code dialog closes only the dialog', async () => {
    const { page } = await openStory(browser, `${STORY}?event=aman-17`);
    await page.getByRole('button', { name: 'Embed this map' }).click();
    await page.getByRole('dialog', { name: 'Embed this map' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog', { name: 'Embed this map' }).isVisible()).toBe(false);
    expect(await page.locator('.event-panel').count()).toBe(1);
    expect(await param(page, 'event')).toBe('aman-17');
    await page.context().close();
  });

  it('Esc in an open "Layers and legend" folds it and keeps the narrative', async () => {
    const { page } = await openStory(browser, `${STORY}?event=aman-17`);
    await page.getByText('Layers and legend').click();
    await page.keyboard.press('Escape');
    expect(await page.locator('details.layer-panel').getAttribute('open')).toBeNull();
    expect(await page.locator('.event-panel').count()).toBe(1);
    expect(await param(page, 'event')).toBe('aman-17');
    await page.context().close();
  });
});

describe('filters hide every kind, and the selection follows them', () => {
  const LINES = ['route:pipeline', 'links:links'];

  it('unticking "energy" hides the pipeline and the energy arc on the map and in the list', async () => {
    const { page } = await openStory(browser, STORY);
    await mapSettled(page);
    expect(await rendered(page, LINES)).toContain('north-south-gas-pipeline');
    await page.locator('.category-filter').getByLabel('energy').uncheck();
    await mapSettled(page);
    const drawn = await rendered(page, LINES);
    expect(drawn).not.toContain('north-south-gas-pipeline');
    expect(drawn).not.toContain('link-pipeline-deal-2015-2021');
    expect(await page.locator('.event-list [data-id="north-south-gas-pipeline"]').isVisible()).toBe(
      false,
    );
    await page.context().close();
  });

  it('with every category off, no route or link is drawn', async () => {
    const { page } = await openStory(browser, STORY);
    for (const box of await page.locator('.category-filter input').all()) await box.uncheck();
    await mapSettled(page);
    expect(await rendered(page, [...LINES, 'events:events'])).toEqual([]);
    await page.context().close();
  });

  it('unticking the selected event’s category closes its narrative', async () => {
    const { page } = await openStory(browser, `${STORY}?event=uri-attack-2016`);
    await page.locator('.category-filter').getByLabel('security').uncheck();
    await expect.poll(() => page.locator('.event-panel').count()).toBe(0);
    expect(await param(page, 'event')).toBeNull();
    await page.context().close();
  });

  it('a link to an event outside its own window opens the window to include it', async () => {
    const { page } = await openStory(browser, `${STORY}?event=uri-attack-2016&date=1965/1970`);
    await expect.poll(() => panelTitle(page)).toMatch(/Uri/);
    await mapSettled(page);
    expect(await rendered(page, ['events:events'])).toContain('uri-attack-2016');
    await page.context().close();
  });

  it('a link to the pipeline with only the links layer on shows the pipeline', async () => {
    const { page } = await openStory(
      browser,
      `${STORY}?event=north-south-gas-pipeline&layers=links`,
    );
    await expect.poll(() => panelTitle(page)).toMatch(/pipeline/i);
    await mapSettled(page);
    expect(await rendered(page, LINES)).toContain('north-south-gas-pipeline');
    await page.context().close();
  });
});

describe('the map and the count agree', () => {
  it('events stacked at one place carry a badge with their number (2021)', async () => {
    const { page } = await openStory(browser, `${STORY}?date=2021/2021`);
    await mapSettled(page);
    const listed = await page.locator('ol[aria-label^="Events"] [data-id]:visible').count();
    const { badges, positions } = await page.evaluate(() => {
      const map = window.__mapProbe!.map;
      const { width, height } = map.getCanvas().getBoundingClientRect();
      const inView = (xy: [number, number]) => {
        const p = map.project(xy);
        return p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height;
      };
      const drawn = map.queryRenderedFeatures({ layers: ['events:events'] });
      const positions = new Set(
        drawn
          .map((f) => (f.geometry as GeoJSON.Point).coordinates as [number, number])
          .filter(inView)
          .map((c) => c.join(',')),
      );
      const badges = map
        .queryRenderedFeatures({ layers: ['stack-count'] })
        .map((f) => Number(f.properties.count));
      return { badges, positions: positions.size };
    });
    expect(badges.length).toBeGreaterThan(0);
    // Each place shows one marker; a badge says how many more stand under it.
    expect(positions + badges.reduce((n, c) => n + c - 1, 0)).toBe(listed);
    await page.context().close();
  });
});

describe('history and the URL', () => {
  it('Back returns to the previous event the reader picked, then to the overview', async () => {
    const { page } = await openStory(browser, STORY);
    await page.locator('.event-list [data-id="uri-attack-2016"]').click();
    await expect.poll(() => param(page, 'event')).toBe('uri-attack-2016');
    await page.locator('.event-panel a[data-feature="druzhba-2016"]').first().click();
    await expect.poll(() => param(page, 'event')).toBe('druzhba-2016');
    await mapSettled(page);
    await jumpTo(page, GOA, 5);
    await clickAt(page, GOA);
    await expect.poll(() => param(page, 'event')).toBe('brics-goa-2016');
    await page.goBack();
    await expect.poll(() => param(page, 'event')).toBe('druzhba-2016');
    await expect.poll(() => panelTitle(page)).toMatch(/Druzhba/);
    await page.goBack();
    await expect.poll(() => panelTitle(page)).toMatch(/Uri/);
    await page.goBack();
    await expect.poll(() => page.locator('.event-panel').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/pakistan-russia/');
    await page.context().close();
  });

  it('records the camera the reader chose as map=<zoom>/<lat>/<lon> and restores it', async () => {
    const { page } = await openStory(browser, STORY);
    expect(await param(page, 'map')).toBeNull();
    // The reader drags the map: that camera is theirs to share.
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 120, y + 60, { steps: 8 });
    await page.mouse.up();
    await mapSettled(page);
    await expect.poll(() => param(page, 'map')).toMatch(/^[\d.]+\/-?[\d.]+\/-?[\d.]+$/);
    const written = (await param(page, 'map'))!;
    const [zoom, lat, lon] = written.split('/').map(Number) as [number, number, number];
    const { page: again } = await openStory(browser, `${STORY}?map=${written}`);
    await mapSettled(again);
    const restored = await camera(again);
    expect(restored.zoom).toBeCloseTo(zoom, 5);
    expect(degreesApart(restored.center, [lon, lat])).toBeLessThan(0.01);
    await page.context().close();
    await again.context().close();
  });

  it('writes no camera into the address when only the story moved it (?event=)', async () => {
    const { page } = await openStory(browser, `${STORY}?event=druzhba-2016`);
    await mapSettled(page);
    await page.locator('.event-list [data-id="uri-attack-2016"]').click();
    await mapSettled(page);
    await expect.poll(() => param(page, 'event')).toBe('uri-attack-2016');
    expect(await param(page, 'map')).toBeNull();
    await page.context().close();
  });
});

describe('the embed', () => {
  it('a still map (interactive=0&controls=0) has no zoom buttons and ignores +', async () => {
    const { page } = await openStory(
      browser,
      `${origin}/pakistan-russia/embed/?interactive=0&controls=0`,
      { width: 600, height: 900 },
    );
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
    const before = (await camera(page)).zoom;
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('+');
    await page.waitForTimeout(600);
    expect((await camera(page)).zoom).toBe(before);
    await page.context().close();
  });
});
