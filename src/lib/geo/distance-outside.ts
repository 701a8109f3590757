import { pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * How far a point lies outside an area, in kilometres: 0 when it is inside. Used to check that an
 * event lies in, or within a coastal/border tolerance of, the country it names.
 *
 * @example
 * distanceOutsideKm([74.0333, 34.0861], india) // 0 (Uri)
 * distanceOutsideKm([34.0861, 74.0333], india) // thousands (swapped lon/lat)
 */
export function distanceOutsideKm(
  point: Position,
  area: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon,
): number {
  const signed = pointToPolygonDistance(point, area, { units: 'kilometers' });
  return Math.max(0, signed);
}
