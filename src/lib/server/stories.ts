/**
 * The stories the site is built from: every folder of `geo/` (or of `$STORIES_DIR`). Compiled once
 * per build; a story with any problem fails the build with the validator's full report.
 */
import path from 'node:path';
import { error } from '@sveltejs/kit';
import { buildBasemap, type Basemap } from '$lib/server/basemap/natural-earth';
import {
  compileStory,
  formatProblem,
  listStoryDirs,
  type CompiledStory,
} from '$lib/server/story/compile';

const root = path.resolve(process.env.STORIES_DIR ?? 'geo');
const compiled = new Map<string, CompiledStory>();

export function storySlugs(): string[] {
  return listStoryDirs(root).map((dir) => path.basename(dir));
}

export function getStory(slug: string): CompiledStory {
  const cached = compiled.get(slug);
  if (cached) return cached;
  const dir = path.join(root, slug);
  if (!storySlugs().includes(slug)) throw new Error(`No story "${slug}" in ${root}`);
  const { story, problems } = compileStory(dir);
  if (!story) {
    throw new Error(
      `Story "${slug}" has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
  }
  compiled.set(slug, story);
  return story;
}

/** Every story's layers as prerender entries: `{ story, layer }`. */
export function storyLayerEntries(): { story: string; layer: string }[] {
  return storySlugs().flatMap((story) =>
    getStory(story).layers.map((l) => ({ story, layer: l.meta.id })),
  );
}

/** One layer of a story, or a 404. */
export function storyLayer(story: string, layer: string): CompiledStory['layers'][number] {
  const found = getStory(story).layers.find((l) => l.meta.id === layer);
  if (!found) error(404, `No layer ${layer}`);
  return found;
}

let basemap: Basemap | null = null;
export function getBasemap(): Basemap {
  basemap ??= buildBasemap();
  return basemap;
}
