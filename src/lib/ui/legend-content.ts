/**
 * What a view of a story puts in its legend: every kind of feature the story has (the legend
 * panel), or only those a map shows (a downloaded image). The static maps, which draw from the
 * compiled story at build time, describe what they draw in the same terms.
 */
import type { StoryView } from '$lib/story/view';
import type { LegendContent } from '$lib/symbology/legend';
import { isHollow } from '$lib/symbology/symbology';
import { LAYER } from '$lib/map/style-ids';

/** A feature a map shows: its id and the style layer that draws it. */
export interface ShownFeature {
  id: string;
  layer: string;
}

export function legendContent(
  view: StoryView,
  /** What the map shows; `all`: everything the story has (the legend panel). */
  shown: readonly ShownFeature[] | 'all',
  { highlight = null }: { highlight?: LegendContent['highlight'] } = {},
): LegendContent {
  const all = shown === 'all';
  const ids = all ? null : new Set(shown.map((f) => f.id));
  const layersShown = all ? null : new Set(shown.map((f) => f.layer));
  const items = view.items.filter((i) => !ids || ids.has(i.id));
  const events = items.filter((i) => i.kind === 'events');
  const layerTitle = (id: string) => view.layers.find((l) => l.id === id)?.title ?? id;
  const drawn = (layer: string) => all || layersShown!.has(layer);
  return {
    highlight,
    categories: view.categories.filter((c) => events.some((e) => e.category === c.id)),
    hollow: events.some((e) => isHollow(e.locationPrecision)),
    routes: items
      .filter((i) => i.route)
      .map((i) => ({
        layer: i.layer,
        title: layerTitle(i.layer),
        label: i.categoryLabel,
        color: i.color,
        indicative: i.route!.indicative,
      })),
    links: [...new Set(items.filter((i) => i.kind === 'links').map((i) => layerTitle(i.layer)))],
    linkPlaces: items.some((i) => i.ends?.some((e) => !e.event)) && drawn(LAYER.linkPlaces),
    waypoints: !all && drawn(LAYER.drawWaypoints),
    boundaries: all,
    deFacto: view.deFacto && drawn(LAYER.boundaryDeFacto) ? view.deFacto.legend : null,
  };
}
