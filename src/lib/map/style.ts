/**
 * The map's style: an offline basemap (vector tiles cut from Natural Earth at build time, served
 * by the site itself) and the story's layers. Pure data: no MapLibre import at run time, only its
 * specification types.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_ATTRIBUTION, TILE_LAYER, TILE_MAXZOOM, TILE_PATH } from '$lib/basemap/tile-format';

/** Source and layer ids: the only names other modules may use to talk about map layers. */
export const SOURCE = {
  basemap: 'basemap',
  /** Points where several shown events stack: their count, kept up to date by StoryMap. */
  stacks: 'stacks',
  /** Named waypoints of the route being drawn (set by the map when a chapter draws a route). */
  drawWaypoints: 'draw-waypoints',
} as const;

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
  stackBadge: 'stack-badge',
  stackCount: 'stack-count',
  /** `route-draw/<layer>`: the stretch of a route drawn so far (no colon: not a filtered layer). */
  routeDraw: 'route-draw',
  drawWaypoints: 'draw-waypoints',
  drawWaypointLabels: 'draw-waypoint-labels',
} as const;

/**
 * Drawing a route along the scroll: the route being drawn (`DRAW_STATE.route`, a feature id) and
 * how far along it the line has got (`DRAW_STATE.progress`, MapLibre's line-progress, 0–1) are
 * global state, so that a scroll frame changes two values and rebuilds no source.
 */
export const DRAW_STATE = { route: 'drawRoute', progress: 'drawProgress' } as const;

const drawingThis: ExpressionSpecification = [
  '==',
  ['get', 'id'],
  ['global-state', DRAW_STATE.route],
];

/** The `line-gradient` of a route drawn up to `progress`: `color` before it, nothing after. */
export function drawGradient(progress: number, color: string): ExpressionSpecification {
  if (progress <= 0) return ['step', ['line-progress'], 'rgba(0, 0, 0, 0)', 0, 'rgba(0, 0, 0, 0)'];
  if (progress >= 1) return ['step', ['line-progress'], color, 1, color];
  return ['step', ['line-progress'], color, progress, 'rgba(0, 0, 0, 0)'];
}

/** The toggle id that switches the basemap's de facto lines, beside the story layers' ids. */
export const DE_FACTO_TOGGLE = 'de-facto';

/** The font MapLibre draws labels with; its files ship with the site (see `font-faces`). */
export const LABEL_FONT = 'Noto Sans Regular';

/** Its file under the site's root: cut at build time to the labels' characters (label-font.ts). */
export const LABEL_FONT_PATH = 'fonts/labels.woff2';

export interface Palette {
  sea: string;
  land: string;
  coast: string;
  border: string;
  /** Country names. */
  label: string;
  territory: string;
  /** Sea and ocean names. */
  seaLabel: string;
  /** City names. */
  city: string;
  /** Event and route labels. */
  text: string;
  /** Casing under routes, halo around labels, fill of hollow markers. */
  halo: string;
  link: string;
}

/** The map follows the page's light or dark theme (`prefers-color-scheme`). */
export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    sea: '#dce8ef',
    land: '#f6f3ec',
    coast: '#9fb6c6',
    border: '#8d8d8d',
    label: '#55514a',
    territory: '#7a5c3a',
    seaLabel: '#5d7f96',
    city: '#6b665e',
    text: '#222222',
    halo: '#ffffff',
    link: '#5b3fb8',
  },
  dark: {
    sea: '#15212b',
    land: '#2a2c30',
    coast: '#4a6374',
    border: '#8f949c',
    label: '#c8c3ba',
    territory: '#dcbc8e',
    seaLabel: '#7f9bb0',
    city: '#a9a49b',
    text: '#f2f2f2',
    halo: '#17181a',
    link: '#a391f2',
  },
};

/** The light palette, for legends drawn outside the map. */
export const THEME = PALETTES.light;

/** Paints each feature in its category's colour, from the story's own categories. */
function categoryColor(
  categories: readonly { id: string; color: string }[],
): ExpressionSpecification {
  // Every feature's category is declared (the validator checks), so the fallback never shows.
  if (!categories.length) return ['literal', '#555555'] as unknown as ExpressionSpecification;
  return [
    'match',
    ['get', 'category'],
    ...categories.flatMap((c) => [c.id, c.color]),
    '#555555',
  ] as unknown as ExpressionSpecification;
}

