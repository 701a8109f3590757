/**
 * Step 6 of a compile: the story told in sequence. Each chapter is `chapters/NN-slug.md` in the
 * story folder, read in file-name order (`01-…`, `02-…`): Markdown with frontmatter
 * (`ChapterFrontmatter`) that sets a camera, the features in focus, a date window, the layers and
 * categories shown, and optionally a stretch of a route to draw. Every problem is reported as
 * `file: chapter: what is wrong — how to fix`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { DE_FACTO } from '$lib/basemap/disputed';
import { ChapterFrontmatter, describeIssues } from '$lib/story/schema';
import { cameraOf, drawOf, focusProblems, windowOf, type ChapterContext } from './chapter-parts';
import { mentionedIds, renderNarrative, splitFrontmatter, unsafeContent } from './markdown';
import type { Reporter } from './reporter';
import type { CompiledChapter, CompiledLayer, PublishedFeature } from './types';

/** `NN-slug.md`: two digits give the order, the rest is the chapter's slug (its URL hash). */
const CHAPTER_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/**
 * Reads and checks the story's `chapters/*.md` against the compiled layers. No folder: no
 * chapters. `declared` holds every feature id the story declares, valid or not: a chapter naming a
 * feature that has a problem of its own says nothing more (that problem is already reported).
 */
export function compileChapters(
  layers: CompiledLayer[],
  declared: ReadonlyMap<string, string>,
  report: Reporter,
): CompiledChapter[] {
  const folder = path.join(report.dir, 'chapters');
  if (!existsSync(folder)) return [];
  const features = new Map<string, { feature: PublishedFeature; layer: CompiledLayer }>();
  for (const layer of layers) {
    for (const feature of layer.data.features) {
      features.set(feature.properties.id, { feature: feature as PublishedFeature, layer });
    }
  }
  const ctx: ChapterContext = {
    features,
    layerIds: [...layers.map((l) => l.meta.id), DE_FACTO],
    declared,
  };
  const chapters: CompiledChapter[] = [];
  const slugs = new Set<string>();
  for (const name of readdirSync(folder).sort()) {
    const file = report.rel('chapters', name);
    const match = CHAPTER_FILE.exec(name);
    if (!match) {
      if (name.endsWith('.md')) {
        report.problem(
          file,
          name,
          'a chapter file must be named NN-slug.md (e.g. 03-uri-and-druzhba.md) — rename it',
        );
      }
      continue;
    }
    const slug = match[2]!;
    const before = report.count;
    const problem = report.about(file, slug);
    if (slugs.has(slug))
      problem(`another chapter is also named "${slug}" — give each its own slug`);
    if (features.has(slug)) {
      problem(`"${slug}" is also a feature id, so #${slug} would be ambiguous — rename the file`);
    }
    slugs.add(slug);
    const chapter = compileChapter(path.join(folder, name), slug, ctx, problem);
    if (chapter) chapter.file = name;
    if (chapter && report.count === before) chapters.push(chapter);
  }
  return chapters;
}

function compileChapter(
  file: string,
  slug: string,
  ctx: ChapterContext,
  problem: (message: string) => void,
): CompiledChapter | null {
  const read = readChapter(file, problem);
  if (!read) return null;
  const { fm, body } = read;
  const known = (id: string, where: string) => {
    if (ctx.features.has(id)) return true;
    if (!ctx.declared.has(id)) {
      problem(`${where} names "${id}", which is not a feature — use an existing feature id`);
    }
    return false;
  };
  const texts = { body, ...(fm.slide ? { slide: fm.slide } : {}) };
  const unsafe = Object.entries(texts).flatMap(([where, text]) => textProblems(where, text, ctx));
  for (const u of unsafe) problem(u);
  const camera = cameraOf(fm.camera, ctx, problem, known);
  const focus = fm.focus.filter((id) => known(id, 'focus'));
  const window = fm.date ? windowOf(fm.date, problem) : null;
  for (const id of fm.layers ?? []) {
    if (!ctx.layerIds.includes(id)) {
      problem(
        `layers names "${id}", which is not a layer — use one of: ${ctx.layerIds.join(', ')}`,
      );
    }
  }
  const draw = fm.draw ? drawOf(fm.draw, ctx, problem) : null;
  for (const p of focusProblems(focus, { window, date: fm.date, fm }, ctx)) problem(p);
  if (!camera || unsafe.length) return null;
  return {
    file: '',
    slug,
    title: fm.title,
    html: renderNarrative(body),
    slideHtml: fm.slide ? renderNarrative(fm.slide) : null,
    camera: camera.camera,
    bounds: camera.bounds,
    focus,
    window,
    layers: fm.layers ?? null,
    categories: fm.categories ?? null,
    draw,
    notes: fm.notes ?? null,
  };
}

/** The chapter's frontmatter and body, or null (reported) when they cannot be read. */
function readChapter(
  file: string,
  problem: (message: string) => void,
): { fm: ChapterFrontmatter; body: string } | null {
  let split;
  try {
    split = splitFrontmatter(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    problem(`${(error as Error).message} — start with ---, "title:" and "camera:", then ---`);
    return null;
  }
  const parsed = v.safeParse(ChapterFrontmatter, split.frontmatter);
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.issues)) {
      problem(`frontmatter ${issue} — fix the block between the "---" lines`);
    }
    return null;
  }
  if (!split.body) problem('the chapter is empty — write a few sentences below the frontmatter');
  return { fm: parsed.output, body: split.body };
}

/** What is unsafe in a chapter's text (`body`, or its `slide` summary), and mentions of nothing. */
function textProblems(where: string, text: string, ctx: ChapterContext): string[] {
  const what = where === 'body' ? 'the chapter' : `the chapter's ${where}`;
  const problems = unsafeContent(text).map((u) => `${what} ${u}`);
  for (const mention of mentionedIds(text)) {
    if (!ctx.features.has(mention) && !ctx.declared.has(mention)) {
      problems.push(`the link (#${mention}) names no feature — use an existing feature id`);
    }
  }
  return problems;
}
