/**
 * One row of a table → one event of the story, or the reasons it cannot be one. Every row ends in
 * the report: imported, imported with a warning, or skipped, each line naming the row, the column,
 * what is wrong and how to fix it. A place without coordinates is looked up in the offline
 * gazetteer, narrowed by the row's country; a name it cannot decide between is not guessed.
 */
import type { Feature, Point } from 'geojson';
import type { CategoryDef } from '$lib/story/categories';
import { LOCATION_PRECISIONS, SLUG, type EventProperties } from '$lib/story/schema';
import { countryAt, naturalEarthName } from '../basemap/natural-earth';
import { describePlace, foldName, lookUpPlace, nearestPlace } from '../gazetteer';
import type { Column, ColumnMap } from './columns';
import { parseTypedDate, type DateOrder } from './typed-dates';

export interface ReportLine {
  row: number;
  level: 'skipped' | 'warning' | 'matched';
  /** The column the line is about, when it is about one. */
  column?: string;
  message: string;
}

export interface ImportedRow {
  feature: Feature<Point, EventProperties> & { id: string };
  /** The narrative's text: the row's description, or a line saying it is still to be written. */
  description: string | null;
}

export interface RowContext {
  columns: ColumnMap;
  headers: string[];
  categories: readonly CategoryDef[];
  order?: DateOrder;
}

/** A slug of words: lower case, accents and punctuation dropped ("Talks in Srinagar" → "talks-in-srinagar"). */
export function slugify(text: string, max = 60): string {
  const words = foldName(text).split(' ').filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out.replace(/[^a-z0-9-]/g, '') || 'event';
}

const isUrl = (s: string) => /^https?:\/\/[^\s]+$/.test(s);

/**
 * A coordinate as spreadsheets hold it: `31.55`, `31,55` (a decimal comma), `31.55°`, `31.55 N`
 * or `N 31.55` (S and W make it negative). NaN when it is none of these.
 */
export function parseCoordinate(text: string): number {
  const m = /^([NSEW])?\s*(-?\d+(?:[.,]\d+)?)\s*°?\s*([NSEW])?$/i.exec(text.trim());
  if (!m || (m[1] && m[3])) return NaN;
  const value = Number(m[2]!.replace(',', '.'));
  return /[SW]/i.test(m[1] ?? m[3] ?? '') ? -value : value;
}

