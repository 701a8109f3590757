/**
 * What the site says about where its maps come from, in one set of words: the map's attribution,
 * the credit lines under a story, in the embed, on the closing slide and in images, and the
 * static maps' credit (which draw Natural Earth alone: no city or sea names).
 */

/** The vector tiles' own attribution: the sources of their place names. */
export const TILE_ATTRIBUTION = 'Cities: GeoNames · Seas: © OpenStreetMap contributors';

/** What the map's attribution control adds to the tiles' attribution. */
export const MAP_ATTRIBUTION = 'Basemap: Natural Earth · Events: see each event’s sources';

/** The live map's basemap, every source of it, as the attribution names them. */
export const BASEMAP_CREDIT =
  'Natural Earth (public domain); cities: GeoNames; seas: © OpenStreetMap contributors';

/** The static maps' basemap: Natural Earth's land and boundaries only. */
export const STATIC_MAP_CREDIT = 'Basemap: Natural Earth (public domain)';

/**
 * The credit an image carries, so that a copy pasted into a deck can be traced back to the page
 * it came from.
 */
export const imageCredit = (address: string): string =>
  `Basemap: ${BASEMAP_CREDIT} · Events and their sources: ${address}`;
