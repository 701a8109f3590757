/**
 * Links out of a story, and what the pages say of its size: every source link opens in a new tab
 * (so a click inside an embed never navigates the host page's frame away), and the home page and
 * the story page count the same things in the same words.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { compileStory } from '../../src/lib/server/story/compile';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openStory } from './story-page-helpers';

const origin = inject('origin');
// The fixture story: events, two routes (a pipeline and a railway) and connections.
const SLUG = 'rivers-and-rails';
const story = compileStory(path.resolve('tests/fixtures/stories', SLUG)).story!;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('links out of a narrative', () => {
  it('opens every source link, and every outside link in a narrative, in a new tab', async () => {
    const { page } = await openStory(browser, `${origin}/${SLUG}/?event=indus-pipeline`);
    await page.locator('.event-panel .sources a').first().waitFor();
    const links = await page
      .locator('.event-panel a[href^="http"]')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('target'), a.getAttribute('rel')]));
    // The pipeline's own source, and the source of a step of its timeline.
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const [target, rel] of links) {
      expect(target).toBe('_blank');
      expect(rel).toBe('noopener noreferrer');
    }
    await page.context().close();
  });
});

describe('what the pages say about the story', () => {
  it('counts the same things in the same words on the home page and the story page', async () => {
    const count = async (kind: string) => {
      let n = 0;
      for (const layer of story.layers.filter((l) => l.meta.kind === kind)) {
        const data = (await (
          await fetch(`${origin}/${SLUG}/data/${layer.meta.id}.geojson`)
        ).json()) as { features: unknown[] };
        n += data.features.length;
      }
      return n;
    };
    const [events, routes, links] = await Promise.all(['events', 'routes', 'links'].map(count));
    const summary = `${events} events, ${routes} route${routes === 1 ? '' : 's'}, ${links} connections`;
    const home = await (await fetch(`${origin}/`)).text();
    expect(home).toContain(summary);
    const { page } = await openStory(browser, `${origin}/${SLUG}/`);
    expect(await page.locator('.about').textContent()).toContain(summary);
    expect(await page.locator('#events-heading').textContent()).toContain(`of ${events})`);
    await page.context().close();
  });
});
