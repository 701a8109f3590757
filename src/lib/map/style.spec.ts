import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { drawGradient, storyStyle, withStoryFilters } from './style';

const style = storyStyle(
  { tiles: 'https://x.test/basemap/{z}/{x}/{y}.pbf', font: 'https://x.test/f.woff2' },
  [
    { id: 'events', kind: 'events', url: 'https://x.test/events.geojson' },
    { id: 'pipeline', kind: 'routes', url: 'https://x.test/pipeline.geojson' },
    { id: 'links', kind: 'links', url: 'https://x.test/links.geojson' },
  ],
);

describe('storyStyle', () => {
  it('is a valid MapLibre style, global state and line gradients included', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('draws routes part-way from a second source with line metrics', () => {
    expect(style.sources['route-draw/pipeline']).toMatchObject({ lineMetrics: true });
    const draw = style.layers.find((l) => l.id === 'route-draw/pipeline');
    expect(draw?.type).toBe('line');
  });
});

describe('drawGradient', () => {
  it('colours the line up to the progress and leaves the rest transparent', () => {
    expect(drawGradient(0.4, '#c26a00')).toEqual([
      'step',
      ['line-progress'],
      '#c26a00',
      0.4,
      'rgba(0, 0, 0, 0)',
    ]);
  });
});

const urls = { tiles: '/basemap/{z}/{x}/{y}.pbf', font: '/font.woff2' };

describe('storyStyle with a story of its own', () => {
  const style = storyStyle(
    urls,
    [
      { id: 'sites', kind: 'events', url: '/sites.geojson' },
      { id: 'pipeline', kind: 'routes', url: '/pipeline.geojson', title: 'Subsea pipeline' },
    ],
    undefined,
    [{ id: 'environment', color: '#3d8c41' }],
  );
  const layer = (id: string) => style.layers.find((l) => l.id === id)! as any; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("colours features by the story's own categories", () => {
    const byCategory = ['match', ['get', 'category'], 'environment', '#3d8c41', '#555555'];
    expect(layer('events:sites').paint['circle-color'][2]).toEqual(byCategory);
    expect(layer('route:pipeline').paint['line-color']).toEqual([
      'match',
      ['get', 'category'],
      'environment',
      '#3d8c41',
      '#555555',
    ]);
  });

  it("labels a route with its layer's title, not with wording from another story", () => {
    expect(layer('route-label:pipeline').layout['text-field']).toBe('Subsea pipeline');
    expect(JSON.stringify(style)).not.toMatch(/Pipeline \(indicative route\)/);
  });
});

describe('withStoryFilters', () => {
  it('puts the filters and toggles into the first style, on the story layers only', () => {
    const filter = ['all', ['>=', ['get', 'period_end'], '2015-01-01']] as never;
    const filtered = withStoryFilters(style, ['events', 'pipeline', 'links'], filter, ['links']);
    const byId = new Map(
      filtered.layers.map((l) => [
        l.id,
        l as { filter?: unknown; layout?: { visibility?: string } },
      ]),
    );
    expect(byId.get('events:events')?.filter).toEqual(filter);
    expect(byId.get('events:events')?.layout?.visibility).toBe('visible');
    expect(byId.get('links:links')?.layout?.visibility).toBe('none');
    expect(byId.get('background')?.filter).toBeUndefined();
    expect(validateStyleMin(filtered).map((e) => e.message)).toEqual([]);
  });
});
