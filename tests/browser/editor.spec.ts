/**
 * The story editor, driven as a journalist drives it: a new story made from nothing, checked by
 * the validator and built; work kept through a killed tab and a stopped server; a file changed
 * behind the editor's back; a dragged pin's diff; swapped coordinates flagged in the field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.js';
import { compileStory } from '../../src/lib/server/story/compile';
import { seriousViolations } from './axe';
import { launchChromium, newContext } from './chromium';
import { freePort, startEditor, type RunningEditor } from './editor-server';

let browser: Browser;
const work = mkdtempSync(path.join(tmpdir(), 'editor-test-'));
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const VIEWPORT = { width: 1280, height: 800 };

/**
 * Waits for what the page shows after a write and the validator's answer: half a second of
 * quiet, then a compile of the story, longer than `expect.poll`'s one second on a busy machine.
 */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

async function openEditor(
  editor: RunningEditor,
  hash = '',
  context?: BrowserContext,
): Promise<Page> {
  const page = await (
    context ?? (await newContext(browser, { viewport: VIEWPORT, bypassCSP: true }))
  ).newPage();
  await page.goto(editor.link);
  if (hash) await page.evaluate((h) => (location.hash = h), hash);
  return page;
}

const saved = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'All changes saved to disk' }).waitFor();

/** Where a longitude and latitude are on the editor's map, for a view fitted to `bounds`. */
async function pixelOf(page: Page, bounds: number[], [lon, lat]: [number, number], padding = 0) {
  const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const box = {
    x: canvas.x + padding,
    y: canvas.y + padding,
    width: canvas.width - 2 * padding,
    height: canvas.height - 2 * padding,
  };
  const merc = (d: number) => Math.log(Math.tan(Math.PI / 4 + (d * Math.PI) / 360));
  const [w, s, e, n] = bounds as [number, number, number, number];
  const scale = Math.min(box.width / ((e - w) * (Math.PI / 180)), box.height / (merc(n) - merc(s)));
  return {
    x: box.x + box.width / 2 + (lon - (w + e) / 2) * (Math.PI / 180) * scale,
    y: box.y + box.height / 2 - (merc(lat) - (merc(n) + merc(s)) / 2) * scale,
  };
}

interface EventText {
  title: string;
  date: string;
  place?: string;
  summary: string;
  body: string;
}

/** Fills the open event's fields as a journalist would, and gives its id. */
async function fillEvent(page: Page, text: EventText): Promise<string> {
  await page.fill('#field-title', text.title);
  if (text.place) {
    await page.fill('#field-place', text.place);
    await page.fill('#field-place_label', text.place);
  }
  await page.fill('#field-date', text.date);
  await page.getByRole('button', { name: 'Add a source' }).click();
  await page.fill('#field-source-0-url', `https://news.example/${encodeURIComponent(text.title)}`);
  await page.fill('#field-source-0-title', `Report: ${text.title}`);
  await page.fill('#field-source-0-outlet', 'News Example');
  const id = await page.inputValue('#field-id');
  await page.fill(`#field-narratives-${id}-md-summary`, text.summary);
  await page.fill(`#field-narratives-${id}-md`, text.body);
  return id;
}

