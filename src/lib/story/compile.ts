/**
 * Reads a story folder, checks every rule, and builds what the site publishes. One pass reports
 * every problem at once, each as `file: feature-id: what is wrong — how to fix`.
 *
 * Node-only (reads files); runs in the build (prerendering) and in `npm run validate`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, LineString, Point, Position } from 'geojson';
import * as v from 'valibot';
import { countryPolygons, type CountryFeature } from '../basemap/natural-earth';
import { greatCircleArc } from '../geo/arcs';
import { distanceOutsideKm } from '../geo/distance-outside';
import { routeLengthKm } from '../geo/route-length';
import { compileChapters, type CompiledChapter } from './chapters';
import { dateProblem, endOf, startOf, writtenPrecision } from './dates';
import { mentionedIds, renderNarrative, splitFrontmatter, unsafeContent } from './markdown';
import { weakSourceOf } from './weak-sources';
import {
  describeIssues,
  NarrativeFrontmatter,
  PROPERTIES_BY_KIND,
  SLUG,
  StoryMeta,
  type EventProperties,
  type LayerKind,
  type LayerMeta,
  type LinkEnd,
  type LinkProperties,
  type PublishedCommon,
  type PublishedEvent,
  type PublishedLink,
  type PublishedRoute,
  type RouteProperties,
  type Source,
} from './schema';

/** How far outside its named country an event may lie: coasts and borders are generalised. */
export const GEOGRAPHY_TOLERANCE_KM = 25;

