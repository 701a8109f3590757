/**
 * What the map draws a layer from: its features with only the properties the map's style, filters
 * and clicks read. The published GeoJSON (`/<story>/data/<layer>.geojson`) keeps everything; the
 * map's copy (`/<story>/map-data/<layer>.geojson`) is a quarter of its size, so the page downloads
 * and the map's worker parses that much less before the first frame.
 */
import type { FeatureCollection } from 'geojson';
import { JOIN_PREFIXES, joinFields } from '$lib/story/filters';
import type { CompiledStory } from './types';

/** The properties the map reads (`style-layers.ts`, `filters.ts`, StoryMap's clicks and image legend). */
export const MAP_PROPERTIES = [
  'id',
  'title',
  'category',
  'period_start',
  'period_end',
  'place_label',
  'location_precision',
  'indicative',
] as const;

/**
 * A connection's copy also carries what the filter needs of each event it joins, under
 * `from_` and `to_`: its period and category (the connection is shown only with them).
 */
export function mapLayerData(story: CompiledStory, layerId: string): FeatureCollection {
  const layer = story.layers.find((l) => l.meta.id === layerId)!;
  const events = new Map(
    story.layers
      .filter((l) => l.meta.kind === 'events')
      .flatMap((l) => l.data.features.map((f) => [f.properties.id, f.properties] as const)),
  );
  return {
    type: 'FeatureCollection',
    features: layer.data.features.map((feature) => {
      const p = feature.properties as unknown as Record<string, unknown>;
      const kept = MAP_PROPERTIES.filter((key) => p[key] !== undefined).map((key) => [key, p[key]]);
      const joins = JOIN_PREFIXES.flatMap((prefix) => {
        const event = events.get(p[`${prefix}_event`] as string);
        return event
          ? [{ category: event.category, period: [event.period_start, event.period_end] as const }]
          : [];
      });
      return {
        type: 'Feature' as const,
        ...(feature.id === undefined ? {} : { id: feature.id }),
        geometry: feature.geometry,
        properties: { ...Object.fromEntries(kept), ...joinFields(joins) },
      };
    }),
  };
}
