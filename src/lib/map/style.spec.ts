import { describe, expect, it } from 'vitest';
import { storyStyle } from './style';

const urls = { basemap: (l: string) => `/basemap/${l}.geojson`, font: '/font.woff2' };

describe('storyStyle', () => {
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
