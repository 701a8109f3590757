import { describe, expect, it } from 'vitest';
import { stackCounts } from './stacks';

describe('stackCounts', () => {
  it('counts the events at each shared place and leaves single events alone', () => {
    const islamabad: [number, number] = [73.0479, 33.6844];
    const karachi: [number, number] = [66.982, 24.835];
    const badges = stackCounts([
      { coordinates: islamabad },
      { coordinates: karachi },
      { coordinates: islamabad },
      { coordinates: [74.0333, 34.0861] },
      { coordinates: islamabad },
      { coordinates: karachi },
      {}, // a route or link: no point
    ]);
    const byPlace = badges.features.map((f) => [f.geometry.coordinates, f.properties.count]);
    expect(byPlace).toEqual([
      [islamabad, 3],
      [karachi, 2],
    ]);
  });

  it('gives no badge when nothing stacks', () => {
    expect(stackCounts([{ coordinates: [0, 0] }, { coordinates: [1, 1] }]).features).toEqual([]);
  });
});
