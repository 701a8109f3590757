/**
 * The data files of the built site, fetched over HTTP as a reader (or a newsroom script) would:
 * the required events where the fact sheet puts them, and the pipeline's measured length.
 */
import { distance, length } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { describe, expect, inject, it } from 'vitest';

const origin = inject('origin');

async function get(path: string): Promise<Response> {
  const res = await fetch(`${origin}${path}`);
  expect(res.status, path).toBe(200);
  return res;
}

/** Checked coordinates (WGS84, [lon, lat]); Goa is the summit venue at Benaulim. */
const CHECKED: Record<string, { id: string; at: [number, number] }> = {
  Uri: { id: 'uri-attack-2016', at: [74.0333, 34.0861] },
  Amritsar: { id: 'heart-of-asia-amritsar-2016', at: [74.8723, 31.634] },
  Goa: { id: 'brics-goa-2016', at: [73.92, 15.25] },
  Istanbul: { id: 'istanbul-afghan-conference-2021', at: [28.955, 41.0136] },
  Moscow: { id: 'moscow-afghan-conference-2021', at: [37.6173, 55.7558] },
};

describe('/pakistan-russia/data/', () => {
  it('publishes at least 15 events, each with an id, date, place and sources', async () => {
    const events = (await (
      await get('/pakistan-russia/data/events.geojson')
    ).json()) as FeatureCollection<Point>;
    expect(events.features.length).toBeGreaterThanOrEqual(15);
    for (const f of events.features) {
      expect(typeof f.id).toBe('string');
      expect(f.properties).toMatchObject({
        id: f.id,
        date: expect.any(String),
        place: expect.any(String),
      });
      expect(f.properties!.sources.length).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(CHECKED))(
    'places %s within 10 km of the checked point',
    async (_name, { id, at }) => {
      const events = (await (
        await get('/pakistan-russia/data/events.geojson')
      ).json()) as FeatureCollection<Point>;
      const event = events.features.find((f) => f.id === id);
      expect(event, id).toBeDefined();
      expect(distance(event!.geometry.coordinates, at, { units: 'kilometers' })).toBeLessThan(10);
    },
  );

  it('publishes the pipeline from Karachi to Kasur/Lahore, 1,000–1,250 km long', async () => {
    const routes = (await (
      await get('/pakistan-russia/data/pipeline.geojson')
    ).json()) as FeatureCollection<LineString>;
    const pipeline = routes.features.find(
      (f) => f.id === 'north-south-gas-pipeline',
    ) as Feature<LineString>;
    expect(pipeline.geometry.type).toBe('LineString');
    const km = length(pipeline, { units: 'kilometers' });
    expect(km).toBeGreaterThanOrEqual(1000);
    expect(km).toBeLessThanOrEqual(1250);
    expect(pipeline.properties).toMatchObject({ indicative: true, stated_length_km: 1100 });
    expect(pipeline.properties!.computed_length_km).toBe(Math.round(km));
    const start = pipeline.geometry.coordinates[0]!;
    const end = pipeline.geometry.coordinates.at(-1)!;
    expect(distance(start, [67.333, 24.767])).toBeLessThan(30); // Port Qasim, Karachi
    const toKasur = distance(end, [74.45, 31.1167]);
    const toLahore = distance(end, [74.3436, 31.5497]);
    expect(Math.min(toKasur, toLahore)).toBeLessThan(30);
  });

  it('publishes links as great-circle arcs generated from their two ends', async () => {
    const links = (await (
      await get('/pakistan-russia/data/links.geojson')
    ).json()) as FeatureCollection<LineString>;
    const lavrov = links.features.find((f) => f.id === 'link-lavrov-visit-2021')!;
    expect(lavrov.geometry.coordinates.length).toBeGreaterThan(10);
    // Lavrov flew in from New Delhi (the fact sheet), not from Moscow.
    expect(lavrov.geometry.coordinates[0]).toEqual([77.209, 28.6139]);
    expect(lavrov.geometry.coordinates.at(-1)).toEqual([73.0479, 33.6844]);
  });

  it('publishes the events as CSV with date, place, coordinates and sources', async () => {
    const res = await get('/pakistan-russia/data/events.csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv|octet-stream/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header!.slice(0, 12)).toEqual([
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
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const uri = record(
      header!,
      rows.find((r) => r[0] === 'uri-attack-2016')!,
    );
    expect(uri).toMatchObject({ date: '2016-09-18', date_precision: 'day' });
    expect(uri).toMatchObject({ longitude: '74.0333', latitude: '34.0861' });
  });

  it('starts the CSV with a UTF-8 byte-order mark, so Excel does not garble ’ and –', async () => {
    const bytes = new Uint8Array(
      await (await get('/pakistan-russia/data/events.csv')).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('puts one source URL in each cell, source_1 … source_N', async () => {
    const [header, ...rows] = parseCsv(
      await (await get('/pakistan-russia/data/events.csv')).text(),
    );
    const sourceColumns = header!.filter((h) => /^source_\d+$/.test(h));
    expect(sourceColumns[0]).toBe('source_1');
    expect(sourceColumns).toEqual(sourceColumns.map((_, i) => `source_${i + 1}`));
    // N is the most sources any event has: some row fills the last column.
    const last = header!.indexOf(sourceColumns.at(-1)!);
    expect(rows.some((r) => r[last] !== '')).toBe(true);
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      const cells = sourceColumns.map((c) => row[header!.indexOf(c)]!);
      expect(cells[0], row[0]).toMatch(/^https?:\/\/\S+$/);
      for (const cell of cells) expect(cell, row[0]).toMatch(/^(https?:\/\/\S+)?$/);
    }
  });

  it('gives an end date its own precision column', async () => {
    const [header, ...rows] = parseCsv(
      await (await get('/pakistan-russia/data/events.csv')).text(),
    );
    const druzhba = record(
      header!,
      rows.find((r) => r[0] === 'druzhba-2016')!,
    );
    expect(druzhba).toMatchObject({ date_end: '2016-10-10', date_end_precision: 'day' });
    const steel = record(
      header!,
      rows.find((r) => r[0] === 'pakistan-steel-mills')!,
    );
    expect(steel).toMatchObject({ date_end: '', date_end_precision: '' });
  });
});

/** RFC 4180: fields in double quotes, "" for a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function record(header: string[], row: string[]): Record<string, string> {
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
}
