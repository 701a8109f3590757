import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory } from '$lib/server/story/compile';
import { isShown, storyFilter, type Filters } from './filters';
import { storyView } from '$lib/server/story/story-view';

const { story } = compileStory(path.resolve('geo/pakistan-russia'));
const view = storyView(story!);
const published = story!.layers.flatMap((l) =>
  l.data.features.map((f) => ({ layer: l.meta.id, feature: f })),
);

const WINDOWS: Filters['window'][] = [
  [view.extent[0], view.extent[1]],
  ['1965-01-01', '1970-12-31'],
  ['2016-01-01', '2016-12-31'],
  ['2016-10-01', '2016-10-31'],
  ['2015-10-16', '2015-10-16'],
  ['2021-01-01', '2021-12-31'],
  ['2030-01-01', '2040-12-31'],
];
const CATEGORY_SETS: string[][] = [
  [],
  ['energy'],
  ['security', 'defence'],
  [...new Set(view.items.map((i) => i.category))],
];

describe('the "is shown" rule', () => {
  it('agrees with the MapLibre filter expression on every feature', () => {
    let compared = 0;
    for (const window of WINDOWS) {
      for (const hiddenCategories of CATEGORY_SETS) {
        const filters: Filters = { window, hiddenLayers: [], hiddenCategories };
        const expression = featureFilter(storyFilter(filters) as FilterSpecification, 'filter');
        for (const { feature } of published) {
          const item = view.items.find((i) => i.id === feature.id)!;
          const onMap = expression.filter({ zoom: 5 }, {
            type: feature.geometry.type === 'Point' ? 1 : 2,
            id: feature.id,
            properties: feature.properties,
          } as never);
          expect(onMap, `${feature.id} in ${window.join('/')} without ${hiddenCategories}`).toBe(
            isShown(item, filters),
          );
          compared++;
        }
      }
    }
    expect(compared).toBe(WINDOWS.length * CATEGORY_SETS.length * published.length);
  });

  it('hides routes and links of a switched-off category, not only events', () => {
    const filters: Filters = {
      window: view.extent,
      hiddenLayers: [],
      hiddenCategories: ['energy'],
    };
    const energy = view.items.filter((i) => i.category === 'energy');
    expect(energy.some((i) => i.kind === 'routes')).toBe(true);
    expect(energy.some((i) => i.kind === 'links')).toBe(true);
    expect(energy.filter((i) => isShown(i, filters))).toEqual([]);
  });

  it('shows nothing of a switched-off layer', () => {
    const filters: Filters = { window: view.extent, hiddenLayers: ['links'], hiddenCategories: [] };
    expect(view.items.filter((i) => i.layer === 'links' && isShown(i, filters))).toEqual([]);
    expect(view.items.filter((i) => i.layer === 'events' && isShown(i, filters)).length).toBe(
      view.items.filter((i) => i.layer === 'events').length,
    );
  });

  it('shows a feature whose period overlaps the window at either end', () => {
    const druzhba = view.items.find((i) => i.id === 'druzhba-2016')!; // 24 Sep – 10 Oct 2016
    const at = (window: Filters['window']) =>
      isShown(druzhba, { window, hiddenLayers: [], hiddenCategories: [] });
    expect(at(['2016-10-10', '2016-12-31'])).toBe(true);
    expect(at(['2016-01-01', '2016-09-24'])).toBe(true);
    expect(at(['2016-10-11', '2016-12-31'])).toBe(false);
  });
});