/** A row that cannot be an event: thrown by the readers below, caught by `importRow`. */
class RowSkipped extends Error {
  constructor(
    readonly column: Column | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** One row's cells by property, and its report lines. */
interface RowReader {
  get: (c: Column) => string;
  warn: (c: Column | undefined, message: string) => void;
  match: (c: Column | undefined, message: string) => void;
}

const skip = (column: Column | undefined, message: string): never => {
  throw new RowSkipped(column, message);
};

function readDates({ get }: RowReader, order?: DateOrder) {
  const dateColumn: Column = get('date') ? 'date' : 'start';
  const start = parseTypedDate(get(dateColumn), order);
  if ('problem' in start) {
    skip(
      dateColumn,
      start.problem === 'no date' ? 'no date: every event needs one' : start.problem,
    );
  }
  const { date, precision } = start as {
    date: string;
    precision: EventProperties['date_precision'];
  };
  if (!get('end')) return { date, precision };
  const end = parseTypedDate(get('end'), order);
  if ('problem' in end) return skip('end', end.problem);
  if (end.date < date) skip('end', `ends (${end.date}) before it starts (${date})`);
  return { date, precision, end: end.date !== date ? end.date : undefined };
}

function readSources(cells: string[], sourceColumns: number[]): string[] {
  const sources = sourceColumns.map((i) => (cells[i] ?? '').trim()).filter(Boolean);
  const badSource = sources.find((s) => !isUrl(s));
  if (badSource) skip('source', `"${badSource}" is not an http(s) URL`);
  if (!sources.length) {
    skip(
      'source',
      'no source: add a column "source" (or "url", "source 1" …) with a link for each event',
    );
  }
  return sources;
}

function readCategory({ get, warn }: RowReader, categories: readonly CategoryDef[]): string {
  const category = get('category');
  if (!category) {
    warn('category', `no category: set to "${categories[0]!.id}"`);
    return categories[0]!.id;
  }
  const found = categories.find(
    (c) => foldName(c.id) === foldName(category) || foldName(c.label) === foldName(category),
  );
  return (
    found?.id ??
    skip(
      'category',
      `"${category}" is none of the story's categories (${categories.map((c) => c.id).join(', ')}): use one, or add it to story.json`,
    )
  );
}

/** Where the event was: the row's coordinates, else its place found in the gazetteer. */
function locate({ get, match }: RowReader) {
  const place = get('place');
  const country = get('country');
  const precision = get('precision') || 'city';
  if (!(LOCATION_PRECISIONS as readonly string[]).includes(precision)) {
    skip('precision', `"${precision}" is none of ${LOCATION_PRECISIONS.join(', ')}`);
  }
  if (get('lat') || get('lon')) {
    const [lat, lon] = [parseCoordinate(get('lat')), parseCoordinate(get('lon'))];
    if (!get('lat') || !get('lon') || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      skip(
        get('lat') ? 'lon' : 'lat',
        `needs both latitude and longitude as numbers (got "${get('lat')}", "${get('lon')}")`,
      );
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      skip(
        'lat',
        `latitude ${lat} and longitude ${lon} are off the globe (latitude within ±90, longitude within ±180): are they swapped?`,
      );
    }
    return { place, country, precision, coordinates: [lon, lat] as [number, number] };
  }
  if (!place)
    skip('place', 'no place and no coordinates: add a place name, or latitude and longitude');
  const found = lookUpPlace(place.split(',')[0]!, country || undefined);
  if (found.kind === 'none') {
    skip(
      'place',
      `"${place}"${country ? ` in ${country}` : ''} is not in the gazetteer: add latitude and longitude columns`,
    );
  }
  if (found.kind === 'ambiguous') {
    const names = found.candidates.map((p) => `${p.name}, ${p.countryName}`);
    skip('place', `"${place}" matches ${names.join(' and ')}: add a country column or coordinates`);
  }
  const { place: gazetteer } = found as Extract<typeof found, { kind: 'match' }>;
  match('place', `"${place}" → ${describePlace(gazetteer)}`);
  return {
    place,
    country: country || gazetteer.countryName,
    precision: 'city',
    coordinates: gazetteer.coordinates,
  };
}

export function importRow(
  cells: string[],
  row: number,
  { columns, headers, categories, order }: RowContext,
): { imported: ImportedRow | null; lines: ReportLine[] } {
  const lines: ReportLine[] = [];
  const header = (c: Column | undefined) => c && (headers[columns.at[c]!] ?? c);
  const line = (level: ReportLine['level']) => (c: Column | undefined, message: string) => {
    lines.push({ row, level, column: header(c), message });
  };
  const reader: RowReader = {
    get: (c) => (columns.at[c] === undefined ? '' : (cells[columns.at[c]!] ?? '').trim()),
    warn: line('warning'),
    match: line('matched'),
  };
  try {
    return { imported: buildEvent(reader, cells, columns, categories, order), lines };
  } catch (e) {
    if (!(e instanceof RowSkipped)) throw e;
    line('skipped')(e.column, e.message);
    return { imported: null, lines };
  }
}

function buildEvent(
  reader: RowReader,
  cells: string[],
  columns: ColumnMap,
  categories: readonly CategoryDef[],
  order?: DateOrder,
): ImportedRow {
  const { get, warn, match } = reader;
  const title = get('title');
  if (!title) skip('title', 'no title: every event needs one');
  const dates = readDates(reader, order);
  const sources = readSources(cells, columns.sources);
  const category = readCategory(reader, categories);
  const { place, precision, coordinates, ...where } = locate(reader);

  // `admin` is what the validator checks the point against (swapped coordinates, a pin in the
  // wrong country): the row's own country where it is a basemap name, else the polygon the point
  // lies in (neutral wording such as "Indian-administered Kashmir" has no polygon of its own).
  const admin = (where.country && naturalEarthName(where.country)) || countryAt(coordinates);
  const country = where.country || admin;
  const written = get('id');
  if (written && !SLUG.test(written)) {
    skip('id', `"${written}" is not an id: lower-case words joined by hyphens`);
  }
  const id = written || `${slugify(title)}-${dates.date}`;
  // A point with no place is named after the largest town within 25 km, and the report says so.
  const near = place ? null : nearestPlace(coordinates);
  if (near) {
    match(undefined, `no place: named after ${describePlace(near)}, the largest town within 25 km`);
  }
  const placeName =
    place ||
    (near ? `${near.name}, ${near.countryName}` : country) ||
    `${coordinates[1].toFixed(2)}, ${coordinates[0].toFixed(2)}`;
  // The schema's limits: a longer text is cut, and the report says where.
  const cut = (column: Column, text: string, max: number) => {
    if (text.length > max)
      warn(column, `longer than ${max} characters: cut to "${text.slice(0, max)}"`);
    return text.slice(0, max);
  };
  const label = placeName.split(',')[0]!.trim();
  if (label.length > 40) warn('place', `the map label "${label}" is cut to 40 characters`);
  const properties: EventProperties = {
    title: cut('title', title, 140),
    category,
    date: dates.date,
    date_precision: dates.precision,
    ...(dates.end ? { date_end: dates.end } : {}),
    place: cut('place', placeName, 200),
    place_label: label.slice(0, 40),
    ...(country ? { country } : {}),
    ...(admin ? { admin } : {}),
    location_precision: precision as EventProperties['location_precision'],
    sources,
  };
  return {
    feature: { type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties },
    description: get('description') || null,
  };
}
