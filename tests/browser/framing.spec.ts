/**
 * Each chapter frames what it names, on every screen: for every chapter of every story with
 * chapters (the fixtures included), in the story mode at a phone's, a laptop's and a projector's
 * size, on the slides at both projector sizes, and in a 640 px embed, each focus feature's marker
 * and label lie on the map and under nothing: no text card, progress box, read-out, legend button,
 * slide button, map button or edge arrow.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileStory, listStoryDirs } from '../../src/lib/server/story/compile';
import { storyView } from '../../src/lib/server/story/story-view';
import type { StoryView } from '../../src/lib/story/view';
import type { Box } from '../../src/lib/map/probe';
import { launchChromium, newContext } from './chromium';
import { probe } from './probe';

const origin = inject('origin');
const stories: StoryView[] = ['geo', 'tests/fixtures/stories']
  .flatMap((root) => listStoryDirs(path.resolve(root)))
  .map((dir) => storyView(compileStory(dir).story!))
  .filter((v) => v.chapters.length > 0);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What covers the map now: every overlay, map button and edge arrow, in page pixels. */
async function covered(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll('[data-map-overlay], .maplibregl-ctrl, .offscreen .edge'),
    ].flatMap((e) => {
      const r = e.getBoundingClientRect();
      return r.width && r.height ? [{ x: r.x, y: r.y, width: r.width, height: r.height }] : [];
    }),
  );
}

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (a: Box, b: Box) =>
  a.x >= b.x - 1 &&
  a.y >= b.y - 1 &&
  a.x + a.width <= b.x + b.width + 1 &&
  a.y + a.height <= b.y + b.height + 1;

/** Every way a chapter's focus is not seen: a point or label off the map or under something. */
async function unseen(page: Page, view: StoryView, focus: string[]): Promise<string[]> {
  await probe(page).settled();
  const canvas = await probe(page).canvas();
  const overlays = await covered(page);
  const problems: string[] = [];
  const check = async (what: string, at: [number, number], label: string | null) => {
    const p = await probe(page).toPage(at);
    const marker = { x: p.x - 4, y: p.y - 4, width: 8, height: 8 };
    if (!within(marker, canvas)) problems.push(`${what}: off the map`);
    else if (overlays.some((o) => intersects(marker, o)))
      problems.push(`${what}: under an overlay`);
    if (!label) return;
    const box = await probe(page).labelBox(label);
    if (!box) problems.push(`${what}: no label`);
    else if (!within(box, canvas)) problems.push(`${what}: label cut by the map's edge`);
    else if (overlays.some((o) => intersects(box, o)))
      problems.push(`${what}: label under an overlay`);
  };
  for (const id of focus) {
    const item = view.items.find((i) => i.id === id)!;
    if (item.coordinates) await check(id, item.coordinates, id);
    for (const [i, end] of (item.ends ?? []).entries()) {
      await check(`${id} (${end.place})`, end.coordinates, end.event ?? `${id}:place-${i}`);
    }
    for (const w of item.route?.waypoints ?? [])
      await check(`${id} (${w.name})`, w.coordinates, null);
  }
  return problems;
}

async function open(url: string, width: number, height: number): Promise<Page> {
  const context = await newContext(browser, {
    viewport: { width, height },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => window.__mapProbe && performance.getEntriesByName('map:idle').length,
    null,
    {
      timeout: 45_000,
    },
  );
  return page;
}

/**
 * Opens a page, brings each chapter on screen with `enter` (scrolling, a key), and lists what
 * each chapter's framing leaves unseen.
 */
async function walkChapters(
  url: string,
  [width, height]: readonly [number, number],
  view: StoryView,
  enter: (page: Page, slug: string, index: number) => Promise<void>,
): Promise<string[]> {
  const page = await open(url, width, height);
  const problems: string[] = [];
  try {
    for (const [i, chapter] of view.chapters.entries()) {
      await enter(page, chapter.slug, i);
      await page.waitForFunction((slug) => location.hash === `#${slug}`, chapter.slug);
      for (const p of await unseen(page, view, chapter.focus))
        problems.push(`${chapter.slug}: ${p}`);
    }
  } finally {
    await page.context().close();
  }
  return problems;
}

/** The chapter's top where the keys bring it (under the sticky map on a phone). */
const scrollTo = (page: Page, slug: string) =>
  page.evaluate((slug) => {
    const section = document.getElementById(slug)!;
    const rest = window.innerWidth <= 760 ? 0.45 : 0;
    const top = section.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - rest * window.innerHeight + 2, behavior: 'instant' });
  }, slug);

describe('every chapter frames its focus', () => {
  for (const view of stories) {
    for (const size of [
      [375, 667],
      [1280, 800],
      [1920, 1080],
    ] as const) {
      it(`${view.slug}, story mode at ${size.join('×')}`, async () => {
        const url = `${origin}/${view.slug}/story/`;
        expect(await walkChapters(url, size, view, scrollTo)).toEqual([]);
      });
    }

    for (const size of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      it(`${view.slug}, slides at ${size.join('×')}`, async () => {
        // The first chapter is slide 2; each next one is a key away.
        const next = async (page: Page, _: string, i: number) => {
          if (i > 0) await page.keyboard.press('ArrowRight');
        };
        const url = `${origin}/${view.slug}/present/#2`;
        expect(await walkChapters(url, size, view, next)).toEqual([]);
      });
    }

    it(`${view.slug}, each chapter in a 640 px embed`, async () => {
      const problems: string[] = [];
      for (const chapter of view.chapters) {
        const page = await open(`${origin}/${view.slug}/embed/?chapter=${chapter.slug}`, 640, 800);
        try {
          for (const p of await unseen(page, view, chapter.focus))
            problems.push(`${chapter.slug}: ${p}`);
        } finally {
          await page.context().close();
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
