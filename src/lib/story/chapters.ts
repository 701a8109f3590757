/**
 * Chapters: the story told in sequence. Each is `chapters/NN-slug.md` in the story folder, read in
 * file-name order (`01-…`, `02-…`): Markdown with frontmatter (`ChapterFrontmatter`) that sets a
 * camera, the features in focus, a date window, the layers and categories shown, and optionally a
 * stretch of a route to draw. Every problem is reported as `file: chapter: what is wrong — how to fix`.
 *
 * Node-only (reads files); called from `compileStory`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LineString } from 'geojson';
import * as v from 'valibot';
import {
  featureBounds,
  viewBounds,
  type Bounds,
  type BoundsCamera,
  type ViewCamera,
} from '../geo/camera';
import { cumulativeKm } from '../geo/route-draw';
import { dateProblem, endOf, startOf } from './dates';
import { mentionedIds, renderNarrative, splitFrontmatter, unsafeContent } from './markdown';
import { ChapterFrontmatter, describeIssues, PartialDate, type Category } from './schema';
import type { CompiledLayer, PublishedFeature } from './compile';

/** The toggle id of the basemap's de facto lines (the same as the map style's `DE_FACTO_TOGGLE`). */
const DE_FACTO = 'de-facto';

/** `NN-slug.md`: two digits give the order, the rest is the chapter's slug (its URL hash). */
const CHAPTER_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Where a chapter points the camera. */
export type ChapterCamera = BoundsCamera | ViewCamera;

export interface CompiledChapter {
  slug: string;
  title: string;
  /** The body, rendered and sanitized; mentions are `<a href="#id" data-feature="id">`. */
  html: string;
  camera: ChapterCamera;
  /** What the camera shows, as bounds (for `view` cameras, in an 800 × 600 px frame). */
  bounds: Bounds;
  focus: string[];
  /** First and last day shown, `YYYY-MM-DD`; null: the whole story. */
  window: [string, string] | null;
  /** Switchable layers shown; null: all. */
  layers: string[] | null;
  /** Event categories shown; null: all. */
  categories: Category[] | null;
  /** The stretch of a route drawn, as fractions of its measured length. */
  draw: { route: string; from: number; to: number } | null;
  notes: string | null;
}

type Fail = (file: string, chapter: string, message: string) => void;

/** Reads and checks `dir/chapters/*.md` against the compiled layers. No folder: no chapters. */
export function compileChapters(
  dir: string,
  layers: CompiledLayer[],
  rel: (...parts: string[]) => string,
  fail: Fail,
  /**
   * Every feature id the story declares, valid or not: a chapter naming a feature that has a
   * problem of its own says nothing more (the feature's problem is already reported).
   */
  declared: ReadonlySet<string> = new Set(),
): CompiledChapter[] {
  const folder = path.join(dir, 'chapters');
  if (!existsSync(folder)) return [];
  const features = new Map<string, { feature: PublishedFeature; layer: CompiledLayer }>();
  for (const layer of layers) {
    for (const feature of layer.data.features) {
      features.set(feature.properties.id, { feature: feature as PublishedFeature, layer });
    }
  }
  const layerIds = [...layers.map((l) => l.meta.id), DE_FACTO];
  const chapters: CompiledChapter[] = [];
  const slugs = new Set<string>();
  for (const name of readdirSync(folder).sort()) {
    const file = rel('chapters', name);
    const match = CHAPTER_FILE.exec(name);
    if (!match) {
      if (name.endsWith('.md')) {
        fail(
          file,
          name,
          'a chapter file must be named NN-slug.md (e.g. 03-uri-and-druzhba.md) — rename it',
        );
      }
      continue;
    }
    const slug = match[2]!;
    const before = { count: 0 };
    const problem = (message: string) => {
      before.count++;
      fail(file, slug, message);
    };
    if (slugs.has(slug))
      problem(`another chapter is also named "${slug}" — give each its own slug`);
    if (features.has(slug)) {
      problem(`"${slug}" is also a feature id, so #${slug} would be ambiguous — rename the file`);
    }
    slugs.add(slug);
    const chapter = compileOne(
      path.join(folder, name),
      slug,
      { features, layerIds, declared },
      problem,
    );
    if (chapter && before.count === 0) chapters.push(chapter);
  }
  return chapters;
}

