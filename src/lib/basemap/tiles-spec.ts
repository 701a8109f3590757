/**
 * What the style needs to know about the basemap's vector tiles, apart from the code that cuts
 * them (`tiles.ts`, build time only), so that the browser bundle stays free of it.
 */

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

/** Credits for the basemap's sources, shown in the map's attribution. */
export const BASEMAP_ATTRIBUTION =
  'Natural Earth · Cities: GeoNames · Seas: © OpenStreetMap contributors';