export interface Problem {
  file: string;
  feature: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.feature}: ${p.message}`;
}

export interface Narrative {
  summary: string;
  html: string;
}

export type PublishedFeature =
  | Feature<Point, PublishedEvent>
  | Feature<LineString, PublishedRoute>
  | Feature<LineString, PublishedLink>;

export interface CompiledLayer {
  meta: LayerMeta;
  data: FeatureCollection<Point | LineString, PublishedEvent | PublishedRoute | PublishedLink>;
}

export interface CompiledStory {
  slug: string;
  meta: StoryMeta;
  layers: CompiledLayer[];
  narratives: Record<string, Narrative>;
  /** The story told in sequence (`chapters/NN-slug.md`); empty when the folder has none. */
  chapters: CompiledChapter[];
}

export interface CompileResult {
  story: CompiledStory | null;
  problems: Problem[];
  /** Things to fix that do not stop the build, such as sources on the weak-source list. */
  warnings: Problem[];
}

let countriesCache: Map<string, CountryFeature> | null = null;
function countries(): Map<string, CountryFeature> {
  countriesCache ??= new Map(countryPolygons().map((c) => [c.properties.name, c]));
  return countriesCache;
}

/** The story folders under a root: every directory holding a `story.json`. */
export function listStoryDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'story.json')))
    .sort()
    .map((name) => path.join(root, name));
}

type Raw = { id: string; layer: LayerMeta; file: string; feature: Record<string, unknown> };

/** Compiles one story folder. Never throws for bad data: every problem goes in `problems`. */
export function compileStory(dir: string): CompileResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rel = (...parts: string[]) => path.relative(process.cwd(), path.join(dir, ...parts)) || '.';
  const fail = (file: string, feature: string, message: string) =>
    problems.push({ file, feature, message });
  const slug = path.basename(dir);
  const storyFile = rel('story.json');

  if (!SLUG.test(slug)) {
    fail(
      rel(),
      '-',
      `the folder name "${slug}" is not a slug — rename it to lower-case-hyphenated`,
    );
  }

  const metaJson = readJson(path.join(dir, 'story.json'), storyFile, fail);
  if (metaJson === undefined) return { story: null, problems, warnings };
  const metaResult = v.safeParse(StoryMeta, metaJson);
  if (!metaResult.success) {
    for (const issue of describeIssues(metaResult.issues)) {
      fail(storyFile, '-', `${issue} — see "Story format" in the README`);
    }
    return { story: null, problems, warnings };
  }
  const meta = metaResult.output;

  // 1. Read every layer and every feature, checking ids and geometry.
  const raws: Raw[] = [];
  const seen = new Map<string, string>();
  const layerIds = new Set<string>();
  for (const layer of meta.layers) {
    const file = rel(layer.file);
    if (layerIds.has(layer.id)) {
      fail(storyFile, '-', `layer id "${layer.id}" is used twice — give each layer its own id`);
    }
    layerIds.add(layer.id);
    const json = readJson(path.join(dir, layer.file), file, fail);
    if (json === undefined) continue;
    if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
      fail(
        file,
        '-',
        'not a GeoJSON FeatureCollection — the file must be {"type": "FeatureCollection", "features": [...]}',
      );
      continue;
    }
    json.features.forEach((feature: unknown, index: number) => {
      const label =
        isRecord(feature) && typeof feature.id === 'string' && feature.id
          ? feature.id
          : `feature #${index + 1}`;
      if (!isRecord(feature) || feature.type !== 'Feature') {
        fail(
          file,
          label,
          'not a GeoJSON Feature — each item of "features" must have "type": "Feature"',
        );
        return;
      }
      const id = feature.id;
      if (typeof id !== 'string' || !SLUG.test(id)) {
        fail(
          file,
          label,
          `"id" must be a lower-case-hyphenated string (got ${JSON.stringify(id)}) — add a stable id such as "uri-attack-2016"`,
        );
        return;
      }
      const first = seen.get(id);
      if (first) {
        fail(
          file,
          id,
          `duplicate id: "${id}" is already used in ${first} — give each feature its own id`,
        );
        return;
      }
      seen.set(id, file);
      const geometryProblem = checkGeometry(layer.kind, feature.geometry);
      if (geometryProblem) {
        fail(file, id, geometryProblem);
        return;
      }
      raws.push({ id, layer, file, feature });
    });
  }

  // 2. Properties, dates and geography.
  const parsed = new Map<
    string,
    { raw: Raw; props: EventProperties | RouteProperties | LinkProperties }
  >();
  for (const raw of raws) {
    const schema = PROPERTIES_BY_KIND[raw.layer.kind];
    const result = v.safeParse(schema, raw.feature.properties ?? {});
    if (!result.success) {
      for (const issue of describeIssues(result.issues)) {
        fail(raw.file, raw.id, `properties.${issue} — fix the value in the feature's "properties"`);
      }
      continue;
    }
    const props = result.output;
    for (const message of weakSourceWarnings(props)) {
      warnings.push({ file: raw.file, feature: raw.id, message });
    }
    const before = problems.length;
    checkDates(props, (m) => fail(raw.file, raw.id, m));
    if (raw.layer.kind === 'events') {
      checkGeography(raw.feature.geometry as Point, props as EventProperties, (m) =>
        fail(raw.file, raw.id, m),
      );
    }
    if (problems.length === before) parsed.set(raw.id, { raw, props });
  }

  // 3. Links: their ends must resolve; their arcs are generated here, never drawn by hand.
  const pointOf = (end: LinkEnd): { at: Position; place: string } | string => {
    if (typeof end !== 'string') {
      if (Math.abs(end.lon) > 180 || Math.abs(end.lat) > 90) {
        return `the place "${end.place}" has coordinates out of range (lon ${end.lon}, lat ${end.lat})`;
      }
      return { at: [end.lon, end.lat], place: end.place };
    }
    const target = parsed.get(end);
    if (!target || target.raw.layer.kind !== 'events') {
      return `"${end}" is not the id of an event in this story — use an event id or { "place", "lon", "lat" }`;
    }
    const props = target.props as EventProperties;
    return { at: (target.raw.feature.geometry as Point).coordinates, place: props.place_label };
  };

  // 4. Narratives: one per feature, one feature per narrative, safe, mentions resolvable.
  const narratives: Record<string, Narrative> = {};
  const narrativeDir = path.join(dir, 'narratives');
  const narrativeFiles = existsSync(narrativeDir)
    ? readdirSync(narrativeDir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  for (const name of narrativeFiles) {
    const file = rel('narratives', name);
    const id = name.replace(/\.md$/, '');
    if (!seen.has(id)) {
      fail(
        file,
        id,
        `no feature has the id "${id}" — rename the file to a feature's id, or delete it`,
      );
      continue;
    }
    let split;
    try {
      split = splitFrontmatter(readFileSync(path.join(narrativeDir, name), 'utf8'));
    } catch (error) {
      fail(
        file,
        id,
        `${(error as Error).message} — start with ---, "feature:" and "summary:", then ---`,
      );
      continue;
    }
    const fm = v.safeParse(NarrativeFrontmatter, split.frontmatter);
    if (!fm.success) {
      for (const issue of describeIssues(fm.issues)) {
        fail(file, id, `frontmatter ${issue} — fix the block between the "---" lines`);
      }
      continue;
    }
    if (fm.output.feature !== id) {
      fail(
        file,
        id,
        `frontmatter says feature "${fm.output.feature}" but the file is named "${id}.md" — make them the same`,
      );
      continue;
    }
    if (!split.body) {
      fail(file, id, 'the narrative is empty — write a few sentences below the frontmatter');
      continue;
    }
    const unsafe = unsafeContent(split.body);
    for (const u of unsafe) fail(file, id, `the narrative ${u}`);
    for (const mention of mentionedIds(split.body)) {
      if (!seen.has(mention)) {
        fail(file, id, `the link (#${mention}) names no feature — use an existing feature id`);
      }
    }
    if (unsafe.length) continue;
    narratives[id] = { summary: fm.output.summary, html: renderNarrative(split.body) };
  }
  for (const [id, file] of seen) {
    if (!narratives[id] && !narrativeFiles.includes(`${id}.md`)) {
      fail(
        file,
        id,
        `no narrative — add ${rel('narratives', `${id}.md`)} with frontmatter "feature: ${id}" and "summary:"`,
      );
    }
  }

  // 5. Publish: add ids for MapLibre's promoteId, computed lengths and generated arcs.
  const layers: CompiledLayer[] = meta.layers.map((layer) => ({
    meta: layer,
    data: { type: 'FeatureCollection', features: [] },
  }));
  for (const { raw, props } of parsed.values()) {
    const out = layers.find((l) => l.meta.id === raw.layer.id)!;
    const geometry = raw.feature.geometry as Geometry;
    if (raw.layer.kind === 'events') {
      out.data.features.push({
        type: 'Feature',
        id: raw.id,
        properties: { ...(props as EventProperties), ...period(raw.id, props) },
        geometry: geometry as Point,
      });
    } else if (raw.layer.kind === 'routes') {
      const route = props as RouteProperties;
      const computed = routeLengthKm(geometry as LineString);
      if (computed < route.stated_length_km * 0.5 || computed > route.stated_length_km * 1.5) {
        fail(
          raw.file,
          raw.id,
          `the line is ${computed} km long but stated_length_km is ${route.stated_length_km} — check the waypoints' order and lon/lat`,
        );
      }
      const positions = (geometry as LineString).coordinates.length;
      if (route.waypoints && route.waypoints.length !== positions) {
        fail(
          raw.file,
          raw.id,
          `waypoints names ${route.waypoints.length} places but the line has ${positions} positions — give one name per position`,
        );
      }
      out.data.features.push({
        type: 'Feature',
        id: raw.id,
        properties: { ...route, ...period(raw.id, route), computed_length_km: computed },
        geometry: geometry as LineString,
      });
    } else {
      const { from, to, ...rest } = props as LinkProperties;
      const a = pointOf(from);
      const b = pointOf(to);
      if (typeof a === 'string') fail(raw.file, raw.id, `properties.from: ${a}`);
      if (typeof b === 'string') fail(raw.file, raw.id, `properties.to: ${b}`);
      if (typeof a === 'string' || typeof b === 'string') continue;
      if (a.at[0] === b.at[0] && a.at[1] === b.at[1]) {
        fail(
          raw.file,
          raw.id,
          'both ends of the link are the same point — link two different places',
        );
        continue;
      }
      out.data.features.push({
        type: 'Feature',
        id: raw.id,
        properties: { ...rest, ...period(raw.id, rest), from_place: a.place, to_place: b.place },
        geometry: greatCircleArc(a.at, b.at),
      });
    }
  }

  const chapters = compileChapters(dir, layers, rel, fail);
  if (problems.length) return { story: null, problems, warnings };
  return { story: { slug, meta, layers, narratives, chapters }, problems, warnings };
}

