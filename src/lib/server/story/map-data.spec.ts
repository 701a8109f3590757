import { describe, expect, it } from 'vitest';
import { storyStyle, withStoryFilters } from '$lib/map/style';
import { storyFilter } from '$lib/story/filters';
import { MAP_PROPERTIES, mapLayerData } from './map-data';

/** Every property name an expression reads with `get` or `has`. */
function propertiesRead(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if (
      (value[0] === 'get' || value[0] === 'has') &&
      typeof value[1] === 'string' &&
      value.length === 2
    )
      into.add(value[1]);
    for (const v of value) propertiesRead(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) propertiesRead(v, into);
  }
  return into;
}

describe('mapLayerData', () => {
  it('keeps every property that the story layers of the style and the filters read', () => {
    const layers = [
      { id: 'events', kind: 'events' as const, url: '/e.geojson' },
      { id: 'pipeline', kind: 'routes' as const, url: '/p.geojson' },
      { id: 'links', kind: 'links' as const, url: '/l.geojson' },
    ];
    const style = withStoryFilters(
      storyStyle({ tiles: '/t/{z}/{x}/{y}.pbf', font: '/f.woff2' }, layers, undefined, [
        { id: 'energy', color: '#c26a00' },
      ]),
      layers.map((l) => l.id),
      storyFilter({ window: ['2015-01-01', '2021-12-31'], hiddenCategories: ['energy'] }) as never,
      [],
    );
    const storySources = new Set(layers.flatMap((l) => [l.id, `route-draw/${l.id}`]));
    const read = new Set<string>();
    for (const layer of style.layers) {
      if (!('source' in layer) || !storySources.has(layer.source as string)) continue;
      propertiesRead([layer.filter, layer.paint, layer.layout], read);
    }
    read.delete('shared-shader-variant');
    expect([...read].filter((p) => !(MAP_PROPERTIES as readonly string[]).includes(p))).toEqual([]);
    expect(read.size).toBeGreaterThan(4);
  });

  it('drops the rest and keeps geometry and order', () => {
    const data = mapLayerData({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [67, 24.8] },
          properties: {
            id: 'a',
            category: 'energy',
            sources: ['https://x.test'],
            narrative: 'long',
          },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [67, 24.8],
              [74, 31.5],
            ],
          },
          properties: { id: 'b', title: 'Route' },
        },
      ],
    });
    expect(data.features.map((f) => f.properties)).toEqual([
      { id: 'a', category: 'energy' },
      { id: 'b', title: 'Route' },
    ]);
    expect(data.features[1]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [67, 24.8],
        [74, 31.5],
      ],
    });
  });
});
