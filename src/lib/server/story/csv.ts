/**
 * The story's events as CSV for spreadsheets and newsroom scripts. The file starts with a UTF-8
 * byte-order mark (Excel reads a CSV without one as Windows-1252 and garbles "’"). Each date has
 * its precision beside it, and each source URL has a cell of its own: `source_1 … source_N`, N
 * being the most sources any event has; shorter rows leave the rest empty.
 */
import type { CompiledStory } from './compile';
import { writtenPrecision } from '$lib/story/dates';
import type { PublishedEvent, Source } from '$lib/story/schema';

const BOM = '\uFEFF';

const COLUMNS = [
  'id',
  'title',
  'date',
  'date_precision',
  'date_end',
  'date_end_precision',
  'place',
  'country',
  'longitude',
  'latitude',
  'location_precision',
  'category',
] as const;

type Row = Record<(typeof COLUMNS)[number], string | number | undefined> & { sources: string[] };

/**
 * RFC 4180 quoting: always quote, double any quote inside; every value cell is written here. Text
 * that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return)
 * gets a leading apostrophe, as OWASP recommends against CSV injection; numbers (negative
 * coordinates) stay numbers.
 */
export function cell(value: string | number | undefined): string {
  const text = String(value ?? '');
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const urlOf = (source: Source) => (typeof source === 'string' ? source : source.url);

/** The story's events as CSV, one row each, ordered by date. */
export function eventsCsv(story: CompiledStory): string {
  const rows: Row[] = story.layers
    .filter((l) => l.meta.kind === 'events')
    .flatMap((l) => l.data.features)
    .map((f) => {
      const p = f.properties as PublishedEvent;
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return {
        id: p.id,
        title: p.title,
        date: p.date,
        date_precision: p.date_precision,
        date_end: p.date_end,
        date_end_precision: p.date_end ? writtenPrecision(p.date_end) : undefined,
        place: p.place,
        country: p.country,
        longitude: lon,
        latitude: lat,
        location_precision: p.location_precision,
        category: p.category,
        sources: p.sources.map(urlOf),
      };
    })
    .sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const sourceCount = Math.max(0, ...rows.map((r) => r.sources.length));
  const sourceColumns = Array.from({ length: sourceCount }, (_, i) => `source_${i + 1}`);
  const lines = [
    [...COLUMNS, ...sourceColumns].join(','),
    ...rows.map((r) =>
      [...COLUMNS.map((c) => cell(r[c])), ...sourceColumns.map((_, i) => cell(r.sources[i]))].join(
        ',',
      ),
    ),
  ];
  return BOM + lines.join('\r\n') + '\r\n';
}
