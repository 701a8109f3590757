import type { LineString, MultiLineString, Position } from 'geojson';

const RAD = Math.PI / 180;

/**
 * The great-circle arc between two points, with `npoints` vertices, so that a link between Moscow
 * and Islamabad is drawn as the shortest path on the globe rather than a straight screen line.
 *
 * An arc that crosses the antimeridian (Vladivostok–Anchorage) comes back as a MultiLineString cut
 * at ±180°, as RFC 7946 asks, so the published GeoJSON stays valid and MapLibre draws both halves
 * at the edges of its single world. Throws only for antipodal ends, which join no single shortest
 * path (the validator checks for them first).
 *
 * @example
 * greatCircleArc([37.6173, 55.7558], [73.0479, 33.6844]).coordinates.length // 64
 * greatCircleArc([131.8869, 43.1155], [-149.9003, 61.2181]).type // 'MultiLineString'
 */
export function greatCircleArc(
  from: Position,
  to: Position,
  npoints = 64,
): LineString | MultiLineString {
  const a = toVector(from);
  const b = toVector(to);
  const angle = Math.acos(Math.min(1, Math.max(-1, dot(a, b))));
  if (Math.sin(angle) < 1e-9 && angle > 1) {
    throw new Error('the two ends are antipodal: no single shortest path joins them');
  }
  // Spherical interpolation; longitudes are unwrapped so that consecutive vertices never jump 360°.
  const unwrapped: Position[] = [];
  for (let i = 0; i < npoints; i++) {
    const t = i / (npoints - 1);
    let p: Position;
    if (i === 0) p = [from[0]!, from[1]!];
    else if (i === npoints - 1) p = [to[0]!, to[1]!];
    else {
      const wa = Math.sin((1 - t) * angle) / Math.sin(angle);
      const wb = Math.sin(t * angle) / Math.sin(angle);
      p = toPosition([0, 1, 2].map((k) => wa * a[k]! + wb * b[k]!) as Vector);
    }
    const prev = unwrapped.at(-1);
    if (prev) p[0] = p[0]! + 360 * Math.round((prev[0]! - p[0]!) / 360);
    unwrapped.push(p);
  }
  // Round to 4 decimals (~10 m) to keep files small, but keep the exact end points.
  const parts = splitAtAntimeridian(unwrapped).map((line) =>
    line.map(([x, y]) => [round4(x!), round4(y!)]),
  );
  // An end on the antimeridian itself stays on the side its line runs to (−180 or 180).
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (Math.abs(first[0]![0]! - from[0]!) < 1) first[0] = [from[0]!, from[1]!];
  if (Math.abs(last.at(-1)![0]! - to[0]!) < 1) last[last.length - 1] = [to[0]!, to[1]!];
  return parts.length === 1
    ? { type: 'LineString', coordinates: parts[0]! }
    : { type: 'MultiLineString', coordinates: parts };
}

/** Cuts a line with unwrapped longitudes into pieces that each stay within −180…180. */
function splitAtAntimeridian(line: Position[]): Position[][] {
  const parts: Position[][] = [];
  let shift = 0;
  let current: Position[] = [];
  const wrap = (lon: number) => lon - 360 * Math.round(lon / 360);
  for (let i = 0; i < line.length; i++) {
    const [x, y] = line[i] as [number, number];
    const world = Math.round(x / 360);
    if (i > 0 && world !== shift) {
      // Cross the edge between the previous vertex and this one, at the latitude on the segment.
      const [px, py] = line[i - 1] as [number, number];
      const edge = 180 * (2 * Math.max(shift, world) - 1);
      const lat = py + ((edge - px) / (x - px)) * (y - py);
      const leaving = edge - 360 * shift;
      if (!samePoint(current.at(-1)!, [leaving, lat])) current.push([leaving, lat]);
      parts.push(current);
      current = [[-leaving, lat]];
      shift = world;
    } else if (i === 0) {
      shift = world;
    }
    const here: Position = [wrap(x), y];
    if (!samePoint(current.at(-1) ?? [NaN, NaN], here)) current.push(here);
  }
  parts.push(current);
  // A cut right at an end vertex leaves a piece of one point: drop such stubs.
  return parts.filter((p) => p.length > 1);
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

type Vector = [number, number, number];

function toVector([lon, lat]: Position): Vector {
  const phi = lat! * RAD;
  const lambda = lon! * RAD;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

function toPosition([x, y, z]: Vector): Position {
  return [Math.atan2(y, x) / RAD, Math.atan2(z, Math.hypot(x, y)) / RAD];
}

function dot(a: Vector, b: Vector): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function round4(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