describe('a journalist makes a new story in the editor', () => {
  it('creates it, adds ten events three ways, a route and a link, narratives with a mention, three chapters reordered; it validates, builds and shows', async () => {
    const root = path.join(work, 'new');
    const editor = await startEditor(root);
    try {
      const page = await openEditor(editor);
      await page.fill('#new-title', 'Ports and passes');
      expect(await page.inputValue('#new-slug')).toBe('ports-and-passes');
      await page.fill(
        '#new-summary',
        'A story made in the editor for its test: ten places between the Gulf and the mountains.',
      );
      await page.fill('#new-region', 'South and Central Asia');
      await page.getByRole('button', { name: 'Create the story' }).click();
      await page.getByRole('tab', { name: 'Events' }).waitFor();
      await page.locator('.maplibregl-canvas').waitFor();
      // The map settles on the new story's view before a click can be placed on it.
      await page.waitForTimeout(1500);
      const view = [-20, -10, 120, 60];

      const ids: string[] = [];
      const add = () => page.getByRole('button', { name: 'Add an event' }).click();

      // Four by clicking the map.
      const clicks: [number, number][] = [
        [45, 32],
        [68, 48],
        [78, 22],
        [30, 24],
      ];
      for (const [i, at] of clicks.entries()) {
        await add();
        const { x, y } = await pixelOf(page, view, at);
        await page.mouse.click(x, y);
        await page.locator('#field-title').waitFor();
        ids.push(
          await fillEvent(page, {
            title: `Meeting ${i + 1} on the plain`,
            date: `201${i}-0${i + 1}-1${i}`,
            place: `Plain ${i + 1}`,
            summary: `Delegates met on the plain, the ${i + 1}th time.`,
            body: `Delegates met here in 201${i}.`,
          }),
        );
      }
      // Three by searching the gazetteer: Hyderabad has two large namesakes; each shows its country.
      for (const [name, country] of [
        ['Hyderabad', 'Pakistan'],
        ['Samarkand', 'Uzbekistan'],
        ['Quetta', 'Pakistan'],
      ]) {
        await add();
        await page.fill('#new-search', name!);
        const match = page.getByRole('option', { name: new RegExp(`^${name}, ${country}`) });
        await match.waitFor();
        if (name === 'Hyderabad') {
          await expect(
            page.getByRole('option', { name: /^Hyderabad, India/ }).count(),
          ).resolves.toBe(1);
        }
        await match.click();
        await page.locator('#field-title').waitFor();
        expect(await page.inputValue('#field-admin')).toBe(country);
        ids.push(
          await fillEvent(page, {
            title: `Talks in ${name}`,
            date: '2019-05',
            summary: `Officials held talks in ${name}.`,
            body: `Officials gathered in ${name} for a round of talks.`,
          }),
        );
        await page.selectOption('#field-date_precision', 'month');
      }
      // Three by typing coordinates.
      for (const [i, at] of (
        [
          [67.0, 24.86],
          [71.5, 30.2],
          [69.2, 41.3],
        ] as const
      ).entries()) {
        await add();
        await page.fill('input[name="lon"]', String(at[0]));
        await page.fill('input[name="lat"]', String(at[1]));
        await page.getByRole('button', { name: 'Place', exact: true }).click();
        await page.locator('#field-title').waitFor();
        expect(await page.inputValue('#field-lon')).toBe(String(at[0]));
        ids.push(
          await fillEvent(page, {
            title: `Signing number ${i + 1}`,
            date: `2020-0${i + 1}-0${i + 1}`,
            place: `Town ${i + 1}`,
            summary: `An agreement was signed, the ${i + 1}th.`,
            body: `The ${i + 1}th agreement was signed here.`,
          }),
        );
      }
      expect(ids).toHaveLength(10);

      // A mention link, completed from the ids as it is typed.
      const last = ids.at(-1)!;
      const body = page.locator(`#field-narratives-${last}-md`);
      await body.click();
      await body.press('End');
      await body.pressSequentially(' It followed the [talks in Quetta](#quet');
      await page.getByRole('option', { name: /^quetta Talks in Quetta/ }).waitFor();
      await body.press('Enter');
      expect(await body.inputValue()).toContain('[talks in Quetta](#quetta)');
      await eventually(() => page.locator('.preview a[data-feature="quetta"]').count()).toBe(1);

      // A route drawn on the map, its waypoints named; then a link from an event to a place.
      await page.getByRole('tab', { name: 'Routes' }).click();
      await page.getByRole('button', { name: 'Draw a route' }).click();
      const line: [number, number][] = [
        [67, 25],
        [68.5, 27.5],
        [71.5, 29.5],
        [74, 31.5],
      ];
      for (const at of line) {
        const { x, y } = await pixelOf(page, view, at);
        await page.mouse.click(x, y);
        await page.waitForTimeout(150);
      }
      await page.keyboard.press('Enter');
      await page.locator('#field-title').waitFor();
      const route = await fillEvent(page, {
        title: 'A pipeline planned from the coast',
        date: '2015-10-16',
        summary: 'A gas pipeline was planned from the coast to the north.',
        body: 'The line joins the towns the plan names.',
      });
      await page.fill('#field-stated_length_km', '1100');
      await page.fill('#field-status', 'Agreed; not built');
      await page.fill('#field-from_place', 'The coast');
      await page.fill('#field-to_place', 'The north');
      for (const [i, name] of ['Coast', 'Second town', 'Third town', 'North'].entries()) {
        await page.fill(`#field-waypoint-${i}`, name);
      }
      const measured = await page.getByRole('status', { name: 'Measured length' }).textContent();
      // Measured with Turf along the four points: about 1,000 km, beside the stated 1,100.
      const km = Number(/([\d,]+) km/.exec(measured!)![1]!.replace(/,/g, ''));
      expect(km).toBeGreaterThan(800);
      expect(km).toBeLessThan(1300);
      expect(measured, measured!).toMatch(/\d+% of the stated\s+length/);

      await page.getByRole('tab', { name: 'Links' }).click();
      await page.getByRole('button', { name: 'Add a link' }).click();
      await page.locator('#field-title').waitFor();
      const link = await fillEvent(page, {
        title: 'From the first meeting to Karachi',
        date: '2010-01-10',
        summary: 'The first meeting led to talks in Karachi.',
        body: 'What was agreed on the plain was taken up on the coast.',
      });
      await page.selectOption('#field-from-event', ids[0]!);
      await page.getByRole('radiogroup', { name: /^To/ }).getByLabel('A named place').check();
      await page.fill('#field-to-search', 'Karachi');
      // Chosen by keyboard: the first match, the most populous, is the active one.
      await page.getByRole('option', { name: /^Karachi, Pakistan/, selected: true }).waitFor();
      await page.press('#field-to-search', 'Enter');
      await page.getByText('Karachi (67.').waitFor();
      await saved(page);

      // The story's credits and its default view.
      await page.getByRole('tab', { name: 'Story' }).click();
      await page.fill('#field-story-article-title', 'An invented article, for the test');
      await page.fill('#field-story-article-date', '2024-03');
      await page.fill(
        '#field-story-research',
        'Places from the gazetteer; events invented for the test.',
      );
      await page.getByRole('button', { name: 'Use this view' }).click();

      // Three chapters; the third takes the view as centre and zoom; then two are swapped.
      await page.getByRole('tab', { name: 'Chapters' }).click();
      for (const title of ['The plain', 'The talks', 'The signings']) {
        await page.getByRole('button', { name: 'Add a chapter' }).click();
        await page.fill('#field-chapter-title', title);
        await page
          .locator('textarea[id^="field-chapters-"]')
          .fill(`What happened: ${title.toLowerCase()}.`);
      }
      await page.getByRole('button', { name: 'Use this view (centre and zoom)' }).click();
      await saved(page);
      const first = page.locator('.chapters li').first().getByRole('button').first();
      await first.focus();
      await first.press('Alt+ArrowDown');
      await eventually(() => page.locator('.chapters li .pick').allTextContents()).toEqual([
        '1 The talks',
        '2 The plain',
        '3 The signings',
      ]);
      await saved(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();

      // What was written validates as `npm run validate` checks it ...
      const dir = path.join(root, 'ports-and-passes');
      const { story, problems } = compileStory(dir);
      expect(problems.map((p) => `${p.file}: ${p.feature}: ${p.message}`)).toEqual([]);
      const layer = (kind: string) => story!.layers.find((l) => l.meta.kind === kind)!;
      expect(layer('events').data.features).toHaveLength(10);
      expect(layer('routes').data.features.map((f) => f.id)).toEqual([route]);
      expect(layer('links').data.features.map((f) => f.id)).toEqual([link]);
      expect(story!.chapters.map((c) => c.file)).toEqual([
        '01-new-chapter-2.md',
        '02-new-chapter.md',
        '03-new-chapter-3.md',
      ]);
      // ... and builds, and the explorer, the story mode and the slides show it.
      const out = path.join(work, 'site');
      const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
        encoding: 'utf8',
        env: { ...process.env, STORIES_DIR: root, BUILD_DIR: out },
      });
      expect(build.status, build.stderr.slice(-2000)).toBe(0);
      const site = await serve({ dir: out });
      try {
        const reader = await (await newContext(browser, { viewport: VIEWPORT })).newPage();
        await reader.goto(`${site.origin}/ports-and-passes/`);
        // The explorer lists every feature: ten events, the route and the link.
        await eventually(() => reader.locator('.event-list li').count()).toBe(12);
        expect((await reader.locator('.event-list').allTextContents()).join(' ')).toContain(
          'A pipeline planned from the coast',
        );
        await reader.goto(`${site.origin}/ports-and-passes/story/`);
        const chapterTitles = async () =>
          (await reader.locator('h2').allTextContents()).map((t) => t.replace(/^\d+\s*/, ''));
        await eventually(chapterTitles).toEqual(['The talks', 'The plain', 'The signings']);
        await reader.goto(`${site.origin}/ports-and-passes/present/`);
        // The title slide, then the chapters in their new order.
        const slide = () => reader.locator('#slide-title').textContent();
        await eventually(slide).toMatch(/Ports and passes/);
        // The title slide is prerendered: keys are heard only once the deck has its map.
        await reader.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
        for (const title of ['The talks', 'The plain']) {
          await reader.keyboard.press('ArrowRight');
          await eventually(slide).toMatch(title);
        }
      } finally {
        await site.close();
      }
    } finally {
      await editor.stop();
    }
    // Ten events typed in, and a whole site built: minutes, not seconds, on two cores.
  }, 240_000);
});

