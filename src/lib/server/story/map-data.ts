/**
 * What the map draws a layer from: its features with only the properties the map's style, filters
 * and clicks read. The published GeoJSON (`/<story>/data/<layer>.geojson`) keeps everything; the
 * map's copy (`/<story>/map-data/<layer>.geojson`) is a quarter of its size, so the page downloads
 * and the map's worker parses that much less before the first frame.
 */
import type { FeatureCollection } from 'geojson';

/** The properties the map reads (`style.ts`, `filters.ts`, StoryMap's clicks and image legend). */
export const MAP_PROPERTIES = [
  'id',
  'title',
  'category',
  'period_start',
  'period_end',
  'place_label',
  'location_precision',
] as const;

export function mapLayerData(collection: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      ...(feature.id === undefined ? {} : { id: feature.id }),
      geometry: feature.geometry,
      properties: Object.fromEntries(
        MAP_PROPERTIES.filter((key) => feature.properties?.[key] !== undefined).map((key) => [
          key,
          feature.properties![key],
        ]),
      ),
    })),
  };
}
