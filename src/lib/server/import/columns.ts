/**
 * Which column of a spreadsheet holds which property: found by the header's name, case- and
 * accent-insensitively ("Latitude", "LAT", "Título" as `title` via `--columns`), or named by the
 * author (`title=Headline,date=When`). Shared by the import command and the editor's import.
 */
import { foldName } from '../gazetteer';

/** The properties a row can carry, and the headers each is found under (folded). */
export const COLUMN_NAMES = {
  id: ['id', 'slug'],
  title: ['title', 'headline', 'event', 'name'],
  date: ['date', 'when', 'timestamp', 'time'],
  start: ['start', 'start date', 'from', 'date start', 'begin'],
  end: ['end', 'end date', 'to', 'date end', 'until'],
  place: ['place', 'location', 'city', 'town'],
  country: ['country', 'nation'],
  lat: ['lat', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x'],
  precision: ['location precision', 'precision'],
  category: ['category', 'type', 'kind'],
  source: ['source', 'url', 'link', 'source url'],
  description: ['description', 'text', 'notes', 'summary', 'desc'],
} as const;

export type Column = keyof typeof COLUMN_NAMES;

/** Where each property is: its column's index, and the indices of every source column. */
export interface ColumnMap {
  at: Partial<Record<Column, number>>;
  /** `source`, `source 1` … `source n`, `url 2`: every column that holds a source URL. */
  sources: number[];
  /** Headers no property was found under, kept so the report can name them. */
  unused: string[];
}

/** A problem with the columns as a whole (not with one row). */
export class ColumnError extends Error {}

/**
 * Parses `--columns title=Headline,date=When`: property → header. Names an unknown property or a
 * header the file does not have, with the headers it does have.
 */
export function parseColumnOption(
  option: string,
  headers: string[],
): Partial<Record<Column, string>> {
  const out: Partial<Record<Column, string>> = {};
  for (const pair of option
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, ...rest] = pair.split('=');
    const header = rest.join('=').trim();
    if (!key || !header) throw new ColumnError(`--columns: "${pair}" is not property=Header`);
    if (!(key.trim() in COLUMN_NAMES)) {
      throw new ColumnError(
        `--columns: "${key.trim()}" is no property; use one of ${Object.keys(COLUMN_NAMES).join(', ')}`,
      );
    }
    if (!headers.some((h) => foldName(h) === foldName(header))) {
      throw new ColumnError(
        `--columns: the file has no column "${header}"; its columns are ${headers.map((h) => `"${h}"`).join(', ')}`,
      );
    }
    out[key.trim() as Column] = header;
  }
  return out;
}

/** Finds each property's column; the author's `named` columns come first. */
export function findColumns(
  headers: string[],
  named: Partial<Record<Column, string>> = {},
): ColumnMap {
  const folded = headers.map(foldName);
  const at: Partial<Record<Column, number>> = {};
  const taken = new Set<number>();
  for (const [column, header] of Object.entries(named) as [Column, string][]) {
    const i = folded.indexOf(foldName(header));
    at[column] = i;
    taken.add(i);
  }
  for (const [column, names] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
    if (at[column] !== undefined || column === 'source') continue;
    const i = folded.findIndex((h, j) => !taken.has(j) && names.includes(h));
    if (i >= 0) {
      at[column] = i;
      taken.add(i);
    }
  }
  const sourceNames: readonly string[] = COLUMN_NAMES.source;
  const sources =
    named.source !== undefined
      ? [at.source!]
      : folded.flatMap((h, i) =>
          !taken.has(i) && sourceNames.includes(h.replace(/ ?\d+$/, '')) ? [i] : [],
        );
  for (const i of sources) taken.add(i);
  if (sources.length) at.source = sources[0];
  return { at, sources, unused: headers.filter((_, i) => !taken.has(i)) };
}
