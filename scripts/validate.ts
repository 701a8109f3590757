/**
 * `npm run validate [-- <story-folder-or-root> ...]`: checks every story and prints each problem as
 * `file: feature-id: what is wrong — how to fix`. Exits 1 when there is any problem. Warnings (such
 * as a source on the weak-source list) are printed too, but do not fail the run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compileStory, formatProblem, listStoryDirs } from '../src/lib/server/story/compile';

const args = process.argv.slice(2);
const targets = args.length ? args : ['geo'];
const dirs = targets.flatMap((t) =>
  existsSync(path.join(t, 'story.json')) ? [t] : listStoryDirs(t),
);

if (!dirs.length) {
  console.error(`No story found in ${targets.join(', ')} (a story is a folder with a story.json).`);
  process.exit(1);
}

let failed = 0;
for (const dir of dirs) {
  const { story, problems, warnings } = compileStory(dir);
  if (story) {
    const features = story.layers.reduce((n, l) => n + l.data.features.length, 0);
    const chapters = story.chapters.length ? `, ${story.chapters.length} chapters` : '';
    console.log(`ok   ${dir}: ${features} features in ${story.layers.length} layers${chapters}`);
  } else {
    failed++;
    console.error(`FAIL ${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
  }
  for (const w of warnings) console.warn(`  WARNING ${formatProblem(w)}`);
}
process.exit(failed ? 1 : 0);
