/** Step 1 of a compile: the folder's name and `story.json`, with the story's categories. */
import path from 'node:path';
import * as v from 'valibot';
import {
  categoryContrastProblems,
  DEFAULT_CATEGORIES,
  type CategoryDef,
} from '$lib/story/categories';
import { describeIssues, SLUG, StoryMeta } from '$lib/story/schema';
import type { Reporter } from './reporter';

export interface StoryHead {
  slug: string;
  meta: StoryMeta;
  categories: CategoryDef[];
}

/** The story's slug, metadata and categories; null when `story.json` cannot be read. */
export function readMeta(report: Reporter): StoryHead | null {
  const slug = path.basename(report.dir);
  if (!SLUG.test(slug)) {
    report.problem(
      report.rel(),
      '-',
      `the folder name "${slug}" is not a slug — rename it to lower-case-hyphenated`,
    );
  }
  const storyFile = report.rel('story.json');
  const json = report.readJson('story.json');
  if (json === undefined) return null;
  const parsed = v.safeParse(StoryMeta, json);
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.issues)) {
      report.problem(storyFile, '-', `${issue} — see "Story format" in the README`);
    }
    return null;
  }
  const meta = parsed.output;
  return { slug, meta, categories: checkCategories(meta, report) };
}

/** The story's categories (its own or the defaults); duplicate ids and weak colours are problems. */
function checkCategories(meta: StoryMeta, report: Reporter): CategoryDef[] {
  if (!meta.categories) return [...DEFAULT_CATEGORIES];
  const file = report.rel('story.json');
  const seen = new Set<string>();
  for (const category of meta.categories) {
    const where = `categories.${category.id}`;
    if (seen.has(category.id)) {
      report.problem(
        file,
        where,
        `the category id "${category.id}" is declared twice — give each its own id`,
      );
    }
    seen.add(category.id);
    for (const problem of categoryContrastProblems(category)) report.problem(file, where, problem);
  }
  return meta.categories;
}
