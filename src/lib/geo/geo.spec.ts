import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { countryPolygons } from '../basemap/natural-earth';
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
  const arc = greatCircleArc(MOSCOW, ISLAMABAD);

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