interface Context {
  features: Map<string, { feature: PublishedFeature; layer: CompiledLayer }>;
  layerIds: string[];
  declared: ReadonlySet<string>;
}

function compileOne(
  file: string,
  slug: string,
  ctx: Context,
  problem: (message: string) => void,
): CompiledChapter | null {
  let split;
  try {
    split = splitFrontmatter(readFileSync(file, 'utf8'));
  } catch (error) {
    problem(`${(error as Error).message} — start with ---, "title:" and "camera:", then ---`);
    return null;
  }
  const parsed = v.safeParse(ChapterFrontmatter, split.frontmatter);
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.issues)) {
      problem(`frontmatter ${issue} — fix the block between the "---" lines`);
    }
    return null;
  }
  const fm = parsed.output;
  const known = (id: string, where: string) => {
    if (ctx.features.has(id)) return true;
    if (!ctx.declared.has(id)) {
      problem(`${where} names "${id}", which is not a feature — use an existing feature id`);
    }
    return false;
  };

  if (!split.body) problem('the chapter is empty — write a few sentences below the frontmatter');
  const unsafe = unsafeContent(split.body);
  for (const u of unsafe) problem(`the chapter ${u}`);
  for (const mention of mentionedIds(split.body)) {
    if (!ctx.features.has(mention) && !ctx.declared.has(mention)) {
      problem(`the link (#${mention}) names no feature — use an existing feature id`);
    }
  }

  const camera = cameraOf(fm.camera, ctx, problem, known);
  const focus = fm.focus.filter((id) => known(id, 'focus'));
  const window = fm.date ? windowOf(fm.date, problem) : null;
  for (const id of fm.layers ?? []) {
    if (!ctx.layerIds.includes(id)) {
      problem(
        `layers names "${id}", which is not a layer — use one of: ${ctx.layerIds.join(', ')}`,
      );
    }
  }
  const draw = fm.draw ? drawOf(fm.draw, ctx, problem) : null;

  // A chapter must show what it is about: each focus feature inside its window and filters.
  for (const id of focus) {
    const { feature, layer } = ctx.features.get(id)!;
    const p = feature.properties;
    if (window && (p.period_end < window[0] || p.period_start > window[1])) {
      problem(`focus "${id}" (${p.date}) lies outside the date window ${fm.date} — widen it`);
    }
    if (fm.layers && layer.meta.kind !== 'events' && !fm.layers.includes(layer.meta.id)) {
      problem(`focus "${id}" is on layer "${layer.meta.id}", which is hidden — add it to layers`);
    }
    if (fm.categories && !fm.categories.includes(p.category)) {
      problem(
        `focus "${id}" is in category "${p.category}", which is hidden — add it to categories`,
      );
    }
  }

  if (!camera || unsafe.length) return null;
  return {
    slug,
    title: fm.title,
    html: renderNarrative(split.body),
    camera: camera.camera,
    bounds: camera.bounds,
    focus,
    window,
    layers: fm.layers ?? null,
    categories: fm.categories ?? null,
    draw,
    notes: fm.notes ?? null,
  };
}