/** The highlight colour for the hovered and the selected feature. */
export const HIGHLIGHT = '#ffc400';

/** `selected` where the feature is selected, `hover` where hovered, else `rest`. */
function byState<T>(selected: T, hover: T, rest: T): ExpressionSpecification {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    selected,
    ['boolean', ['feature-state', 'hover'], false],
    hover,
    rest,
  ] as ExpressionSpecification;
}

/** Approximate and placeholder points are drawn hollow: the pin is not the venue. */
const isExactPoint: ExpressionSpecification = [
  'in',
  ['get', 'location_precision'],
  ['literal', ['venue', 'city']],
];

/** The basemap's tile URL template under the site's root URL (which ends with a slash). */
export const basemapTilesUrl = (siteRoot: string): string => siteRoot + TILE_PATH;

export interface StyleUrls {
  /** Absolute URL template of the basemap's vector tiles, with `{z}`, `{x}` and `{y}`. */
  tiles: string;
  /** Absolute URL of the bundled label font (woff2). */
  font: string;
}

export interface StoryLayerSource {
  id: string;
  kind: 'events' | 'routes' | 'links';
  url: string;
  /** The layer's title in story.json: a routes layer's lines are labelled with it. */
  title?: string;
}

/** Waypoints of the drawn route show once the line has reached them. */
const reached: ExpressionSpecification = [
  'case',
  ['<=', ['get', 'progress'], ['global-state', DRAW_STATE.progress]],
  1,
  0,
];

