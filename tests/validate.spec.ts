/**
 * Each validator rule, proved by corrupting a copy of the fixture story one way at a time: the rule
 * must fire, naming the file and the feature.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileStory, formatProblem } from '../src/lib/server/story/compile';

const FIXTURE = path.resolve('tests/fixtures/stories/two-ports');
const made: string[] = [];

/** A fresh copy of the fixture story, changed by `mutate`. */
function corrupted(mutate: (dir: string) => void): string {
  const root = mkdtempSync(path.join(tmpdir(), 'story-'));
  const dir = path.join(root, 'two-ports');
  cpSync(FIXTURE, dir, { recursive: true });
  made.push(root);
  mutate(dir);
  return dir;
}

afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function editJson(dir: string, file: string, edit: (json: Json) => void) {
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, 'utf8')) as Json;
  edit(json);
  writeFileSync(full, JSON.stringify(json));
}
function editText(dir: string, file: string, edit: (text: string) => string) {
  const full = path.join(dir, file);
  writeFileSync(full, edit(readFileSync(full, 'utf8')));
}
const port = (json: Json, id: string) => json.features.find((f: Json) => f.id === id);

const cases: {
  rule: string;
  mutate: (dir: string) => void;
  file: string;
  feature: string;
  message: RegExp;
}[] = [
  {
    rule: 'swapped longitude and latitude',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => port(j, 'gwadar-port').geometry.coordinates.reverse()),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /km outside Pakistan — longitude and latitude look swapped/,
  },
  {
    rule: 'a point in the wrong country',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'karachi-port').properties.admin = 'India')),
    file: 'ports.geojson',
    feature: 'karachi-port',
    message: /outside India/,
  },
  {
    rule: 'an unknown country name',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'karachi-port').properties.admin = 'Pakistann')),
    file: 'ports.geojson',
    feature: 'karachi-port',
    message: /not a Natural Earth country name — use one such as "Pakistan"/,
  },
  {
    rule: 'latitude out of range',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'karachi-port').geometry.coordinates[1] = 134)),
    file: 'ports.geojson',
    feature: 'karachi-port',
    message: /latitude 134 is out of range/,
  },
  {
    rule: 'duplicate id',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'gwadar-port').id = 'karachi-port')),
    file: 'ports.geojson',
    feature: 'karachi-port',
    message: /duplicate id/,
  },
  {
    rule: 'missing id',
    mutate: (d) => editJson(d, 'ports.geojson', (j) => delete port(j, 'gwadar-port').id),
    file: 'ports.geojson',
    feature: 'feature #2',
    message: /"id" must be a lower-case-hyphenated string/,
  },
  {
    rule: 'a deleted narrative',
    mutate: (d) => unlinkSync(path.join(d, 'narratives/gwadar-port.md')),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /no narrative — add .*narratives\/gwadar-port\.md/,
  },
  {
    rule: 'a narrative with no feature',
    mutate: (d) =>
      writeFileSync(
        path.join(d, 'narratives/lost-port.md'),
        '---\nfeature: lost-port\nsummary: x\n---\nText',
      ),
    file: 'narratives/lost-port.md',
    feature: 'lost-port',
    message: /no feature has the id/,
  },
  {
    rule: '<script> in a narrative',
    mutate: (d) =>
      editText(d, 'narratives/karachi-port.md', (t) => `${t}\n<script>alert(1)</script>\n`),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /contains a <script> tag/,
  },
  {
    rule: 'an event-handler attribute in a narrative',
    mutate: (d) =>
      editText(d, 'narratives/karachi-port.md', (t) => `${t}\n<img src="x" onerror="alert(1)">\n`),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /event-handler attribute/,
  },
  {
    rule: 'a javascript: link in a narrative',
    mutate: (d) =>
      editText(d, 'narratives/karachi-port.md', (t) => `${t}\n[click](javascript:alert(1))\n`),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /javascript: link/,
  },
  {
    rule: 'a mention of a feature that does not exist',
    mutate: (d) =>
      editText(d, 'narratives/karachi-port.md', (t) => `${t}\nSee [nowhere](#no-such-port).\n`),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /\(#no-such-port\) names no feature/,
  },
  {
    rule: 'frontmatter naming another feature',
    mutate: (d) =>
      editText(d, 'narratives/karachi-port.md', (t) =>
        t.replace('feature: karachi-port', 'feature: gwadar-port'),
      ),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /frontmatter says feature "gwadar-port"/,
  },
  {
    rule: 'frontmatter missing its summary',
    mutate: (d) => editText(d, 'narratives/karachi-port.md', (t) => t.replace(/summary:.*\n/, '')),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /frontmatter summary/,
  },
  {
    rule: 'broken JSON',
    mutate: (d) =>
      editText(d, 'ports.geojson', (t) => t.replace('"features": [', '"features": [,')),
    file: 'ports.geojson',
    feature: '-',
    message: /not valid JSON/,
  },
  {
    rule: 'a file that is not a FeatureCollection',
    mutate: (d) => writeFileSync(path.join(d, 'road.geojson'), '{"type": "Feature"}'),
    file: 'road.geojson',
    feature: '-',
    message: /not a GeoJSON FeatureCollection/,
  },
  {
    rule: 'an impossible date',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'gwadar-port').properties.date = '2007-02-30')),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /no 30 February 2007/,
  },
  {
    rule: 'a date written more precisely than its precision says',
    mutate: (d) =>
      editJson(
        d,
        'ports.geojson',
        (j) => (port(j, 'gwadar-port').properties.date_precision = 'year'),
      ),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /written to the day but date_precision is "year"/,
  },
  {
    rule: 'an end date before the start',
    mutate: (d) =>
      editJson(
        d,
        'ports.geojson',
        (j) => (port(j, 'gwadar-port').properties.date_end = '2006-01-01'),
      ),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /date_end 2006-01-01 is before date/,
  },
  {
    rule: 'an unknown category',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'gwadar-port').properties.category = 'trade')),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message:
      /properties.category "trade" is not one of this story's categories \(energy, defence, security, diplomacy, economy, culture\) — use one of them, or declare it in story.json "categories"/,
  },
  {
    rule: "a category outside the story's own",
    mutate: (d) => {
      editJson(
        d,
        'story.json',
        (j) => (j.categories = [{ id: 'trade', label: 'Trade', color: '#238b70' }]),
      );
    },
    file: 'ports.geojson',
    feature: 'karachi-port',
    message: /properties.category "economy" is not one of this story's categories \(trade\)/,
  },
  {
    rule: 'a category colour that vanishes on the dark map',
    mutate: (d) =>
      editJson(d, 'story.json', (j) => {
        j.categories = [{ id: 'economy', label: 'Economy', color: '#1b3a1c' }];
      }),
    file: 'story.json',
    feature: 'categories.economy',
    message:
      /the colour #1b3a1c has a contrast of 1\.\d\d:1 against the dark map's land \(#2a2c30\); map symbols need 3:1 — choose a lighter colour/,
  },
  {
    rule: 'a category declared twice',
    mutate: (d) =>
      editJson(d, 'story.json', (j) => {
        j.categories = [
          { id: 'economy', label: 'Economy', color: '#238b70' },
          { id: 'economy', label: 'Trade', color: '#c26a00' },
        ];
      }),
    file: 'story.json',
    feature: 'categories.economy',
    message: /declared twice/,
  },
  {
    rule: 'a source that is not a URL',
    mutate: (d) =>
      editJson(
        d,
        'ports.geojson',
        (j) => (port(j, 'gwadar-port').properties.sources = ['Dawn, 2007']),
      ),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /full URL/,
  },
  {
    rule: 'a source object without a title',
    mutate: (d) =>
      editJson(
        d,
        'ports.geojson',
        (j) =>
          (port(j, 'gwadar-port').properties.sources = [
            { url: 'https://dawn.example/gwadar', outlet: 'Dawn' },
          ]),
      ),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /sources\.0\.title/,
  },
  {
    rule: 'a source object with a partial date that is not a date',
    mutate: (d) =>
      editJson(
        d,
        'ports.geojson',
        (j) =>
          (port(j, 'gwadar-port').properties.sources = [
            {
              url: 'https://dawn.example/g',
              title: 'Port opens',
              outlet: 'Dawn',
              date: 'May 2007',
            },
          ]),
      ),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /a date must look like 2016/,
  },
  {
    rule: 'a line with one position',
    mutate: (d) =>
      editJson(d, 'road.geojson', (j) => (j.features[0].geometry.coordinates = [[66.98, 24.86]])),
    file: 'road.geojson',
    feature: 'coastal-highway',
    message: /at least two positions/,
  },
  {
    rule: 'a line with a repeated position',
    mutate: (d) =>
      editJson(d, 'road.geojson', (j) =>
        j.features[0].geometry.coordinates.splice(1, 0, [66.98, 24.86]),
      ),
    file: 'road.geojson',
    feature: 'coastal-highway',
    message: /positions 1 and 2 are the same point/,
  },
  {
    rule: 'a point where a line belongs',
    mutate: (d) =>
      editJson(
        d,
        'road.geojson',
        (j) => (j.features[0].geometry = { type: 'Point', coordinates: [66, 25] }),
      ),
    file: 'road.geojson',
    feature: 'coastal-highway',
    message: /geometry must be a LineString/,
  },
  {
    rule: 'a route far longer than stated',
    mutate: (d) =>
      editJson(d, 'road.geojson', (j) => (j.features[0].properties.stated_length_km = 100)),
    file: 'road.geojson',
    feature: 'coastal-highway',
    message: /the line is \d+ km long but stated_length_km is 100/,
  },
  {
    rule: 'a hand-drawn link',
    mutate: (d) =>
      editJson(
        d,
        'ties.geojson',
        (j) =>
          (j.features[0].geometry = {
            type: 'LineString',
            coordinates: [
              [66, 25],
              [62, 25],
            ],
          }),
      ),
    file: 'ties.geojson',
    feature: 'sister-ports',
    message: /geometry must be null — its arc is generated/,
  },
  {
    rule: 'a link to a missing event',
    mutate: (d) => editJson(d, 'ties.geojson', (j) => (j.features[0].properties.to = 'lost-port')),
    file: 'ties.geojson',
    feature: 'sister-ports',
    message: /properties.to: "lost-port" is not the id of an event/,
  },
  {
    rule: 'an empty layer',
    mutate: (d) => editJson(d, 'road.geojson', (j) => (j.features = [])),
    file: 'road.geojson',
    feature: '-',
    message: /the layer "road" has no features — add at least one, or remove the layer/,
  },
  {
    rule: 'a story whose layers are all empty',
    mutate: (d) => {
      for (const file of ['ports.geojson', 'road.geojson', 'ties.geojson']) {
        editJson(d, file, (j) => (j.features = []));
      }
    },
    file: 'ports.geojson',
    feature: '-',
    message: /the layer "ports" has no features/,
  },
  {
    rule: 'a link between antipodal places',
    mutate: (d) =>
      editJson(d, 'ties.geojson', (j) => {
        j.features[0].properties.from = { place: 'Null Island', lon: 0, lat: 0 };
        j.features[0].properties.to = { place: 'Its antipode', lon: 180, lat: 0 };
      }),
    file: 'ties.geojson',
    feature: 'sister-ports',
    message: /antipodal/,
  },
  {
    rule: 'an iframe in a narrative, which the sanitizer would strip',
    mutate: (d) =>
      editText(
        d,
        'narratives/karachi-port.md',
        (t) => `${t}\n<iframe src="https://example.org/video"></iframe>\n`,
      ),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /contains an embedded frame \(<iframe>\), which is removed when published — remove it/,
  },
  {
    rule: 'an entity-encoded javascript: link in a narrative',
    mutate: (d) =>
      editText(
        d,
        'narratives/karachi-port.md',
        (t) => `${t}\n<a href="&#x6A;avascript&colon;alert(1)">x</a>\n`,
      ),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /javascript: link/,
  },
  {
    rule: 'NUL bytes in a narrative',
    mutate: (d) => editText(d, 'narratives/karachi-port.md', (t) => `${t}\nA\u0000B\n`),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /control characters \(such as NUL bytes\)/,
  },
  {
    rule: 'a narrative as long as a book',
    mutate: (d) =>
      editText(d, 'narratives/karachi-port.md', (t) => `${t}\n${'Words. '.repeat(10_000)}`),
    file: 'narratives/karachi-port.md',
    feature: 'karachi-port',
    message: /the narrative is \d+ characters long — keep it under 50000/,
  },
  {
    rule: 'an unknown property',
    mutate: (d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'gwadar-port').properties.colour = 'red')),
    file: 'ports.geojson',
    feature: 'gwadar-port',
    message: /colour/,
  },
  // Chapters (chapters/NN-slug.md): each rule names the file and the chapter's slug.
  {
    rule: 'a chapter that names a missing feature',
    mutate: (d) =>
      editText(d, 'chapters/01-two-harbours.md', (t) =>
        t.replace('focus: [karachi-port, gwadar-port]', 'focus: [karachi-port, lost-port]'),
      ),
    file: 'chapters/01-two-harbours.md',
    feature: 'two-harbours',
    message: /focus names "lost-port", which is not a feature/,
  },
  {
    rule: 'a chapter camera with a zoom out of range',
    mutate: (d) =>
      editText(d, 'chapters/02-the-road.md', (t) => t.replace('zoom: 5.3', 'zoom: 30')),
    file: 'chapters/02-the-road.md',
    feature: 'the-road',
    message: /frontmatter camera\.zoom: .*9/,
  },
  {
    rule: 'a chapter camera with two targets',
    mutate: (d) =>
      editText(d, 'chapters/02-the-road.md', (t) =>
        t.replace('  zoom: 5.3', '  zoom: 5.3\n  bounds: [61, 23, 68, 27]'),
      ),
    file: 'chapters/02-the-road.md',
    feature: 'the-road',
    message: /camera has more than one target/,
  },
  {
    rule: 'chapter camera bounds written east before west',
    mutate: (d) =>
      editText(d, 'chapters/01-two-harbours.md', (t) =>
        t.replace('  fit: [karachi-port, gwadar-port]', '  bounds: [68.5, 23, 61, 26.5]'),
      ),
    file: 'chapters/01-two-harbours.md',
    feature: 'two-harbours',
    message:
      /camera.bounds \[68.5, 23, 61, 26.5\] is empty or inverted — write \[west, south, east, north\]/,
  },
  {
    rule: 'a chapter window that ends before it starts',
    mutate: (d) =>
      editText(d, 'chapters/02-the-road.md', (t) =>
        t.replace('date: 2004/2024', 'date: 2024/2004'),
      ),
    file: 'chapters/02-the-road.md',
    feature: 'the-road',
    message: /date "2024\/2004" ends before it starts/,
  },
  {
    rule: 'draw on a feature that is not a route',
    mutate: (d) =>
      editText(d, 'chapters/02-the-road.md', (t) =>
        t.replace('route: coastal-highway', 'route: gwadar-port'),
      ),
    file: 'chapters/02-the-road.md',
    feature: 'the-road',
    message: /draw.route "gwadar-port" is an event, not a route/,
  },
  {
    rule: 'draw from a place that is not a waypoint',
    mutate: (d) =>
      editText(d, 'chapters/02-the-road.md', (t) =>
        t.replace('from_place: Karachi', 'from_place: Pasni'),
      ),
    file: 'chapters/02-the-road.md',
    feature: 'the-road',
    message: /draw.from_place "Pasni" is not a waypoint of "coastal-highway" — use one of: Karachi/,
  },
  {
    rule: 'a mention in a chapter that names no feature',
    mutate: (d) =>
      editText(d, 'chapters/02-the-road.md', (t) => `${t}\nSee [nowhere](#no-such-port).\n`),
    file: 'chapters/02-the-road.md',
    feature: 'the-road',
    message: /the link \(#no-such-port\) names no feature/,
  },
  {
    rule: 'unsafe HTML in a chapter',
    mutate: (d) =>
      editText(d, 'chapters/01-two-harbours.md', (t) => `${t}\n<img src="x" onerror="alert(1)">\n`),
    file: 'chapters/01-two-harbours.md',
    feature: 'two-harbours',
    message: /contains an event-handler attribute/,
  },
  {
    rule: 'a focus feature outside the chapter window',
    mutate: (d) =>
      editText(d, 'chapters/01-two-harbours.md', (t) =>
        t.replace('date: 1850/2024', 'date: 1850/1900'),
      ),
    file: 'chapters/01-two-harbours.md',
    feature: 'two-harbours',
    message:
      /focus "gwadar-port" \(2007-03-20\) lies outside the date window 1850\/1900 — widen it/,
  },
  {
    rule: 'a chapter file without its number',
    mutate: (d) =>
      editText(d, 'chapters/02-the-road.md', (t) => {
        writeFileSync(path.join(d, 'chapters/road.md'), t);
        return t;
      }),
    file: 'chapters/road.md',
    feature: 'road.md',
    message: /must be named NN-slug\.md/,
  },
  {
    rule: 'route waypoints that do not match its positions',
    mutate: (d) => editJson(d, 'road.geojson', (j) => j.features[0].properties.waypoints.pop()),
    file: 'road.geojson',
    feature: 'coastal-highway',
    message: /waypoints names 3 places but the line has 4 positions/,
  },
  {
    rule: 'a focus connection whose events lie outside the chapter window',
    mutate: (d) => {
      editText(d, 'chapters/01-two-harbours.md', (t) =>
        t
          .replace('date: 1850/2024', 'date: 2006/2024')
          .replace('focus: [karachi-port, gwadar-port]', 'focus: [gwadar-port, sister-ports]'),
      );
    },
    file: 'chapters/01-two-harbours.md',
    feature: 'two-harbours',
    message:
      /focus "sister-ports" joins "karachi-port", which \(1887\) lies outside the date window 2006\/2024 — widen it/,
  },
  {
    rule: 'unsafe HTML in a chapter’s slide text',
    mutate: (d) =>
      editText(d, 'chapters/01-two-harbours.md', (t) =>
        t.replace('notes: Start', 'slide: See <img src="x">.\nnotes: Start'),
      ),
    file: 'chapters/01-two-harbours.md',
    feature: 'two-harbours',
    message: /the chapter's slide contains an image/,
  },
  {
    rule: 'camera.beyond naming no event',
    mutate: (d) => editJson(d, 'story.json', (j) => (j.camera.beyond = ['no-such-event'])),
    file: 'story.json',
    feature: 'camera.beyond',
    message: /"no-such-event" is not an event of this story — list event ids only/,
  },
  {
    rule: 'a bad story.json',
    mutate: (d) => editJson(d, 'story.json', (j) => (j.camera = { center: [60, 20] })),
    file: 'story.json',
    feature: '-',
    message: /camera/,
  },
];

