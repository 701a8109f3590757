/**
 * What a page shows of a compiled story: plain data, safe to serialise into the page and to send
 * to the browser. Types only: the server builds it (`$lib/server/story/story-view.ts`), every
 * shell reads it.
 */
import type { Bounds, BoundsCamera, ViewCamera } from '$lib/geo/camera';
import type { RouteMeasures } from '$lib/geo/route-progress';
import type { CategoryDef } from './categories';
import type {
  Category,
  Disagreement,
  LayerKind,
  LocationPrecision,
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

/** What the "is shown" rule needs of an event that a link joins (see `filters.ts`). */
export interface LinkEndView {
  /** The event's id, or null for a named place. */
  event: string | null;
  place: string;
  coordinates: [number, number];
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
  /** Where the camera goes to show this feature (points with their surroundings). */
  bounds: Bounds;
  /** The feature's own extent: [west, south, east, north]. */
  extent: Bounds;
  place: string;
  /** Events only: the short label drawn on the map. */
  placeLabel?: string;
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
    /** The named positions of the line, if it names them. */
    waypoints: { name: string; coordinates: [number, number] }[];
  };
  /** Links only: the two places it joins. */
  ends?: [LinkEndView, LinkEndView];
  /** Links only: what the "is shown" rule needs of the events it joins (`filters.ts`). */
  joins?: { layer: string; category: Category; period: [string, string] }[];
}

/** Where a chapter points the camera. */
export type ChapterCamera = BoundsCamera | ViewCamera;

/** A chapter as the compiler reads it from `chapters/NN-slug.md`. */
export interface ChapterBase {
  slug: string;
  title: string;
  /** The body, rendered and sanitized; mentions are `<a href="#id" data-feature="id">`. */
  html: string;
  /** The short text a slide shows (the `slide:` field, rendered), or null: the slide picks. */
  slideHtml: string | null;
  camera: ChapterCamera;
  /** What the camera shows, as bounds (for `view` cameras, in an 800 × 600 px frame). */
  bounds: Bounds;
  focus: string[];
  /** First and last day shown, `YYYY-MM-DD`; null: the whole story. */
  window: [string, string] | null;
  /** Switchable layers shown; null: all. */
  layers: string[] | null;
  /** Event categories shown; null: all. */
  categories: Category[] | null;
  notes: string | null;
}

/** A chapter as the story mode plays it. */
export interface ChapterView extends ChapterBase {
  /** The chapter's static map (SVG): shown without JavaScript, and printed. */
  mapUrl: string;
  /** The same map in the dark theme. */
  darkMapUrl: string;
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

export interface LayerView {
  id: string;
  kind: LayerKind;
  title: string;
  /** The published layer. */
  url: string;
  /** The map's own copy, with only the properties it reads (`map-data.ts`). */
  mapUrl: string;
  count: number;
}

export interface StoryView {
  slug: string;
  meta: StoryMeta;
  /**
   * `url`, `mapUrl`, `csvUrl` and `staticMapUrl` are paths from the site's root
   * (`/<story>/data/…`), without the base path: pages prefix them with `base` from `$app/paths`,
   * which is relative in the prerendered HTML and found from the page's address in the browser, so
   * the built site works from any folder it is copied to.
   */
  layers: LayerView[];
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
  /** The same map in the dark theme. */
  darkStaticMapUrl: string;
  /** Whole years from the first event's start to the last one's end: the timeline's range. */
  extent: [string, string];
  /** Every feature, ordered by date. */
  items: StoryItem[];
  /** The story told in sequence; empty: the story has no story mode. */
  chapters: ChapterView[];
}
