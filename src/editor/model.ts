/**
 * How the editor reads and writes the parts of a story's files: layers and their features, the
 * frontmatter of narratives and chapters, and which field a validator problem is about.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { Document, isMap, isScalar, parse as parseYaml, parseDocument, visit } from 'yaml';
import { DEFAULT_CATEGORIES, type CategoryDef } from '$lib/story/categories';
import { SLUG } from '$lib/story/patterns';
import type { LayerMeta } from '$lib/story/schema';
import type { EditorProblem } from './api';
import type { StoryDraft } from './draft.svelte';

/** `story.json` as the editor holds it: a draft, so any field may still be missing or wrong. */
export type DraftMeta = Record<string, unknown> & {
  layers?: LayerMeta[];
  categories?: CategoryDef[];
};
export type DraftFeature = Feature<Geometry, Record<string, unknown>> & { id: string };

/** What every feature's form is given by the story editor. */
export interface FeatureFormProps {
  draft: StoryDraft;
  /** The layer file the feature is in. */
  file: string;
  feature: DraftFeature;
  /** The validator's problems about this feature and its narrative. */
  problems: EditorProblem[];
  /** Features a narrative can mention, for completion. */
  mentionable: { id: string; title: string }[];
  /** Gives why the id was refused, or null. */
  onrename: (from: string, to: string) => string | null;
  ondelete: (id: string) => void;
}

export const metaOf = (draft: StoryDraft): DraftMeta =>
  (draft.files['story.json'] ?? {}) as DraftMeta;

export const layersOf = (draft: StoryDraft, kind?: LayerMeta['kind']): LayerMeta[] =>
  (metaOf(draft).layers ?? []).filter((l) => !kind || l.kind === kind);

export function featuresOf(draft: StoryDraft, file: string): DraftFeature[] {
  const fc = draft.files[file] as FeatureCollection | undefined;
  return (fc?.features ?? []) as DraftFeature[];
}

export const categoriesOf = (draft: StoryDraft): readonly CategoryDef[] =>
  metaOf(draft).categories?.length ? metaOf(draft).categories! : DEFAULT_CATEGORIES;

/** Every feature of the story with the file it is in, for pickers and mention completion. */
export function allFeatures(
  draft: StoryDraft,
): { file: string; kind: LayerMeta['kind']; feature: DraftFeature }[] {
  return layersOf(draft).flatMap((l) =>
    featuresOf(draft, l.file).map((feature) => ({ file: l.file, kind: l.kind, feature })),
  );
}

/** A new id from some words, unused in the story: "Uri, Baramulla" → "uri-baramulla". */
export function newId(words: string, taken: ReadonlySet<string>, fallback = 'event'): string {
  const base =
    words
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const isSlug = (s: string) => SLUG.test(s);

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export interface MarkdownFile {
  front: Record<string, unknown>;
  body: string;
}

/** Splits a narrative or chapter file; a file with no readable frontmatter is all body. */
export function splitMarkdown(text: string): MarkdownFile {
  const match = FRONTMATTER.exec(text);
  if (!match) return { front: {}, body: text };
  try {
    const front = parseYaml(match[1]!) as unknown;
    const body = match[2]!.replace(/^\r?\n/, '');
    return {
      front: front && typeof front === 'object' ? (front as Record<string, unknown>) : {},
      body,
    };
  } catch {
    return { front: {}, body: text };
  }
}

/** One `key: value` entry as the project writes it: lists in flow style, `[a, b]`. */
function yamlEntry(key: string, value: unknown): string {
  const doc = new Document({ [key]: value });
  visit(doc, { Seq: (_, node) => void (node.flow = true) });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/**
 * Sets frontmatter keys (undefined, '' or [] removes one) and leaves every other line as written:
 * only the text of the keys changed is replaced, so a diff shows those keys and nothing else.
 */
export function setFront(text: string, changes: Record<string, unknown>): string {
  const match = FRONTMATTER.exec(text);
  let yaml = match ? match[1]! : '';
  const body = match ? match[2]! : `\n${text}`;
  for (const [key, value] of Object.entries(changes)) {
    const remove = value === undefined || value === '' || (Array.isArray(value) && !value.length);
    const doc = parseDocument(yaml);
    const pair = isMap(doc.contents)
      ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key)
      : undefined;
    const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
    const valueEnd = (pair?.value as { range?: [number, number, number] } | null)?.range?.[1];
    if (keyRange && valueEnd !== undefined) {
      const lineStart = yaml.lastIndexOf('\n', keyRange[0] - 1) + 1;
      const lineEnd = yaml.indexOf('\n', valueEnd - 1);
      const end = lineEnd === -1 ? yaml.length : lineEnd;
      yaml = remove
        ? yaml.slice(0, lineStart) + yaml.slice(end + 1)
        : yaml.slice(0, lineStart) + yamlEntry(key, value) + yaml.slice(end);
    } else if (!remove) {
      yaml = `${yaml.trimEnd()}${yaml.trim() ? '\n' : ''}${yamlEntry(key, value)}`;
    }
  }
  return `---\n${yaml.replace(/\n+$/, '')}\n---\n${body.startsWith('\n') ? '' : '\n'}${body}`;
}

/** Replaces the body, keeping the frontmatter as written. */
export function setBody(text: string, body: string): string {
  const match = FRONTMATTER.exec(text);
  const front = match ? `---\n${match[1]}\n---\n` : '---\n---\n';
  return `${front}\n${body.replace(/^\n+/, '')}`;
}

/** The narrative file of a feature. */
export const narrativeFile = (id: string) => `narratives/${id}.md`;

/**
 * The field of a form a problem is about, as the validator words it: `properties.admin: …` is
 * the `admin` field; a point outside its country or at sea is about the coordinates.
 */
export function fieldOf(problem: EditorProblem): string {
  const named = /^(?:properties\.|frontmatter\.)?([a-z_]+)[.:\s[]/.exec(problem.message);
  if (/^the point \[/.test(problem.message)) return 'coordinates';
  if (/^no narrative/.test(problem.message) || problem.file.startsWith('narratives/'))
    return 'narrative';
  if (/^geometry/.test(problem.message)) return 'coordinates';
  return named?.[1] ?? 'feature';
}
