import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiLineString, Position } from 'geojson';
import { buildBasemap, countryPolygons, isDeFacto, splitRuns } from './natural-earth';

describe('countryPolygons (Natural Earth 1:50m)', () => {
  const byName = new Map(countryPolygons().map((c) => [c.properties.name, c]));
  const countryAt = (p: Position) =>
    [...byName.values()].find((c) => booleanPointInPolygon(point(p), c))?.properties.name;

  it('does not put the Siachen Glacier in Pakistan (the 1:110m file does)', () => {
    expect(countryAt([77.1, 35.4])).toBe('Siachen Glacier');
  });

  it('places story towns in the countries that administer them', () => {
    expect(countryAt([74.0333, 34.0861])).toBe('India'); // Uri
    expect(countryAt([74.31, 35.92])).toBe('Pakistan'); // Gilgit
    expect(countryAt([79.5, 35.2])).toBe('China'); // Aksai Chin
  });
});

describe('de facto lines', () => {
  it('treats the India–Pakistan line in Kashmir as de facto, and in Punjab/Sindh as a border', () => {
    expect(isDeFacto('India', 'Pakistan', [74.0, 34.2])).toBe(true);
    expect(isDeFacto('Pakistan', 'India', [74.5, 31.5])).toBe(false);
    expect(isDeFacto('India', 'Nepal', [81, 29])).toBe(false);
  });

  it('splits a line into runs that share their joining vertex', () => {
    const runs = splitRuns(
      [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
      ],
      ([, lat]) => lat! >= 2,
    );
    expect(runs).toEqual([
      {
        deFacto: false,
        coordinates: [
          [0, 0],
          [0, 1],
        ],
      },
      {
        deFacto: true,
        coordinates: [
          [0, 1],
          [0, 2],
          [0, 3],
        ],
      },
    ]);
  });

  it('builds dashed de facto lines in Kashmir and nowhere else', () => {
    const { boundaries, labels } = buildBasemap();
    const deFacto = boundaries.features.find((f) => f.properties.kind === 'de-facto')!;
    const lines = (deFacto.geometry as MultiLineString).coordinates;
    expect(lines.length).toBeGreaterThan(0);
    for (const p of lines.flat()) {
      expect(p[0]).toBeGreaterThan(72);
      expect(p[0]).toBeLessThan(81);
      expect(p[1]).toBeGreaterThan(32);
      expect(p[1]).toBeLessThan(37.2);
    }
    const names = labels.features.map((f) => f.properties.name);
    expect(names).toContain('Indian-administered Kashmir');
    expect(names).toContain('Pakistan-administered Kashmir');
    expect(names).not.toContain('Siachen Glacier');
  });
});
