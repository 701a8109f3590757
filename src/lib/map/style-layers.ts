/**
 * The map's layers, one builder per kind of thing drawn, every size and colour read from the
 * symbology table. Pure data: no MapLibre import at run time, only its specification types.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { DE_FACTO } from '$lib/basemap/disputed';
import { TILE_LAYER } from '$lib/basemap/tile-format';
import { shownFilter } from '$lib/story/filters';
import {
  HIGHLIGHT,
  HOLLOW_PRECISIONS,
  SYMBOL,
  type MapPalette,
  type Sized,
} from '$lib/symbology/symbology';
import { LABEL_FONT, LAYER, MAP_STATE, SOURCE, storyLayer } from './style-ids';

/** What every builder needs: the theme's colours, the category colours, and the size scale. */
export interface LayerContext {
  palette: MapPalette;
  byCategory: ExpressionSpecification;
  /** 1 on screens; larger for a room (the slides). */
  scale: number;
}

/** Paints each feature in its category's colour, from the story's own categories. */
export function categoryColor(
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

/** `selected` where the feature is selected (or in focus), `hover` where hovered, else `rest`. */
function byState<T>({ selected, hover, rest }: { selected: T; hover: T; rest: T }) {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    selected,
    ['boolean', ['feature-state', 'hover'], false],
    hover,
    rest,
  ] as ExpressionSpecification;
}

const scaled = (sizes: Sized, scale: number): Sized => ({
  rest: sizes.rest * scale,
  hover: sizes.hover * scale,
  selected: sizes.selected * scale,
});

const shown = (...own: ExpressionSpecification[]): FilterSpecification =>
  (own.length ? ['all', shownFilter(), ...own] : shownFilter()) as FilterSpecification;

const labelled: ExpressionSpecification = [
  'in',
  ['get', 'id'],
  ['global-state', MAP_STATE.labelled],
];

const drawingThis: ExpressionSpecification = [
  '==',
  ['get', 'id'],
  ['global-state', MAP_STATE.drawRoute],
];

/** The `line-gradient` of a route drawn up to `progress`: `color` before it, nothing after. */
export function drawGradient(progress: number, color: string): ExpressionSpecification {
  if (progress <= 0) return ['step', ['line-progress'], 'rgba(0, 0, 0, 0)', 0, 'rgba(0, 0, 0, 0)'];
  if (progress >= 1) return ['step', ['line-progress'], color, 1, color];
  return ['step', ['line-progress'], color, progress, 'rgba(0, 0, 0, 0)'];
}

/** A route layer's lines: highlight, casing, the line (dashed where indicative), drawn stretch, label. */
export function routeLayers(
  id: string,
  title: string | undefined,
  { palette, byCategory, scale }: LayerContext,
): LayerSpecification[] {
  const r = SYMBOL.route;
  const round = { 'line-cap': 'round', 'line-join': 'round' } as const;
  return [
    {
      id: storyLayer(LAYER.routeHighlight, id),
      type: 'line',
      source: id,
      filter: shown(),
      layout: round,
      paint: {
        'line-color': HIGHLIGHT,
        'line-width': r.halo.width * scale,
        // While a chapter draws this route, the drawn line is its highlight.
        'line-opacity': ['case', drawingThis, 0, byState(r.halo.opacity)],
      },
    },
    {
      id: storyLayer(LAYER.routeCasing, id),
      type: 'line',
      source: id,
      filter: shown(),
      layout: round,
      paint: {
        'line-color': palette.halo,
        'line-width': r.casing * scale,
        'line-opacity': ['case', drawingThis, 0.3, 0.9],
      },
    },
    {
      id: storyLayer(LAYER.route, id),
      type: 'line',
      source: id,
      filter: shown(),
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: {
        'line-color': byCategory,
        'line-width': byState(scaled(r.width, scale)),
        // Dashed only where the route is indicative (it joins published waypoints); a zero gap
        // draws the others solid.
        'line-dasharray': [
          'case',
          ['==', ['get', 'indicative'], true],
          ['literal', [...r.dash]],
          ['literal', [1, 0]],
        ],
        // While it is being drawn, the whole route stays faintly in view ahead of the line.
        'line-opacity': ['case', drawingThis, 0.25, 1],
      },
    },
    {
      id: `${LAYER.routeDraw}/${id}`,
      type: 'line',
      source: `${LAYER.routeDraw}/${id}`,
      filter: drawingThis,
      layout: round,
      paint: {
        'line-width': r.drawn * scale,
        // The colour is the drawn route's own, set with the progress (StoryMap).
        'line-color': palette.text,
        'line-gradient': drawGradient(1, palette.text),
      },
    },
    routeLabelLayer(id, title, palette, scale),
  ];
}

