/**
 * The map's style: an offline basemap (Natural Earth, served by the site itself) and the story's
 * layers. Pure data: no MapLibre import at run time, only its specification types.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** Source and layer ids: the only names other modules may use to talk about map layers. */
export const SOURCE = {
  land: 'land',
  boundaries: 'boundaries',
  labels: 'labels',
} as const;

export const LAYER = {
  background: 'background',
  land: 'land',
  coast: 'coast',
  boundaryInternational: 'boundary-international',
  boundaryDeFacto: 'boundary-de-facto',
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
} as const;

/** The toggle id that switches the basemap's de facto lines, beside the story layers' ids. */
export const DE_FACTO_TOGGLE = 'de-facto';

/** The font MapLibre draws labels with; its files ship with the site (see `font-faces`). */
export const LABEL_FONT = 'Noto Sans Regular';

export interface Palette {
  sea: string;
  land: string;
  coast: string;
  border: string;
  /** Country names. */
  label: string;
  territory: string;
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

/**
 * The filter for a story layer: features whose period overlaps the date window and, for events,
 * whose category is switched on. Evaluated by MapLibre, so filtering never rebuilds a source.
 */
export function storyFilter(
  kind: StoryLayerSource['kind'],
  window: [string, string],
  hiddenCategories: readonly string[],
): ExpressionSpecification {
  const inWindow: ExpressionSpecification[] = [
    ['>=', ['get', 'period_end'], window[0]],
    ['<=', ['get', 'period_start'], window[1]],
  ];
  if (kind === 'events' && hiddenCategories.length) {
    inWindow.push(['!', ['in', ['get', 'category'], ['literal', [...hiddenCategories]]]]);
  }
  return ['all', ...inWindow];
}

/** Approximate and placeholder points are drawn hollow: the pin is not the venue. */
const isExactPoint: ExpressionSpecification = [
  'in',
  ['get', 'location_precision'],
  ['literal', ['venue', 'city']],
];

export interface StyleUrls {
  /** Absolute URL of a basemap layer's GeoJSON. */
  basemap: (layer: keyof typeof SOURCE) => string;
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

/** Builds the complete style for a story's layers, coloured by the story's categories. */
export function storyStyle(
  urls: StyleUrls,
  layers: StoryLayerSource[],
  THEME: Palette = PALETTES.light,
  categories: readonly { id: string; color: string }[] = [],
): StyleSpecification {
  const byCategory = categoryColor(categories);
  const sources: StyleSpecification['sources'] = {
    [SOURCE.land]: { type: 'geojson', data: urls.basemap('land'), attribution: 'Natural Earth' },
    [SOURCE.boundaries]: { type: 'geojson', data: urls.basemap('boundaries') },
    [SOURCE.labels]: { type: 'geojson', data: urls.basemap('labels') },
  };
  for (const layer of layers) {
    sources[layer.id] = { type: 'geojson', data: layer.url, promoteId: 'id' };
  }

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
          'line-opacity': byState(0.7, 0.4, 0),
        },
      },
      {
        id: `${LAYER.routeCasing}:${id}`,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': THEME.halo, 'line-width': 7, 'line-opacity': 0.9 },
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
    // No glyph server: labels are drawn from the bundled font file.
    'font-faces': { [LABEL_FONT]: [{ url: urls.font }] },
    sources,
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': THEME.sea } },
      { id: LAYER.land, type: 'fill', source: SOURCE.land, paint: { 'fill-color': THEME.land } },
      {
        id: LAYER.coast,
        type: 'line',
        source: SOURCE.land,
        paint: { 'line-color': THEME.coast, 'line-width': 0.8 },
      },
      {
        id: LAYER.boundaryInternational,
        type: 'line',
        source: SOURCE.boundaries,
        filter: ['==', ['get', 'kind'], 'international'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': THEME.border, 'line-width': 0.9 },
      },
      {
        id: LAYER.boundaryDeFacto,
        type: 'line',
        source: SOURCE.boundaries,
        filter: ['==', ['get', 'kind'], 'de-facto'],
        paint: { 'line-color': THEME.border, 'line-width': 1.3, 'line-dasharray': [2.5, 2] },
      },
      {
        id: LAYER.countryLabels,
        type: 'symbol',
        source: SOURCE.labels,
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
        source: SOURCE.labels,
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
      ...storyLayers,
    ],
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
