/**
 * The story's state onto the map: filters as global state, toggles as layer visibility, the
 * selection and a chapter's focus as feature-state (and as the labels that must show), the drawn
 * stretch of a route as global state and a line gradient. Each is a few cheap calls; none
 * rebuilds a source.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { DE_FACTO } from '$lib/basemap/disputed';
import { filterState, type Filters } from '$lib/story/filters';
import { drawGradient } from './style-layers';
import { LAYER, MAP_STATE, SOURCE } from './style-ids';

export function setFilters(
  map: MapLibreMap,
  filters: Pick<Filters, 'window' | 'hiddenCategories'>,
): void {
  for (const [key, value] of Object.entries(filterState(filters))) {
    map.setGlobalStateProperty(key, value);
  }
}

/** Shows the story layers (and the de facto lines) that are switched on, hides the rest. */
export function setVisibility(map: MapLibreMap, storyLayers: string[], hidden: readonly string[]) {
  for (const layer of map.getStyle().layers) {
    const owner =
      layer.id === LAYER.boundaryDeFacto
        ? DE_FACTO
        : storyLayers.find((id) => layer.id.endsWith(`:${id}`));
    if (!owner) continue;
    map.setLayoutProperty(layer.id, 'visibility', hidden.includes(owner) ? 'none' : 'visible');
  }
}

/**
 * Marks features as selected (the reader's selection and a chapter's focus): their halo, their
 * size and their label, which then shows whatever else is near it. Only the difference between
 * `before` and `after` is written, so that closing a narrative never clears a focus it shares.
 */
export function setHighlights(
  map: MapLibreMap,
  featureLayers: Record<string, string>,
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
  /** More features whose labels must show: the events a highlighted connection joins. */
  labelled: readonly string[] = [],
): void {
  const set = (id: string, selected: boolean) => {
    const source = featureLayers[id];
    if (source) map.setFeatureState({ source, id }, { selected });
  };
  for (const id of before) if (!after.has(id)) set(id, false);
  for (const id of after) if (!before.has(id)) set(id, true);
  map.setGlobalStateProperty(MAP_STATE.labelled, [...new Set([...after, ...labelled])]);
}

export function setHover(
  map: MapLibreMap,
  featureLayers: Record<string, string>,
  id: string | null,
  hover: boolean,
): void {
  const source = id ? featureLayers[id] : undefined;
  if (id && source) map.setFeatureState({ source, id }, { hover });
}

export interface Drawing {
  id: string;
  /** MapLibre's line-progress (0–1) reached so far. */
  fraction: number;
  color: string;
  waypoints: { name: string; progress: number; coordinates: [number, number] }[];
}

/** Which route is drawn, and its waypoints: once per chapter (sets the waypoint source's data). */
export function setDrawnRoute(map: MapLibreMap, draw: Drawing | null): void {
  map.setGlobalStateProperty(MAP_STATE.drawRoute, draw?.id ?? '');
  const waypoints: FeatureCollection = {
    type: 'FeatureCollection',
    features: (draw?.waypoints ?? []).map((w) => ({
      type: 'Feature',
      properties: { name: w.name, progress: w.progress },
      geometry: { type: 'Point', coordinates: w.coordinates },
    })),
  };
  (map.getSource(SOURCE.drawWaypoints) as GeoJSONSource | undefined)?.setData(waypoints);
}

/** How far it is drawn: every scroll frame, two cheap updates and no source rebuilt. */
export function setDrawnProgress(map: MapLibreMap, draw: Drawing, routeLayer: string): void {
  map.setGlobalStateProperty(MAP_STATE.drawProgress, draw.fraction + 1e-6);
  const layer = `${LAYER.routeDraw}/${routeLayer}`;
  if (map.getLayer(layer)) {
    map.setPaintProperty(layer, 'line-gradient', drawGradient(draw.fraction, draw.color));
  }
}

export function setStacks(map: MapLibreMap, stacks: FeatureCollection): void {
  (map.getSource(SOURCE.stacks) as GeoJSONSource | undefined)?.setData(stacks);
}
