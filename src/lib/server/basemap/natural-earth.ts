/**
 * The offline basemap, made at build time from Natural Earth 1:50m (the `world-atlas` package):
 * land, boundaries classed as international or de facto, and label points. 1:50m, not 1:110m: the
 * coarser file puts the Siachen Glacier inside Pakistan.
 *
 * Kashmir is drawn the way neutral wire services draw it: the Line of Control, the Actual Ground
 * Position Line at Siachen and the Line of Actual Control in Ladakh/Aksai Chin are de facto lines,
 * drawn dashed; the areas are named "Indian-administered", "Pakistan-administered" and
 * "China-administered".
 */
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { area, bbox, booleanPointInPolygon, centroid, pointOnFeature, polygon } from '@turf/turf';
import { feature, mesh, merge } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';

type CountryProps = { name: string };
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;

export type BoundaryKind = 'international' | 'de-facto';
export type BoundaryFeature = Feature<LineString | MultiLineString, { kind: BoundaryKind }>;
export type LabelFeature = Feature<
  Point,
  { name: string; kind: 'country' | 'territory'; rank: number }
>;

export interface Basemap {
  land: FeatureCollection<Polygon | MultiPolygon>;
  boundaries: FeatureCollection<LineString | MultiLineString, { kind: BoundaryKind }>;
  labels: FeatureCollection<Point, LabelFeature['properties']>;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProps> }>;

const topology = countries50m as unknown as CountriesTopology;

/** Natural Earth's names, written as a neutral news map writes them. */
const DISPLAY_NAMES: Record<string, string> = {
  'United States of America': 'United States',
  Turkey: 'Türkiye',
  'Dem. Rep. Congo': 'DR Congo',
  'Central African Rep.': 'Central African Republic',
};

/** Names of the disputed areas in Kashmir, placed by hand: Natural Earth has no such polygons here. */
const TERRITORY_LABELS: { name: string; at: Position }[] = [
  { name: 'Indian-administered Kashmir', at: [76.4, 34.0] },
  { name: 'Pakistan-administered Kashmir', at: [74.3, 35.9] },
  { name: 'Aksai Chin (China-administered)', at: [79.3, 35.25] },
];

/** The country polygons at full 1:50m detail, for the validator's geography check. */
export function countryPolygons(): CountryFeature[] {
  const fc = feature(topology, topology.objects.countries);
  return fc.features.map((f) => ({
    ...f,
    properties: { name: f.properties.name },
  })) as CountryFeature[];
}

let indexed: { feature: CountryFeature; box: number[] }[] | undefined;
/** The country polygons with their bounding boxes, read once. */
const polygons = () =>
  (indexed ??= countryPolygons().map((feature) => ({ feature, box: bbox(feature) })));

/** A country's Natural Earth name, as written in any case ("pakistan" → "Pakistan"), or null. */
export function naturalEarthName(written: string): string | null {
  const w = written.trim().toLowerCase();
  return (
    polygons().find((p) => p.feature.properties.name.toLowerCase() === w)?.feature.properties
      .name ?? null
  );
}

/**
 * The Natural Earth country whose polygon holds a point (the validator's `admin` names), or null
 * at sea. The importer fills `admin` with it; the editor offers it.
 */
export function countryAt(at: Position): string | null {
  const [lon, lat] = at as [number, number];
  const hit = polygons().find(
    ({ feature, box }) =>
      lon >= box[0]! &&
      lon <= box[2]! &&
      lat >= box[1]! &&
      lat <= box[3]! &&
      booleanPointInPolygon(at, feature),
  );
  return hit?.feature.properties.name ?? null;
}

/**
 * Whether the border between two countries is a de facto line in Kashmir, given a point on it.
 * India–Pakistan north of the Punjab (the Working Boundary and the Line of Control), anything
 * around the Siachen Glacier (the AGPL), India–China west of Nepal and north of Himachal (the Line
 * of Actual Control), and China–Pakistan (the 1963 boundary, provisional pending a settlement).
 */
export function isDeFacto(a: string, b: string, [lon, lat]: Position): boolean {
  const pair = [a, b].sort().join('|');
  if (a === 'Siachen Glacier' || b === 'Siachen Glacier') return true;
  if (pair === 'India|Pakistan') return lat! > 32.5;
  if (pair === 'China|India') return lat! > 32.3 && lon! < 80.5;
  if (pair === 'China|Pakistan') return true;
  return false;
}

/** Round coordinates to 0.01° (about 1 km): the precision of 1:50m data. */
function roundCoords<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)),
  ) as T;
}

/**
 * Builds the basemap layers. `minWeight` is the Visvalingam triangle area (square degrees) below
 * which a vertex is dropped; 0.002 keeps 1:50m borders crisp up to about zoom 7.
 */