const FIXTURE = 'rivers-and-rails';
/** A copy of the fixture story to edit, and its events file as the editor found it. */
function copyFixture(name: string) {
  const root = path.join(work, name);
  cpSync(path.join('tests/fixtures/stories', FIXTURE), path.join(root, FIXTURE), {
    recursive: true,
  });
  const events = path.join(root, FIXTURE, 'events.geojson');
  return { root, events, read: () => readFileSync(events, 'utf8') };
}
const featureOf = (text: string, id: string) =>
  (JSON.parse(text) as GeoJSON.FeatureCollection).features.find((f) => f.id === id)!;

/** Opens an event from the list by its title, and waits for its form. */
async function selectEvent(page: Page, title: string) {
  const back = page.getByRole('button', { name: /^← All events/ });
  if (await back.isVisible()) await back.click();
  await page.getByRole('list', { name: 'Events' }).getByRole('button', { name: title }).click();
  await page.locator('#field-title').waitFor();
}

describe('the editor never loses work', () => {
  it('keeps edits made while the server was stopped, through a closed tab, and restores them', async () => {
    const story = copyFixture('lost-work');
    const port = await freePort();
    let editor = await startEditor(story.root, port);
    const context = await newContext(browser, { viewport: VIEWPORT });
    try {
      let page = await openEditor(editor, `#/${FIXTURE}`, context);
      const event = featureOf(story.read(), 'lahore-meeting-1962');
      await selectEvent(page, String(event.properties!.title));
      await page.fill('#field-title', 'Written while the server ran');
      await saved(page);
      expect(featureOf(story.read(), 'lahore-meeting-1962').properties!.title).toBe(
        'Written while the server ran',
      );

      // The server dies; the journalist goes on editing, then the tab is closed.
      await editor.stop('SIGKILL');
      await page.fill('#field-title', 'Typed while the server was down');
      await page.fill('#field-date_end', '1962-05');
      await page.fill('#field-lon', '74.35');
      await page.locator('#field-lon').press('Tab');
      await page.getByRole('status').filter({ hasText: 'not answering' }).waitFor();
      await page.close();

      // Started again, on the same address: the edits are offered, then written.
      editor = await startEditor(story.root, port);
      page = await openEditor(editor, `#/${FIXTURE}`, context);
      const offer = page.getByRole('alert').filter({ hasText: 'not written to disk last time' });
      await offer.waitFor();
      expect(await offer.textContent()).toContain('events.geojson');
      await offer.getByRole('button', { name: 'Restore them' }).click();
      await saved(page);
      const restored = featureOf(story.read(), 'lahore-meeting-1962');
      expect(restored.properties!.title).toBe('Typed while the server was down');
      expect(restored.properties!.date_end).toBe('1962-05');
      expect((restored.geometry as GeoJSON.Point).coordinates[0]).toBe(74.35);

      // A tab killed in the middle of typing, before the edit was written: it is offered too.
      await selectEvent(page, 'Typed while the server was down');
      await page.fill('#field-place_label', 'Lahore (old city)');
      await page.close({ runBeforeUnload: false });
      page = await openEditor(editor, `#/${FIXTURE}`, context);
      const label = () =>
        String(featureOf(story.read(), 'lahore-meeting-1962').properties!.place_label);
      const again = page.getByRole('alert').filter({ hasText: 'not written to disk last time' });
      // Either the write got out before the tab died, or the journal offers it: never lost.
      await eventually(
        async () => label() === 'Lahore (old city)' || (await again.count()) > 0,
      ).toBe(true);
      if (await again.count()) {
        await again.getByRole('button', { name: 'Restore them' }).click();
        await saved(page);
      }
      expect(label()).toBe('Lahore (old city)');
    } finally {
      await editor.stop();
    }
  }, 120_000);
});

