import { distance } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import type { RouteMeasures } from './route-progress';

/**
 * Distance along a line to each of its positions, in kilometres (geodesic, measured with Turf).
 *
 * @example
 * cumulativeKm({ type: 'LineString', coordinates: [[67, 25], [68, 25], [68, 26]] })
 * // [0, ≈100.9, ≈212.1]
 */
export function cumulativeKm(line: LineString): number[] {
  const out = [0];
  for (let i = 1; i < line.coordinates.length; i++) {
    const a = line.coordinates[i - 1]!;
    const b = line.coordinates[i]!;
    out.push(out[i - 1]! + distance(a, b, { units: 'kilometers' }));
  }
  return out;
}

/** Web Mercator x/y of a position, in the unit square (as MapLibre's tiles measure lines). */
function mercator([lon, lat]: Position): [number, number] {
  const y = Math.log(Math.tan(Math.PI / 4 + (lat! * Math.PI) / 180 / 2));
  return [(lon! + 180) / 360, 0.5 - y / (2 * Math.PI)];
}

/** Distance along a line to each position on the Web Mercator plane (unit square). */
function cumulativeProjected(line: LineString): number[] {
  const out = [0];
  for (let i = 1; i < line.coordinates.length; i++) {
    const [ax, ay] = mercator(line.coordinates[i - 1]!);
    const [bx, by] = mercator(line.coordinates[i]!);
    out.push(out[i - 1]! + Math.hypot(bx - ax, by - ay));
  }
  return out;
}

/** Measures a line once, at build time, so the browser needs no Turf to draw along it. */
export function routeMeasures(line: LineString): RouteMeasures {
  const projected = cumulativeProjected(line);
  return {
    km: cumulativeKm(line).map((k) => Math.round(k * 10) / 10),
    progress: projected.map((p) => Math.round((p / projected.at(-1)!) * 1e5) / 1e5),
  };
}
