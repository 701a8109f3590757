/**
 * The editor's API, under `/api/`. Each answer is JSON; a refusal says what was refused and how
 * to go on. Every change to a story is followed by the validator's verdict on the folder, from the
 * same `compileStory` that `npm run validate` and the build run.
 */
import path from 'node:path';
import { describePlace, searchPlaces } from '$lib/server/gazetteer';
import { compileStory } from '$lib/server/story/compile';
import {
  mentionedIds,
  renderNarrative,
  splitFrontmatter,
  unsafeContent,
} from '$lib/server/story/markdown';
import type { Problem } from '$lib/server/story/types';
import { placeAt } from './place-at';
import { PREVIEW_PATH, type PreviewBuilder } from './preview';
import { PathRefused, storyDir } from './paths';
import {
  createStory,
  deleteStoryFile,
  listStories,
  readStoryFiles,
  reorderChapters,
  writeStoryFile,
  WriteRefused,
  type NewStory,
} from './story-files';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** A problem as the editor shows it: its file relative to the story folder, and as printed. */
export interface EditorProblem extends Problem {
  printed: string;
}

export interface StoryCheck {
  problems: EditorProblem[];
  warnings: EditorProblem[];
}

/** The validator's verdict on a story folder, with file names as the editor knows them. */
export function checkStory(root: string, slug: string): StoryCheck {
  const dir = storyDir(root, slug);
  const { problems, warnings } = compileStory(dir);
  const local = (p: Problem): EditorProblem => {
    const file = path.relative(dir, path.resolve(p.file)) || 'story.json';
    return { ...p, file, printed: `${slug}/${file}: ${p.feature}: ${p.message}` };
  };
  return { problems: problems.map(local), warnings: warnings.map(local) };
}

const ok = (body: unknown): ApiAnswer => ({ status: 200, body });
const refused = (status: number, message: string, extra: object = {}): ApiAnswer => ({
  status,
  body: { error: message, ...extra },
});

type Body = Record<string, unknown>;

/**
 * Answers one API request. `route` is the path after `/api/`, as sent (not decoded), so that an
 * encoded separator reaches the path check as written.
 */
export async function answerApi(
  root: string,
  method: string,
  route: string,
  query: URLSearchParams,
  body: Body,
  preview?: PreviewBuilder,
): Promise<ApiAnswer> {
  try {
    if (preview && method === 'POST') {
      const slug = /^stories\/([^/]+)\/preview$/.exec(route)?.[1];
      if (slug) return await buildPreview(root, slug, preview);
    }
    return await route_(root, method, route, query, body);
  } catch (error) {
    if (error instanceof PathRefused) return refused(403, error.message);
    if (error instanceof WriteRefused)
      return refused(error.status, error.message, { disk: error.disk });
    throw error;
  }
}

async function route_(
  root: string,
  method: string,
  route: string,
  query: URLSearchParams,
  body: Body,
): Promise<ApiAnswer> {
  if (route === 'stories' && method === 'GET') return ok(listStories(root));
  if (route === 'stories' && method === 'POST') {
    await createStory(root, body as unknown as NewStory);
    return ok({ slug: body.slug });
  }
  if (route === 'places' && method === 'GET') {
    const places = searchPlaces(query.get('q') ?? '', { limit: 8 });
    return ok(places.map((p) => ({ ...p, label: describePlace(p) })));
  }
  if (route === 'place-at' && method === 'GET') {
    const at = [Number(query.get('lon')), Number(query.get('lat'))];
    if (!at.every(Number.isFinite)) return refused(400, 'give lon and lat as numbers');
    return ok(placeAt(at));
  }
  if (route === 'preview' && method === 'POST') return ok(preview(String(body.text ?? '')));

  const match = /^stories\/([^/]+)(?:\/(.*))?$/.exec(route);
  if (!match) return refused(404, `no API route ${method} /api/${route}`);
  const [, slug, rest] = match as unknown as [string, string, string | undefined];
  if (rest === undefined && method === 'GET') {
    return ok({ files: readStoryFiles(root, slug), check: checkStory(root, slug) });
  }
  if (rest === 'check' && method === 'GET') return ok(checkStory(root, slug));
  if (rest?.startsWith('files/') && (method === 'PUT' || method === 'DELETE')) {
    const file = rest.slice('files/'.length);
    if (method === 'DELETE') {
      deleteStoryFile(root, slug, file, String(body.base ?? ''));
      return ok({ file, check: checkStory(root, slug) });
    }
    const base = typeof body.base === 'string' ? body.base : null;
    const written = await writeStoryFile(root, slug, file, body.content, base);
    return ok({ file, hash: written.hash, text: written.text, check: checkStory(root, slug) });
  }
  if (rest === 'chapters/order' && method === 'POST') {
    const from = Array.isArray(body.from) ? body.from.map(String) : [];
    const present = Object.keys(readStoryFiles(root, slug)).filter((f) =>
      f.startsWith('chapters/'),
    );
    if (from.length !== present.length || !present.every((f) => from.includes(f))) {
      return refused(409, 'the chapters on disk are not the ones listed — reload the story');
    }
    const names = reorderChapters(root, slug, from, (body.bases ?? {}) as Record<string, string>);
    return ok({ names, files: readStoryFiles(root, slug), check: checkStory(root, slug) });
  }
  return refused(404, `no API route ${method} /api/${route}`);
}

/** Builds the site's preview of a story that builds; one with problems is refused, as by the build. */
async function buildPreview(
  root: string,
  slug: string,
  preview: PreviewBuilder,
): Promise<ApiAnswer> {
  const { problems } = checkStory(root, slug);
  if (problems.length) {
    const n = problems.length;
    return refused(
      409,
      `the story has ${n} problem${n === 1 ? '' : 's'}, and the build refuses it until ${n === 1 ? 'it is' : 'they are'} fixed (see Problems)`,
    );
  }
  await preview.build(slug);
  return ok({ url: `${PREVIEW_PATH}/${slug}/` });
}

/** A narrative as the site will publish it: the same renderer and sanitizer as the build. */
function preview(text: string): { html: string; unsafe: string[]; mentions: string[] } {
  let body = text;
  try {
    body = splitFrontmatter(text).body;
  } catch {
    // No frontmatter yet: preview the text as typed.
  }
  return { html: renderNarrative(body), unsafe: unsafeContent(body), mentions: mentionedIds(body) };
}
