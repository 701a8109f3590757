import { describe, expect, it } from 'vitest';
import { labelCharacters } from './label-text';

describe('labelCharacters', () => {
  const chars = labelCharacters({
    places: ['Türkiye', 'Mazār-e Sharif'],
    layers: [
      {
        title: 'Gas pipeline (indicative route)',
        data: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [0, 0] },
              properties: { place_label: 'Łódź', sources: ['ignored ß'] },
            },
            {
              type: 'Feature',
              geometry: {
                type: 'LineString',
                coordinates: [
                  [0, 0],
                  [1, 1],
                ],
              },
              properties: { title: 'Ŋ', waypoints: ['Şanlıurfa'] },
            },
          ],
        },
      },
    ],
  });

  it('has every letter of place names, in capitals too (country names are drawn uppercase)', () => {
    for (const c of 'üāÜĀ') expect(chars).toContain(c);
  });

  it('has the letters of story labels, titles and waypoint names, not of other properties', () => {
    for (const c of 'ŁóźŊŞı') expect(chars).toContain(c);
    expect(chars).not.toContain('ß');
  });

  it('always has printable ASCII, once each, in code point order', () => {
    expect(chars.startsWith(' !"#$%&')).toBe(true);
    expect(chars).toContain('~');
    expect(new Set(chars).size).toBe([...chars].length);
  });
});
