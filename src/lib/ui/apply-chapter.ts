/**
 * Playing a chapter on the story state: its date window, layers, categories and camera. Every
 * mode that plays chapters (the scroll story, the embed, the briefing) goes through here.
 */
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
  story.moveCamera(chapter?.camera ?? opening, { animate });
}