/** Builds the complete style for a story's layers, coloured by the story's categories. */
export function storyStyle(
  urls: StyleUrls,
  layers: StoryLayerSource[],
  THEME: Palette = PALETTES.light,
  categories: readonly { id: string; color: string }[] = [],
): StyleSpecification {
  const byCategory = categoryColor(categories);
  const sources: StyleSpecification['sources'] = {
    // Past its last level the map overzooms the last tiles: 1:50m has nothing finer to show.
    [SOURCE.basemap]: {
      type: 'vector',
      tiles: [urls.tiles],
      maxzoom: TILE_MAXZOOM,
      attribution: BASEMAP_ATTRIBUTION,
    },
  };
  for (const layer of layers) {
    sources[layer.id] = { type: 'geojson', data: layer.url, promoteId: 'id' };
    // Routes once more, with line metrics: line-gradient draws them part-way.
    if (layer.kind === 'routes') {
      sources[`${LAYER.routeDraw}/${layer.id}`] = {
        type: 'geojson',
        data: layer.url,
        lineMetrics: true,
      };
    }
  }
  sources[SOURCE.stacks] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  sources[SOURCE.drawWaypoints] = {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
  };

  const storyLayers: LayerSpecification[] = [];
  const ofKind = (kind: StoryLayerSource['kind']) => layers.filter((l) => l.kind === kind);
  for (const { id, title } of ofKind('routes')) {
    storyLayers.push(
      {
        id: `${LAYER.routeHighlight}:${id}`,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': HIGHLIGHT,
          'line-width': 16,
          // While a chapter draws this route, the drawn line is its highlight.
          'line-opacity': ['case', drawingThis, 0, byState(0.7, 0.4, 0)],
        },
      },
      {
        id: `${LAYER.routeCasing}:${id}`,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': THEME.halo,
          'line-width': 7,
          'line-opacity': ['case', drawingThis, 0.3, 0.9],
        },
      },
      {
        id: `${LAYER.route}:${id}`,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'butt', 'line-join': 'round' },
        paint: {
          'line-color': byCategory,
          'line-width': byState(6, 5, 4),
          // Indicative routes are dashed: they join published waypoints, not a survey.
          'line-dasharray': [2, 1.2],
          // While it is being drawn, the whole route stays faintly in view ahead of the line.
          'line-opacity': ['case', drawingThis, 0.25, 1],
        },
      },
      {
        id: `${LAYER.routeDraw}/${id}`,
        type: 'line',
        source: `${LAYER.routeDraw}/${id}`,
        filter: drawingThis,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-width': 6,
          // The colour is the drawn route's own, set with the progress (StoryMap).
          'line-color': THEME.text,
          'line-gradient': drawGradient(1, THEME.text),
        },
      },
      {
        id: `${LAYER.routeLabel}:${id}`,
        type: 'symbol',
        source: id,
        layout: {
          'symbol-placement': 'line',
          // The story names its routes: the layer's title, else each route's own.
          'text-field': title ?? ['get', 'title'],
          'text-font': [LABEL_FONT],
          'text-size': 12,
          'symbol-spacing': 400,
          'text-offset': [0, -1],
        },
        paint: { 'text-color': THEME.text, 'text-halo-color': THEME.halo, 'text-halo-width': 1.5 },
      },
    );
  }
  for (const { id } of ofKind('links')) {
    storyLayers.push(
      {
        id: `${LAYER.linksHighlight}:${id}`,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': HIGHLIGHT, 'line-width': 12, 'line-opacity': byState(0.7, 0.4, 0) },
      },
      {
        id: `${LAYER.links}:${id}`,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': THEME.link,
          'line-width': byState(4, 3, 2),
          'line-opacity': byState(1, 0.9, 0.75),
        },
      },
    );
  }
  // Several events at one place draw as one marker: a badge says how many are there. It goes
  // under the markers, so that it never hides a neighbouring event's pin.
  storyLayers.push(
    {
      id: LAYER.stackBadge,
      type: 'circle',
      source: SOURCE.stacks,
      paint: {
        'circle-radius': 7.5,
        'circle-color': THEME.text,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1.5,
        'circle-translate': [8, -8],
      },
    },
    {
      id: LAYER.stackCount,
      type: 'symbol',
      source: SOURCE.stacks,
      layout: {
        'text-field': ['to-string', ['get', 'count']],
        'text-font': [LABEL_FONT],
        'text-size': 10.5,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': THEME.halo, 'text-translate': [8, -8] },
    },
  );

  for (const { id } of ofKind('events')) {
    storyLayers.push(
      {
        id: `${LAYER.eventsHighlight}:${id}`,
        type: 'circle',
        source: id,
        paint: {
          'circle-radius': 16,
          'circle-color': HIGHLIGHT,
          'circle-opacity': byState(0.75, 0.45, 0),
          'circle-blur': 0.15,
        },
      },
      {
        id: `${LAYER.events}:${id}`,
        type: 'circle',
        source: id,
        paint: {
          'circle-radius': byState(9, 8, 6.5),
          'circle-color': ['case', isExactPoint, byCategory, '#ffffff'],
          'circle-stroke-color': ['case', isExactPoint, '#ffffff', byCategory],
          'circle-stroke-width': ['case', isExactPoint, 1.5, 2.5],
        },
      },
      {
        id: `${LAYER.eventLabels}:${id}`,
        type: 'symbol',
        source: id,
        layout: {
          'text-field': ['get', 'place_label'],
          'text-font': [LABEL_FONT],
          'text-size': 12.5,
          'text-anchor': 'left',
          'text-offset': [0.9, 0],
          'text-optional': true,
        },
        paint: { 'text-color': THEME.text, 'text-halo-color': THEME.halo, 'text-halo-width': 1.6 },
      },
    );
  }

  return {
    version: 8,
    state: { [DRAW_STATE.route]: { default: '' }, [DRAW_STATE.progress]: { default: 0 } },
    // No glyph server: labels are drawn from the bundled font file.
    'font-faces': { [LABEL_FONT]: [{ url: urls.font }] },
    sources,
    layers: shareShaderVariants([
      { id: LAYER.background, type: 'background', paint: { 'background-color': THEME.sea } },
      ...basemapLayers(THEME),
      ...storyLayers,
      {
        id: LAYER.drawWaypoints,
        type: 'circle',
        source: SOURCE.drawWaypoints,
        paint: {
          'circle-radius': 4,
          'circle-color': THEME.halo,
          'circle-stroke-color': THEME.text,
          'circle-stroke-width': 1.5,
          'circle-opacity': reached,
          'circle-stroke-opacity': reached,
        },
      },
      {
        id: LAYER.drawWaypointLabels,
        type: 'symbol',
        source: SOURCE.drawWaypoints,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': 12,
          'text-anchor': 'right',
          'text-offset': [-0.8, 0],
          'text-allow-overlap': true,
        },
        paint: {
          'text-color': THEME.text,
          'text-halo-color': THEME.halo,
          'text-halo-width': 1.6,
          'text-opacity': reached,
        },
      },
    ]),
  };
}