export function buildBasemap(minWeight = 0.002): Basemap {
  const simplified = simplify(
    presimplify(structuredClone(topology)),
    minWeight,
  ) as CountriesTopology;
  const countries = simplified.objects.countries;
  const geometries = countries.geometries;

  const land = merge(simplified, geometries as never);

  // Each shared arc once. Borders that can hold a de facto line are split vertex by vertex.
  const nameOf = (g: unknown) => (g as { properties?: CountryProps }).properties?.name ?? '';
  const international: Position[][] = lineParts(
    mesh(simplified, countries, (a, b) => a !== b && !CAN_BE_DE_FACTO(nameOf(a), nameOf(b))),
  );
  const deFacto: Position[][] = [];
  for (const [na, nb] of DISPUTED_PAIRS) {
    const shared = mesh(
      simplified,
      countries,
      (a, b) => [nameOf(a), nameOf(b)].sort().join('|') === [na, nb].sort().join('|'),
    );
    for (const line of lineParts(shared)) {
      for (const run of splitRuns(line, (p) => isDeFacto(na, nb, p))) {
        (run.deFacto ? deFacto : international).push(run.coordinates);
      }
    }
  }
  const boundaryFeatures: BoundaryFeature[] = [
    multiLine('international', international),
    multiLine('de-facto', deFacto),
  ];

  const labels: LabelFeature[] = [];
  for (const country of feature(simplified, countries).features) {
    const name = country.properties.name;
    if (name === 'Siachen Glacier') continue;
    const at = labelPoint(country as CountryFeature);
    const km2 = area(country) / 1e6;
    if (km2 < 20_000) continue;
    labels.push({
      type: 'Feature',
      properties: { name: DISPLAY_NAMES[name] ?? name, kind: 'country', rank: Math.round(km2) },
      geometry: { type: 'Point', coordinates: at },
    });
  }
  for (const { name, at } of TERRITORY_LABELS) {
    labels.push({
      type: 'Feature',
      properties: { name, kind: 'territory', rank: 0 },
      geometry: { type: 'Point', coordinates: at },
    });
  }

  return roundCoords({
    land: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: unwrapPolygons(land) }],
    },
    boundaries: { type: 'FeatureCollection', features: boundaryFeatures },
    labels: { type: 'FeatureCollection', features: labels },
  });
}

const DISPUTED_PAIRS: [string, string][] = [
  ['India', 'Pakistan'],
  ['China', 'India'],
  ['China', 'Pakistan'],
  ['India', 'Siachen Glacier'],
  ['Pakistan', 'Siachen Glacier'],
  ['China', 'Siachen Glacier'],
];

function CAN_BE_DE_FACTO(a: string, b: string): boolean {
  const pair = [a, b].sort().join('|');
  return DISPUTED_PAIRS.some((p) => [...p].sort().join('|') === pair);
}

function lineParts(geometry: LineString | MultiLineString): Position[][] {
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}

function multiLine(kind: BoundaryKind, lines: Position[][]): BoundaryFeature {
  return {
    type: 'Feature',
    properties: { kind },
    geometry: { type: 'MultiLineString', coordinates: lines.map(unwrapLine) },
  };
}

/**
 * world-atlas stitches its polygons across the antimeridian (Chukotka, Fiji, Antarctica) for
 * spherical renderers; a flat renderer would draw those jumps from +180 to −180 as lines across
 * the whole world. Make each line continuous instead: shift longitudes by 360° where they jump.
 */
export function unwrapLine(line: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  for (let i = 0; i < line.length; i++) {
    const [lon, lat] = line[i] as [number, number];
    if (i > 0) {
      const previous = (line[i - 1] as [number, number])[0];
      if (lon - previous > 180) shift -= 360;
      else if (previous - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

/**
 * Unwraps every ring; a ring that goes once around a pole (Antarctica) no longer closes after
 * unwrapping, so it is closed along the pole's latitude.
 */
function unwrapPolygons(geometry: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) =>
      polygon.map((ring) => {
        const line = unwrapLine(ring);
        const first = line[0]!;
        const last = line.at(-1)!;
        if (Math.abs(last[0]! - first[0]!) < 1) return line;
        return [...line, [last[0]!, -90], [first[0]!, -90], first];
      }),
    ),
  };
}

/**
 * Splits a line into runs whose vertices agree on `test`. Consecutive runs share their joining
 * vertex so that the drawn line has no gap where its style changes.
 */
export function splitRuns(
  line: Position[],
  test: (p: Position) => boolean,
): { deFacto: boolean; coordinates: Position[] }[] {
  const runs: { deFacto: boolean; coordinates: Position[] }[] = [];
  for (const p of line) {
    const flag = test(p);
    const last = runs.at(-1);
    if (last && last.deFacto === flag) {
      last.coordinates.push(p);
    } else {
      const joint = last?.coordinates.at(-1);
      runs.push({ deFacto: flag, coordinates: joint ? [joint, p] : [p] });
    }
  }
  return runs.filter((r) => r.coordinates.length >= 2);
}

/** A label point inside the country's largest part. */
function labelPoint(country: CountryFeature): Position {
  const parts =
    country.geometry.type === 'Polygon'
      ? [country.geometry.coordinates]
      : country.geometry.coordinates;
  const largest = parts
    .map((rings) => polygon(rings))
    .reduce((best, p) => (area(p) > area(best) ? p : best));
  const c = centroid(largest);
  return booleanPointInPolygon(c, largest)
    ? c.geometry.coordinates
    : pointOnFeature(largest).geometry.coordinates;
}
