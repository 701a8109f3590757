import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileStory } from '../story/compile';
import { eventsCsv } from '../story/csv';
import { ImportError, planImport, type ImportPlan } from './import-story';

const FIXTURES = path.resolve('tests/fixtures/import');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));
const newRoot = () => (root = mkdtempSync(path.join(tmpdir(), 'import-')));

function write(plan: ImportPlan) {
  for (const [name, content] of plan.files) {
    mkdirSync(path.dirname(path.join(plan.dir, name)), { recursive: true });
    writeFileSync(path.join(plan.dir, name), content);
  }
}
const lines = (plan: ImportPlan) =>
  plan.report.map((l) => `${l.row} ${l.level}${l.column ? ` ${l.column}` : ''}: ${l.message}`);

describe('a messy spreadsheet', () => {
  it('names every problem with its row, and imports the rest', () => {
    const plan = planImport('messy.csv', read('messy.csv'), {
      story: 'messy',
      root: newRoot(),
      order: 'day-first',
    });
    expect(lines(plan)).toEqual([
      expect.stringMatching(/^2 matched Place: "Srinagar" → Srinagar, India \(pop\. /),
      expect.stringMatching(/^3 matched Place: "Amritsar" → Amritsar, India/),
      '4 skipped Place: no place and no coordinates: add a place name, or latitude and longitude',
      '5 skipped Place: "Hyderabad" matches Hyderabad, India and Hyderabad, Pakistan: add a country column or coordinates',
      '7 skipped Date: "31/02/2018" is no date of the calendar',
      expect.stringMatching(/^8 skipped Source 1: no source/),
      '9 warning Category: no category: set to "energy"',
      expect.stringMatching(/^9 matched Place: "Tashkent" → Tashkent, Uzbekistan/),
    ]);
    expect(plan.summary).toEqual({ imported: 4, skipped: 4, warnings: 1 });
    // The byte-order mark is gone from the first header, the quoted line break kept.
    expect(plan.files.get('narratives/talks-in-srinagar-2016-09-18.md')).toContain(
      'Talks broke down.\nA second line.',
    );
    // The swapped coordinates of row 6 are left to the validator's geography check.
    write(plan);
    const { problems } = compileStory(plan.dir);
    expect(problems.map((p) => [plan.rowOf.get(p.feature), p.message])).toEqual([
      [6, expect.stringMatching(/longitude and latitude look swapped/)],
    ]);
  });

  it('without a day order, asks for one instead of guessing 05/11/2016', () => {
    const plan = planImport('messy.csv', read('messy.csv'), { story: 'messy', root: newRoot() });
    expect(lines(plan)).toContain(
      '5 skipped Date: "05/11/2016" could be day first or month first: say which with --day-first or --month-first',
    );
  });
});

describe('what European spreadsheets write', () => {
  it('reads decimal commas and compass letters, and warns of a stray field and a long title', () => {
    const long = 'A very long title '.repeat(10).trim();
    const csv = [
      'Titel;Datum;Breite;Länge;Kategorie;Quelle',
      'Talks in Srinagar;18.09.2016;34,0837;74,7973;security;https://example.org/a',
      'A fair in Amritsar;20.10.2016;31.634 N;74.872 E;culture;https://example.org/b;extra',
      `${long};2016;31,55;74,34;economy;https://example.org/c`,
    ].join('\r\n');
    const plan = planImport('sheet.csv', csv, {
      story: 'european',
      root: newRoot(),
      columns: 'title=Titel,date=Datum,lat=Breite,lon=Länge,category=Kategorie,source=Quelle',
    });
    expect(plan.summary).toMatchObject({ imported: 3, skipped: 0 });
    expect(lines(plan)).toContainEqual(
      expect.stringMatching(/^3 warning: 7 cells where the header has 6: "extra" not read/),
    );
    expect(lines(plan)).toContainEqual(
      expect.stringMatching(/^4 warning Titel: longer than 140 characters/),
    );
    const at = JSON.parse(plan.files.get('events.geojson')!).features.map(
      (f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates,
    );
    expect(at).toEqual([
      [74.7973, 34.0837],
      [74.872, 31.634],
      [74.34, 31.55],
    ]);
  });
});

describe('other formats', () => {
  it('imports the placemarks of a KML file as events, and names what is no point', () => {
    const plan = planImport('placemarks.kml', read('placemarks.kml'), {
      story: 'kml',
      root: newRoot(),
    });
    expect(lines(plan)).toEqual([
      expect.stringMatching(/^1 matched: no place: named after Colombo, Sri Lanka \(pop\. /),
      expect.stringMatching(/^2 matched: no place: named after Baku, Azerbaijan \(pop\. /),
      '3 skipped: feature 3 is a LineString, not a point: only points import as events',
    ]);
    write(plan);
    const { story, problems } = compileStory(plan.dir);
    expect(problems).toEqual([]);
    const events = story!.layers[0]!.data.features.map((f) => [
      f.properties.id,
      f.properties.date,
      f.properties.date_end,
    ]);
    expect(events).toEqual([
      ['port-agreement-in-colombo-1965-06-05', '1965-06-05', undefined],
      ['conference-in-baku-2021-04-24', '2021-04-24', '2021-05-04'],
    ]);
  });

  it('imports GPX waypoints, their links as sources, and GeoJSON points with their properties', () => {
    const gpx = planImport('waypoints.gpx', read('waypoints.gpx'), {
      story: 'gpx',
      root: newRoot(),
    });
    const [event] = JSON.parse(gpx.files.get('events.geojson')!).features;
    expect(event.properties).toMatchObject({
      title: 'Forum in Lahore',
      date: '2016-10-05',
      place: 'Lahore, Pakistan',
      sources: ['https://example.org/lahore-forum'],
    });
    expect(gpx.files.get(`narratives/${event.id}.md`)).toContain('A regional forum met here.');
    const file = path.resolve('tests/fixtures/stories/two-ports/ports.geojson');
    const geojson = planImport(file, readFileSync(file, 'utf8'), { story: 'ports', root: root });
    expect(geojson.summary).toMatchObject({ imported: 2, skipped: 0 });
  });

  it('reads a tab-separated file', () => {
    const tsv =
      'title\tdate\tplace\tcountry\tsource\nTalks\t2016-09-18\tSrinagar\tIndia\thttps://example.org/t\n';
    const plan = planImport('sheet.tsv', tsv, { story: 'tabs', root: newRoot() });
    expect(plan.summary).toEqual({ imported: 1, skipped: 0, warnings: 1 });
  });
});

describe('round trips and repeats', () => {
  it('the published events.csv of a story imports back into the same events', () => {
    const original = compileStory(path.resolve('tests/fixtures/stories/rivers-and-rails')).story!;
    const plan = planImport('events.csv', eventsCsv(original), { story: 'again', root: newRoot() });
    expect(plan.summary).toMatchObject({ skipped: 0, warnings: 0 });
    write(plan);
    const { story } = compileStory(plan.dir);
    const pick = (s: typeof original) =>
      s.layers
        .filter((l) => l.meta.kind === 'events')
        .flatMap((l) => l.data.features)
        .map((f) => {
          const p = f.properties as Record<string, unknown> & {
            sources: (string | { url: string })[];
          };
          return {
            id: p.id,
            title: p.title,
            date: p.date,
            date_end: p.date_end,
            place: p.place,
            country: p.country,
            at: f.geometry.coordinates,
            location_precision: p.location_precision,
            category: p.category,
            sources: p.sources.map((s) => (typeof s === 'string' ? s : s.url)),
          };
        })
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(pick(story!)).toEqual(pick(original));
  });

  it('importing the same file again with --merge changes nothing; without it, refuses', () => {
    const dir = newRoot();
    const first = planImport('placemarks.kml', read('placemarks.kml'), {
      story: 'twice',
      root: dir,
    });
    write(first);
    expect(() =>
      planImport('placemarks.kml', read('placemarks.kml'), { story: 'twice', root: dir }),
    ).toThrow(/already has 2 features: pass --merge/);
    const again = planImport('placemarks.kml', read('placemarks.kml'), {
      story: 'twice',
      root: dir,
      merge: true,
    });
    for (const [name, content] of again.files) {
      expect(readFileSync(path.join(again.dir, name), 'utf8'), name).toBe(content);
    }
  });

  it('--merge updates the rows whose id exists and keeps every other feature', () => {
    const dir = newRoot();
    write(planImport('placemarks.kml', read('placemarks.kml'), { story: 'merged', root: dir }));
    const csv =
      'id,title,date,lat,lon,category,source\nconference-in-baku-2021-04-24,Baku talks (moved),2021-04-25,40.4093,49.8671,diplomacy,https://example.org/baku2\n';
    const plan = planImport('update.csv', csv, { story: 'merged', root: dir, merge: true });
    const features = JSON.parse(plan.files.get('events.geojson')!).features as {
      id: string;
      properties: { title: string };
    }[];
    expect(features.map((f) => [f.id, f.properties.title])).toEqual([
      ['port-agreement-in-colombo-1965-06-05', 'Port agreement in Colombo'],
      ['conference-in-baku-2021-04-24', 'Baku talks (moved)'],
    ]);
    // The author's narrative of the updated event is not overwritten.
    expect(plan.files.has('narratives/conference-in-baku-2021-04-24.md')).toBe(false);
  });

  it('names a bad story name, an unreadable format and a missing column', () => {
    const r = newRoot();
    expect(() => planImport('a.csv', 'title\n', { story: 'Bad Name', root: r })).toThrow(
      ImportError,
    );
    expect(() => planImport('a.xlsx', '', { story: 'x', root: r })).toThrow(
      /use CSV, TSV, GeoJSON, KML or GPX/,
    );
    expect(() =>
      planImport('a.csv', 'Headline,When\n', { story: 'x', root: r, columns: 'title=Title' }),
    ).toThrow(/no column "Title"; its columns are "Headline", "When"/);
  });
});

describe('npm run import', () => {
  it('--dry-run prints the report and the files it would write, and writes nothing', () => {
    const dir = newRoot();
    const run = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/import.ts',
        path.join(FIXTURES, 'messy.csv'),
        '--story',
        'dry',
        '--root',
        dir,
        '--day-first',
        '--dry-run',
      ],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toContain(
      'row 5: skipped: Place: "Hyderabad" matches Hyderabad, India and Hyderabad, Pakistan',
    );
    expect(run.stdout).toContain('4 imported, 4 skipped, 1 warning');
    expect(run.stdout).toMatch(
      /--dry-run: nothing written\. Would write in .*\/dry\/:\n {2}story\.json/,
    );
    // Rows were skipped: the exit code says so.
    expect(run.status).toBe(1);
    expect(existsSync(path.join(dir, 'dry'))).toBe(false);
  }, 30_000);
});
