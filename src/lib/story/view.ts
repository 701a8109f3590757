/**
 * What a page shows of a compiled story: plain data, safe to serialise into the page and to send
 * to the browser. Built on the server; no file access here.
 */
import { disputedAreasIn } from '$lib/basemap/disputed';
import { featureBounds, POINT_CONTEXT_DEG, type Bounds } from '$lib/geo/camera';
import type { LineString } from 'geojson';
import { routeMeasures } from '$lib/geo/route-draw';
import type { RouteMeasures } from '$lib/geo/route-progress';
import type { CategoryDef } from './categories';
import type { CompiledChapter } from './chapters';
import type { CompiledStory } from './compile';
import { featureCountSummary } from './counts';
import { endOf, formatDate, startOf } from './dates';
import type {
  Category,
  Disagreement,
  LayerKind,
  LocationPrecision,
  Source,
  StoryMeta,
  TimelineEntry,
} from './schema';

/** A source as the UI shows it, whatever form the story wrote it in. */
export interface SourceView {
  url: string;
  /** The publisher; for a bare URL, its host name without "www.". */
  outlet: string;
  /** The headline or page title; absent for a bare URL. */
  title?: string;
  date?: string;
  /** The date in words, e.g. "18 September 2016". */
  dateLabel?: string;
  secondary: boolean;
}

/** One shape for every source: a bare URL shows as its host name. */
export function sourceView(source: Source): SourceView {
  if (typeof source === 'string') {
    return { url: source, outlet: hostOf(source), secondary: false };
  }
  return {
    url: source.url,
    outlet: source.outlet,
    title: source.title,
    date: source.date,
    dateLabel: source.date ? formatDate(source.date) : undefined,
    secondary: source.secondary ?? false,
  };
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

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
  sources: SourceView[];
  disagreement?: Disagreement;
  summary: string;
  html: string;
  /** Routes only. */
  route?: {
    indicative: boolean;
    statedKm: number;
    computedKm: number;
    status: string;
    timeline: (Omit<TimelineEntry, 'source'> & { label: string; source?: SourceView })[];
  };
}

/** A chapter as the story mode plays it. */
export interface ChapterView extends Omit<CompiledChapter, 'draw'> {
  /** The chapter's static map (SVG): shown without JavaScript, and printed. */
  mapUrl: string;
  draw: {
    route: string;
    /** The stretch drawn, as fractions of the route's measured length. */
    from: number;
    to: number;
    /** The route's length measured with Turf, km. */
    totalKm: number;
    measures: RouteMeasures;
    /** Named positions, with how far along the route they lie (0–1). */
    waypoints: { name: string; fraction: number; coordinates: [number, number] }[];
  } | null;
}

export interface StoryView {
  slug: string;
  meta: StoryMeta;
  /**
   * `url`, `mapUrl`, `csvUrl` and `staticMapUrl` are paths from the site's root
   * (`/<story>/data/…`), without the base path: pages prefix them with `base` from `$app/paths`,
   * which is relative in the prerendered HTML and found from the page's address in the browser, so
   * the built site works from any folder it is copied to. `url` is the published layer, `mapUrl`
   * the map's own copy with only the properties it reads (`map-data.ts`).
   */
  layers: {
    id: string;
    kind: LayerKind;
    title: string;
    url: string;
    mapUrl: string;
    count: number;
  }[];
  /** What the story holds, e.g. "27 events, 1 route, 4 connections" (the home page says the same). */
  counts: string;
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
  /** The story told in sequence; empty: the story has no story mode. */
  chapters: ChapterView[];
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
        // Points get a frame wide enough to show their country and its neighbours.
        bounds: featureBounds(feature.geometry, POINT_CONTEXT_DEG),
        sources: p.sources.map(sourceView),
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
            timeline: p.timeline.map((t) => ({
              ...t,
              label: formatDate(t.date),
              source: t.source ? sourceView(t.source) : undefined,
            })),
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
  const layers = story.layers.map((l) => ({
    id: l.meta.id,
    kind: l.meta.kind,
    title: l.meta.title,
    url: `/${story.slug}/data/${l.meta.id}.geojson`,
    mapUrl: `/${story.slug}/map-data/${l.meta.id}.geojson`,
    count: l.data.features.length,
  }));
  return {
    slug: story.slug,
    meta: story.meta,
    layers,
    counts: featureCountSummary(layers),
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
    chapters: story.chapters.map((c) => chapterView(story, c)),
  };
}

function chapterView(story: CompiledStory, chapter: CompiledChapter): ChapterView {
  const mapUrl = `/${story.slug}/story/${chapter.slug}.svg`;
  if (!chapter.draw) return { ...chapter, mapUrl, draw: null };
  const id = chapter.draw.route;
  const route = story.layers.flatMap((l) => l.data.features).find((f) => f.properties.id === id)!;
  const line = route.geometry as LineString;
  const measures = routeMeasures(line);
  const total = measures.km.at(-1)!;
  const names = 'waypoints' in route.properties ? (route.properties.waypoints ?? []) : [];
  return {
    ...chapter,
    mapUrl,
    draw: {
      ...chapter.draw,
      totalKm:
        'computed_length_km' in route.properties
          ? route.properties.computed_length_km
          : Math.round(total),
      measures,
      waypoints: names.map((name, i) => ({
        name,
        fraction: measures.km[i]! / total,
        coordinates: line.coordinates[i] as [number, number],
      })),
    },
  };
}
