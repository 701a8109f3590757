import {
  createPropertyExpression,
  latest,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { SYMBOL, dashPx } from '$lib/symbology/symbology';
import { drawGradient, LAYER, shareShaderVariants, storyLayer, storyStyle } from './style';

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
    { categories: [{ id: 'environment', color: '#3d8c41' }] },
  );
  const layer = (id: string) => style.layers.find((l) => l.id === id)! as any; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("colours features by the story's own categories", () => {
    const byCategory = ['match', ['get', 'category'], 'environment', '#3d8c41', '#555555'];
    expect(layer('events:sites').paint['circle-color'][3]).toEqual(byCategory);
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

describe('the first style carries the filters and toggles', () => {
  it('holds the window and categories as global state, and the toggles as visibility', () => {
    const filtered = storyStyle(
      urls,
      [
        { id: 'events', kind: 'events', url: '/e.geojson' },
        { id: 'links', kind: 'links', url: '/l.geojson' },
      ],
      {
        filters: { window: ['2015-01-01', '2016-12-31'], hiddenCategories: ['energy'] },
        hiddenLayers: ['links', 'de-facto'],
      },
    );
    expect(filtered.state).toMatchObject({
      windowFrom: { default: '2015-01-01' },
      windowTo: { default: '2016-12-31' },
      hiddenCategories: { default: ['energy'] },
    });
    const byId = new Map(
      filtered.layers.map((l) => [
        l.id,
        l as { filter?: unknown; layout?: { visibility?: string } },
      ]),
    );
    expect(byId.get('events:events')?.layout?.visibility).toBe('visible');
    expect(byId.get('events:events')?.filter).toBeDefined();
    expect(byId.get('links:links')?.layout?.visibility).toBe('none');
    expect(byId.get('background')?.filter).toBeUndefined();
    expect(byId.get('boundary-de-facto')?.layout?.visibility).toBe('none');
    expect(validateStyleMin(filtered).map((e) => e.message)).toEqual([]);
  });
});

describe('routes are dashed only where they are indicative', () => {
  const route = style.layers.find((l) => l.id === 'route:pipeline') as {
    paint: Record<string, unknown>;
  };
  const dash = createPropertyExpression(
    route.paint['line-dasharray'],
    'layers.route.paint.line-dasharray',
    latest.paint_line['line-dasharray'] as StylePropertySpecification,
  );
  if (dash.result !== 'success') throw new Error('line-dasharray');
  const at = (indicative: boolean) =>
    dash.value.evaluate({ zoom: 4 }, {
      type: 'LineString',
      properties: { indicative },
    } as never) as unknown as number[];

  it('dashes an indicative route and draws a surveyed one solid (no gap)', () => {
    expect(at(true)).toEqual([...SYMBOL.route.dash]);
    expect(at(false)[1]).toBe(0);
  });

  it('draws the dash the static maps draw: the same pixels at the same width', () => {
    const width = SYMBOL.route.width.rest;
    expect(dashPx(at(true), width)).toEqual([8, 4.8]);
    const deFacto = style.layers.find((l) => l.id === LAYER.boundaryDeFacto) as {
      paint: Record<string, unknown>;
    };
    const line = JSON.stringify(deFacto.paint['line-dasharray']);
    expect(line).toContain(JSON.stringify([...SYMBOL.deFacto.dash]));
    expect(storyLayer(LAYER.route, 'pipeline')).toBe('route:pipeline');
  });
});

describe('shader variants', () => {
  /** The paint properties of a layer that MapLibre draws from vertex data (vary per feature). */
  function varying(layer: LayerSpecification): string[] {
    const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
    const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[
      `paint_${layer.type}`
    ]!;
    return Object.keys(spec)
      .filter((property) => property in paint)
      .filter((property) => {
        const value = paint[property];
        const expression = createPropertyExpression(
          Array.isArray(value) && typeof value[0] !== 'string' ? ['literal', value] : value,
          `layers.${layer.id}.paint.${property}`,
          spec[property]!,
        );
        if (expression.result !== 'success') throw new Error(`${layer.id}: ${property}`);
        return expression.value.kind === 'source' || expression.value.kind === 'composite';
      })
      .sort();
  }

  it('every layer of a type varies the same paint properties, so that they share one program', () => {
    for (const type of ['line', 'circle', 'symbol'] as const) {
      // Dashed lines are a program of their own, shared by every dashed line.
      const dashed = (l: LayerSpecification) =>
        'line-dasharray' in ((l as { paint?: object }).paint ?? {});
      for (const group of [true, false]) {
        const sets = new Set(
          style.layers
            .filter((l) => l.type === type && dashed(l) === group)
            .map((l) => varying(l).join(' ')),
        );
        expect(sets.size, `${type}${group ? ', dashed' : ''}`).toBeLessThanOrEqual(1);
      }
    }
    expect(varying(style.layers.find((l) => l.id === 'coast')!)).toEqual([
      'line-color',
      'line-opacity',
      'line-width',
    ]);
  });

  it('keeps each value: a constant becomes the same constant for every feature', () => {
    const coast = style.layers.find((l) => l.id === 'coast') as { paint: Record<string, unknown> };
    const width = createPropertyExpression(
      coast.paint['line-width'],
      'layers.coast.paint.line-width',
      latest.paint_line['line-width'] as StylePropertySpecification,
    );
    if (width.result !== 'success') throw new Error('line-width');
    expect(width.value.evaluate({ zoom: 3 }, { type: 'LineString', properties: {} } as never)).toBe(
      0.8,
    );
  });

  it('refuses a zoom expression, which cannot be made per feature', () => {
    expect(() =>
      shareShaderVariants([
        {
          id: 'roads',
          type: 'line',
          source: 's',
          paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1, 8, 3] },
        },
      ]),
    ).toThrow(/roads: line-width is an expression of the zoom/);
  });
});
