/**
 * The printed handout: Chromium's own PDF of /<story>/print/, in A4 and US Letter, read back with
 * poppler's command-line tools (pdfinfo, pdftotext, pdfimages) as a reader's PDF viewer would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileStory } from '../../src/lib/server/story/compile';
import { seriousViolations } from './axe';
import { launchChromium, newContext } from './chromium';

const origin = inject('origin');
const HANDOUT = `${origin}/rivers-and-rails/print/`;
const SOURCES = compileStory(path.resolve('tests/fixtures/stories/rivers-and-rails'))
  .story!.layers.flatMap((l) => l.data.features)
  .reduce((n, f) => n + f.properties.sources.length, 0);

/** Runs a poppler tool; fails (never skips) with the install hint when it is missing. */
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} not found: the handout tests read PDFs with poppler (Debian/Ubuntu: "apt-get install -y poppler-utils").`,
        { cause: error },
      );
    }
    throw error;
  }
}

interface Pdf {
  file: string;
  pages: string[];
  /** Each page's size and the boxes of its words, in PDF points. */
  layout: { width: number; height: number; words: { text: string; x1: number; y1: number }[] }[];
}

function readPdf(file: string): Pdf {
  const count = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))![1]);
  const pages = Array.from({ length: count }, (_, i) =>
    // -raw: in drawing order, and a URL wrapped after a hyphen keeps its hyphen.
    poppler('pdftotext', ['-raw', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-']),
  );
  const bbox = poppler('pdftotext', ['-bbox', file, '-']);
  const layout = bbox
    .split('<page ')
    .slice(1)
    .map((page) => {
      const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
      const words = [...page.matchAll(/xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
        x1: Number(m[1]),
        y1: Number(m[2]),
        text: m[3]!,
      }));
      return { width: Number(width), height: Number(height), words };
    });
  return { file, pages, layout };
}

let browser: Browser;
let page: Page;
const requests: string[] = [];
let chapterTitles: string[];
let storyTitle: string;
let sourceUrls: string[];
const pdfs = {} as Record<'A4' | 'Letter', Pdf>;

beforeAll(async () => {
  browser = await launchChromium();
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(HANDOUT, { waitUntil: 'networkidle' });
  storyTitle = (await page.locator('h1').textContent())!.trim();
  chapterTitles = await page
    .locator('.chapter h2')
    .evaluateAll((headings) =>
      headings.map((h) => h.lastChild!.textContent!.replace(/\s+/g, ' ').trim()),
    );
  sourceUrls = await page
    .locator('.events a.url')
    .evaluateAll((links) => links.map((a) => a.textContent!.trim()));
  const dir = mkdtempSync(path.join(tmpdir(), 'handout-'));
  for (const format of ['A4', 'Letter'] as const) {
    const file = path.join(dir, `${format}.pdf`);
    writeFileSync(file, await page.pdf({ format }));
    pdfs[format] = readPdf(file);
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Text with its line breaks as spaces: what a reader sees, run together. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the handout as a PDF', () => {
  it('finds the chapters on the page', () => {
    expect(chapterTitles.length).toBeGreaterThanOrEqual(2);
    expect(chapterTitles.every((t) => t.length > 3)).toBe(true);
  });

  for (const format of ['A4', 'Letter'] as const) {
    it(`${format}: a cover, then one page per chapter, then the events table to the end`, () => {
      const { pages } = pdfs[format];
      const n = chapterTitles.length;
      expect(flat(pages[0]!)).toContain(flat(storyTitle));
      expect(pages[0]).toMatch(/Printed \d{1,2} [A-Z][a-z]+ \d{4} from http/);
      // Chapter k opens page k + 1: a chapter that ran onto a second page would push the rest on.
      chapterTitles.forEach((title, i) => {
        const text = flat(pages[i + 1]!);
        expect(text, `page ${i + 2}`).toContain(`CHAPTER ${i + 1} OF ${n}`);
        expect(text, `page ${i + 2}`).toContain(title);
      });
      const table = pages.slice(n + 1);
      expect(flat(table[0]!)).toContain('Events and sources');
      // The table's header row repeats on every page it runs over, and nothing else follows it.
      for (const text of table) expect(flat(text)).toContain('Date Event and place Category');
      // Cover + chapters + the pages the table needs (it holds 32 items: a few pages, not dozens).
      expect(table.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(1 + n + 12);
    });

    it(`${format}: every chapter title is in the PDF's text, and each chapter map has its scale bar and credit`, () => {
      const { pages } = pdfs[format];
      const all = flat(pages.join(' '));
      for (const title of chapterTitles) expect(all).toContain(title);
      chapterTitles.forEach((_, i) => {
        const text = flat(pages[i + 1]!);
        // Text drawn by the SVG map itself: it reached the PDF as text, not as a picture.
        expect(text).toMatch(/\d[\d,]* km \(at \d+° [NS]\)/);
        expect(text).toContain('Basemap: Natural Earth');
      });
    });

    it(`${format}: the maps stay vector: no raster image in the PDF`, () => {
      const images = poppler('pdfimages', ['-list', pdfs[format].file])
        .split('\n')
        .slice(2)
        .filter((line) => line.trim());
      expect(images).toEqual([]);
      // Vector paths: the basemap alone is thousands of path operators; the file stays small.
      expect(readFileSync(pdfs[format].file).length).toBeLessThan(5_000_000);
    });

    it(`${format}: nothing runs past the page's margins, and every source URL is printed whole`, () => {
      const { layout, pages } = pdfs[format];
      for (const [i, p] of layout.entries()) {
        // 15 mm side margins are 42.5 pt; allow a few points for glyph overhang.
        const over = p.words.filter((w) => w.x1 > p.width - 38 || w.y1 > p.height - 30);
        expect(over.map((w) => `page ${i + 1}: ${w.text}`)).toEqual([]);
      }
      const printed = pages.join('').replace(/\s+/g, '');
      const missing = sourceUrls.filter((url) => !printed.includes(url.replace(/\s+/g, '')));
      // Every source of every feature is listed in the table.
      expect(sourceUrls.length).toBe(SOURCES);
      expect(missing).toEqual([]);
    });
  }

  it('loads nothing from outside the site', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });
});

describe('the handout on screen', () => {
  it('has a Print button that opens the print dialog', async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  it('is linked as "Print handout" from the explore page and the story mode', async () => {
    for (const url of [`${origin}/rivers-and-rails/`, `${origin}/rivers-and-rails/story/`]) {
      const html = await (await fetch(url)).text();
      const href = /<a href="([^"]+)"[^>]*>Print handout<\/a>/.exec(html)?.[1];
      expect(href, url).toMatch(/\/rivers-and-rails\/print\/?$/);
      const res = await fetch(new URL(href!, url));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Events and sources');
    }
  });

  it('axe finds no serious or critical violations', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await newContext(browser, { colorScheme: scheme, bypassCSP: true });
      const screen = await context.newPage();
      await screen.goto(HANDOUT, { waitUntil: 'networkidle' });
      const violations = await seriousViolations(screen);
      expect(violations, scheme).toEqual([]);
      await context.close();
    }
  });
});
