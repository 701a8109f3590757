import { greatCircle } from '@turf/turf';
import type { LineString, Position } from 'geojson';

/**
 * The great-circle arc between two points, as a LineString with `npoints` vertices, so that a link
 * between Moscow and Islamabad is drawn as the shortest path on the globe rather than a straight
 * screen line. Arcs that would cross the antimeridian are returned split by Turf as a
 * MultiLineString; story links never do, so that case is reported as an error.
 *
 * @example
 * greatCircleArc([37.6173, 55.7558], [73.0479, 33.6844]).coordinates.length // 64
 */
export function greatCircleArc(from: Position, to: Position, npoints = 64): LineString {
  const arc = greatCircle(from, to, { npoints });
  if (arc.geometry.type !== 'LineString') {
    throw new Error('a link may not cross the antimeridian');
  }
  // Turf returns the exact end points; round the rest to 4 decimals (~10 m) to keep files small.
  const coordinates = arc.geometry.coordinates.map(([x, y]) => [round4(x!), round4(y!)]);
  return { type: 'LineString', coordinates };
}

function round4(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
