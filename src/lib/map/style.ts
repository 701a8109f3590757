/**
 * The map's style: an offline basemap (vector tiles cut from Natural Earth at build time, served
 * by the site itself) and the story's layers, built by kind in `style-layers.ts` from the
 * symbology table. Pure data: no MapLibre import at run time, only its specification types.
 *
 * The style a map is created with is its final one: the filters (as global state), the toggles,
 * the stack badges and the places connections start from are in it, because anything set after
 * loading makes MapLibre process the sources again before the map is idle.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { DE_FACTO } from '$lib/basemap/disputed';
import { TILE_MAXZOOM, TILE_PATH } from '$lib/basemap/tile-format';
import { TILE_ATTRIBUTION } from '$lib/credits';
import { filterState, type Filters } from '$lib/story/filters';
import { MAP_PALETTE, type Theme } from '$lib/symbology/symbology';
import {
  basemapLayers,
  categoryColor,
  drawWaypointLayers,
  eventLayers,
  focusLabelLayers,
  linkLayers,
  linkPlaceLayers,
  routeLayers,
  stackLayers,
  type LayerContext,
} from './style-layers';
import { LABEL_FONT, LAYER, MAP_STATE, SOURCE } from './style-ids';

export { drawGradient } from './style-layers';
export * from './style-ids';

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

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface StoryStyleOptions {
  theme?: Theme;
  categories?: readonly { id: string; color: string }[];
  /** Marker, line and label sizes: 1 on screens, `ROOM_SCALE` on slides. */
  scale?: number;
  /** The filters the map opens with. */
  filters?: Pick<Filters, 'window' | 'hiddenCategories'>;
  /** Story layers (and `de-facto`) switched off. */
  hiddenLayers?: readonly string[];
  /** Stack badges: places where several shown events lie. */
  stacks?: FeatureCollection;
  /** Places connections start or end at that are not events. */
  linkPlaces?: FeatureCollection;
}

/** Builds the complete style for a story's layers, coloured by the story's categories. */
export function storyStyle(
  urls: StyleUrls,
  layers: StoryLayerSource[],
  options: StoryStyleOptions = {},
): StyleSpecification {
  const { theme = 'light', categories = [], scale = 1 } = options;
  const ctx: LayerContext = {
    palette: MAP_PALETTE[theme],
    byCategory: categoryColor(categories),
    scale,
  };
  const ofKind = (kind: StoryLayerSource['kind']) => layers.filter((l) => l.kind === kind);
  const events = ofKind('events').map((l) => l.id);
  const storyLayers: LayerSpecification[] = [
    ...ofKind('routes').flatMap((l) => routeLayers(l.id, l.title, ctx)),
    ...ofKind('links').flatMap((l) => linkLayers(l.id, ctx)),
    // Under the markers, so that a badge never hides a neighbouring event's pin.
    ...stackLayers(ctx),
    ...events.flatMap((id) => eventLayers(id, ctx)),
    ...linkPlaceLayers(ctx),
  ];
  const hidden = new Set(options.hiddenLayers ?? []);
  const visibility = (layer: LayerSpecification): LayerSpecification => {
    const owner = layer.id === LAYER.boundaryDeFacto ? DE_FACTO : storyLayerOf(layer, layers);
    if (!owner) return layer;
    const value = hidden.has(owner) ? 'none' : 'visible';
    return { ...layer, layout: { ...layer.layout, visibility: value } } as LayerSpecification;
  };
  const filters = options.filters ?? { window: ['0000-01-01', '9999-12-31'], hiddenCategories: [] };
  return {
    version: 8,
    state: Object.fromEntries(
      Object.entries({
        [MAP_STATE.drawRoute]: '',
        [MAP_STATE.drawProgress]: 0,
        [MAP_STATE.labelled]: [] as string[],
        ...filterState(filters),
      }).map(([key, value]) => [key, { default: value }]),
    ),
    // No glyph server: labels are drawn from the bundled font file.
    'font-faces': { [LABEL_FONT]: [{ url: urls.font }] },
    sources: storySources(urls, layers, options),
    layers: shareShaderVariants(
      (
        [
          {
            id: LAYER.background,
            type: 'background',
            paint: { 'background-color': ctx.palette.sea },
          },
          ...basemapLayers(ctx),
          ...storyLayers,
          ...drawWaypointLayers(ctx),
          // Last, so placed first: the selection's and the focus's labels always show.
          ...focusLabelLayers(events, ctx),
        ] as LayerSpecification[]
      ).map(visibility),
    ),
  };
}

function storySources(
  urls: StyleUrls,
  layers: StoryLayerSource[],
  options: StoryStyleOptions,
): StyleSpecification['sources'] {
  const sources: Record<string, SourceSpecification> = {
    // Past its last level the map overzooms the last tiles: 1:50m has nothing finer to show.
    [SOURCE.basemap]: {
      type: 'vector',
      tiles: [urls.tiles],
      maxzoom: TILE_MAXZOOM,
      attribution: TILE_ATTRIBUTION,
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
  sources[SOURCE.stacks] = { type: 'geojson', data: options.stacks ?? EMPTY };
  sources[SOURCE.drawWaypoints] = { type: 'geojson', data: EMPTY };
  sources[SOURCE.linkPlaces] = { type: 'geojson', data: options.linkPlaces ?? EMPTY };
  return sources;
}

/** The story layer a style layer draws (`<kind>:<story layer id>`), if any. */
function storyLayerOf(layer: LayerSpecification, layers: StoryLayerSource[]): string | undefined {
  return layers.find((l) => layer.id.endsWith(`:${l.id}`))?.id;
}

/** The style layers that draw a story layer (`<kind>:<story-layer-id>`). */
export function styleLayersOf(style: StyleSpecification, storyLayerId: string): string[] {
  return style.layers.filter((l) => l.id.endsWith(`:${storyLayerId}`)).map((l) => l.id);
}

/** The layers a click or hover hits: the visible marks, not their highlights or labels. */
export function hitLayerIds(style: StyleSpecification): string[] {
  return style.layers
    .filter((l) => l.id.startsWith(`${LAYER.route}:`) || /^(links|events):/.test(l.id))
    .map((l) => l.id);
}

/** The layers whose features a legend describes: the marks, the waypoints, the de facto lines. */
export function legendLayerIds(style: StyleSpecification): string[] {
  const extra: string[] = [LAYER.linkPlaces, LAYER.drawWaypoints, LAYER.boundaryDeFacto];
  return [
    ...hitLayerIds(style),
    ...style.layers.map((l) => l.id).filter((id) => extra.includes(id)),
  ];
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

/**
 * Paint properties that vary per feature in every layer of a type that has them: a dashed line
 * is another program than a solid one, and every dashed line shares it (the route's dash depends
 * on the feature: only indicative routes are dashed).
 */
const SHARED_WHERE_PRESENT: Partial<Record<LayerSpecification['type'], string[]>> = {
  line: ['line-dasharray'],
};

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
    const present = (SHARED_WHERE_PRESENT[layer.type] ?? []).filter((p) => p in paint);
    const vary = { ...shared, ...Object.fromEntries(present.map((p) => [p, paint[p]])) };
    for (const [property, fallback] of Object.entries(vary)) {
      const raw = paint[property] ?? fallback;
      // A constant array (a dash) is a literal inside an expression.
      const value = Array.isArray(raw) && typeof raw[0] === 'number' ? ['literal', raw] : raw;
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
