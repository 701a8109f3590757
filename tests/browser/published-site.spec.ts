/**
 * The published site (`npm run build`, what a host serves) carries no test handle and none of the
 * build's own code: the compiler and validator, the Markdown sanitizer, the tiler and the static
 * maps stay on the server side of SvelteKit's `$lib/server` boundary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './chromium';

const published = inject('publishedOrigin');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function scripts(dir = path.resolve('build/_app'), pattern = /\.m?js$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return scripts(p, pattern);
    return pattern.test(e.name) ? [p] : [];
  });
}

describe('the published site', () => {
  it('ships no test probe and no build-time code in its JavaScript', () => {
    const files = scripts();
    expect(files.length).toBeGreaterThan(5);
    /** Words only the build's own modules and libraries hold. */
    const markers = {
      'the test probe': '__mapProbe',
      'the validator': 'is not a Natural Earth country name',
      'the narrative checks': 'the narrative contains control characters',
      'sanitize-html': 'allowedSchemesAppliedToAttributes',
      'the weak-source list': 'a Wikipedia mirror',
      'Node built-ins': 'node:fs',
    };
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return Object.entries(markers)
        .filter(([, marker]) => text.includes(marker))
        .map(([what]) => `${path.basename(file)}: ${what}`);
    });
    expect(found).toEqual([]);
  });

  it('draws its map with no handle on window', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${published}/pakistan-russia/`);
      await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
        timeout: 45_000,
      });
      // SvelteKit's own start-up handles aside, nothing of the map is reachable from the page.
      expect(
        await page.evaluate(() => Object.keys(window).filter((k) => /probe|storymap/i.test(k))),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no editor page, and nothing that accepts a write', async () => {
    const pages = scripts(path.resolve('build'), /\.(html|m?js|json)$/);
    const editor = pages.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return ['story-editor-token', 'x-editor-token', 'Create the story'].some((m) =>
        text.includes(m),
      );
    });
    expect(editor.map((f) => path.relative('build', f))).toEqual([]);
    expect(readdirSync('build').filter((name) => /^(api|edit|editor|preview)$/.test(name))).toEqual(
      [],
    );
    // A static host: a write to where the editor's API would be finds nothing to take it.
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const reply = await fetch(`${published}/api/stories/pakistan-russia/files/story.json`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: '{"content":{}}',
      });
      expect(reply.status, method).toBeGreaterThanOrEqual(400);
    }
  });
});
