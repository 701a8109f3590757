import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { countryPolygons } from '../basemap/natural-earth';
import { greatCircleArc } from './arcs';
import { featureBounds } from './camera';
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
