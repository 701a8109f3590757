/**
 * The stories the site is built from: every story folder of `geo/`, or of the folders listed in
 * `$STORIES_DIR` (separated by `:`, as in PATH; the test build adds the fixture stories this way).
 * Compiled once per build; a story with any problem fails the build with the validator's full
 * report.
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

const roots = (process.env.STORIES_DIR ?? 'geo').split(path.delimiter).map((r) => path.resolve(r));
const compiled = new Map<string, CompiledStory>();

let dirs: Map<string, string> | null = null;
/** Each story's folder, by slug; two folders with one slug fail the build. */
function storyDirs(): Map<string, string> {
  if (dirs) return dirs;
  dirs = new Map();
  for (const dir of roots.flatMap(listStoryDirs)) {
    const slug = path.basename(dir);
    const other = dirs.get(slug);
    if (other) throw new Error(`Two stories are named "${slug}": ${other} and ${dir}`);
    dirs.set(slug, dir);
  }
  return dirs;
}

export function storySlugs(): string[] {
  return [...storyDirs().keys()].sort();
}

export function getStory(slug: string): CompiledStory {
  const cached = compiled.get(slug);
  if (cached) return cached;
  const dir = storyDirs().get(slug);
  if (!dir) throw new Error(`No story "${slug}" in ${roots.join(', ')}`);
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
