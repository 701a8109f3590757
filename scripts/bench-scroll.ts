/**
 * `npm run build && npx tsx scripts/bench-scroll.ts`: frame times while a reader scrolls through
 * the chapter that draws the pipeline (`/pakistan-russia/story/#the-route`), in headless Chromium
 * at 1280×800. The page is scrolled a few pixels every animation frame, as a steady reader would;
 * each frame's interval is recorded, with the browser's long animation frames where it reports
 * them. Prints the median and 95th percentile frame time and the frames over 50 ms.
 *
 * `BENCH_RUNS` (default 3) sets the number of runs; `BENCH_STORY` and `BENCH_CHAPTER` pick another
 * story and chapter.
 */
import { launchChromium } from '../tests/browser/chromium';
import { serve } from './serve.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STORY = process.env.BENCH_STORY ?? 'pakistan-russia';
const CHAPTER = process.env.BENCH_CHAPTER ?? 'the-route';
/** Pixels scrolled per frame: about 480 px a second at 60 frames a second. */
const STEP = 8;
const LONG_MS = 50;

interface Run {
  frames: number[];
  longAnimationFrames: number[];
  km: string;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const { origin, close } = await serve();
const browser = await launchChromium();
const runs: Run[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // tsx names inner functions with a `__name` helper that does not exist inside the page.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${origin}/${STORY}/story/`);
    await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 60_000,
    });
    // Start just before the chapter, once the map has settled there.
    await page.evaluate((slug) => {
      const section = document.getElementById(slug)!;
      const top = section.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: top - window.innerHeight * 0.5 - 40, behavior: 'instant' });
    }, CHAPTER);
    await page.waitForTimeout(300);
    await page.evaluate((slug) => {
      const section = document.getElementById(slug)!;
      const top = section.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: top - window.innerHeight * 0.5 + 20, behavior: 'instant' });
    }, CHAPTER);
    await page.waitForTimeout(2500);
    const run = await page.evaluate(
      ({ slug, step }) =>
        new Promise<Run>((resolve) => {
          const longAnimationFrames: number[] = [];
          let observer: PerformanceObserver | null = null;
          if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
            observer = new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) longAnimationFrames.push(entry.duration);
            });
            observer.observe({ type: 'long-animation-frame' });
          }
          const section = document.getElementById(slug)!;
          const end =
            section.getBoundingClientRect().top +
            window.scrollY +
            section.offsetHeight -
            window.innerHeight * 0.5;
          const frames: number[] = [];
          let readout = '';
          let last = performance.now();
          const tick = (now: number) => {
            frames.push(now - last);
            last = now;
            readout = document.querySelector('.draw-readout')?.textContent?.trim() ?? readout;
            if (window.scrollY >= end - step) {
              observer?.disconnect();
              resolve({
                frames: frames.slice(1),
                longAnimationFrames,
                km: readout,
              });
              return;
            }
            window.scrollBy({ top: step, behavior: 'instant' });
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      { slug: CHAPTER, step: STEP },
    );
    runs.push(run);
    await context.close();
    const sorted = [...run.frames].sort((a, b) => a - b);
    console.log(
      `run ${i + 1}: ${run.frames.length} frames, median ${quantile(sorted, 0.5).toFixed(1)} ms, ` +
        `p95 ${quantile(sorted, 0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms, ` +
        `${run.frames.filter((f) => f > LONG_MS).length} frames > ${LONG_MS} ms, ` +
        `${run.longAnimationFrames.filter((d) => d > LONG_MS).length} long animation frames; ` +
        `readout at the end: "${run.km}"`,
    );
  }
} finally {
  await browser.close();
  await close();
}

const all = runs.flatMap((r) => r.frames).sort((a, b) => a - b);
const long = all.filter((f) => f > LONG_MS);
console.log(
  `\n${STORY}/story/#${CHAPTER}, ${RUNS} run(s), ${all.length} frames: ` +
    `median ${quantile(all, 0.5).toFixed(1)} ms, p95 ${quantile(all, 0.95).toFixed(1)} ms; ` +
    `${long.length} frames over ${LONG_MS} ms (${((100 * long.length) / all.length).toFixed(1)} %), ` +
    `longest ${all.at(-1)!.toFixed(0)} ms`,
);