/**
 * The paint properties that vary per feature in every layer of a type.
 *
 * MapLibre compiles one shader program for each combination of paint properties that vary per
 * feature (drawn from vertex data) and those that do not (one value per layer). Before the first
 * frame it compiles every combination the view draws, on the main thread and, in software WebGL,
 * at about 60 ms each: the style's 13 combinations took longer than everything else the map does
 * before its first idle. When every layer of a type varies the same properties, the lines share
 * one program (and the dashed lines one more), the circles one and the labels one.
 */
export const SHARED_VARYING = {
  line: { 'line-color': '#000000', 'line-opacity': 1, 'line-width': 1 },
  circle: {
    'circle-color': '#000000',
    'circle-opacity': 1,
    'circle-radius': 5,
    'circle-stroke-color': '#000000',
    'circle-stroke-opacity': 1,
    'circle-stroke-width': 0,
  },
  symbol: { 'text-opacity': 1 },
} as const satisfies Partial<Record<LayerSpecification['type'], Record<string, unknown>>>;

/** A feature property no feature has: testing for it makes a value vary per feature. */
const NO_SUCH_PROPERTY = 'shared-shader-variant';

/** Expressions that read the feature make a paint property vary per feature. */
const readsFeature = (value: unknown): boolean =>
  Array.isArray(value) &&
  (['get', 'has', 'feature-state', 'properties', 'id', 'geometry-type'].includes(value[0]) ||
    value.some(readsFeature));

/**
 * Makes every layer vary the properties `SHARED_VARYING` lists, with the same values: a property
 * that is one value for the whole layer becomes `case has <no such property>` of that value.
 */
export function shareShaderVariants(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) => {
    const shared = (SHARED_VARYING as Record<string, Record<string, unknown>>)[layer.type];
    if (!shared) return layer;
    const paint: Record<string, unknown> = { ...(layer as { paint?: object }).paint };
    for (const [property, fallback] of Object.entries(shared)) {
      const value = paint[property] ?? fallback;
      if (readsFeature(value)) continue;
      if (Array.isArray(value) && value[0] !== 'literal') {
        throw new Error(
          `style layer ${layer.id}: ${property} is an expression of the zoom or the map, which ` +
            'cannot vary per feature as the shared shader variant needs; use data, or a constant',
        );
      }
      paint[property] = ['case', ['has', NO_SUCH_PROPERTY], value, value];
    }
    return { ...layer, paint } as LayerSpecification;
  });
}

/** Places of one kind, from the zoom each is chosen for (`min_zoom`, set at build time). */
function placesOf(kind: string): ExpressionSpecification {
  return ['all', ['==', ['get', 'kind'], kind], ['>=', ['zoom'], ['get', 'min_zoom']]];
}

