import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory } from '$lib/server/story/compile';
import { mapLayerData } from '$lib/server/story/map-data';
import { storyView } from '$lib/server/story/story-view';
import { filterState, isShown, overlaps, shownFilter, type Filters } from './filters';

const { story } = compileStory(path.resolve('tests/fixtures/stories/rivers-and-rails'));
const view = storyView(story!);
/** What the map filters: its own copy of each layer (`map-data.ts`). */
const onMap = story!.layers.flatMap((l) =>
  mapLayerData(story!, l.meta.id).features.map((f) => ({ layer: l.meta.id, feature: f })),
);

const WINDOWS: Filters['window'][] = [
  [view.extent[0], view.extent[1]],
  ['1960-01-01', '1970-12-31'],
  ['2016-01-01', '2016-12-31'],
  ['2016-09-01', '2016-10-31'],
  ['2015-10-16', '2015-10-16'],
  ['2021-01-01', '2021-12-31'],
  ['2021-04-01', '2021-04-30'],
  ['2030-01-01', '2040-12-31'],
];
const CATEGORY_SETS: string[][] = [
  [],
  ['energy'],
  ['security', 'defence'],
  ['diplomacy'],
  [...new Set(view.items.map((i) => i.category))],
];

describe('the "is shown" rule', () => {
  it('agrees with the MapLibre filter expression on every feature', () => {
    let compared = 0;
    for (const window of WINDOWS) {
      for (const hiddenCategories of CATEGORY_SETS) {
        const filters: Filters = { window, hiddenLayers: [], hiddenCategories };
        const expression = featureFilter(
          shownFilter() as FilterSpecification,
          'filter',
          filterState(filters),
        );
        for (const { feature } of onMap) {
          const item = view.items.find((i) => i.id === feature.id)!;
          const drawn = expression.filter({ zoom: 5 }, {
            type: feature.geometry.type === 'Point' ? 1 : 2,
            id: feature.id,
            properties: feature.properties,
          } as never);
          expect(drawn, `${feature.id} in ${window.join('/')} without ${hiddenCategories}`).toBe(
            isShown(item, filters),
          );
          compared++;
        }
      }
    }
    expect(compared).toBe(WINDOWS.length * CATEGORY_SETS.length * onMap.length);
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

  it('hides a connection whose events the filters hide, though its own period is in the window', () => {
    const link = view.items.find((i) => i.id === 'link-terminal-signing')!; // 2015-10 → 2021-05
    const autumn2016: Filters = {
      window: ['2016-09-01', '2016-10-31'],
      hiddenLayers: [],
      hiddenCategories: [],
    };
    expect(overlaps(link.period, autumn2016.window)).toBe(true);
    expect(isShown(link, autumn2016)).toBe(false);
    expect(isShown(link, { ...autumn2016, window: view.extent })).toBe(true);
  });

  it('shows nothing of a switched-off layer', () => {
    const filters: Filters = { window: view.extent, hiddenLayers: ['links'], hiddenCategories: [] };
    expect(view.items.filter((i) => i.layer === 'links' && isShown(i, filters))).toEqual([]);
    expect(view.items.filter((i) => i.layer === 'events' && isShown(i, filters)).length).toBe(
      view.items.filter((i) => i.layer === 'events').length,
    );
  });

  it('shows a feature whose period overlaps the window at either end', () => {
    const camp = view.items.find((i) => i.id === 'muzaffarabad-camp-2016')!; // 24 Sep – 5 Oct 2016
    const at = (window: Filters['window']) =>
      isShown(camp, { window, hiddenLayers: [], hiddenCategories: [] });
    expect(at(['2016-10-05', '2016-12-31'])).toBe(true);
    expect(at(['2016-01-01', '2016-09-24'])).toBe(true);
    expect(at(['2016-10-06', '2016-12-31'])).toBe(false);
  });
});
