/**
 * Web Mercator as the map draws it: 512-pixel tiles, so the world is `512 · 2^zoom` pixels wide.
 * Pure arithmetic for the camera's framing, the static maps' scale bars and the tile preloads.
 */

/** The world's width in pixels at a zoom. */
export const worldPx = (zoom: number): number => 512 * 2 ** zoom;

/** The Earth's mean radius in metres, as Turf and d3-geo use it. */
export const EARTH_RADIUS_M = 6_371_008.8;

const MAX_LAT = 85.0511;

/**
 * A position as world pixels at a zoom, x east and y south from the top left corner.
 *
 * @example
 * project([0, 0], 0) // [256, 256]
 */
export function project([lon, lat]: readonly [number, number], zoom: number): [number, number] {
  const size = worldPx(zoom);
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const y = 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
  return [((lon + 180) / 360) * size, y * size];
}

/** World pixels at a zoom back to a position. */
export function unproject([x, y]: readonly [number, number], zoom: number): [number, number] {
  const size = worldPx(zoom);
  const lat = (360 / Math.PI) * Math.atan(Math.exp((0.5 - y / size) * 2 * Math.PI)) - 90;
  return [(x / size) * 360 - 180, lat];
}

/**
 * Ground metres per CSS pixel at a latitude and zoom: what a scale bar needs. d3-geo's Mercator
 * with scale `k` (pixels per radian) is the same map at zoom `log2(2πk / 512)`.
 *
 * @example
 * Math.round(metresPerPixel(0, 0)) // 78272: the equator, 40,075 km over 512 px
 */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (2 * Math.PI * EARTH_RADIUS_M * Math.cos((latitude * Math.PI) / 180)) / worldPx(zoom);
}

/** The zoom of a d3-geo Mercator projection with scale `k` (pixels per radian). */
export const zoomOfScale = (k: number): number => Math.log2((2 * Math.PI * k) / 512);
