/**
 * A file of events read as a table: a header row and one row per event, whatever the format.
 * CSV and TSV as spreadsheets export them (a UTF-8 byte-order mark, `;` as the separator in
 * European Excel, quoted line breaks, CRLF line ends) through papaparse; GeoJSON points, and KML
 * or GPX placemarks (Google Earth, My Maps) through @tmcw/togeojson, become rows with `lat` and
 * `lon` columns beside their properties. Row numbers are the spreadsheet's: the header is row 1.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import Papa from 'papaparse';

export interface Table {
  /** What a row is called in the report: a spreadsheet's row, or a GeoJSON/KML feature. */
  unit: 'row' | 'feature';
  headers: string[];
  /** Each row's cells, with the line (or feature) number a reader would look for. */
  rows: { row: number; cells: string[] }[];
  /** Features that are no points, or rows of the wrong width: named, never dropped in silence. */
  problems: { row: number; level: 'skipped' | 'warning'; message: string }[];
}

export class ReadError extends Error {}

export function readTable(file: string, text: string): Table {
  const ext = file.toLowerCase().split('.').pop();
  const body = text.replace(/^\uFEFF/, '');
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return readDelimited(file, body, ext);
  if (ext === 'geojson' || ext === 'json') return readFeatures(file, parseJson(file, body));
  if (ext === 'kml' || ext === 'gpx') {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(body, 'text/xml');
    if (!doc.documentElement || doc.getElementsByTagName('parsererror').length) {
      throw new ReadError(
        `${file}: not well-formed XML; export it again from Google Earth or My Maps`,
      );
    }
    const convert = ext === 'kml' ? kml : gpx;
    return readFeatures(file, convert(doc as unknown as Document) as FeatureCollection);
  }
  throw new ReadError(`${file}: cannot read ".${ext}" files: use CSV, TSV, GeoJSON, KML or GPX`);
}

function parseJson(file: string, text: string): FeatureCollection {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReadError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if ((data as FeatureCollection)?.type !== 'FeatureCollection') {
    throw new ReadError(`${file}: a GeoJSON file to import must be a FeatureCollection of points`);
  }
  return data as FeatureCollection;
}

function readDelimited(file: string, text: string, ext: string): Table {
  // papaparse guesses the separator (, ; tab |) from the first lines; a .tsv is tab-separated.
  const parsed = Papa.parse<string[]>(text, {
    delimiter: ext === 'tsv' ? '\t' : '',
    skipEmptyLines: 'greedy',
  });
  const [headers, ...data] = parsed.data;
  if (!headers?.length) throw new ReadError(`${file}: no header row`);
  // A row of the wrong width or with a stray quote is still read (and checked as any other):
  // the report warns so that the author can look at it.
  const problems = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      row: (e.row ?? 0) + 1,
      level: 'warning' as const,
      message: `${e.message}: check the row for a stray separator or quote`,
    }));
  data.forEach((cells, i) => {
    const extra = cells.slice(headers.length).filter((c) => c.trim());
    if (extra.length) {
      problems.push({
        row: i + 2,
        level: 'warning',
        message: `${cells.length} cells where the header has ${headers.length}: "${extra.join('", "')}" not read; check the row for a stray separator`,
      });
    }
  });
  return {
    unit: 'row',
    headers: headers.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ row: i + 2, cells })),
    problems,
  };
}

/** Flattens what togeojson gives KML and GPX placemarks (`timespan: {begin, end}`) into cells. */
function cellsOf(properties: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (key === 'timespan' && typeof value === 'object') {
      const span = value as { begin?: string; end?: string };
      if (span.begin) out.start = span.begin;
      if (span.end) out.end = span.end;
    } else if (typeof value !== 'object') out[key] = String(value);
    else if (key === 'links' && Array.isArray(value)) {
      // GPX links (`<link href>`) are a waypoint's sources.
      value.forEach((l, i) => {
        const href = (l as { href?: string }).href;
        if (href) out[`source ${i + 1}`] = href;
      });
    } else if (key === 'sources' && Array.isArray(value)) {
      value.forEach((s, i) => {
        const url = typeof s === 'string' ? s : (s as { url?: string }).url;
        if (url) out[`source ${i + 1}`] = url;
      });
    }
  }
  return out;
}

function readFeatures(file: string, collection: FeatureCollection): Table {
  const problems: Table['problems'] = [];
  const records: { row: number; cells: Record<string, string> }[] = [];
  collection.features.forEach((f, i) => {
    const row = i + 1;
    if (f.geometry?.type !== 'Point') {
      problems.push({
        row,
        level: 'skipped',
        message: `feature ${row} is a ${f.geometry?.type ?? 'feature without geometry'}, not a point: only points import as events`,
      });
      return;
    }
    const [lon, lat] = f.geometry.coordinates;
    const cells = cellsOf({ ...(f.id !== undefined ? { id: f.id } : {}), ...f.properties });
    records.push({ row, cells: { ...cells, lat: String(lat), lon: String(lon) } });
  });
  if (!records.length && !problems.length) throw new ReadError(`${file}: no features`);
  const headers = [...new Set(records.flatMap((r) => Object.keys(r.cells)))];
  return {
    unit: 'feature',
    headers,
    rows: records.map((r) => ({ row: r.row, cells: headers.map((h) => r.cells[h] ?? '') })),
    problems,
  };
}
