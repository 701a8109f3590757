import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { drawGradient, storyStyle } from './style';

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
