import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { LineString, MultiLineString } from 'geojson';
import { countryPolygons } from '$lib/server/basemap/natural-earth';
import { greatCircleArc } from './arcs';
import { featureBounds, viewBounds } from './camera';
import { routeMeasures } from './route-draw';
import { progressAt } from './route-progress';
import { distanceOutsideKm } from './distance-outside';
import { routeLengthKm } from './route-length';

const MOSCOW = [37.6173, 55.7558];
const ISLAMABAD = [73.0479, 33.6844];
const india = countryPolygons().find((c) => c.properties.name === 'India')!;

describe('routeLengthKm', () => {
  it('measures a line on the sphere', () => {
    // Port Qasim to Kasur in one straight segment: about 1,000 km.
    const km = routeLengthKm({
      type: 'LineString',
      coordinates: [
        [67.333, 24.767],
        [74.45, 31.1167],
      ],
    });
    expect(km).toBeGreaterThan(980);
    expect(km).toBeLessThan(1010);
  });
});

describe('greatCircleArc', () => {
  const arc = greatCircleArc(MOSCOW, ISLAMABAD) as LineString;

  it('starts and ends at the two places', () => {
    expect(arc.coordinates[0]).toEqual(MOSCOW);
    expect(arc.coordinates.at(-1)).toEqual(ISLAMABAD);
    expect(arc.coordinates).toHaveLength(64);
  });

  it('bows poleward of the straight screen line, as a great circle does', () => {
    const mid = arc.coordinates[32]!;
    const straightLatAtMidLon =
      MOSCOW[1]! +
      ((mid[0]! - MOSCOW[0]!) / (ISLAMABAD[0]! - MOSCOW[0]!)) * (ISLAMABAD[1]! - MOSCOW[1]!);
    expect(mid[1]).toBeGreaterThan(straightLatAtMidLon);
  });

  it('is as long as the geodesic distance', () => {
    const km = routeLengthKm(arc);
    expect(Math.abs(km - distance(MOSCOW, ISLAMABAD))).toBeLessThan(2);
  });
});

describe('greatCircleArc across the antimeridian', () => {
  const VLADIVOSTOK = [131.8869, 43.1155];
  const ANCHORAGE = [-149.9003, 61.2181];
  const lons = (arc: MultiLineString) => arc.coordinates.flat().map((p) => p[0]!);

  it('cuts the arc at ±180° into valid GeoJSON that never jumps across the map', () => {
    const arc = greatCircleArc(VLADIVOSTOK, ANCHORAGE) as MultiLineString;
    expect(arc.type).toBe('MultiLineString');
    const [west, east] = arc.coordinates as [number[][], number[][]];
    expect(west[0]).toEqual(VLADIVOSTOK);
    expect(west.at(-1)![0]).toBe(180);
    expect(east[0]![0]).toBe(-180);
    expect(east.at(-1)).toEqual(ANCHORAGE);
    // Both halves meet at the same latitude on the antimeridian.
    expect(east[0]![1]).toBe(west.at(-1)![1]);
    expect(Math.max(...lons(arc).map(Math.abs))).toBeLessThanOrEqual(180);
    for (const part of arc.coordinates) {
      for (let i = 1; i < part.length; i++) {
        expect(Math.abs(part[i]![0]! - part[i - 1]![0]!)).toBeLessThan(10);
      }
    }
  });

  it('is as long, in its two halves, as the geodesic distance', () => {
    const arc = greatCircleArc(VLADIVOSTOK, ANCHORAGE) as MultiLineString;
    const km = arc.coordinates
      .map((coordinates) => routeLengthKm({ type: 'LineString', coordinates }))
      .reduce((a, b) => a + b);
    expect(Math.abs(km - distance(VLADIVOSTOK, ANCHORAGE))).toBeLessThan(3);
  });

  it('keeps an end that lies on the antimeridian on the side its line runs to', () => {
    expect(greatCircleArc([180, 0], [-170, 0], 3).coordinates).toEqual([
      [-180, 0],
      [-175, 0],
      [-170, 0],
    ]);
  });

  it('refuses antipodal ends, which no single shortest path joins', () => {
    expect(() => greatCircleArc([0, 0], [180, 0])).toThrow(/antipodal/);
  });
});

describe('distanceOutsideKm', () => {
  it('is 0 inside the country', () => {
    expect(distanceOutsideKm([74.0333, 34.0861], india)).toBe(0); // Uri
  });

  it('is small just off the coast and large when lon/lat are swapped', () => {
    expect(distanceOutsideKm([72.8, 18.9], india)).toBeLessThan(25); // Mumbai harbour
    expect(distanceOutsideKm([34.0861, 74.0333], india)).toBeGreaterThan(1000);
  });
});

describe('featureBounds', () => {
  it('grows a point to a minimum span so the camera never zooms to street level', () => {
    expect(featureBounds({ type: 'Point', coordinates: [73, 33] }, 2)).toEqual([72, 32, 74, 34]);
  });

  it('keeps the bounding box of a long line', () => {
    const b = featureBounds(
      {
        type: 'LineString',
        coordinates: [
          [67, 24],
          [74, 31],
        ],
      },
      1,
    );
    expect(b).toEqual([67, 24, 74, 31]);
  });
});

describe('routeMeasures and progressAt', () => {
  // Port Qasim → Nawabshah → Kasur: the line runs north, where Mercator stretches distances.
  const line = {
    type: 'LineString' as const,
    coordinates: [
      [67.333, 24.767],
      [68.41, 26.2442],
      [74.45, 31.1167],
    ],
  };
  const measures = routeMeasures(line);

  it('measures each position along the line in km (Turf) and as line-progress', () => {
    expect(measures.km[0]).toBe(0);
    expect(measures.km.at(-1)).toBeCloseTo(routeLengthKm(line), -1);
    expect(measures.progress[0]).toBe(0);
    expect(measures.progress.at(-1)).toBe(1);
  });

  it('maps a share of the kilometres to the line-progress at that point', () => {
    expect(progressAt(measures, 0)).toBe(0);
    expect(progressAt(measures, 1)).toBe(1);
    const atNawabshah = measures.km[1]! / measures.km[2]!;
    expect(progressAt(measures, atNawabshah)).toBeCloseTo(measures.progress[1]!, 5);
    // Further north a km is longer on the projected plane, so the northern last quarter takes
    // more than a quarter of the projected line: progress lags the km share.
    expect(progressAt(measures, 0.75)).toBeLessThan(0.75);
  });
});

describe('viewBounds', () => {
  it('frames the centre, wider at lower zoom', () => {
    const near = viewBounds([70, 30], 6);
    const far = viewBounds([70, 30], 4);
    expect(near[0]).toBeLessThan(70);
    expect(near[2]).toBeGreaterThan(70);
    expect(near[1]).toBeLessThan(30);
    expect(near[3]).toBeGreaterThan(30);
    expect(far[2] - far[0]).toBeCloseTo(4 * (near[2] - near[0]), 5);
  });
});
