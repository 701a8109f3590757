import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiLineString, Position } from 'geojson';
import { buildBasemap, countryPolygons, isDeFacto, splitRuns, unwrapLine } from './natural-earth';

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

describe('antimeridian', () => {
  it('makes a line that jumps from +180 to −180 continuous', () => {
    expect(
      unwrapLine([
        [178, 65],
        [-179, 66],
        [-175, 67],
      ]),
    ).toEqual([
      [178, 65],
      [181, 66],
      [185, 67],
    ]);
  });

  it('leaves no segment longer than 180° of longitude in the basemap', () => {
    const { land, boundaries } = buildBasemap();
    const lines = [
      ...land.features.flatMap((f) =>
        f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : [],
      ),
      ...boundaries.features.flatMap((f) => (f.geometry as MultiLineString).coordinates),
    ];
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        if (line[i]![1] === -90 && line[i - 1]![1] === -90) continue; // Antarctica's closure
        expect(Math.abs(line[i]![0]! - line[i - 1]![0]!)).toBeLessThan(180);
      }
    }
  });
});