/** The basemap's layers, drawn from the vector tiles (`src/lib/basemap/tiles.ts`). */
function basemapLayers(THEME: Palette): LayerSpecification[] {
  const tiles = { source: SOURCE.basemap } as const;
  return [
    {
      id: LAYER.land,
      type: 'fill',
      ...tiles,
      'source-layer': TILE_LAYER.land,
      // The coast layer strokes the edge: no antialiasing pass (one shader program fewer to
      // compile before the first frame).
      paint: { 'fill-color': THEME.land, 'fill-antialias': false },
    },
    {
      id: LAYER.coast,
      type: 'line',
      ...tiles,
      'source-layer': TILE_LAYER.coast,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': THEME.coast, 'line-width': 0.8 },
    },
    {
      id: LAYER.boundaryInternational,
      type: 'line',
      ...tiles,
      'source-layer': TILE_LAYER.boundaries,
      filter: ['==', ['get', 'kind'], 'international'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': THEME.border, 'line-width': 0.9 },
    },
    {
      id: LAYER.boundaryDeFacto,
      type: 'line',
      ...tiles,
      'source-layer': TILE_LAYER.boundaries,
      filter: ['==', ['get', 'kind'], 'de-facto'],
      paint: { 'line-color': THEME.border, 'line-width': 1.3, 'line-dasharray': [2.5, 2] },
    },
    {
      id: LAYER.seaLabels,
      type: 'symbol',
      ...tiles,
      'source-layer': TILE_LAYER.places,
      filter: placesOf('sea'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 13],
        'text-letter-spacing': 0.12,
        'text-max-width': 6,
      },
      paint: { 'text-color': THEME.seaLabel, 'text-halo-color': THEME.sea, 'text-halo-width': 1 },
    },
    {
      id: LAYER.cityLabels,
      type: 'symbol',
      ...tiles,
      'source-layer': TILE_LAYER.places,
      filter: placesOf('city'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 10.5, 8, 13],
        'text-max-width': 8,
        // The most populous city wins where two labels collide.
        'symbol-sort-key': ['-', ['get', 'rank']],
      },
      paint: { 'text-color': THEME.city, 'text-halo-color': THEME.land, 'text-halo-width': 1.2 },
    },
    {
      id: LAYER.countryLabels,
      type: 'symbol',
      ...tiles,
      'source-layer': TILE_LAYER.places,
      filter: ['==', ['get', 'kind'], 'country'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 14],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-max-width': 8,
        'symbol-sort-key': ['-', ['get', 'rank']],
      },
      paint: { 'text-color': THEME.label, 'text-halo-color': THEME.land, 'text-halo-width': 1.2 },
    },
    {
      id: LAYER.territoryLabels,
      type: 'symbol',
      ...tiles,
      'source-layer': TILE_LAYER.places,
      filter: ['==', ['get', 'kind'], 'territory'],
      minzoom: 3.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': 11,
        'text-max-width': 9,
      },
      paint: {
        'text-color': THEME.territory,
        'text-halo-color': THEME.land,
        'text-halo-width': 1.2,
      },
    },
  ];
}

/**
 * The style with the story's filters and toggles already in place, so that the map's first load
 * draws them: a filter set after loading makes MapLibre reload the layer's source.
 */
export function withStoryFilters(
  style: StyleSpecification,
  storyLayerIds: readonly string[],
  filter: FilterSpecification,
  hiddenLayers: readonly string[],
): StyleSpecification {
  const layers = style.layers.map((layer) => {
    if (layer.id === LAYER.boundaryDeFacto) {
      const visibility = hiddenLayers.includes(DE_FACTO_TOGGLE) ? 'none' : 'visible';
      return { ...layer, layout: { ...layer.layout, visibility } } as LayerSpecification;
    }
    const owner = storyLayerIds.find((id) => layer.id.endsWith(`:${id}`));
    if (!owner || layer.type === 'background') return layer;
    const visibility = hiddenLayers.includes(owner) ? 'none' : 'visible';
    return { ...layer, filter, layout: { ...layer.layout, visibility } } as LayerSpecification;
  });
  return { ...style, layers };
}

/**
 * The style with the stack badges already in its source: data set after loading makes MapLibre
 * process the source again before the map is idle.
 */
export function withStacks(
  style: StyleSpecification,
  stacks: FeatureCollection,
): StyleSpecification {
  return {
    ...style,
    sources: { ...style.sources, [SOURCE.stacks]: { type: 'geojson', data: stacks } },
  };
}

/** The style layers that draw a story layer (`<kind>:<story-layer-id>`). */
export function styleLayersOf(style: StyleSpecification, storyLayerId: string): string[] {
  return style.layers.filter((l) => l.id.endsWith(`:${storyLayerId}`)).map((l) => l.id);
}

/** The layers a click or hover hits: the visible marks, not their highlights or labels. */
export function hitLayerIds(style: StyleSpecification): string[] {
  return style.layers.filter((l) => /^(route|links|events):/.test(l.id)).map((l) => l.id);
}
