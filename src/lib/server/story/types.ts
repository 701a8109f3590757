/** What the compiler makes of a story folder, and how it reports what is wrong with one. */
import type { FeatureCollection, LineString, MultiLineString, Point, Feature } from 'geojson';
import type { CategoryDef } from '$lib/story/categories';
import type {
  LayerMeta,
  PublishedEvent,
  PublishedLink,
  PublishedRoute,
  StoryMeta,
} from '$lib/story/schema';
import type { ChapterBase } from '$lib/story/view';

/** One thing to fix, as `file: feature-id: what is wrong — how to fix`. */
export interface Problem {
  file: string;
  feature: string;
  message: string;
}

export interface Narrative {
  summary: string;
  html: string;
}

export type PublishedFeature =
  | Feature<Point, PublishedEvent>
  | Feature<LineString, PublishedRoute>
  | Feature<LineString | MultiLineString, PublishedLink>;

export interface CompiledLayer {
  meta: LayerMeta;
  /** Link arcs that cross the antimeridian are MultiLineStrings, cut at ±180°. */
  data: FeatureCollection<
    Point | LineString | MultiLineString,
    PublishedEvent | PublishedRoute | PublishedLink
  >;
}

export interface CompiledChapter extends ChapterBase {
  /** Its file's name in `chapters/`, for the validator's reports. */
  file: string;
  /** The stretch of a route drawn, as fractions of its measured length. */
  draw: { route: string; from: number; to: number } | null;
}

export interface CompiledStory {
  slug: string;
  meta: StoryMeta;
  /** The story's categories: its own, or the defaults. */
  categories: CategoryDef[];
  layers: CompiledLayer[];
  narratives: Record<string, Narrative>;
  /** The story told in sequence (`chapters/NN-slug.md`); empty when the folder has none. */
  chapters: CompiledChapter[];
}

export interface CompileResult {
  story: CompiledStory | null;
  problems: Problem[];
  /** Things to fix that do not stop the build, such as sources on the weak-source list. */
  warnings: Problem[];
}
