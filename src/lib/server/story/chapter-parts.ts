/**
 * The parts of a chapter's frontmatter that are checked against the story: its camera, its date
 * window, the stretch of a route it draws, and whether its focus is shown by its own filters.
 */
import type { LineString } from 'geojson';
import * as v from 'valibot';
import { featureBounds, viewBounds, type Bounds } from '$lib/geo/camera';
import { cumulativeKm } from '$lib/geo/route-draw';
import { dateProblem, endOf, startOf } from '$lib/story/dates';
import { overlaps } from '$lib/story/filters';
import { PartialDate, type ChapterFrontmatter } from '$lib/story/schema';
import type { ChapterCamera } from '$lib/story/view';
import type { CompiledChapter, CompiledLayer, PublishedFeature } from './types';

export interface ChapterContext {
  features: Map<string, { feature: PublishedFeature; layer: CompiledLayer }>;
  /** The ids `layers:` may name: the story's layers and the basemap's de facto lines. */
  layerIds: string[];
  declared: ReadonlyMap<string, string>;
}

type Problem = (message: string) => void;

/** The camera's one form, and what it shows as bounds; null (reported) when it is wrong. */
export function cameraOf(
  c: ChapterFrontmatter['camera'],
  ctx: ChapterContext,
  problem: Problem,
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

/** `from/to` as first and last day; null (reported) when it is not a window. */
export function windowOf(text: string, problem: Problem): [string, string] | null {
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

/** The stretch of a route drawn, as fractions of its measured length; null (reported) if wrong. */
export function drawOf(
  draw: NonNullable<ChapterFrontmatter['draw']>,
  ctx: ChapterContext,
  problem: Problem,
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
  const km = cumulativeKm(target.feature.geometry as LineString);
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

/**
 * A chapter must show what it is about: each focus feature inside its own window, layers and
 * categories, and a focus connection's events too (a connection whose ends are hidden is hidden).
 */
export function focusProblems(
  focus: string[],
  { window, date, fm }: { window: [string, string] | null; date?: string; fm: ChapterFrontmatter },
  ctx: ChapterContext,
): string[] {
  const problems: string[] = [];
  const check = (id: string, why: string) => {
    const { feature, layer } = ctx.features.get(id)!;
    const p = feature.properties;
    if (window && !overlaps([p.period_start, p.period_end], window)) {
      problems.push(`${why} (${p.date}) lies outside the date window ${date} — widen it`);
    }
    if (fm.layers && layer.meta.kind !== 'events' && !fm.layers.includes(layer.meta.id)) {
      problems.push(`${why} is on layer "${layer.meta.id}", which is hidden — add it to layers`);
    }
    if (fm.categories && !fm.categories.includes(p.category)) {
      problems.push(
        `${why} is in category "${p.category}", which is hidden — add it to categories`,
      );
    }
  };
  for (const id of focus) {
    check(id, `focus "${id}"`);
    const p = ctx.features.get(id)!.feature.properties;
    for (const end of ['from_event', 'to_event'] as const) {
      const event = end in p ? (p as Record<string, unknown>)[end] : undefined;
      if (typeof event === 'string' && ctx.features.has(event)) {
        check(event, `focus "${id}" joins "${event}", which`);
      }
    }
  }
  return problems;
}
