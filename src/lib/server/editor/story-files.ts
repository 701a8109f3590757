/**
 * The editor's reads and writes of a story folder. A write is checked and formatted here:
 *
 * - it must not overwrite a file that changed on disk since the editor read it (each read gives
 *   the file's hash, and each write names the hash it was based on);
 * - it must be safe to build: a layer is a FeatureCollection, `story.json` an object, and a
 *   narrative has nothing the sanitizer would have to remove (a draft may still have problems the
 *   validator reports; the build refuses those, as it does for hand-written files);
 * - it is written as the project formats it: `story.json` and Markdown through Prettier with the
 *   project's settings, layers as two-space JSON, each keeping its keys' order, so that moving a
 *   pin changes only that pin's lines in `git diff`.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { splitFrontmatter, unsafeContent } from '$lib/server/story/markdown';
import { isRecord } from '$lib/server/story/reporter';
import { storyDir, storyFile, PathRefused } from './paths';

/** A refused write, answered with `status` and this message. */
export class WriteRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** For a conflict: the file as it now is on disk (null when it was deleted). */
    readonly disk?: StoryFileText | null,
  ) {
    super(message);
  }
}

export interface StoryFileText {
  text: string;
  /** sha-256 of the bytes on disk: a write names it to say which version it changes. */
  hash: string;
}

export const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Every file of a story folder the editor edits, by its path in the folder. */
export function readStoryFiles(root: string, slug: string): Record<string, StoryFileText> {
  const dir = storyDir(root, slug);
  if (!existsSync(path.join(dir, 'story.json'))) {
    throw new WriteRefused(404, `no story "${slug}" (no ${slug}/story.json in the stories folder)`);
  }
  const names = [
    ...readdirSync(dir).filter((f) => f === 'story.json' || f.endsWith('.geojson')),
    ...['narratives', 'chapters'].flatMap((sub) =>
      existsSync(path.join(dir, sub))
        ? readdirSync(path.join(dir, sub))
            .filter((f) => f.endsWith('.md'))
            .map((f) => `${sub}/${f}`)
        : [],
    ),
  ].sort();
  const files: Record<string, StoryFileText> = {};
  for (const name of names) {
    let target: string;
    try {
      target = storyFile(root, slug, name);
    } catch (error) {
      if (error instanceof PathRefused) continue; // a file the editor does not edit (e.g. notes.md)
      throw error;
    }
    const text = readFileSync(target, 'utf8');
    files[name] = { text, hash: hashOf(text) };
  }
  return files;
}

function current(target: string): StoryFileText | null {
  if (!existsSync(target)) return null;
  const text = readFileSync(target, 'utf8');
  return { text, hash: hashOf(text) };
}

/** Refuses a change based on another version of the file than the one on disk. */
function checkBase(file: string, target: string, base: string | null): void {
  const disk = current(target);
  if ((disk?.hash ?? null) === base) return;
  const what = !disk
    ? `${file} was deleted on disk`
    : base === null
      ? `${file} already exists on disk`
      : `${file} changed on disk since the editor read it`;
  throw new WriteRefused(409, `${what} — reload it, or keep your version to overwrite it`, disk);
}

/** The text of a file as the project's formatter writes it. */
export async function formatStoryFile(
  file: string,
  content: unknown,
  previous: string | null,
): Promise<string> {
  if (file.endsWith('.md')) {
    if (typeof content !== 'string') throw new WriteRefused(422, `${file}: send the text`);
    checkNarrative(file, content);
    return formatWithPrettier(file, content);
  }
  const value = typeof content === 'string' ? parseJson(file, content) : content;
  if (file === 'story.json') {
    if (!isRecord(value)) throw new WriteRefused(422, 'story.json must be a JSON object');
    return formatWithPrettier(file, JSON.stringify(value));
  }
  if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    throw new WriteRefused(
      422,
      `${file} must be a GeoJSON FeatureCollection with a "features" list`,
    );
  }
  // Not Prettier: the project leaves layers as JSON.stringify writes them, one value a line.
  const text = JSON.stringify(value, null, 2);
  return previous !== null && !previous.endsWith('\n') ? text : `${text}\n`;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WriteRefused(422, `${file} is not valid JSON (${(error as Error).message})`);
  }
}

