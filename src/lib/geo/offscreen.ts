import type { Bounds } from './camera';

export type Direction = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';

export interface OffscreenGroup {
  direction: Direction;
  ids: string[];
  /** [west, south, east, north] around the group's points. */
  bounds: Bounds;
}

/**
 * The points that lie outside the visible bounds, grouped by the edge or corner they lie beyond:
 * what edge markers show ("2 events to the north-east"). Points inside are left out.
 *
 * @example
 * offscreenGroups([{ id: 'dc', at: [-77, 38.9] }], [28, 12, 82, 57])
 * // [{ direction: 'w', ids: ['dc'], bounds: [-77, 38.9, -77, 38.9] }]
 */
export function offscreenGroups(
  points: { id: string; at: [number, number] }[],
  [west, south, east, north]: Bounds,
): OffscreenGroup[] {
  const groups = new Map<Direction, OffscreenGroup>();
  for (const { id, at } of points) {
    const [lon, lat] = at;
    const ns = lat > north ? 'n' : lat < south ? 's' : '';
    const ew = lon > east ? 'e' : lon < west ? 'w' : '';
    const direction = `${ns}${ew}` as Direction | '';
    if (!direction) continue;
    const group = groups.get(direction);
    if (!group) {
      groups.set(direction, { direction, ids: [id], bounds: [lon, lat, lon, lat] });
      continue;
    }
    group.ids.push(id);
    const b = group.bounds;
    group.bounds = [
      Math.min(b[0], lon),
      Math.min(b[1], lat),
      Math.max(b[2], lon),
      Math.max(b[3], lat),
    ];
  }
  const order: Direction[] = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];
  return order.flatMap((d) => (groups.has(d) ? [groups.get(d)!] : []));
}
