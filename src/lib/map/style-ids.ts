/**
 * The names of the map's sources, layers and global state: the only names other modules (and the
 * browser tests) may use to talk about the map's layers.
 */

export const SOURCE = {
  basemap: 'basemap',
  /** Points where several shown events stack: their count, kept up to date by StoryMap. */
  stacks: 'stacks',
  /** Named waypoints of the route being drawn (set by the map when a chapter draws a route). */
  drawWaypoints: 'draw-waypoints',
  /** Places a connection starts or ends at that are not events ("New Delhi"). */
  linkPlaces: 'link-places',
} as const;

/**
 * Layer ids. A story layer's style layers are `<kind>:<story layer id>` (`events:events`,
 * `route:pipeline`); `storyLayer(LAYER.events, 'events')` writes one.
 */
export const LAYER = {
  background: 'background',
  land: 'land',
  coast: 'coast',
  boundaryInternational: 'boundary-international',
  boundaryDeFacto: 'boundary-de-facto',
  seaLabels: 'sea-labels',
  cityLabels: 'city-labels',
  countryLabels: 'country-labels',
  territoryLabels: 'territory-labels',
  routeHighlight: 'route-highlight',
  routeCasing: 'route-casing',
  route: 'route',
  routeLabel: 'route-label',
  linksHighlight: 'links-highlight',
  links: 'links',
  eventsHighlight: 'events-highlight',
  events: 'events',
  eventLabels: 'event-labels',
  /** The labels of the selection and a chapter's focus: always drawn, over any other label. */
  focusLabels: 'focus-labels',
  linkPlaces: 'link-places',
  linkPlaceLabels: 'link-place-labels',
  stackBadge: 'stack-badge',
  stackCount: 'stack-count',
  /** `route-draw/<layer>`: the stretch of a route drawn so far (no colon: not a filtered layer). */
  routeDraw: 'route-draw',
  drawWaypoints: 'draw-waypoints',
  drawWaypointLabels: 'draw-waypoint-labels',
} as const;

/** The style layer that draws `kind` for a story layer. */
export const storyLayer = (kind: string, layer: string): string => `${kind}:${layer}`;

/**
 * The map's global state besides the filters (`FILTER_STATE`): the route being drawn
 * (`drawRoute`, a feature id), how far along it the line has got (`drawProgress`, MapLibre's
 * line-progress, 0–1), and the features whose labels must show (`labelled`: the selection and a
 * chapter's focus). A scroll frame changes two values and rebuilds no source.
 */
export const MAP_STATE = {
  drawRoute: 'drawRoute',
  drawProgress: 'drawProgress',
  labelled: 'labelled',
} as const;

/** The font MapLibre draws labels with; its files ship with the site (see `font-faces`). */
export const LABEL_FONT = 'Noto Sans Regular';

/** Its file under the site's root: cut at build time to the labels' characters (label-font.ts). */
export const LABEL_FONT_PATH = 'fonts/labels.woff2';
