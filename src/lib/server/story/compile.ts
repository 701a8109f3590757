/**
 * Reads a story folder, checks every rule, and builds what the site publishes. One pass reports
 * every problem at once, each as `file: feature-id: what is wrong — how to fix`. Runs in the build
 * (prerendering) and in `npm run validate`; each step is a module of its own, sharing one reporter:
 *
 * 1. `read-meta`: the folder name, `story.json` and the story's categories;
 * 2. `read-layers`: every layer file, every feature's id and geometry;
 * 3. `parse-features`: properties, categories, dates and geography (`geography`);
 * 4. `narratives`: one narrative per feature, safe and with mentions that resolve;
 * 5. `publish`: ids, periods, measured routes and generated link arcs;
 * 6. `chapters`: the story told in sequence, checked against what was published;
 * 7. `camera-checks`: what the default view leaves out, and chapter cameras that cannot show
 *    their focus on a phone (warnings).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chapterCameraChecks, defaultCameraChecks } from './camera-checks';
import { compileChapters } from './chapters';
import { readNarratives } from './narratives';
import { parseFeatures } from './parse-features';
import { publishLayers } from './publish';
import { readLayers } from './read-layers';
import { readMeta } from './read-meta';
import { Reporter } from './reporter';
import type { CompileResult } from './types';

export { formatProblem } from './reporter';
export type * from './types';

/** The story folders under a root: every directory holding a `story.json`. */
export function listStoryDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'story.json')))
    .sort()
    .map((name) => path.join(root, name));
}

/** Compiles one story folder. Never throws for bad data: every problem goes in `problems`. */
export function compileStory(dir: string): CompileResult {
  const report = new Reporter(dir);
  const result = (story: CompileResult['story']): CompileResult => ({
    story: report.problems.length ? null : story,
    problems: report.problems,
    warnings: report.warnings,
  });
  const head = readMeta(report);
  if (!head) return result(null);
  const { raws, declared } = readLayers(head.meta, report);
  const parsed = parseFeatures(raws, new Set(head.categories.map((c) => c.id)), report);
  const narratives = readNarratives(declared, report);
  const layers = publishLayers(head.meta, parsed, raws, report);
  const chapters = compileChapters(layers, declared, report);
  defaultCameraChecks(head.meta, layers, declared, report);
  chapterCameraChecks(chapters, layers, report);
  return result({ ...head, layers, narratives, chapters });
}
