/**
 * Playing a chapter on the story state: its date window, layers, categories and camera, and what
 * its drawing shows at a point of its stretch. The chapter player (`chapter-player.svelte.ts`)
 * is the one caller.
 */
import { progressAt } from '$lib/geo/route-progress';
import type { ChapterView } from '$lib/story/view';
import type { StoryState } from './story-state.svelte';

/**
 * Applies a chapter, or with `null` the story's opening view (before the first chapter). Any open
 * narrative closes: the chapter says what is in view now. The focus is drawn by the caller (it
 * is not a selection: several features can be in focus).
 */
export function applyChapter(
  story: StoryState,
  chapter: Pick<ChapterView, 'window' | 'layers' | 'categories' | 'camera' | 'focus'> | null,
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
  // The focus is kept in view with its labels, whatever the camera form and the screen.
  story.moveCamera(chapter?.camera ?? opening, { animate, keep: chapter?.focus ?? [] });
}

/**
 * What the map draws of a chapter's route when `through` (0–1) of its stretch is done: the line
 * as MapLibre's line-progress, its colour and waypoints, and the distance in km. Null for a
 * chapter that draws nothing. The scroll story drives `through` with the scroll position, the
 * slides with a timer; with reduced motion both pass 1.
 */
export function chapterDrawing(
  story: StoryState,
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
      color: route.color,
      waypoints: d.waypoints.map((w) => ({
        name: w.name,
        progress: progressAt(d.measures, w.fraction),
        coordinates: w.coordinates,
      })),
    },
  };
}