/**
 * One warning for each source, or timeline entry's source, on the weak-source list. A source the
 * author marked `secondary: true` is exempt: it says no original was found, and the panel labels it.
 */
function weakSourceWarnings(props: {
  sources: Source[];
  timeline?: { source?: Source }[];
}): string[] {
  const all = [...props.sources, ...(props.timeline ?? []).flatMap((t) => t.source ?? [])];
  return all.flatMap((source) => {
    if (typeof source !== 'string' && source.secondary) return [];
    const weak = weakSourceOf(typeof source === 'string' ? source : source.url);
    return weak
      ? [
          `source ${weak.domain} is on the weak-source list (${weak.reason}) — cite the original report`,
        ]
      : [];
  });
}

/** A feature's id and the days it covers: a route lasts until its last timeline entry. */
function period(
  id: string,
  props: { date: string; date_end?: string; timeline?: { date: string }[] },
): PublishedCommon {
  const last = [props.date_end ?? props.date, ...(props.timeline ?? []).map((t) => t.date)]
    .map(endOf)
    .sort()
    .at(-1)!;
  return { id, period_start: startOf(props.date), period_end: last };
}

function readJson(
  file: string,
  label: string,
  fail: (file: string, feature: string, message: string) => void,
): unknown {
  if (!existsSync(file) || !statSync(file).isFile()) {
    fail(label, '-', 'file not found — create it, or remove it from story.json');
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    fail(label, '-', `not valid JSON (${reason}) — fix the syntax; a JSON linter shows where`);
    return undefined;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));

