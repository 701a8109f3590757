/**
 * `npm run bench`: how close the story page and its embed load to MapLibre's own floor.
 *
 * In headless Chromium (software WebGL, 1280×800), interleaved, each in a fresh browser context
 * (empty cache), it loads:
 * - `story`: the built story page, `/<story>/`;
 * - `embed`: the built embed, `/<story>/embed/`;
 * - `floor`: the physical floor — maplibre-gl alone drawing the story's points (one circle layer)
 *   on an empty background: no basemap, no labels, no app code;
 * - `style floor`: maplibre-gl alone with the site's own style (basemap, labels, story layers),
 *   no SvelteKit and no app code: what the app itself adds on top of its map.
 *
 * Everything is served by one gzip-compressing server from `build/` and maplibre-gl's `dist/`. It
 * prints medians of first map idle (`performance.mark('map:idle')`), first contentful paint,
 * cumulative layout shift and bytes transferred (gzip), with ratios to the physical floor; a
 * milestone table (when each kind of resource starts and finishes downloading); and, from one
 * traced load of each page, where the CPU time before the first idle goes (script
 * compile/evaluate, worker tiling, the rest of the main thread). Timings are measured, not
 * asserted; it is not part of `npm test`.
 *
 * Options (environment): BENCH_RUNS (default 7), BENCH_STORY (default pakistan-russia).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/browser/chromium';
import { basemapTilesUrl, LABEL_FONT_PATH, storyStyle } from '../src/lib/map/style';
import type { LayerKind } from '../src/lib/story/schema';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const STORY = process.env.BENCH_STORY ?? 'pakistan-russia';
const BUILD = path.resolve('build');
const require = createRequire(import.meta.url);
const MAPLIBRE_DIST = path.dirname(require.resolve('maplibre-gl/dist/maplibre-gl.mjs'));
/** The targets of the performance work: × the physical floor's idle, + bytes over its transfer. */
const TARGET_IDLE_RATIO = 1.5;
const TARGET_EXTRA_BYTES = 150 * 1024;
const TARGET_FCP_MS = 500;
const TARGET_APP_JS_BYTES = 60 * 1024;

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
  '.pbf': 'application/x-protobuf',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** Compressed bodies, cached: every page pays the same (zero) compression cost after the first. */
const gzipCache = new Map<string, Buffer>();

/**
 * Every response the server sends during the current load, with its size on the wire (headers
 * and gzip body). Counted here rather than in the browser, which does not report the body of a
 * worker's own script.
 */
let sent: { path: string; bytes: number; body: number }[] = [];

function send(req: IncomingMessage, res: ServerResponse, body: Buffer, type: string, key: string) {
  res.setHeader('content-type', type);
  // Like a typical static host (GitHub Pages): cacheable for ten minutes. Every load still starts
  // from an empty cache (a fresh browser context).
  res.setHeader('cache-control', 'public, max-age=600');
  const compressible = !type.startsWith('font/') && !type.startsWith('image/png');
  let out = body;
  if (compressible && body.length > 0 && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
    let gz = gzipCache.get(key);
    if (!gz) gzipCache.set(key, (gz = gzipSync(body, { level: 6 })));
    res.setHeader('content-encoding', 'gzip');
    out = gz;
  }
  res.setHeader('content-length', out.length);
  const headers = Object.entries(res.getHeaders()).reduce(
    (n, [k, v]) => n + k.length + String(v).length + 4,
    'HTTP/1.1 200 OK\r\n\r\n'.length,
  );
  sent.push({
    path: new URL(req.url ?? '/', 'http://localhost').pathname,
    bytes: out.length + headers,
    body: out.length,
  });
  res.end(out);
}

interface StoryJson {
  camera: { bounds: number[] };
  layers: { id: string; kind: LayerKind }[];
}

const storyJson = JSON.parse(
  readFileSync(path.resolve('geo', STORY, 'story.json'), 'utf8'),
) as StoryJson;

/** A page that runs maplibre-gl alone with `style`, framed on the story's default view. */
function maplibrePage(title: string, style: unknown): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/__floor/maplibre-gl.css">
<style>html, body, #map { margin: 0; height: 100%; }</style></head>
<body><div id="map"></div>
<script type="module">
import { Map, setWorkerUrl } from '/__floor/maplibre-gl.mjs';
setWorkerUrl('/__floor/maplibre-gl-worker.mjs');
performance.mark('map:create');
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

