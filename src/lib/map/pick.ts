/** What a click or a hover on the map means: the story features under it. */
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { Point } from 'geojson';

/** Markers closer than this (in pixels) to the nearest one under a click are the same place. */
const STACK_PX = 3;

/**
 * The ids of the story features within `radius` pixels of a point, topmost first. Points sit on
 * top of lines: when a click hits an event, the lines under it are not meant. Of the markers under
 * it, only the nearest one and those stacked on it count (the same place), not every marker
 * within reach: at a small scale, neighbouring cities touch.
 */
export function idsAt(
  map: MapLibreMap,
  { x, y }: { x: number; y: number },
  radius: number,
  layers: string[],
): string[] {
  const features = map.queryRenderedFeatures(
    [
      [x - radius, y - radius],
      [x + radius, y + radius],
    ],
    { layers },
  );
  const points = features.filter((f) => f.geometry.type === 'Point');
  if (!points.length) return unique(features);
  const at = (f: MapGeoJSONFeature) =>
    map.project((f.geometry as Point).coordinates as [number, number]);
  const distance = (f: MapGeoJSONFeature) => Math.hypot(at(f).x - x, at(f).y - y);
  const nearest = points.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  const centre = at(nearest);
  return unique(
    points.filter((f) => Math.hypot(at(f).x - centre.x, at(f).y - centre.y) <= STACK_PX),
  );
}

const unique = (features: MapGeoJSONFeature[]) => [
  ...new Set(features.map((f) => String(f.properties.id))),
];
