import type { CompiledStory } from './compile';

const COLUMNS = [
  'id',
  'title',
  'date',
  'date_end',
  'date_precision',
  'place',
  'country',
  'longitude',
  'latitude',
  'location_precision',
  'category',
  'sources',
] as const;

/**
 * RFC 4180 quoting: always quote, double any quote inside. Text that a spreadsheet would read as
 * a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, as
 * OWASP recommends against CSV injection; numbers (negative coordinates) stay numbers.
 */
export function cell(value: string | number | undefined): string {
  const text = String(value ?? '');
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The story's events as CSV, one row each, ordered by date; sources joined by spaces. */
export function eventsCsv(story: CompiledStory): string {
  const rows = story.layers
    .filter((l) => l.meta.kind === 'events')
    .flatMap((l) => l.data.features)
    .map((f) => {
      const p = f.properties as Record<string, unknown> & { sources: string[] };
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return { ...p, longitude: lon, latitude: lat, sources: p.sources.join(' ') } as Record<
        string,
        string | number | undefined
      >;
    })
    .sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