describe('validator rules', () => {
  it('accepts the fixture story as it is', () => {
    const { story, problems, warnings } = compileStory(corrupted(() => {}));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
    expect(story?.layers.map((l) => l.data.features.length)).toEqual([2, 1, 1]);
    expect(story?.chapters.map((c) => c.slug)).toEqual(['two-harbours', 'the-road']);
  });

  it('compiles chapters: fit to bounds, the window, and draw between named waypoints', () => {
    const [harbours, road] = compileStory(corrupted(() => {})).story!.chapters;
    // fit: both ports, each grown to a 4° frame.
    expect(harbours!.camera.type).toBe('bounds');
    expect(harbours!.bounds[0]).toBeLessThan(62.33);
    expect(harbours!.bounds[2]).toBeGreaterThan(66.98);
    expect(harbours!.window).toEqual(['1850-01-01', '2024-12-31']);
    expect(harbours!.html).toContain('<a href="#karachi-port" data-feature="karachi-port">');
    expect(road!.camera).toEqual({ type: 'view', center: [64.6, 25.2], zoom: 5.3 });
    expect(road!.draw).toEqual({ route: 'coastal-highway', from: 0, to: 1 });
    expect(road!.categories).toEqual(['economy']);
  });

  it('a story without a chapters folder compiles, with no chapters', () => {
    const dir = corrupted((d) => rmSync(path.join(d, 'chapters'), { recursive: true }));
    const { story, problems } = compileStory(dir);
    expect(problems).toEqual([]);
    expect(story!.chapters).toEqual([]);
  });

  for (const c of cases) {
    it(`fires on ${c.rule}`, () => {
      const dir = corrupted(c.mutate);
      const { story, problems } = compileStory(dir);
      expect(story).toBeNull();
      const hit = problems.find(
        (p) => p.file.endsWith(c.file) && p.feature === c.feature && c.message.test(p.message),
      );
      expect(
        hit,
        `expected ${c.file}: ${c.feature}: ${c.message}\ngot:\n${problems.map(formatProblem).join('\n')}`,
      ).toBeDefined();
      // Every line says what is wrong and how to fix it.
      for (const p of problems) expect(formatProblem(p)).toMatch(/^.+: .+: .+ — .+/);
    });
  }

  it('accepts source objects, secondary ones and timeline sources beside plain URLs', () => {
    const dir = corrupted((d) => {
      editJson(d, 'ports.geojson', (j) =>
        port(j, 'gwadar-port').properties.sources.push(
          {
            url: 'https://dawn.example/g',
            title: 'Gwadar port opens',
            outlet: 'Dawn',
            date: '2007-03',
          },
          { url: 'https://b.example/x', title: 'Ports', outlet: 'B', secondary: true },
        ),
      );
      editJson(d, 'road.geojson', (j) => {
        j.features[0].properties.timeline = [
          { date: j.features[0].properties.date, text: 'Opened.', source: 'https://c.example/' },
        ];
      });
    });
    const { story, problems } = compileStory(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    const gwadar = story!.layers[0]!.data.features.find((f) => f.id === 'gwadar-port')!;
    expect(gwadar.properties.sources.at(-1)).toMatchObject({ outlet: 'B', secondary: true });
  });

  it('warns, without failing, about a source on the weak-source list', () => {
    const dir = corrupted((d) =>
      editJson(d, 'ports.geojson', (j) =>
        port(j, 'karachi-port').properties.sources.push({
          url: 'https://en.wikimili.com/en/Port_of_Karachi',
          title: 'Port of Karachi',
          outlet: 'WikiMili',
        }),
      ),
    );
    const { story, problems, warnings } = compileStory(dir);
    expect(problems).toEqual([]);
    expect(story).not.toBeNull();
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(
        /ports\.geojson: karachi-port: source wikimili\.com is on the weak-source list \(a Wikipedia mirror\) — cite the original report$/,
      ),
    ]);
  });

  it('warns, without failing, about an event outside the default view, unless it is listed as beyond', () => {
    const outside = corrupted((d) =>
      editJson(d, 'story.json', (j) => (j.camera.bounds = [64, 23, 68.5, 26.5])),
    );
    const { story, warnings } = compileStory(outside);
    expect(story).not.toBeNull();
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(
        /ports\.geojson: gwadar-port: the event \[62\.3254, 25\.1216\] lies outside the default view .* list it in camera\.beyond if that is meant$/,
      ),
    ]);
    const listed = corrupted((d) =>
      editJson(d, 'story.json', (j) => {
        j.camera.bounds = [64, 23, 68.5, 26.5];
        j.camera.beyond = ['gwadar-port'];
      }),
    );
    expect(compileStory(listed).warnings).toEqual([]);
  });

  it('warns when a chapter’s centre and zoom cannot show its focus on a phone', () => {
    const { story, warnings } = compileStory(
      path.resolve('tests/fixtures/stories/rivers-and-rails'),
    );
    expect(story).not.toBeNull();
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(
        /chapters\/05-tashkent-and-baku\.md: tashkent-and-baku: camera\.center and zoom 4\.3 cannot show the chapter's focus on a phone \(375 px\): the map zooms out to [\d.]+ there — frame it on every screen with camera\.fit: \[tashkent-summit-2021, baku-conference-2021, link-tashkent-baku\]$/,
      ),
    ]);
  });

  it('accepts a listed domain marked secondary: the author found no original', () => {
    const dir = corrupted((d) =>
      editJson(d, 'ports.geojson', (j) =>
        port(j, 'karachi-port').properties.sources.push({
          url: 'https://wikimili.com/en/Port_of_Karachi',
          title: 'Port of Karachi',
          outlet: 'WikiMili',
          secondary: true,
        }),
      ),
    );
    expect(compileStory(dir).warnings).toEqual([]);
  });

  it('reports every problem in one run', () => {
    const dir = corrupted((d) => {
      editJson(d, 'ports.geojson', (j) => port(j, 'gwadar-port').geometry.coordinates.reverse());
      unlinkSync(path.join(d, 'narratives/karachi-port.md'));
      editText(d, 'narratives/coastal-highway.md', (t) => `${t}\n<script>x</script>`);
    });
    const features = compileStory(dir).problems.map((p) => p.feature);
    expect(features).toEqual(
      expect.arrayContaining(['gwadar-port', 'karachi-port', 'coastal-highway']),
    );
  });
});

