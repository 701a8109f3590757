/**
 * What a page shows of a compiled story: plain data, safe to serialise into the page and to send
 * to the browser. Built on the server; no file access here.
 */
import { disputedAreasIn } from '$lib/basemap/disputed';
import { featureBounds, type Bounds } from '$lib/geo/camera';
import type { CategoryDef } from './categories';
import type { CompiledStory } from './compile';
import { endOf, formatDate, startOf } from './dates';
import type {
  Category,
  Disagreement,
  LayerKind,
  LocationPrecision,
  StoryMeta,
  TimelineEntry,
} from './schema';

export interface StoryItem {
  id: string;
  layer: string;
  kind: LayerKind;
  title: string;
  category: Category;
  /** The category's label and colour, as the story declares them (or the defaults). */
  categoryLabel: string;
  color: string;
  date: string;
  dateLabel: string;
  /** First and last day the feature covers, `YYYY-MM-DD`; the start is the sort key. */
  period: [string, string];
  /** Where the camera goes to show this feature. */
  bounds: Bounds;
  place: string;
  country?: string;
  locationPrecision?: LocationPrecision;
  coordinates?: [number, number];
  sources: string[];
  disagreement?: Disagreement;
  summary: string;
  html: string;
  /** Routes only. */
  route?: {
    indicative: boolean;
    statedKm: number;
    computedKm: number;
    status: string;
    timeline: (TimelineEntry & { label: string })[];
  };
}

export interface StoryView {
  slug: string;
  meta: StoryMeta;
  /**
   * `url`, `csvUrl` and `staticMapUrl` are paths from the site's root (`/<story>/data/…`), without
   * the base path: pages prefix them with `base` from `$app/paths`, which is relative in the
   * prerendered HTML and found from the page's address in the browser, so the built site works
   * from any folder it is copied to.
   */
  layers: { id: string; kind: LayerKind; title: string; url: string; count: number }[];
  /** The categories the story's features use, in the order the story declares them. */
  categories: CategoryDef[];
  /**
   * The basemap's de facto lines, when the story reaches an area that has them: the toggle's
   * label, the legend line and the notes. Null for a story elsewhere.
   */
  deFacto: { toggle: string; legend: string; notes: string[] } | null;
  /** URL of the events as CSV. */
  csvUrl: string;
  /** URL of the static locator map (SVG). */
  staticMapUrl: string;
  /** Whole years from the first event's start to the last one's end: the timeline's range. */
  extent: [string, string];
  /** Every feature, ordered by date. */
  items: StoryItem[];
}

export function storyView(story: CompiledStory): StoryView {
  const categories = new Map(story.categories.map((c) => [c.id, c]));
  const items: StoryItem[] = [];
  for (const layer of story.layers) {
    for (const feature of layer.data.features) {
      const p = feature.properties;
      const narrative = story.narratives[p.id]!;
      const common = {
        id: p.id,
        layer: layer.meta.id,
        kind: layer.meta.kind,
        title: p.title,
        category: p.category,
        // The validator guarantees every category is declared.
        categoryLabel: categories.get(p.category)!.label,
        color: categories.get(p.category)!.color,
        date: p.date,
        dateLabel: formatDate(p.date, p.date_end),
        period: [p.period_start, p.period_end] as [string, string],
        // Points get a 4° frame: enough context to see the neighbouring cities.
        bounds: featureBounds(feature.geometry, 4),
        sources: p.sources,
        disagreement: p.disagreement,
        summary: narrative.summary,
        html: narrative.html,
      };
      if ('place_label' in p) {
        items.push({
          ...common,
          place: p.place,
          // At sea, the waters stand where the country would.
          country: p.country ?? p.waters,
          locationPrecision: p.location_precision,
          coordinates: feature.geometry.coordinates as [number, number],
        });
      } else if ('computed_length_km' in p) {
        items.push({
          ...common,
          place: `${p.from_place} to ${p.to_place}`,
          route: {
            indicative: p.indicative,
            statedKm: p.stated_length_km,
            computedKm: p.computed_length_km,
            status: p.status,
            timeline: p.timeline.map((t) => ({ ...t, label: formatDate(t.date) })),
          },
        });
      } else {
        items.push({ ...common, place: `${p.from_place} – ${p.to_place}` });
      }
    }
  }
  items.sort((a, b) => a.period[0].localeCompare(b.period[0]) || a.title.localeCompare(b.title));
  // The timeline spans the events; routes and links may run on beyond it.
  const events = items.filter((i) => i.kind === 'events');
  const dated = events.length ? events : items;
  const areas = disputedAreasIn([story.meta.camera.bounds, ...items.map((i) => i.bounds)]);
  const starts = dated.map((i) => i.period[0]).sort();
  const ends = dated.map((i) => i.period[1]).sort();
  return {
    slug: story.slug,
    meta: story.meta,
    layers: story.layers.map((l) => ({
      id: l.meta.id,
      kind: l.meta.kind,
      title: l.meta.title,
      url: `/${story.slug}/data/${l.meta.id}.geojson`,
      count: l.data.features.length,
    })),
    deFacto: areas.length
      ? {
          toggle: areas.map((a) => a.toggle).join('; '),
          legend: areas.map((a) => a.legend).join('; '),
          notes: areas.map((a) => a.note),
        }
      : null,
    categories: story.categories.filter((c) => items.some((i) => i.category === c.id)),
    csvUrl: `/${story.slug}/data/events.csv`,
    staticMapUrl: `/${story.slug}/map.svg`,
    extent: [startOf(starts[0]!.slice(0, 4)), endOf(ends.at(-1)!.slice(0, 4))],
    items,
  };
}