/** What the build would refuse as unsafe is not written at all (see `unsafeContent`). */
function checkNarrative(file: string, text: string): void {
  let body = text;
  try {
    body = splitFrontmatter(text).body;
  } catch {
    // A draft without its frontmatter yet: the validator reports it; the text is still checked.
  }
  const unsafe = unsafeContent(body);
  if (unsafe.length) throw new WriteRefused(422, `${file}: ${unsafe.join('; ')}`);
}

async function formatWithPrettier(file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(path.resolve(file))) ?? {};
  try {
    return await prettier.format(text, { ...options, plugins: [], filepath: file });
  } catch {
    // A draft Prettier cannot parse (half-typed frontmatter) is kept as typed.
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}

/** Writes one file of a story, checked and formatted; gives what is now on disk. */
export async function writeStoryFile(
  root: string,
  slug: string,
  file: string,
  content: unknown,
  base: string | null,
): Promise<StoryFileText> {
  const target = storyFile(root, slug, file);
  checkBase(file, target, base);
  const text = await formatStoryFile(file, content, current(target)?.text ?? null);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  return { text, hash: hashOf(text) };
}

export function deleteStoryFile(root: string, slug: string, file: string, base: string): void {
  const target = storyFile(root, slug, file);
  checkBase(file, target, base);
  rmSync(target);
}

/**
 * Renames chapter files to follow a new order: `from` lists the current names in their new order,
 * and each is renamed `NN-<its slug>.md`. A rename, not a delete and a new file, so that Git keeps
 * each chapter's history. Gives the new names, in order.
 */
export function reorderChapters(
  root: string,
  slug: string,
  from: string[],
  bases: Record<string, string>,
): string[] {
  const targets = from.map((name) => {
    const target = storyFile(root, slug, name);
    if (!name.startsWith('chapters/')) throw new PathRefused(`"${name}" is not a chapter`);
    checkBase(name, target, bases[name] ?? null);
    return target;
  });
  const names = from.map(
    (name, i) =>
      `chapters/${String(i + 1).padStart(2, '0')}-${name.replace(/^chapters\/\d+-/, '')}`,
  );
  // Through temporary names, so that swapping 01 and 02 never overwrites one with the other.
  const moving = targets.map((t, i) => {
    const temporary = `${t}.moving-${i}`;
    renameSync(t, temporary);
    return temporary;
  });
  moving.forEach((t, i) => renameSync(t, storyFile(root, slug, names[i]!)));
  return names;
}

/** What a new story starts from: its words, and the view the map was left at. */
export interface NewStory {
  slug: string;
  title: string;
  summary: string;
  region: string;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
}

/**
 * Creates `<root>/<slug>/` with a `story.json` and an empty events layer. Fields left empty are
 * written empty, so the validator names each one still to fill in.
 */
export async function createStory(root: string, story: NewStory): Promise<void> {
  const dir = storyDir(root, story.slug);
  if (existsSync(dir)) {
    throw new WriteRefused(
      409,
      `a story "${story.slug}" already exists — open it, or pick another slug`,
    );
  }
  const meta = {
    title: story.title,
    summary: story.summary,
    region: story.region,
    credits: { article: { title: '', date: '' }, research: '' },
    camera: { bounds: story.bounds },
    layers: [{ id: 'events', kind: 'events', title: 'Events', file: 'events.geojson' }],
  };
  mkdirSync(dir, { recursive: true });
  await writeStoryFile(root, story.slug, 'story.json', meta, null);
  await writeStoryFile(
    root,
    story.slug,
    'events.geojson',
    { type: 'FeatureCollection', features: [] },
    null,
  );
}

/** The stories under the root, with their titles as far as `story.json` can be read. */
export function listStories(root: string): { slug: string; title: string }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'story.json')))
    .map((d) => {
      let title = d.name;
      try {
        const meta = JSON.parse(readFileSync(path.join(root, d.name, 'story.json'), 'utf8'));
        if (isRecord(meta) && typeof meta.title === 'string' && meta.title) title = meta.title;
      } catch {
        // The validator reports the broken file when the story is opened.
      }
      return { slug: d.name, title };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
