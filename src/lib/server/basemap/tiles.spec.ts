import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

import { booleanPointInPolygon, point } from '@turf/turf';
import type {
  Feature,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BasemapTiles, TILE_BUFFER, TILE_EXTENT, TILE_MAXZOOM, tileAddresses } from './tiles';
import { TILE_LAYER, firstTiles } from '$lib/basemap/tile-format';
import {
  CITY_SPACING_PX,
  MAX_LABEL_ZOOM,
  MIN_CITY_ZOOM,
  SEA_LABELS,
  cityPlaces,
  mercator,
  type PlaceFeature,
} from './places';

const tiles = new BasemapTiles();
const ZOOMS = Array.from({ length: TILE_MAXZOOM + 1 }, (_, z) => z);

/** The address of the tile at zoom z that holds a point. */
function tileAt([lon, lat]: Position, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const sin = Math.sin((lat! * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  return { z, x: Math.floor((lon! / 360 + 0.5) * n), y: Math.floor(y * n) };
}

/** One layer of an encoded tile, decoded back to longitude/latitude GeoJSON. */
function decode(address: { z: number; x: number; y: number }, layer: string): Feature[] {
  const { z, x, y } = address;
  const data = tiles.tile(z, x, y);
  const vt = new VectorTile(new PbfReader(data));
  const l = vt.layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => l.feature(i).toGeoJSON(x, y, z) as Feature);
}

function lines(features: Feature[], kind: string): Position[][] {
  return features
    .filter((f) => f.properties?.kind === kind)
    .flatMap((f) => {
      const g = f.geometry as LineString | MultiLineString;
      return g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    });
}

/** Longitudes where a set of lines crosses a parallel. */
function crossings(ls: Position[][], lat: number): number[] {
  const out: number[] = [];
  for (const line of ls) {
    for (let i = 1; i < line.length; i++) {
      const [x0, y0] = line[i - 1] as [number, number];
      const [x1, y1] = line[i] as [number, number];
      if ((y0 - lat) * (y1 - lat) <= 0 && y0 !== y1) {
        out.push(x0 + ((lat - y0) / (y1 - y0)) * (x1 - x0));
      }
    }
  }
  return out;
}

describe('basemap tiles: Kashmir', () => {
  it.each(ZOOMS)(
    'draws the Siachen Glacier apart from Pakistan, behind a dashed line, at zoom %i',
    (z) => {
      const boundaries = decode(tileAt([77.1, 35.4], z), TILE_LAYER.boundaries);
      // The glacier's western edge (the Saltoro ridge) crosses 35.4°N near 76.9°E; were the
      // glacier drawn inside Pakistan there would be no line there at all.
      const west = (lon: number) => lon > 76.7 && lon < 77.1;
      expect(crossings(lines(boundaries, 'de-facto'), 35.4).some(west)).toBe(true);
      expect(crossings(lines(boundaries, 'international'), 35.4).some(west)).toBe(false);
    },
  );

  it.each(ZOOMS)('has dashed de facto lines in Kashmir and nowhere else at zoom %i', (z) => {
    const n = 2 ** z;
    let count = 0;
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        for (const [lon, lat] of lines(
          decode({ z, x, y }, TILE_LAYER.boundaries),
          'de-facto',
        ).flat()) {
          count++;
          expect(lon).toBeGreaterThan(72);
          expect(lon).toBeLessThan(81);
          expect(lat).toBeGreaterThan(32);
          expect(lat).toBeLessThan(37.2);
        }
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it.each([3, 4, 5])('names the areas neutrally, and not "Siachen Glacier", at zoom %i', (z) => {
    const names = new Set<string>();
    for (const at of [
      [76.4, 34.0],
      [74.3, 35.9],
      [79.3, 35.25],
    ]) {
      for (const f of decode(tileAt(at, z), TILE_LAYER.places)) names.add(f.properties!.name);
    }
    expect(names).toContain('Indian-administered Kashmir');
    expect(names).toContain('Pakistan-administered Kashmir');
    expect(names).toContain('Aksai Chin (China-administered)');
    expect(names).not.toContain('Siachen Glacier');
  });
});

describe('basemap tiles: generalisation', () => {
  const islands: [string, Position][] = [
    ['Sri Lanka', [80.7, 7.8]],
    ['Cyprus', [33.0, 35.0]],
    ['Crete', [24.9, 35.25]],
  ];
  it.each(ZOOMS.flatMap((z) => islands.map(([name, at]) => [name, z, at] as const)))(
    'keeps %s at zoom %i',
    (_name, z, at) => {
      const land = decode(tileAt(at, z), TILE_LAYER.land) as Feature<Polygon | MultiPolygon>[];
      expect(land.some((f) => booleanPointInPolygon(point(at), f))).toBe(true);
    },
  );

  it('makes the world tile far lighter than the last level', () => {
    const bytes = (z: number) =>
      [...tileAddresses()]
        .filter((t) => t.z === z)
        .reduce((n, t) => n + tiles.tile(t.z, t.x, t.y).length, 0);
    expect(bytes(0)).toBeLessThan(bytes(TILE_MAXZOOM) / 4);
  });
});

describe('basemap tiles: edges', () => {
  // A tile deep inside Kazakhstan: land on every side, no coast.
  const inland = tileAt([67, 48], TILE_MAXZOOM);

  it('runs land past every tile edge, so neighbouring tiles overlap without a seam', () => {
    const vt = new VectorTile(new PbfReader(tiles.tile(inland.z, inland.x, inland.y)));
    const land = vt.layers[TILE_LAYER.land]!;
    const rings = land.feature(0).loadGeometry();
    const xs = rings.flat().map((p) => p.x);
    const ys = rings.flat().map((p) => p.y);
    // Cut at the buffer, beyond the tile's own square.
    expect(Math.min(...xs)).toBeLessThan(-TILE_BUFFER / 2);
    expect(Math.max(...xs)).toBeGreaterThan(TILE_EXTENT + TILE_BUFFER / 2);
    expect(Math.min(...ys)).toBeLessThan(-TILE_BUFFER / 2);
    expect(Math.max(...ys)).toBeGreaterThan(TILE_EXTENT + TILE_BUFFER / 2);
  });

  it('strokes coastlines from their own layer, so no tile edge is drawn as a coast', () => {
    expect(decode(inland, TILE_LAYER.coast)).toEqual([]);
    expect(decode(tileAt([67, 24.8], TILE_MAXZOOM), TILE_LAYER.coast).length).toBeGreaterThan(0); // Karachi
  });
});

describe('basemap tiles: places', () => {
  it('keeps labels for the zooms past the last level in its tiles (overzoom)', () => {
    const places = decode(tileAt([74.5, 33.5], TILE_MAXZOOM), TILE_LAYER.places);
    const zooms = places
      .filter((f) => f.properties!.kind === 'city')
      .map((f) => f.properties!.min_zoom);
    expect(Math.max(...zooms)).toBeGreaterThan(TILE_MAXZOOM);
    expect(Math.max(...zooms)).toBeLessThanOrEqual(MAX_LABEL_ZOOM);
  });

  it.each([3, 4])('puts in a zoom-%i tile only the cities chosen for its zooms', (z) => {
    const places = decode(tileAt([74.5, 33.5], z), TILE_LAYER.places);
    const cities = places.filter((f) => f.properties!.kind === 'city');
    expect(cities.length).toBeGreaterThan(0);
    for (const c of cities) expect(c.properties!.min_zoom).toBeLessThan(z + 1);
  });

  describe('cities, chosen by population for each zoom', () => {
    const cities = cityPlaces();
    /** Distance in CSS pixels at zoom z. */
    const px = (a: PlaceFeature, b: PlaceFeature, z: number) => {
      const [ax, ay] = mercator(a.geometry.coordinates);
      const [bx, by] = mercator(b.geometry.coordinates);
      return Math.hypot(ax - bx, ay - by) * 512 * 2 ** z;
    };
    const shownAt = (z: number) => cities.filter((c) => c.properties.min_zoom <= z);

    it.each([3, 4, 5, 6, 7])('keeps the labels shown at zoom %i apart', (z) => {
      // Sorted west to east, each city need only be compared with those less than the spacing east.
      const shown = shownAt(z)
        .map((c) => ({ c, x: mercator(c.geometry.coordinates)[0] * 512 * 2 ** z }))
        .sort((a, b) => a.x - b.x);
      expect(shown.length).toBeGreaterThan(10);
      for (let i = 0; i < shown.length; i++) {
        for (let j = i + 1; j < shown.length && shown[j]!.x - shown[i]!.x < CITY_SPACING_PX; j++) {
          expect(px(shown[i]!.c, shown[j]!.c, z)).toBeGreaterThanOrEqual(CITY_SPACING_PX);
        }
      }
    });

    it('holds a city back only for a more populous one that would be too close', () => {
      for (const c of cities.filter((c) => c.properties.min_zoom > MIN_CITY_ZOOM).slice(0, 300)) {
        const earlier = c.properties.min_zoom - 1;
        const blocker = cities.find(
          (o) =>
            o.properties.rank >= c.properties.rank &&
            o !== c &&
            px(o, c, Math.max(earlier, o.properties.min_zoom)) < CITY_SPACING_PX,
        );
        expect(blocker, c.properties.name).toBeDefined();
      }
    });
  });

  it('puts every sea name at sea (OpenStreetMap sea polygons, @geo-maps/earth-seas-10m)', () => {
    // 36 MB of JSON: read directly rather than through the bundler.
    const file = createRequire(import.meta.url).resolve('@geo-maps/earth-seas-10m/map.geo.json');
    const seas = JSON.parse(readFileSync(file, 'utf8')) as { geometries: MultiPolygon[] };
    const onLand = SEA_LABELS.filter(
      (s) => !booleanPointInPolygon(point(s.at), seas.geometries[0]!),
    );
    expect(onLand.map((s) => s.name)).toEqual([]);
  }, 30_000);
});

describe('firstTiles', () => {
  it('covers the default view of a story with the tiles of the zoom that frames it', () => {
    const bounds: [number, number, number, number] = [28, 12, 82, 57];
    const desktop = firstTiles(bounds, 848, 708);
    const phone = firstTiles(bounds, 375, 300);
    // A smaller map shows the same bounds at a lower zoom.
    expect(phone[0]!.z).toBeLessThan(desktop[0]!.z);
    for (const set of [desktop, phone]) {
      for (const corner of [
        [28, 12],
        [82, 57],
        [55, 34.5],
      ]) {
        const t = tileAt(corner, set[0]!.z);
        expect(set).toContainEqual(t);
      }
    }
  });
});
