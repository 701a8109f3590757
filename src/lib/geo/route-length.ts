import { length } from '@turf/turf';
import type { Feature, LineString } from 'geojson';

/**
 * Geodesic length of a line in kilometres, rounded to whole kilometres.
 *
 * @example
 * routeLengthKm({ type: 'Feature', properties: {}, geometry: { type: 'LineString',
 *   coordinates: [[67.333, 24.767], [74.45, 31.1167]] } }) // ≈ 1000
 */
export function routeLengthKm(line: Feature<LineString> | LineString): number {
  const feature: Feature<LineString> =
    line.type === 'Feature' ? line : { type: 'Feature', properties: {}, geometry: line };
  return Math.round(length(feature, { units: 'kilometers' }));
}