describe('events at sea', () => {
  /** Gwadar's event moved 70 km offshore, described by its waters instead of a country. */
  const atSea = (d: string, edit: (props: Json, geometry: Json) => void = () => {}) =>
    editJson(d, 'ports.geojson', (j) => {
      const f = port(j, 'gwadar-port');
      delete f.properties.admin;
      delete f.properties.country;
      f.properties.waters = "Arabian Sea, in Pakistan's exclusive economic zone";
      f.properties.zone = 'Pakistan';
      f.geometry.coordinates = [62.3, 24.5];
      edit(f.properties, f.geometry);
    });
  const problemsOf = (mutate: (d: string) => void) =>
    compileStory(corrupted(mutate)).problems.map(formatProblem);

  it('accepts a point at sea, within 200 nautical miles of the zone it names', () => {
    expect(problemsOf((d) => atSea(d))).toEqual([]);
    expect(problemsOf((d) => atSea(d, (p) => delete p.zone))).toEqual([]);
  });

  it('refuses a point "at sea" that lies on land', () => {
    expect(problemsOf((d) => atSea(d, (_, g) => (g.coordinates = [67.5, 26.5])))).toEqual([
      expect.stringMatching(
        /ports\.geojson: gwadar-port: the point \[67\.5, 26\.5\] is on land, \d+ km inside Pakistan, but the event has "waters" — check the coordinates/,
      ),
    ]);
  });

  it('still catches swapped longitude and latitude', () => {
    expect(problemsOf((d) => atSea(d, (_, g) => g.coordinates.reverse()))).toEqual([
      expect.stringMatching(/is on land, .* — longitude and latitude look swapped/),
    ]);
  });

  it('refuses a point beyond the exclusive economic zone it names', () => {
    expect(problemsOf((d) => atSea(d, (_, g) => (g.coordinates = [62.3, 14])))).toEqual([
      expect.stringMatching(/km from Pakistan, beyond the 200 nautical miles .* — check/),
    ]);
  });

  it('asks for admin or waters, and not both', () => {
    expect(problemsOf((d) => atSea(d, (p) => delete p.waters)).join('\n')).toMatch(
      /needs "admin" .* or "waters"/,
    );
    expect(problemsOf((d) => atSea(d, (p) => (p.admin = 'Pakistan'))).join('\n')).toMatch(
      /has both "admin" \(on land\) and "waters" \(at sea\)/,
    );
  });
});