function cameraOf(
  c: ChapterFrontmatter['camera'],
  ctx: Context,
  problem: (message: string) => void,
  known: (id: string, where: string) => boolean,
): { camera: ChapterCamera; bounds: Bounds } | null {
  const forms = [c.bounds, c.center ?? c.zoom, c.fit].filter((x) => x !== undefined).length;
  const fix =
    'give exactly one of bounds: [w, s, e, n], center: [lon, lat] with zoom, or fit: [ids]';
  if (forms !== 1) {
    problem(`camera has ${forms === 0 ? 'no' : 'more than one'} target — ${fix}`);
    return null;
  }
  if ((c.bearing !== undefined || c.pitch !== undefined) && !c.center) {
    problem('camera.bearing and camera.pitch go with center and zoom only — remove them');
    return null;
  }
  if (c.bounds) {
    const [w, s, e, n] = c.bounds;
    if (w >= e || s >= n) {
      problem(
        `camera.bounds [${c.bounds.join(', ')}] is empty or inverted — write [west, south, east, north]`,
      );
      return null;
    }
    return { camera: { type: 'bounds', bounds: c.bounds }, bounds: c.bounds };
  }
  if (c.center || c.zoom !== undefined) {
    if (!c.center || c.zoom === undefined) {
      problem('camera.center needs camera.zoom (and zoom needs center) — add the missing one');
      return null;
    }
    const { center, zoom, bearing, pitch } = c;
    return {
      camera: { type: 'view', center, zoom, bearing, pitch },
      bounds: viewBounds(center, zoom),
    };
  }
  const ids = c.fit!.filter((id) => known(id, 'camera.fit'));
  if (ids.length !== c.fit!.length) return null;
  const boxes = ids.map((id) => featureBounds(ctx.features.get(id)!.feature.geometry, 4));
  const bounds: Bounds = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  return { camera: { type: 'bounds', bounds }, bounds };
}

function windowOf(text: string, problem: (message: string) => void): [string, string] | null {
  const [from, to] = text.split('/') as [string, string];
  for (const d of [from, to]) {
    const why = v.is(PartialDate, d) ? dateProblem(d) : 'write it as 2016, 2016-09 or 2016-09-18';
    if (why) {
      problem(`date "${text}": ${d} is not a date (${why}) — write "from/to", e.g. "2015/2016"`);
      return null;
    }
  }
  if (endOf(to) < startOf(from)) {
    problem(`date "${text}" ends before it starts — swap them: "${to}/${from}"`);
    return null;
  }
  return [startOf(from), endOf(to)];
}

function drawOf(
  draw: NonNullable<ChapterFrontmatter['draw']>,
  ctx: Context,
  problem: (message: string) => void,
): CompiledChapter['draw'] {
  const target = ctx.features.get(draw.route);
  if (!target) {
    problem(`draw.route names "${draw.route}", which is not a feature — use a route's id`);
    return null;
  }
  if (target.layer.meta.kind !== 'routes') {
    problem(
      `draw.route "${draw.route}" is ${target.layer.meta.kind === 'events' ? 'an event' : 'a link'}, not a route — draw names a feature of a "routes" layer`,
    );
    return null;
  }
  const line = target.feature.geometry as LineString;
  const km = cumulativeKm(line);
  const names =
    ('waypoints' in target.feature.properties && target.feature.properties.waypoints) || [];
  const at = (place: string | undefined, fraction: number | undefined, end: 'from' | 'to') => {
    if (place !== undefined && fraction !== undefined) {
      problem(`draw gives both ${end} and ${end}_place — keep one`);
      return null;
    }
    if (place === undefined) return fraction ?? (end === 'from' ? 0 : 1);
    const i = names.indexOf(place);
    if (i < 0) {
      problem(
        `draw.${end}_place "${place}" is not a waypoint of "${draw.route}" — use one of: ${names.join(', ') || '(the route lists no waypoints)'}`,
      );
      return null;
    }
    return km[i]! / km.at(-1)!;
  };
  const from = at(draw.from_place, draw.from, 'from');
  const to = at(draw.to_place, draw.to, 'to');
  if (from === null || to === null) return null;
  if (to <= from) {
    problem(
      'draw ends where it starts or before — "to" must lie further along the route than "from"',
    );
    return null;
  }
  return { route: draw.route, from, to };
}