/** The route's name along its line: the layer's title, else each route's own. */
function routeLabelLayer(
  id: string,
  title: string | undefined,
  palette: MapPalette,
  scale: number,
): LayerSpecification {
  return {
    id: storyLayer(LAYER.routeLabel, id),
    type: 'symbol',
    source: id,
    filter: shown(),
    layout: {
      'symbol-placement': 'line',
      // The story names its routes: the layer's title, else each route's own.
      'text-field': title ?? ['get', 'title'],
      'text-font': [LABEL_FONT],
      'text-size': SYMBOL.label.route * scale,
      'symbol-spacing': 400,
      'text-offset': [0, -1],
    },
    paint: {
      'text-color': palette.text,
      'text-halo-color': palette.halo,
      'text-halo-width': 1.5,
    },
  };
}

/** A link layer's arcs and their highlight. */
export function linkLayers(id: string, { palette, scale }: LayerContext): LayerSpecification[] {
  const l = SYMBOL.link;
  return [
    {
      id: storyLayer(LAYER.linksHighlight, id),
      type: 'line',
      source: id,
      filter: shown(),
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': HIGHLIGHT,
        'line-width': l.halo.width * scale,
        'line-opacity': byState(l.halo.opacity),
      },
    },
    {
      id: storyLayer(LAYER.links, id),
      type: 'line',
      source: id,
      filter: shown(),
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': palette.link,
        'line-width': byState(scaled(l.width, scale)),
        'line-opacity': byState(l.opacity),
      },
    },
  ];
}

/** An events layer: highlight halos, markers (hollow where approximate) and labels. */
export function eventLayers(
  id: string,
  { palette, byCategory, scale }: LayerContext,
): LayerSpecification[] {
  const e = SYMBOL.event;
  const hollow: ExpressionSpecification = [
    'in',
    ['get', 'location_precision'],
    ['literal', [...HOLLOW_PRECISIONS]],
  ];
  return [
    {
      id: storyLayer(LAYER.eventsHighlight, id),
      type: 'circle',
      source: id,
      filter: shown(),
      paint: {
        'circle-radius': e.halo.radius * scale,
        'circle-color': HIGHLIGHT,
        'circle-opacity': byState(e.halo.opacity),
        'circle-blur': 0.15,
      },
    },
    {
      id: storyLayer(LAYER.events, id),
      type: 'circle',
      source: id,
      filter: shown(),
      paint: {
        'circle-radius': byState(scaled(e.radius, scale)),
        'circle-color': ['case', hollow, e.ring, byCategory],
        'circle-stroke-color': ['case', hollow, byCategory, e.ring],
        'circle-stroke-width': ['case', hollow, e.hollowWidth * scale, e.ringWidth * scale],
      },
    },
    eventLabelLayer(storyLayer(LAYER.eventLabels, id), id, ['!', labelled], palette, scale),
  ];
}

function eventLabelLayer(
  id: string,
  source: string,
  which: ExpressionSpecification,
  palette: MapPalette,
  scale: number,
  always = false,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    filter: shown(which),
    layout: {
      'text-field': ['get', 'place_label'],
      'text-font': [LABEL_FONT],
      'text-size': SYMBOL.label.event * scale,
      'text-anchor': 'left',
      'text-offset': [0.9, 0],
      'text-optional': !always,
      // The selection's and the focus's labels show whatever else is near them.
      ...(always ? { 'text-allow-overlap': true } : {}),
    },
    paint: {
      'text-color': palette.text,
      'text-halo-color': palette.halo,
      'text-halo-width': SYMBOL.label.halo,
    },
  };
}

/**
 * The labels of the selection and the chapter's focus, one layer per events layer and one for
 * the places connections start from: above every other label, so placed first, and never hidden.
 */
export function focusLabelLayers(
  eventSources: string[],
  { palette, scale }: LayerContext,
): LayerSpecification[] {
  return eventSources.map((source) =>
    eventLabelLayer(storyLayer(LAYER.focusLabels, source), source, labelled, palette, scale, true),
  );
}

/** Places a connection starts or ends at that are no event: a small dark dot and its name. */
export function linkPlaceLayers({ palette, scale }: LayerContext): LayerSpecification[] {
  const p = SYMBOL.linkPlace;
  return [
    {
      id: LAYER.linkPlaces,
      type: 'circle',
      source: SOURCE.linkPlaces,
      filter: shown(),
      paint: {
        'circle-radius': p.radius * scale,
        'circle-color': palette.text,
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': p.ringWidth * scale,
      },
    },
    {
      id: LAYER.linkPlaceLabels,
      type: 'symbol',
      source: SOURCE.linkPlaces,
      filter: shown(),
      layout: {
        'text-field': ['get', 'place_label'],
        'text-font': [LABEL_FONT],
        'text-size': SYMBOL.label.event * scale,
        'text-anchor': 'left',
        'text-offset': [0.8, 0],
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': palette.text,
        'text-halo-color': palette.halo,
        'text-halo-width': SYMBOL.label.halo,
      },
    },
  ];
}