/** The physical floor: the story's points on an empty background. */
function floorHtml(origin: string): string {
  const events = storyJson.layers.find((l) => l.kind === 'events');
  if (!events) throw new Error(`geo/${STORY}/story.json: no events layer for the floor page`);
  return maplibrePage('Floor: MapLibre alone, the story points', {
    version: 8,
    sources: {
      // The same file of the story's points that the story's map draws from.
      points: { type: 'geojson', data: `${origin}/${STORY}/map-data/${events.id}.geojson` },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dce8ef' } },
      {
        id: 'points',
        type: 'circle',
        source: 'points',
        paint: { 'circle-radius': 6.5, 'circle-color': '#0060a0' },
      },
    ],
  });
}

/** The site's own style, with the URLs the built site serves. */
function styleFloorHtml(origin: string): string {
  const layers = storyJson.layers.map(({ id, kind }) => ({
    id,
    kind,
    url: `${origin}/${STORY}/map-data/${id}.geojson`,
  }));
  const style = storyStyle(
    {
      tiles: basemapTilesUrl(`${origin}/`),
      font: `${origin}/${LABEL_FONT_PATH}`,
    },
    layers,
  );
  return maplibrePage('Floor: MapLibre alone, the site style', style);
}

async function startServer() {
  const generated = new Map<string, string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page = generated.get(url.pathname);
    if (page) return send(req, res, Buffer.from(page), TYPES['.html']!, url.pathname);
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
  generated.set('/__floor/', floorHtml(origin));
  generated.set('/__style-floor/', styleFloorHtml(origin));
  return { origin, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** What a request was for, by its URL. */
type Kind = 'html' | 'maplibre' | 'worker' | 'app js' | 'css' | 'font' | 'basemap' | 'story data';
const KINDS: Kind[] = [
  'html',
  'css',
  'app js',
  'maplibre',
  'worker',
  'font',
  'basemap',
  'story data',
];

function kindOf(url: string, resourceType: string): Kind | null {
  const { pathname } = new URL(url);
  if (/maplibre-gl-worker[^/]*\.m?js$/.test(pathname)) return 'worker';
  if (/maplibre-gl[^/]*\.m?js$/.test(pathname)) return 'maplibre';
  if (resourceType === 'document') return 'html';
  if (/\.m?js$/.test(pathname)) return 'app js';
  if (/\.css$/.test(pathname)) return 'css';
  if (/\.woff2?$/.test(pathname) || pathname.includes('/glyphs/')) return 'font';
  if (pathname.startsWith('/basemap/')) return 'basemap';
  if (/^\/[^/]+\/(map-)?data\//.test(pathname)) return 'story data';
  return null;
}

interface Sample {
  idle: number;
  /** When the page called `new Map` (`performance.mark('map:create')`). */
  create: number;
  fcp: number;
  cls: number;
  bytes: number;
  /**
   * Gzip bytes of JavaScript other than maplibre-gl and its worker: the files' bodies, without
   * their HTTP headers (which the transfer counts).
   */
  appJsBytes: number;
  /** Per kind of resource: first request start and last response end, ms from navigation. */
  milestones: Partial<Record<Kind, { start: number; end: number; bytes: number }>>;
  /** Main-thread ms spent before the first idle in the calls that CALLS_TIMED names. */
  calls: Record<CallKind, number>;
}

type CallKind = 'webgl context' | 'shader compile' | 'glyph rasterising';
const CALL_KINDS: CallKind[] = ['webgl context', 'shader compile', 'glyph rasterising'];

/**
 * Times, on the page's main thread, the browser calls that make up MapLibre's first render besides
 * its own JavaScript: creating the WebGL context, compiling and linking shaders (synchronous in
 * software WebGL), and drawing glyphs into a canvas (the \`font-faces\` path rasterises each glyph
 * with fillText/getImageData). Totals are frozen at \`performance.mark('map:idle')\`.
 */
const CALLS_TIMED = `
  window.__calls = { 'webgl context': 0, 'shader compile': 0, 'glyph rasterising': 0 };
  let frozen = false;
  const time = (proto, name, kind, only) => {
    if (!proto || !proto[name]) return;
    const original = proto[name];
    proto[name] = function (...args) {
      if (frozen || (only && !only(args))) return original.apply(this, args);
      const t = performance.now();
      try { return original.apply(this, args); } finally { window.__calls[kind] += performance.now() - t; }
    };
  };
  time(HTMLCanvasElement.prototype, 'getContext', 'webgl context', (a) => /webgl/.test(a[0]));
  for (const gl of [self.WebGLRenderingContext, self.WebGL2RenderingContext]) {
    for (const name of ['compileShader', 'linkProgram', 'getShaderParameter', 'getProgramParameter']) {
      time(gl && gl.prototype, name, 'shader compile');
    }
  }
  for (const c2d of [self.CanvasRenderingContext2D, self.OffscreenCanvasRenderingContext2D]) {
    for (const name of ['fillText', 'getImageData', 'measureText']) time(c2d && c2d.prototype, name, 'glyph rasterising');
  }
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    if (name === 'map:idle') { frozen = true; window.__callsAtIdle = { ...window.__calls }; }
    return mark(name, ...rest);
  };
`;

/** Sums layout shifts (those not caused by input) from the start of the page. */
const CLS_OBSERVER = `
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

async function measure(page: Page, url: string): Promise<Sample> {
  await page.addInitScript(CLS_OBSERVER);
  await page.addInitScript(CALLS_TIMED);
  const finished: Promise<{ kind: Kind | null; start: number; end: number }>[] = [];
  page.on('requestfinished', (request) => {
    const t = request.timing();
    finished.push(
      Promise.resolve({
        kind: kindOf(request.url(), request.resourceType()),
        start: t.startTime,
        end: t.startTime + t.responseEnd,
      }),
    );
  });
  sent = [];
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 60_000,
  });
  const timing = await page.evaluate(() => ({
    idle: performance.getEntriesByName('map:idle')[0]!.startTime,
    create: performance.getEntriesByName('map:create')[0]?.startTime ?? NaN,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    origin: performance.timeOrigin,
  }));
  // Let any request still finishing be counted, and any late layout shift be observed.
  await page.waitForLoadState('networkidle');
  const { cls, calls } = await page.evaluate(() => {
    const w = window as unknown as { __cls: number; __callsAtIdle: Record<CallKind, number> };
    return { cls: w.__cls, calls: w.__callsAtIdle };
  });
  const requests = await Promise.all(finished);
  const milestones: Sample['milestones'] = {};
  for (const r of requests) {
    if (!r.kind || Number.isNaN(r.start)) continue;
    const start = r.start - timing.origin;
    const end = r.end - timing.origin;
    const m = (milestones[r.kind] ??= { start, end, bytes: 0 });
    m.start = Math.min(m.start, start);
    m.end = Math.max(m.end, end);
  }
  let appJsBytes = 0;
  for (const { path: p, bytes, body } of sent) {
    const kind = kindOf(`http://localhost${p}`, p.endsWith('/') ? 'document' : '');
    if (kind === 'app js') appJsBytes += body;
    const m = kind ? milestones[kind] : undefined;
    if (m) m.bytes += bytes;
  }
  return {
    idle: timing.idle,
    create: timing.create,
    fcp: timing.fcp,
    cls,
    bytes: sent.reduce((a, r) => a + r.bytes, 0),
    appJsBytes,
    milestones,
    calls,
  };
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { name?: string } };
}

