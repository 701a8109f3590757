/**
 * Events that share one place draw as one marker on the map; the map shows how many stand there,
 * so that the map and the list's count agree. Pure: the shown events in, a GeoJSON of badges out.
 */
import type { FeatureCollection, Point } from 'geojson';

/**
 * One badge per place where two or more of the given events stand, with their count.
 *
 * @example
 * stackCounts([{ coordinates: [73.05, 33.68] }, { coordinates: [73.05, 33.68] }]).features[0]
 *   .properties.count // 2
 */
export function stackCounts(
  events: readonly { coordinates?: [number, number] }[],
): FeatureCollection<Point, { count: number }> {
  const counts = new Map<string, { at: [number, number]; count: number }>();
  for (const { coordinates } of events) {
    if (!coordinates) continue;
    const key = coordinates.join(',');
    const entry = counts.get(key) ?? { at: coordinates, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return {
    type: 'FeatureCollection',
    features: [...counts.values()]
      .filter((e) => e.count > 1)
      .map(({ at, count }) => ({
        type: 'Feature',
        properties: { count },
        geometry: { type: 'Point', coordinates: at },
      })),
  };
}
