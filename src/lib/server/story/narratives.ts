/**
 * Step 4 of a compile: `narratives/<feature-id>.md`, one per feature and one feature per narrative,
 * each with valid frontmatter, a safe body within bounds and mentions that name real features.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describeIssues, NarrativeFrontmatter } from '$lib/story/schema';
import { mentionedIds, renderNarrative, splitFrontmatter, unsafeContent } from './markdown';
import type { Reporter } from './reporter';
import type { Narrative } from './types';

/**
 * The longest narrative body, in characters: about ten pages. Longer text is a mistake (a pasted
 * article), and would stall the Markdown renderer.
 */
export const NARRATIVE_MAX_CHARS = 50_000;

/** Every narrative that passed, by feature id; `declared` holds every feature id and its file. */
export function readNarratives(
  declared: ReadonlyMap<string, string>,
  report: Reporter,
): Record<string, Narrative> {
  const folder = path.join(report.dir, 'narratives');
  const names = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  const narratives: Record<string, Narrative> = {};
  for (const name of names) {
    const id = name.replace(/\.md$/, '');
    const fail = report.about(report.rel('narratives', name), id);
    if (!declared.has(id)) {
      fail(`no feature has the id "${id}" — rename the file to a feature's id, or delete it`);
      continue;
    }
    const narrative = readNarrative(path.join(folder, name), id, declared, fail);
    if (narrative) narratives[id] = narrative;
  }
  for (const [id, file] of declared) {
    if (!names.includes(`${id}.md`)) {
      report.problem(
        file,
        id,
        `no narrative — add ${report.rel('narratives', `${id}.md`)} with frontmatter "feature: ${id}" and "summary:"`,
      );
    }
  }
  return narratives;
}

function readNarrative(
  file: string,
  id: string,
  declared: ReadonlyMap<string, string>,
  fail: (message: string) => void,
): Narrative | null {
  let split;
  try {
    split = splitFrontmatter(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(`${(error as Error).message} — start with ---, "feature:" and "summary:", then ---`);
    return null;
  }
  const fm = v.safeParse(NarrativeFrontmatter, split.frontmatter);
  if (!fm.success) {
    for (const issue of describeIssues(fm.issues)) {
      fail(`frontmatter ${issue} — fix the block between the "---" lines`);
    }
    return null;
  }
  if (fm.output.feature !== id) {
    fail(
      `frontmatter says feature "${fm.output.feature}" but the file is named "${id}.md" — make them the same`,
    );
    return null;
  }
  const problem = bodyProblem(split.body);
  if (problem) {
    fail(problem);
    return null;
  }
  const unsafe = unsafeContent(split.body);
  for (const u of unsafe) fail(`the narrative ${u}`);
  for (const mention of mentionedIds(split.body)) {
    if (!declared.has(mention)) {
      fail(`the link (#${mention}) names no feature — use an existing feature id`);
    }
  }
  if (unsafe.length) return null;
  return { summary: fm.output.summary, html: renderNarrative(split.body) };
}

/** Why a narrative's body cannot be published as it is, before its Markdown is read. */
function bodyProblem(body: string): string | null {
  if (!body) return 'the narrative is empty — write a few sentences below the frontmatter';
  if (body.length > NARRATIVE_MAX_CHARS) {
    return `the narrative is ${body.length} characters long — keep it under ${NARRATIVE_MAX_CHARS}; a narrative tells one feature's story in a few paragraphs`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(body)) {
    return 'the narrative contains control characters (such as NUL bytes) — remove them and save the file as plain UTF-8 text';
  }
  return null;
}