/** CPU time before the first idle, from one traced load: ms per thread kind and activity. */
interface CpuBreakdown {
  mainBusy: number;
  mainScript: number;
  workerBusy: number;
}

async function traceOnce(browser: Browser, url: string): Promise<CpuBreakdown> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'],
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
    timeout: 60_000,
  });
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  await context.close();
  const events = trace.traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threadName.set(`${e.pid}:${e.tid}`, e.args!.name!);
  }
  const idleMark = events.find((e) => e.name === 'map:idle' && e.cat.includes('blink.user_timing'));
  const navStart = events.find(
    (e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser',
  );
  const end = idleMark?.ts ?? Infinity;
  const begin = navStart?.ts ?? 0;
  const within = (e: TraceEvent) => e.ph === 'X' && e.ts >= begin && e.ts <= end;
  const isTask = (e: TraceEvent) =>
    e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
  const isScript = (e: TraceEvent) =>
    /^(v8\.compile|v8\.compileModule|EvaluateScript|v8\.evaluateModule|v8\.run)$/.test(e.name);
  const out: CpuBreakdown = { mainBusy: 0, mainScript: 0, workerBusy: 0 };
  const rendererPid = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.pid;
  for (const e of events) {
    if (!within(e) || e.pid !== rendererPid) continue;
    const thread = threadName.get(`${e.pid}:${e.tid}`) ?? '';
    if (thread === 'CrRendererMain') {
      if (isTask(e)) out.mainBusy += e.dur! / 1000;
      if (isScript(e)) out.mainScript += e.dur! / 1000;
    } else if (/DedicatedWorker/.test(thread) && isTask(e)) {
      out.workerBusy += e.dur! / 1000;
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const { origin, close } = await startServer();
const browser = await launchChromium();
const pages = {
  story: `${origin}/${STORY}/`,
  embed: `${origin}/${STORY}/embed/`,
  'style floor': `${origin}/__style-floor/`,
  floor: `${origin}/__floor/`,
};
type Which = keyof typeof pages;
const names = Object.keys(pages) as Which[];
const samples = Object.fromEntries(names.map((n) => [n, [] as Sample[]])) as Record<
  Which,
  Sample[]
>;
const cpu = {} as Record<Which, CpuBreakdown>;

try {
  // One warm-up each (compression cache, disk cache of the OS), not counted.
  for (const url of Object.values(pages)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await measure(await context.newPage(), url);
    await context.close();
  }
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, rotating which goes first, so drift in machine load hits every page alike.
    const order = names.map((_, i) => names[(i + run) % names.length]!);
    for (const which of order) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      samples[which].push(await measure(await context.newPage(), pages[which]));
      await context.close();
    }
    process.stdout.write(`run ${run + 1}/${RUNS}\r`);
  }
  for (const which of names) cpu[which] = await traceOnce(browser, pages[which]);
} finally {
  await browser.close();
  await close();
}

const med = (which: Which, pick: (s: Sample) => number) => median(samples[which].map(pick));
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t: number) => (Number.isNaN(t) ? '—' : `${t.toFixed(0)} ms`);
const floorIdle = med('floor', (s) => s.idle);
const floorBytes = med('floor', (s) => s.bytes);

