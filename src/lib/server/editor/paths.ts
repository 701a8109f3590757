/**
 * Where the editor may write: only the files of a story folder, `<root>/<slug>/`, that a story is
 * made of. Every path a request names is checked here before any file is touched, and one that
 * leaves the folder (`..`, an absolute path, a symbolic link, an encoded separator) is refused.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { SLUG } from '$lib/story/patterns';

/** A refused path, answered with 403 and this message. */
export class PathRefused extends Error {}

/**
 * The files a story is made of, relative to its folder. Anything else (a script, a dotfile, a
 * folder) is refused, so the editor cannot be used to drop a file the build would run.
 */
const STORY_FILE = [
  /^story\.json$/,
  /^[a-z0-9-]+\.geojson$/,
  /^narratives\/[a-z0-9]+(?:-[a-z0-9]+)*\.md$/,
  /^chapters\/\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/,
];

/** The story folder of `slug` under `root`, checked: a slug, and not a link to somewhere else. */
export function storyDir(root: string, slug: string): string {
  if (!SLUG.test(slug)) {
    throw new PathRefused(`"${slug}" is not a story slug (lower-case words joined by hyphens)`);
  }
  const dir = path.join(path.resolve(root), slug);
  if (existsSync(dir) && lstatSync(dir).isSymbolicLink()) {
    throw new PathRefused(`geo/${slug} is a symbolic link; the editor writes only real folders`);
  }
  return dir;
}

/**
 * The absolute path of `file` (as written in a request, e.g. `narratives/uri.md`) inside the
 * story folder, or a `PathRefused` saying why not. The name is checked as written, not decoded
 * again: `%2F` or `%2e%2e` in it is refused, not turned into a separator.
 */
export function storyFile(root: string, slug: string, file: string): string {
  const dir = storyDir(root, slug);
  if (file.includes('%') || file.includes('\\') || file.includes('\0')) {
    throw new PathRefused(`"${file}": encoded or Windows separators are not accepted in a path`);
  }
  if (path.isAbsolute(file) || file.split('/').includes('..')) {
    throw new PathRefused(`"${file}" leaves the story folder; name a file inside geo/${slug}/`);
  }
  if (!STORY_FILE.some((pattern) => pattern.test(file))) {
    throw new PathRefused(
      `"${file}" is not a story file: story.json, <layer>.geojson, narratives/<id>.md or chapters/NN-<slug>.md`,
    );
  }
  const target = path.join(dir, file);
  if (path.relative(dir, target).startsWith('..')) {
    throw new PathRefused(`"${file}" leaves the story folder`);
  }
  // A link anywhere on the way (the folder, narratives/, chapters/ or the file) could point out.
  for (let at = target; at !== path.dirname(dir); at = path.dirname(at)) {
    if (existsSync(at) && lstatSync(at).isSymbolicLink()) {
      throw new PathRefused(
        `"${file}" goes through a symbolic link; the editor writes only real files`,
      );
    }
  }
  if (existsSync(dir) && !realpathSync(dir).startsWith(realpathSync(path.resolve(root)))) {
    throw new PathRefused(`geo/${slug} is not inside the stories folder`);
  }
  return target;
}