describe('files saved by other editors', () => {
  it('accepts a byte-order mark and CRLF line ends', () => {
    const dir = corrupted((d) => {
      editText(d, 'story.json', (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
      editText(d, 'narratives/karachi-port.md', (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    });
    expect(compileStory(dir).problems.map(formatProblem)).toEqual([]);
  });
});

describe('links across the antimeridian', () => {
  it('compile to a valid MultiLineString cut at ±180°, without throwing', () => {
    const dir = corrupted((d) =>
      editJson(d, 'ties.geojson', (j) => {
        j.features[0].properties.from = { place: 'Vladivostok', lon: 131.8869, lat: 43.1155 };
        j.features[0].properties.to = { place: 'Anchorage', lon: -149.9003, lat: 61.2181 };
      }),
    );
    const { story, problems } = compileStory(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    const arc = story!.layers.find((l) => l.meta.id === 'ties')!.data.features[0]!.geometry;
    expect(arc.type).toBe('MultiLineString');
    const lons = (arc.coordinates as number[][][]).flat().map((p) => p[0]!);
    expect(Math.max(...lons.map(Math.abs))).toBeLessThanOrEqual(180);
  });
});

describe('npm run validate', () => {
  it('exits non-zero and prints file: feature: problem for a broken story', () => {
    const dir = corrupted((d) =>
      editJson(d, 'ports.geojson', (j) => (port(j, 'karachi-port').geometry.coordinates[1] = 134)),
    );
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const e = error as { status: number; stderr: string };
      status = e.status;
      output = e.stderr;
    }
    expect(status).toBe(1);
    expect(output).toMatch(/ports\.geojson: karachi-port: latitude 134 is out of range/);
  });

  it('exits non-zero and prints file: chapter: problem for a broken chapter', () => {
    const dir = corrupted((d) =>
      editText(d, 'chapters/02-the-road.md', (t) =>
        t.replace('route: coastal-highway', 'route: karachi-port'),
      ),
    );
    let output = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      output = (error as { stderr: string }).stderr;
    }
    expect(output).toMatch(
      /chapters\/02-the-road\.md: the-road: draw\.route "karachi-port" is an event, not a route — /,
    );
  });

  it('prints weak-source warnings but exits 0', () => {
    const dir = corrupted((d) =>
      editJson(d, 'ports.geojson', (j) =>
        port(j, 'karachi-port').properties.sources.push('https://voltairenet.org/article1.html'),
      ),
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /WARNING .*ports\.geojson: karachi-port: source voltairenet\.org is on the weak-source list/,
    );
  });

  it('passes every story in the fixtures folder: a second story needs no code', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/validate.ts', 'tests/fixtures/stories'],
      { encoding: 'utf8' },
    );
    expect(out).toMatch(
      /ok {3}tests\/fixtures\/stories\/two-ports: 4 features in 3 layers, 2 chapters/,
    );
  });
});