console.log(
  `\nStory "${STORY}": ${RUNS} interleaved runs per page, medians, 1280×800, ratios to the physical floor:\n`,
);
console.table(
  Object.fromEntries(
    names.map((which) => {
      const idle = med(which, (s) => s.idle);
      const bytes = med(which, (s) => s.bytes);
      return [
        which,
        {
          'first map idle': ms(idle),
          '× floor': (idle / floorIdle).toFixed(2),
          'map created': ms(med(which, (s) => s.create)),
          'created → idle': ms(med(which, (s) => s.idle - s.create)),
          FCP: ms(med(which, (s) => s.fcp)),
          CLS: med(which, (s) => s.cls).toFixed(3),
          'transfer (gzip)': kb(bytes),
          '+ floor': kb(bytes - floorBytes),
          'JS beyond maplibre-gl': kb(med(which, (s) => s.appJsBytes)),
        },
      ];
    }),
  ),
);

console.log(
  'Downloads, ms from navigation start (first start → last end) and gzip bytes, medians:\n',
);
console.table(
  Object.fromEntries(
    names.map((which) => [
      which,
      Object.fromEntries(
        KINDS.map((kind) => {
          const start = med(which, (s) => s.milestones[kind]?.start ?? NaN);
          const end = med(which, (s) => s.milestones[kind]?.end ?? NaN);
          const bytes = med(which, (s) => s.milestones[kind]?.bytes ?? NaN);
          return [
            kind,
            Number.isNaN(start) ? '—' : `${start.toFixed(0)}→${end.toFixed(0)}, ${kb(bytes)}`,
          ];
        }),
      ),
    ]),
  ),
);

console.log(
  'Main thread before the first idle, in calls to the browser (ms, medians): the first render\n',
);
console.table(
  Object.fromEntries(
    names.map((which) => [
      which,
      Object.fromEntries(CALL_KINDS.map((k) => [k, ms(med(which, (s) => s.calls[k]))])),
    ]),
  ),
);

console.log('CPU before the first idle, one traced load each (tracing slows it down):\n');
console.table(
  Object.fromEntries(
    names.map((which) => [
      which,
      {
        'main thread busy': ms(cpu[which].mainBusy),
        'of which script compile/evaluate': ms(cpu[which].mainScript),
        'worker busy (parsing, tiling, layout)': ms(cpu[which].workerBusy),
      },
    ]),
  ),
);

for (const which of ['story', 'embed'] as const) {
  const idle = med(which, (s) => s.idle);
  const extra = med(which, (s) => s.bytes) - floorBytes;
  const ok = (pass: boolean) => (pass ? 'meets' : 'MISSES');
  console.log(
    `${which}: idle ${(idle / floorIdle).toFixed(2)}× the floor (${ok(idle <= TARGET_IDLE_RATIO * floorIdle)} ≤ ${TARGET_IDLE_RATIO}×); ` +
      `transfer floor + ${kb(extra)} (${ok(extra <= TARGET_EXTRA_BYTES)} ≤ + ${kb(TARGET_EXTRA_BYTES)}); ` +
      `FCP ${ms(med(which, (s) => s.fcp))} (${ok(med(which, (s) => s.fcp) <= TARGET_FCP_MS)} ≤ ${TARGET_FCP_MS} ms); ` +
      `JS beyond maplibre-gl ${kb(med(which, (s) => s.appJsBytes))}` +
      (which === 'story'
        ? ` (${ok(med(which, (s) => s.appJsBytes) <= TARGET_APP_JS_BYTES)} ≤ ${kb(TARGET_APP_JS_BYTES)})`
        : ''),
  );
}
