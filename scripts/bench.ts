/**
 * `npm run bench`: how close the story page loads to MapLibre's own floor.
 *
 * In headless Chromium, interleaved, it loads (a) the built story page and (b) a floor page that
 * draws the same basemap and story layers with MapLibre alone — no SvelteKit, no app code — and
 * prints the medians of time to first map idle, first contentful paint and bytes transferred
 * (gzip), with the ratios. Both pages are served by one gzip-compressing server, each run in a
 * fresh browser context (empty cache). Not part of `npm test`: timings are measured, not asserted.
 *
 * Options (environment): BENCH_RUNS (default 7), BENCH_STORY (default pakistan-russia).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/browser/chromium';
import { storyStyle } from '../src/lib/map/style';
import type { LayerKind } from '../src/lib/story/schema';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const STORY = process.env.BENCH_STORY ?? 'pakistan-russia';
const BUILD = path.resolve('build');
const require = createRequire(import.meta.url);
const MAPLIBRE_DIST = path.dirname(require.resolve('maplibre-gl/dist/maplibre-gl.mjs'));

if (!existsSync(path.join(BUILD, STORY, 'index.html'))) {
  console.error(`No built story at build/${STORY}/: run "npm run build" first.`);
  process.exit(1);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** Compressed bodies, cached: both pages pay the same (zero) compression cost after the first. */
const gzipCache = new Map<string, Buffer>();

function send(req: IncomingMessage, res: ServerResponse, body: Buffer, type: string, key: string) {
  res.setHeader('content-type', type);
  res.setHeader('cache-control', 'no-store');
  const compressible = !type.startsWith('font/') && !type.startsWith('image/png');
  if (compressible && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
    let gz = gzipCache.get(key);
    if (!gz) gzipCache.set(key, (gz = gzipSync(body, { level: 6 })));
    res.setHeader('content-encoding', 'gzip');
    res.end(gz);
  } else {
    res.end(body);
  }
}

function floorHtml(origin: string): string {
  const font = readdirSync(path.join(BUILD, '_app/immutable/assets')).find((f) =>
    /^noto-sans-latin-400-normal.*\.woff2$/.test(f),
  );
  const storyJson = JSON.parse(readFileSync(path.resolve('geo', STORY, 'story.json'), 'utf8')) as {
    camera: { bounds: number[] };
    layers: { id: string; kind: LayerKind }[];
  };
  const layers = storyJson.layers.map(({ id, kind }) => ({
    id,
    kind,
    url: `${origin}/${STORY}/data/${id}.geojson`,
  }));
  const style = storyStyle(
    {
      basemap: (layer) => `${origin}/basemap/${layer}.geojson`,
      font: `${origin}/_app/immutable/assets/${font}`,
    },
    layers,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor: MapLibre alone</title>
<link rel="stylesheet" href="/__floor/maplibre-gl.css">
<style>html, body, #map { margin: 0; height: 100%; }</style></head>
<body><div id="map"></div>
<script type="module">
import { Map, setWorkerUrl } from '/__floor/maplibre-gl.mjs';
setWorkerUrl('/__floor/maplibre-gl-worker.mjs');
const map = new Map({
  container: 'map',
  style: ${JSON.stringify(style)},
  bounds: ${JSON.stringify(storyJson.camera.bounds)},
  fitBoundsOptions: { padding: 32 },
  attributionControl: false,
  maxZoom: 9,
  renderWorldCopies: false,
});
map.once('idle', () => performance.mark('map:idle'));
</script></body></html>`;
}

async function startServer() {
  let floor = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__floor/') {
      return send(req, res, Buffer.from(floor), TYPES['.html']!, 'floor');
    }
    let file: string;
    if (url.pathname.startsWith('/__floor/')) {
      file = path.join(MAPLIBRE_DIST, path.basename(url.pathname));
    } else {
      file = path.join(BUILD, decodeURIComponent(url.pathname));
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    }
    if (!file.startsWith(BUILD) && !file.startsWith(MAPLIBRE_DIST)) file = '';
    if (!file || !existsSync(file)) {
      res.statusCode = 404;
      return res.end('Not found');
    }
    send(
      req,
      res,
      readFileSync(file),
      TYPES[path.extname(file)] ?? 'application/octet-stream',
      file,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  floor = floorHtml(origin);
  return { origin, close: () => new Promise<void>((r) => server.close(() => r())) };
}

interface Sample {
  idle: number;
  fcp: number;
  bytes: number;
}

async function measure(page: Page, url: string): Promise<Sample> {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    sizes.push(
      request
        .sizes()
        .then((s) => s.responseBodySize + s.responseHeadersSize)
        .catch(() => 0),
    ),
  );
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 60_000,
  });
  const timing = await page.evaluate(() => ({
    idle: performance.getEntriesByName('map:idle')[0]!.startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }));
  // Let any request still finishing be counted.
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  return { ...timing, bytes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const { origin, close } = await startServer();
const browser = await launchChromium();
const pages = { story: `${origin}/${STORY}/`, floor: `${origin}/__floor/` };
const samples: Record<keyof typeof pages, Sample[]> = { story: [], floor: [] };

try {
  // One warm-up each (compression cache, disk cache of the OS), not counted.
  for (const url of Object.values(pages)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await measure(await context.newPage(), url);
    await context.close();
  }
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, alternating which goes first, so drift in machine load hits both alike.
    const order = run % 2 ? (['floor', 'story'] as const) : (['story', 'floor'] as const);
    for (const which of order) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      samples[which].push(await measure(await context.newPage(), pages[which]));
      await context.close();
    }
    process.stdout.write(`run ${run + 1}/${RUNS}\r`);
  }
} finally {
  await browser.close();
  await close();
}

const m = {
  story: {
    idle: median(samples.story.map((s) => s.idle)),
    fcp: median(samples.story.map((s) => s.fcp)),
    bytes: median(samples.story.map((s) => s.bytes)),
  },
  floor: {
    idle: median(samples.floor.map((s) => s.idle)),
    fcp: median(samples.floor.map((s) => s.fcp)),
    bytes: median(samples.floor.map((s) => s.bytes)),
  },
};
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;
console.log(`\nStory page vs MapLibre floor, ${RUNS} interleaved runs each, medians (1280×800):\n`);
console.table({
  'first map idle': {
    story: ms(m.story.idle),
    floor: ms(m.floor.idle),
    ratio: (m.story.idle / m.floor.idle).toFixed(2),
  },
  'first contentful paint': {
    story: ms(m.story.fcp),
    floor: ms(m.floor.fcp),
    ratio: (m.story.fcp / m.floor.fcp).toFixed(2),
  },
  'bytes transferred (gzip)': {
    story: kb(m.story.bytes),
    floor: kb(m.floor.bytes),
    ratio: (m.story.bytes / m.floor.bytes).toFixed(2),
  },
});
const extra = m.story.bytes - m.floor.bytes;
console.log(`Idle: ${(m.story.idle / m.floor.idle).toFixed(2)}× the floor (budget 1.25×).`);
console.log(`Weight: floor + ${kb(extra)} (budget + 120 KB).`);
