/**
 * Playing a chapter on the story state: its date window, layers, categories and camera. Every
 * mode that plays chapters (the scroll story, the embed, the briefing) goes through here.
 */
import { progressAt } from '$lib/geo/route-progress';
import { CATEGORY_COLORS } from '$lib/map/style';
import type { ChapterView } from '$lib/story/view';
import type { ExploreState } from './explore-state.svelte';

/**
 * Applies a chapter, or with `null` the story's opening view (before the first chapter). Any open
 * narrative closes: the chapter says what is in view now. The focus is drawn by the caller (it
 * is not a selection: several features can be in focus).
 */
export function applyChapter(
  story: ExploreState,
  chapter: Pick<ChapterView, 'window' | 'layers' | 'categories' | 'camera'> | null,
  opening: ChapterView['camera'],
  { animate = true } = {},
): void {
  story.clear();
  story.window = chapter?.window ? [...chapter.window] : [...story.context.extent];
  const shown = chapter?.layers;
  story.hiddenLayers = shown
    ? story.toggles.map((t) => t.id).filter((id) => !shown.includes(id))
    : [];
  const categories = chapter?.categories;
  story.hiddenCategories = categories
    ? story.context.categories.filter((c) => !categories.includes(c))
    : [];
  const camera = chapter?.camera ?? opening;
  // A chapter's centre is meant for the part of the map its text leaves clear.
  story.moveCamera(camera.type === 'view' ? { ...camera, padded: true } : camera, { animate });
}

/**
 * What the map draws of a chapter's route when `through` (0–1) of its stretch is done: the line
 * as MapLibre's line-progress, its colour and waypoints, and the distance in km. Null for a
 * chapter that draws nothing. The scroll story drives `through` with the scroll position, the
 * slides with a timer; with reduced motion both pass 1.
 */
export function chapterDrawing(
  story: ExploreState,
  chapter: Pick<ChapterView, 'draw'> | null,
  through: number,
) {
  const d = chapter?.draw;
  if (!d) return null;
  const share = d.from + (d.to - d.from) * Math.min(1, Math.max(0, through));
  const route = story.byId.get(d.route)!;
  return {
    km: Math.round(d.totalKm * share),
    totalKm: d.totalKm,
    map: {
      id: d.route,
      fraction: progressAt(d.measures, share),
      color: CATEGORY_COLORS[route.category],
      waypoints: d.waypoints.map((w) => ({
        name: w.name,
        progress: progressAt(d.measures, w.fraction),
        coordinates: w.coordinates,
      })),
    },
  };
}