describe('the editor on a story with files on disk', () => {
  const story = copyFixture('edits');
  let editor: RunningEditor;
  let page: Page;
  beforeAll(async () => {
    editor = await startEditor(story.root);
    page = await openEditor(editor, `#/${FIXTURE}`);
    await page.locator('.maplibregl-canvas').waitFor();
  });
  afterAll(() => editor?.stop());

  it('flags longitude and latitude typed the wrong way round, in the coordinates field', async () => {
    const event = featureOf(story.read(), 'lahore-meeting-1962');
    const [lon, lat] = (event.geometry as GeoJSON.Point).coordinates as [number, number];
    await selectEvent(page, String(event.properties!.title));
    await page.fill('#field-lon', String(lat));
    await page.fill('#field-lat', String(lon));
    await page.locator('#field-lat').press('Tab');
    const field = page.locator('.field', { has: page.locator('#field-lon') });
    await eventually(() => field.locator('.problem').textContent()).toMatch(/swapped/);
    // Put right, the problem goes.
    await page.fill('#field-lon', String(lon));
    await page.fill('#field-lat', String(lat));
    await page.locator('#field-lat').press('Tab');
    await eventually(() => field.locator('.problem').count()).toBe(0);
    await saved(page);
  });

  it('writes a dragged pin as a change to that pin’s coordinates only, and the fields follow it', async () => {
    const event = featureOf(story.read(), 'multan-signing-2021');
    await selectEvent(page, String(event.properties!.title));
    const before = story.read();
    // The map eases to the event it opens: take hold of the pin once it has stopped.
    const marker = page.locator('.maplibregl-marker');
    let pin = (await marker.boundingBox())!;
    await eventually(async () => {
      const was = pin;
      await page.waitForTimeout(150);
      pin = (await marker.boundingBox())!;
      return Math.hypot(pin.x - was.x, pin.y - was.y);
    }).toBeLessThan(0.5);
    await page.mouse.move(pin.x + pin.width / 2, pin.y + pin.height / 2);
    await page.mouse.down();
    // A short drag: Multan stays in Pakistan, so the story still builds for the preview below.
    await page.mouse.move(pin.x + pin.width / 2 + 12, pin.y + pin.height / 2 - 10, { steps: 5 });
    await page.mouse.up();
    await saved(page);
    const after = story.read();
    const moved = (featureOf(after, 'multan-signing-2021').geometry as GeoJSON.Point).coordinates;
    expect(moved).not.toEqual((event.geometry as GeoJSON.Point).coordinates);
    expect(await page.inputValue('#field-lon')).toBe(String(moved[0]));
    expect(await page.inputValue('#field-lat')).toBe(String(moved[1]));
    const [a, b] = [before.split('\n'), after.split('\n')];
    expect(b.length).toBe(a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(2);
    for (const i of changed) expect(a[i]).toMatch(/^\s+-?\d+(\.\d+)?,?$/);
    expect(a.slice(0, changed[0]).findLast((l) => l.includes('"id"'))).toContain(
      'multan-signing-2021',
    );
  });

  it('reports a file changed on disk behind its back, and does not overwrite it', async () => {
    const event = featureOf(story.read(), 'karachi-terminal-2015');
    await selectEvent(page, String(event.properties!.title));
    // Another editor (or a git pull) changes the file.
    const pulled = JSON.parse(story.read());
    pulled.features[0].properties.title = 'Changed by a git pull';
    const onDisk = `${JSON.stringify(pulled, null, 2)}\n`;
    writeFileSync(story.events, onDisk);
    await page.fill('#field-title', 'Changed in the editor');
    const conflict = page.getByRole('alert').filter({ hasText: 'changed on disk' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('events.geojson');
    await page.waitForTimeout(1000);
    expect(story.read()).toBe(onDisk);
    // Taking the disk's version shows the other change, and drops the editor's.
    await conflict.getByRole('button', { name: 'Load the version on disk' }).click();
    await page.getByRole('button', { name: /^← All events/ }).click();
    await page.getByRole('button', { name: 'Changed by a git pull' }).waitFor();
    expect(story.read()).toBe(onDisk);
  });

  it('undoes and redoes a change, on the page and on disk; axe finds nothing serious', async () => {
    const event = featureOf(story.read(), 'kasur-station-2018');
    const title = String(event.properties!.title);
    const onDisk = () => featureOf(story.read(), 'kasur-station-2018').properties!.title;
    await selectEvent(page, title);
    await page.fill('#field-title', 'A title to undo');
    await saved(page);
    expect(onDisk()).toBe('A title to undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => page.inputValue('#field-title')).toBe(title);
    await saved(page);
    expect(onDisk()).toBe(title);
    await page.getByRole('button', { name: 'Redo' }).click();
    await eventually(() => page.inputValue('#field-title')).toBe('A title to undo');
    await saved(page);
    expect(onDisk()).toBe('A title to undo');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('goes from a problem in the list to its field', async () => {
    const event = featureOf(story.read(), 'lahore-accord-1990');
    const title = String(event.properties!.title);
    await selectEvent(page, title);
    await page.fill('#field-title', '');
    await page.getByRole('button', { name: /^← All events/ }).click();
    const list = page.getByRole('region', { name: 'Problems' });
    await page.getByRole('button', { name: /^1 problem$/ }).click();
    const problem = list.getByRole('button', {
      name: /events\.geojson: lahore-accord-1990: .*title/,
    });
    await problem.click();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('field-title');
    await page.keyboard.type(title);
    await saved(page);
    await eventually(() => page.getByRole('button', { name: 'No problems' }).count()).toBe(1);
  });

  it('reshapes a route by dragging one of its vertices, on the map and in the file', async () => {
    await page.reload();
    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('button', { name: 'The Indus gas pipeline' }).click();
    await page.locator('#field-stated_length_km').waitFor();
    await page.waitForTimeout(1500);
    const before = featureOf(
      readFileSync(path.join(story.root, FIXTURE, 'pipeline.geojson'), 'utf8'),
      'indus-pipeline',
    );
    const vertices = (before.geometry as GeoJSON.LineString).coordinates as [number, number][];
    const measured = () => page.getByRole('status', { name: 'Measured length' }).textContent();
    const lengthBefore = await measured();
    // Opening a route frames it (with 24 px to spare), which says where its vertices are.
    const lons = vertices.map((v) => v[0]);
    const lats = vertices.map((v) => v[1]);
    const framed = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    const { x, y } = await pixelOf(page, framed, vertices[2]!, 24);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y, { steps: 8 });
    await page.mouse.up();
    await saved(page);
    const after = featureOf(
      readFileSync(path.join(story.root, FIXTURE, 'pipeline.geojson'), 'utf8'),
      'indus-pipeline',
    );
    const moved = (after.geometry as GeoJSON.LineString).coordinates;
    expect(moved).toHaveLength(vertices.length);
    expect(moved[2]![0]).toBeGreaterThan(vertices[2]![0] + 0.2);
    expect([moved[0], moved[1], moved[3], moved[4]]).toEqual([
      vertices[0],
      vertices[1],
      vertices[3],
      vertices[4],
    ]);
    await eventually(measured).not.toBe(lengthBefore);
  });

  it('reorders chapters by drag and drop, renaming their files', async () => {
    await page.getByRole('tab', { name: 'Chapters' }).click();
    const items = page.getByRole('list', { name: 'Chapters, in order' }).getByRole('listitem');
    const titles = async () =>
      (await items.locator('.pick').allTextContents()).map((t) => t.replace(/^\d+\s*/, ''));
    const [first, second, third, ...rest] = await titles();
    await items.nth(0).dragTo(items.nth(2));
    await eventually(titles).toEqual([second, third, first, ...rest]);
    await saved(page);
    const chapters = readdirSync(path.join(story.root, FIXTURE, 'chapters')).sort();
    expect(chapters.slice(0, 3)).toEqual([
      '01-the-terminal.md',
      '02-an-autumn-in-kashmir.md',
      '03-first-meetings.md',
    ]);
  });

  it('previews a chapter as the site will publish it, in the story mode and as a slide', async () => {
    await page.getByRole('tab', { name: 'Chapters' }).click();
    await page
      .getByRole('list', { name: 'Chapters, in order' })
      .getByRole('button', { name: /^\d+ An autumn in Kashmir/ })
      .click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const links = page.getByRole('status').filter({ hasText: 'as it will be published' });
    await links.waitFor({ timeout: 120_000 });
    const slide = await page.context().newPage();
    await slide.goto(
      new URL(
        (await links.getByRole('link', { name: 'as a slide' }).getAttribute('href'))!,
        editor.origin,
      ).href,
    );
    await eventually(() => slide.locator('#slide-title').textContent()).toMatch(
      /autumn in Kashmir/i,
    );
    const chapter = await page.context().newPage();
    await chapter.goto(
      new URL(
        (await links.getByRole('link', { name: 'in the story' }).getAttribute('href'))!,
        editor.origin,
      ).href,
    );
    await eventually(() => chapter.locator('h2').allTextContents()).toContainEqual(
      expect.stringMatching(/autumn in Kashmir/i),
    );
  }, 180_000);
});
