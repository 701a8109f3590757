/**
 * What the style needs to know about the basemap's vector tiles, apart from the code that cuts
 * them (`$lib/server/basemap/tiles.ts`, build time only), so that the browser bundle stays free
 * of it.
 */
import { project } from '$lib/geo/mercator';

/** The deepest tiled zoom. At z5 a tile unit is ~300 m: finer than 1:50m data (~1 km). */
export const TILE_MAXZOOM = 5;

/** The layers inside every tile. */
export const TILE_LAYER = {
  land: 'land',
  coast: 'coast',
  boundaries: 'boundaries',
  places: 'places',
} as const;

/** The tile URL template under the site's base path. */
export const TILE_PATH = 'basemap/{z}/{x}/{y}.pbf';

/** Web Mercator world coordinates in [0, 1], x east and y south. */
function mercator(lon: number, lat: number): [number, number] {
  const [x, y] = project([lon, lat], 0);
  return [x / 512, y / 512];
}

/**
 * The tiles a map of `width`×`height` CSS pixels loads first when it opens framed on `bounds`
 * ([west, south, east, north]) with `padding` on each side, as MapLibre frames it: the zoom that
 * fits the bounds, tiles of 512 px at that zoom rounded down (capped at the last level),
 * covering the whole view.
 *
 * @example
 * firstTiles([28, 12, 82, 57], 848, 708); // [{ z: 2, x: 2, y: 1 }, { z: 2, x: 3, y: 1 }]
 */
export function firstTiles(
  [west, south, east, north]: [number, number, number, number],
  width: number,
  height: number,
  padding = 40,
): { z: number; x: number; y: number }[] {
  const [x0, y0] = mercator(west, north);
  const [x1, y1] = mercator(east, south);
  const zoom = Math.log2(
    Math.min((width - 2 * padding) / (512 * (x1 - x0)), (height - 2 * padding) / (512 * (y1 - y0))),
  );
  const z = Math.max(0, Math.min(TILE_MAXZOOM, Math.floor(zoom)));
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const [hw, hh] = [width / (1024 * 2 ** zoom), height / (1024 * 2 ** zoom)];
  const n = 2 ** z;
  const clamp = (v: number) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let x = clamp(cx - hw); x <= clamp(cx + hw); x++) {
    for (let y = clamp(cy - hh); y <= clamp(cy + hh); y++) tiles.push({ z, x, y });
  }
  return tiles;
}