/** Several events at one place draw as one marker: a badge says how many are there. */
export function stackLayers({ palette, scale }: LayerContext): LayerSpecification[] {
  const s = SYMBOL.stack;
  const offset: [number, number] = [s.offset * scale, -s.offset * scale];
  return [
    {
      id: LAYER.stackBadge,
      type: 'circle',
      source: SOURCE.stacks,
      paint: {
        'circle-radius': s.radius * scale,
        'circle-color': palette.text,
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': s.ringWidth,
        'circle-translate': offset,
      },
    },
    {
      id: LAYER.stackCount,
      type: 'symbol',
      source: SOURCE.stacks,
      layout: {
        'text-field': ['to-string', ['get', 'count']],
        'text-font': [LABEL_FONT],
        'text-size': s.text * scale,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': palette.halo, 'text-translate': offset },
    },
  ];
}

/** The waypoints of the route being drawn: a ring and a name each, once the line reaches it. */
export function drawWaypointLayers({ palette, scale }: LayerContext): LayerSpecification[] {
  const reached: ExpressionSpecification = [
    'case',
    ['<=', ['get', 'progress'], ['global-state', MAP_STATE.drawProgress]],
    1,
    0,
  ];
  const w = SYMBOL.waypoint;
  return [
    {
      id: LAYER.drawWaypoints,
      type: 'circle',
      source: SOURCE.drawWaypoints,
      paint: {
        'circle-radius': w.radius * scale,
        'circle-color': palette.halo,
        'circle-stroke-color': palette.text,
        'circle-stroke-width': w.ringWidth * scale,
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
        'text-size': SYMBOL.label.waypoint * scale,
        'text-anchor': 'right',
        'text-offset': [-0.8, 0],
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': palette.text,
        'text-halo-color': palette.halo,
        'text-halo-width': SYMBOL.label.halo,
        'text-opacity': reached,
      },
    },
  ];
}

/** Places of one kind, from the zoom each is chosen for (`min_zoom`, set at build time). */
function placesOf(kind: string): ExpressionSpecification {
  return ['all', ['==', ['get', 'kind'], kind], ['>=', ['zoom'], ['get', 'min_zoom']]];
}

const tiles = { source: SOURCE.basemap } as const;

/** The basemap's layers, drawn from the vector tiles (`$lib/server/basemap/tiles.ts`). */
export function basemapLayers(ctx: LayerContext): LayerSpecification[] {
  return [...basemapShapes(ctx), ...basemapLabels(ctx)];
}

/** Land, coast and boundaries (the de facto lines dashed). */
function basemapShapes({ palette }: LayerContext): LayerSpecification[] {
  return [
    {
      id: LAYER.land,
      type: 'fill',
      ...tiles,
      'source-layer': TILE_LAYER.land,
      // The coast layer strokes the edge: no antialiasing pass (one shader program fewer to
      // compile before the first frame).
      paint: { 'fill-color': palette.land, 'fill-antialias': false },
    },
    {
      id: LAYER.coast,
      type: 'line',
      ...tiles,
      'source-layer': TILE_LAYER.coast,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': palette.coast, 'line-width': SYMBOL.coast.width },
    },
    {
      id: LAYER.boundaryInternational,
      type: 'line',
      ...tiles,
      'source-layer': TILE_LAYER.boundaries,
      filter: ['==', ['get', 'kind'], 'international'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': palette.border, 'line-width': SYMBOL.border.width },
    },
    {
      id: LAYER.boundaryDeFacto,
      type: 'line',
      ...tiles,
      'source-layer': TILE_LAYER.boundaries,
      filter: ['==', ['get', 'kind'], DE_FACTO],
      paint: {
        'line-color': palette.border,
        'line-width': SYMBOL.deFacto.width,
        'line-dasharray': [...SYMBOL.deFacto.dash],
      },
    },
  ];
}

/** The names of seas, cities, countries and disputed areas, each from its zoom. */
function basemapLabels({ palette, scale }: LayerContext): LayerSpecification[] {
  const label = (kind: 'sea' | 'city' | 'country') => ({
    'text-color': palette[kind === 'sea' ? 'seaLabel' : kind === 'city' ? 'city' : 'label'],
    'text-halo-color': kind === 'sea' ? palette.sea : palette.land,
    'text-halo-width': kind === 'sea' ? 1 : 1.2,
  });
  const size = (z0: number, s0: number, z1: number, s1: number): ExpressionSpecification => [
    'interpolate',
    ['linear'],
    ['zoom'],
    z0,
    s0 * scale,
    z1,
    s1 * scale,
  ];
  return [
    {
      id: LAYER.seaLabels,
      type: 'symbol',
      ...tiles,
      'source-layer': TILE_LAYER.places,
      filter: placesOf('sea'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': size(2, 10, 6, 13),
        'text-letter-spacing': 0.12,
        'text-max-width': 6,
      },
      paint: label('sea'),
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
        'text-size': size(3, 10.5, 8, 13),
        'text-max-width': 8,
        // The most populous city wins where two labels collide.
        'symbol-sort-key': ['-', ['get', 'rank']],
      },
      paint: label('city'),
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
        'text-size': size(2, 10, 6, 14),
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-max-width': 8,
        'symbol-sort-key': ['-', ['get', 'rank']],
      },
      paint: label('country'),
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
        'text-size': 11 * scale,
        'text-max-width': 9,
      },
      paint: {
        'text-color': palette.territory,
        'text-halo-color': palette.land,
        'text-halo-width': 1.2,
      },
    },
  ];
}
