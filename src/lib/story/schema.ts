/**
 * The one schema of a story folder. Every TypeScript type for story data is inferred from here, so
 * the validator, the build and the UI cannot drift apart.
 *
 * A story is `geo/<slug>/`: `story.json` (this file's `StoryMeta`), one GeoJSON FeatureCollection per
 * layer, and `narratives/<feature-id>.md` (frontmatter: `NarrativeFrontmatter`).
 */
import * as v from 'valibot';
import { PARTIAL_DATE, SLUG } from './patterns';

export { SLUG };

const slug = (what: string) =>
  v.pipe(
    v.string(),
    v.regex(SLUG, `${what} must be lower-case words joined by hyphens, e.g. "uri-attack-2016"`),
  );

const text = (what: string, max = 400) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.trim(),
    v.minLength(1, `${what} must not be empty`),
    v.maxLength(max, `${what} is longer than ${max} characters`),
  );

const httpUrl = v.pipe(
  v.string(
    'a source must be an http(s) URL or { "url", "title", "outlet", "date"?, "secondary"? }',
  ),
  v.url('a source must be a full URL'),
  v.regex(/^https?:\/\//, 'a source must be an http(s) URL'),
);

/** A date as precise as it is known: `2016`, `2016-09` or `2016-09-18`. */
export const PartialDate = v.pipe(
  v.string('a date must be a string such as "2016-09-18"'),
  v.regex(PARTIAL_DATE, 'a date must look like 2016, 2016-09 or 2016-09-18'),
);
export type PartialDate = v.InferOutput<typeof PartialDate>;

export const DatePrecision = v.picklist(['day', 'month', 'year']);
export type DatePrecision = v.InferOutput<typeof DatePrecision>;

/**
 * A feature's category: the id of one of the story's categories (declared in `story.json`, or the
 * defaults in `categories.ts`). The validator checks that it names one.
 */
export const Category = slug('category');
export type Category = v.InferOutput<typeof Category>;

/** A category a story declares for itself: id, label shown to readers, and colour. */
export const CategoryMeta = v.strictObject({
  id: slug('a category id'),
  label: text('category label', 40),
  color: v.pipe(
    v.string(),
    v.regex(/^#[0-9a-fA-F]{6}$/, 'a category colour must be written #rrggbb, e.g. "#2e7d32"'),
    v.toLowerCase(),
  ),
});
export type CategoryMeta = v.InferOutput<typeof CategoryMeta>;

/** How exactly a point stands for where the event happened. */
export const LOCATION_PRECISIONS = ['venue', 'city', 'approximate', 'placeholder'] as const;
export const LocationPrecision = v.picklist(
  LOCATION_PRECISIONS,
  `location_precision must be one of: ${LOCATION_PRECISIONS.join(', ')}`,
);
export type LocationPrecision = v.InferOutput<typeof LocationPrecision>;

/** Where the story's source article and the checked sources disagree, in the story's own words. */
export const Disagreement = v.strictObject({
  article: text('disagreement.article', 600),
  sources: text('disagreement.sources', 600),
});
export type Disagreement = v.InferOutput<typeof Disagreement>;

/**
 * A source: a plain http(s) URL (older stories), or a citation a reader can weigh before clicking.
 * `secondary: true` marks a copy or summary kept because no original report was found.
 */
export const SourceCitation = v.strictObject({
  url: httpUrl,
  title: text('source title', 300),
  /** Who published it, e.g. "Dawn" or "Ministry of Foreign Affairs of Russia". */
  outlet: text('source outlet', 120),
  date: v.optional(PartialDate),
  secondary: v.optional(v.literal(true, 'secondary must be true, or left out')),
});
export type SourceCitation = v.InferOutput<typeof SourceCitation>;

// Chosen by the input's shape, so an object missing its title is told exactly that.
export const Source = v.lazy((input) =>
  typeof input === 'object' && input !== null ? SourceCitation : httpUrl,
);
export type Source = v.InferOutput<typeof Source>;

const sourceList = v.pipe(
  v.array(Source, 'sources must be a list of URLs or source objects'),
  v.minLength(1, 'sources must list at least one source'),
);

/** Properties every story feature carries, whatever its layer. */
const common = {
  title: text('title', 140),
  category: Category,
  date: PartialDate,
  date_precision: DatePrecision,
  date_end: v.optional(PartialDate),
  sources: sourceList,
  disagreement: v.optional(Disagreement),
};

export const EventProperties = v.strictObject({
  ...common,
  /** Full place name, e.g. "Uri, Baramulla district". */
  place: text('place', 200),
  /** Short label drawn on the map, e.g. "Uri". */
  place_label: text('place_label', 40),
  /**
   * The country or territory in neutral wording, e.g. "Indian-administered Kashmir". Required on
   * land (with `admin`); optional at sea, where `waters` says where the event took place.
   */
  country: v.optional(text('country', 120)),
  /**
   * On land: the basemap (Natural Earth) polygon that administers the place, e.g. "India". The
   * validator checks that the point lies in or near it, which catches swapped longitude and
   * latitude. Leave it out for an event at sea.
   */
  admin: v.optional(text('admin', 80)),
  /**
   * At sea, or on no country's land: the waters in neutral wording, e.g. "Baltic Sea, in
   * Denmark's exclusive economic zone". The validator checks that the point is not on land.
   */
  waters: v.optional(text('waters', 160)),
  /**
   * At sea, optionally: the Natural Earth country whose maritime zone holds the point, e.g.
   * "Denmark". The point must lie within 200 nautical miles (the limit of an exclusive economic
   * zone) of its coast.
   */
  zone: v.optional(text('zone', 80)),
  location_precision: LocationPrecision,
});
export type EventProperties = v.InferOutput<typeof EventProperties>;

export const TimelineEntry = v.strictObject({
  date: PartialDate,
  text: text('timeline text', 300),
  /** The report this step rests on, when it is not obvious from the feature's own sources. */
  source: v.optional(Source),
});
export type TimelineEntry = v.InferOutput<typeof TimelineEntry>;

export const RouteProperties = v.strictObject({
  ...common,
  /** True when the line joins published waypoints rather than a surveyed alignment. */
  indicative: v.boolean('indicative must be true or false'),
  stated_length_km: v.pipe(v.number(), v.minValue(0)),
  status: text('status', 200),
  from_place: text('from_place', 120),
  to_place: text('to_place', 120),
  timeline: v.array(TimelineEntry),
  /** Optional names of the line's positions, one per position: labels while it is drawn. */
  waypoints: v.optional(v.array(text('a waypoint name', 60))),
});
export type RouteProperties = v.InferOutput<typeof RouteProperties>;

/** A link endpoint: another feature's id, or a named place. */
export const LinkEnd = v.union(
  [
    slug('a link end'),
    v.strictObject({
      place: text('place', 120),
      lon: v.number(),
      lat: v.number(),
    }),
  ],
  'a link end must be a feature id or { "place", "lon", "lat" }',
);
export type LinkEnd = v.InferOutput<typeof LinkEnd>;

export const LinkProperties = v.strictObject({
  ...common,
  from: LinkEnd,
  to: LinkEnd,
});
export type LinkProperties = v.InferOutput<typeof LinkProperties>;

/** What kind of features a layer holds; this decides its geometry and properties. */
export const LAYER_KINDS = ['events', 'routes', 'links'] as const;
export const LayerKind = v.picklist(LAYER_KINDS, `kind must be one of: ${LAYER_KINDS.join(', ')}`);
export type LayerKind = v.InferOutput<typeof LayerKind>;

export const LayerMeta = v.strictObject({
  id: slug('a layer id'),
  kind: LayerKind,
  title: text('layer title', 80),
  file: v.pipe(v.string(), v.regex(/^[a-z0-9-]+\.geojson$/, 'file must be "<name>.geojson"')),
});
export type LayerMeta = v.InferOutput<typeof LayerMeta>;

const lon = v.pipe(v.number(), v.minValue(-180), v.maxValue(180));
const lat = v.pipe(v.number(), v.minValue(-90), v.maxValue(90));

export const StoryMeta = v.strictObject({
  title: text('title', 140),
  summary: text('summary', 600),
  /** Region in words, e.g. "South Asia". */
  region: text('region', 80),
  /** The source article, cited by title and approximate date; never its text. */
  credits: v.strictObject({
    article: v.strictObject({
      title: text('credits.article.title', 200),
      date: PartialDate,
      publication: v.optional(text('credits.article.publication', 120)),
    }),
    research: text('credits.research', 300),
  }),
  /** The default view: [west, south, east, north] in degrees. */
  camera: v.strictObject({
    bounds: v.tuple([lon, lat, lon, lat], 'camera.bounds must be [west, south, east, north]'),
    /**
     * Events the default view leaves out on purpose (a story set in one region with a few events
     * far away): the map marks them with edge arrows, and the validator does not warn about them.
     */
    beyond: v.optional(v.array(slug('an event id'))),
  }),
  layers: v.pipe(v.array(LayerMeta), v.minLength(1, 'a story needs at least one layer')),
  /** The story's own event categories; without them, the defaults (energy, defence, …). */
  categories: v.optional(
    v.pipe(v.array(CategoryMeta), v.minLength(1, 'categories, when given, must list at least one')),
  ),
  /** Embedding: `origins` limits which host pages may command the embed (default: any). */
  embed: v.optional(
    v.strictObject({
      origins: v.array(
        v.pipe(
          v.string(),
          v.regex(/^https?:\/\/[^/]+$/, 'an origin looks like "https://news.example" (no path)'),
        ),
      ),
    }),
  ),
});
export type StoryMeta = v.InferOutput<typeof StoryMeta>;

export const NarrativeFrontmatter = v.strictObject({
  /** Must equal the file name and a feature's id. */
  feature: slug('feature'),
  /** One plain sentence for lists and screen-reader announcements. */
  summary: text('summary', 220),
});
export type NarrativeFrontmatter = v.InferOutput<typeof NarrativeFrontmatter>;

/**
 * A chapter of the story told in sequence: `chapters/NN-slug.md`, in file-name order. Its camera is
 * one of three forms (checked in `chapters.ts`, which names the form that is wrong):
 * `bounds: [w, s, e, n]`, `center: [lon, lat]` + `zoom` (+ `bearing`, `pitch`) or `fit: [ids]`.
 */
export const ChapterFrontmatter = v.strictObject({
  title: text('title', 140),
  camera: v.strictObject({
    bounds: v.optional(
      v.tuple([lon, lat, lon, lat], 'camera.bounds must be [west, south, east, north]'),
    ),
    center: v.optional(v.tuple([lon, lat], 'camera.center must be [longitude, latitude]')),
    zoom: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(9))),
    bearing: v.optional(v.pipe(v.number(), v.minValue(-180), v.maxValue(180))),
    pitch: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(60))),
    fit: v.optional(
      v.pipe(
        v.array(slug('a feature id')),
        v.minLength(1, 'camera.fit must name at least one feature'),
      ),
    ),
  }),
  /** Features the chapter highlights; the first one's narrative can be opened. */
  focus: v.optional(v.array(slug('a feature id')), []),
  /** The date window, `from/to` as in the page URL: `2015/2016`, `2016-09/2016-12-04`. */
  date: v.optional(
    v.pipe(
      v.string('date must be text such as "2015/2016"'),
      v.regex(/^[^/]+\/[^/]+$/, 'date must be "from/to", e.g. "2015/2016"'),
    ),
  ),
  /** The switchable layers shown (story layer ids and `de-facto`); omitted: all. */
  layers: v.optional(v.array(slug('a layer id'))),
  /** The event categories shown; omitted: all. */
  categories: v.optional(v.array(Category)),
  /** Draws a stretch of a route as the reader scrolls: fractions, or waypoint names. */
  draw: v.optional(
    v.strictObject({
      route: slug('draw.route'),
      from: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
      to: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
      from_place: v.optional(text('draw.from_place', 60)),
      to_place: v.optional(text('draw.to_place', 60)),
    }),
  ),
  /**
   * What a slide shows of the chapter, in Markdown: a sentence or two naming what the focus is
   * about. Without it, a slide shows the text's paragraphs up to the one naming the last focus.
   */
  slide: v.optional(text('slide', 600)),
  /** Speaker notes: shown only in the presenter view. */
  notes: v.optional(text('notes', 2000)),
});
export type ChapterFrontmatter = v.InferOutput<typeof ChapterFrontmatter>;

/** Properties by layer kind. */
export const PROPERTIES_BY_KIND = {
  events: EventProperties,
  routes: RouteProperties,
  links: LinkProperties,
} as const;

/**
 * Added to every published feature at build time: `id` (for MapLibre's `promoteId`) and the first
 * and last day it covers as `YYYY-MM-DD`, which map filter expressions compare as strings.
 */
export type PublishedCommon = {
  id: string;
  period_start: string;
  period_end: string;
};

/** A published feature: its properties plus build-time values. */
export type PublishedEvent = EventProperties & PublishedCommon;
export type PublishedRoute = RouteProperties & PublishedCommon & { computed_length_km: number };
export type PublishedLink = Omit<LinkProperties, 'from' | 'to'> &
  PublishedCommon & {
    from_place: string;
    to_place: string;
    /** The event at each end, when the end is an event (not a named place). */
    from_event?: string;
    to_event?: string;
  };

/** Formats the first problem of a failed parse as `path: message`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