function positionProblem(p: Position): string | null {
  const [lon, lat] = p as [number, number];
  if (lon < -180 || lon > 180) return `longitude ${lon} is out of range (−180 to 180)`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is out of range (−90 to 90)`;
  return null;
}

/** The geometry each layer kind needs, or why the feature's geometry is wrong. */
function checkGeometry(kind: LayerKind, geometry: unknown): string | null {
  if (kind === 'links') {
    return geometry === null
      ? null
      : 'a link\'s geometry must be null — its arc is generated from "from" and "to" at build time';
  }
  const want = kind === 'events' ? 'Point' : 'LineString';
  if (!isRecord(geometry) || geometry.type !== want) {
    const got = isRecord(geometry) ? String(geometry.type) : JSON.stringify(geometry);
    return `geometry must be a ${want} (got ${got}) — a "${kind}" layer holds ${want} features only`;
  }
  const coords = geometry.coordinates;
  const positions: unknown[] = want === 'Point' ? [coords] : Array.isArray(coords) ? coords : [];
  if (!positions.every(isPosition)) {
    return 'coordinates must be [longitude, latitude] pairs of numbers — fix the "coordinates" array';
  }
  for (const p of positions as Position[]) {
    const problem = positionProblem(p);
    if (problem) return `${problem} — coordinates are [longitude, latitude]`;
  }
  if (want === 'LineString') {
    const line = positions as Position[];
    if (line.length < 2)
      return 'a LineString needs at least two positions — add the missing waypoints';
    for (let i = 1; i < line.length; i++) {
      if (line[i]![0] === line[i - 1]![0] && line[i]![1] === line[i - 1]![1]) {
        return `positions ${i} and ${i + 1} are the same point — remove the repeat`;
      }
    }
  }
  return null;
}

function checkDates(
  props: { date: string; date_precision: string; date_end?: string; timeline?: { date: string }[] },
  fail: (message: string) => void,
): void {
  const dates = [props.date, props.date_end, ...(props.timeline ?? []).map((t) => t.date)];
  for (const d of dates) {
    if (d === undefined) continue;
    const problem = dateProblem(d);
    if (problem) fail(`the date ${d} is not valid: ${problem} — write a real date`);
  }
  if (writtenPrecision(props.date) !== props.date_precision) {
    fail(
      `date "${props.date}" is written to the ${writtenPrecision(props.date)} but date_precision is "${props.date_precision}" — make them agree`,
    );
  }
  if (props.date_end && endOf(props.date_end) < startOf(props.date)) {
    fail(`date_end ${props.date_end} is before date ${props.date} — swap them or fix one`);
  }
}

function checkGeography(
  point: Point,
  props: EventProperties,
  fail: (message: string) => void,
): void {
  const country = countries().get(props.admin);
  if (!country) {
    const names = [...countries().keys()];
    const hint = names.filter((n) =>
      n.toLowerCase().includes(props.admin.toLowerCase().slice(0, 4)),
    );
    fail(
      `admin "${props.admin}" is not a Natural Earth country name — use one such as ${(hint.length
        ? hint
        : ['India', 'Pakistan', 'Russia']
      )
        .slice(0, 3)
        .map((n) => `"${n}"`)
        .join(', ')}`,
    );
    return;
  }
  const km = distanceOutsideKm(point.coordinates, country);
  if (km > GEOGRAPHY_TOLERANCE_KM) {
    const [lon, lat] = point.coordinates as [number, number];
    const swapped = distanceOutsideKm([lat, lon], country) <= GEOGRAPHY_TOLERANCE_KM;
    fail(
      `the point [${lon}, ${lat}] is ${Math.round(km)} km outside ${props.admin} — ${swapped ? 'longitude and latitude look swapped; GeoJSON is [lon, lat]' : 'check the coordinates ([lon, lat]) and "admin"'}`,
    );
  }
}
