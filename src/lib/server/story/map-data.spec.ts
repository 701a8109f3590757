import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { storyStyle } from '$lib/map/style';
import { compileStory } from './compile';
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
    const style = storyStyle({ tiles: '/t/{z}/{x}/{y}.pbf', font: '/f.woff2' }, layers, {
      categories: [{ id: 'energy', color: '#c26a00' }],
    });
    const storySources = new Set(layers.flatMap((l) => [l.id, `route-draw/${l.id}`]));
    const read = new Set<string>();
    for (const layer of style.layers) {
      if (!('source' in layer) || !storySources.has(layer.source as string)) continue;
      propertiesRead([layer.filter, layer.paint, layer.layout], read);
    }
    read.delete('shared-shader-variant');
    // A connection's copy carries what the filter reads of the events it joins.
    const joined = (p: string) => /^(from|to)_(start|end|category)$/.test(p);
    expect(
      [...read].filter((p) => !(MAP_PROPERTIES as readonly string[]).includes(p) && !joined(p)),
    ).toEqual([]);
    expect(read.size).toBeGreaterThan(4);
  });

  it('drops the rest, keeps geometry and order, and gives a connection its events', () => {
    const story = compileStory(path.resolve('tests/fixtures/stories/two-ports')).story!;
    const ports = mapLayerData(story, 'ports');
    expect(Object.keys(ports.features[0]!.properties!).sort()).toEqual([
      'category',
      'id',
      'location_precision',
      'period_end',
      'period_start',
      'place_label',
      'title',
    ]);
    expect(ports.features.map((f) => f.properties!.id)).toEqual(['karachi-port', 'gwadar-port']);
    const tie = mapLayerData(story, 'ties').features[0]!;
    expect(tie.properties).toMatchObject({
      from_start: '1887-01-01',
      from_category: 'economy',
      to_start: '2007-03-20',
    });
    expect(tie.geometry.type).toBe('LineString');
  });
});
