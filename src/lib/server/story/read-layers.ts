/**
 * Step 2 of a compile: every layer file of `story.json`, read as a GeoJSON FeatureCollection, and
 * every feature in it checked for a stable id and the geometry its layer kind needs. Properties are
 * checked in the next step.
 */
import type { Position } from 'geojson';
import { SLUG, type LayerKind, type LayerMeta, type StoryMeta } from '$lib/story/schema';
import { isRecord, type Reporter } from './reporter';

/** A feature with a valid id and geometry, its properties not read yet. */
export interface RawFeature {
  id: string;
  layer: LayerMeta;
  file: string;
  feature: Record<string, unknown>;
}

export interface ReadLayers {
  raws: RawFeature[];
  /** Every id declared, valid or not, with the file that declares it. */
  declared: Map<string, string>;
}

export function readLayers(meta: StoryMeta, report: Reporter): ReadLayers {
  const raws: RawFeature[] = [];
  const declared = new Map<string, string>();
  const layerIds = new Set<string>();
  for (const layer of meta.layers) {
    if (layerIds.has(layer.id)) {
      report.problem(
        report.rel('story.json'),
        '-',
        `layer id "${layer.id}" is used twice — give each layer its own id`,
      );
    }
    layerIds.add(layer.id);
    const features = readCollection(layer, report);
    features?.forEach((feature, index) => {
      const raw = readFeature(feature, index, layer, report.rel(layer.file), declared, report);
      if (raw) raws.push(raw);
    });
  }
  return { raws, declared };
}

/** The features of a layer's file, or null when it is not a FeatureCollection. */
function readCollection(layer: LayerMeta, report: Reporter): unknown[] | null {
  const file = report.rel(layer.file);
  const json = report.readJson(layer.file);
  if (json === undefined) return null;
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    report.problem(
      file,
      '-',
      'not a GeoJSON FeatureCollection — the file must be {"type": "FeatureCollection", "features": [...]}',
    );
    return null;
  }
  if (json.features.length === 0) {
    report.problem(
      file,
      '-',
      `the layer "${layer.id}" has no features — add at least one, or remove the layer from story.json`,
    );
  }
  return json.features as unknown[];
}

function readFeature(
  feature: unknown,
  index: number,
  layer: LayerMeta,
  file: string,
  declared: Map<string, string>,
  report: Reporter,
): RawFeature | null {
  const label =
    isRecord(feature) && typeof feature.id === 'string' && feature.id
      ? feature.id
      : `feature #${index + 1}`;
  if (!isRecord(feature) || feature.type !== 'Feature') {
    report.problem(
      file,
      label,
      'not a GeoJSON Feature — each item of "features" must have "type": "Feature"',
    );
    return null;
  }
  const id = feature.id;
  if (typeof id !== 'string' || !SLUG.test(id)) {
    report.problem(
      file,
      label,
      `"id" must be a lower-case-hyphenated string (got ${JSON.stringify(id)}) — add a stable id such as "uri-attack-2016"`,
    );
    return null;
  }
  const first = declared.get(id);
  if (first) {
    report.problem(
      file,
      id,
      `duplicate id: "${id}" is already used in ${first} — give each feature its own id`,
    );
    return null;
  }
  declared.set(id, file);
  const problem = geometryProblem(layer.kind, feature.geometry);
  if (problem) {
    report.problem(file, id, problem);
    return null;
  }
  return { id, layer, file, feature };
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
export function geometryProblem(kind: LayerKind, geometry: unknown): string | null {
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
  return want === 'LineString' ? lineProblem(positions as Position[]) : null;
}

function lineProblem(line: Position[]): string | null {
  if (line.length < 2)
    return 'a LineString needs at least two positions — add the missing waypoints';
  for (let i = 1; i < line.length; i++) {
    if (line[i]![0] === line[i - 1]![0] && line[i]![1] === line[i - 1]![1]) {
      return `positions ${i} and ${i + 1} are the same point — remove the repeat`;
    }
  }
  return null;
}
