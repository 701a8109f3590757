/**
 * Fuzzing the validator: random corruptions of the fixture story must each end with the validator
 * reporting problems or accepting the story — never an exception, never a hang. The random
 * generator is seeded (`FUZZ_SEED`), so a failing case can be replayed.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURE = path.resolve('tests/fixtures/stories/two-ports');
const SEED = Number(process.env.FUZZ_SEED ?? 20211016);
const RANDOM_CASES = 80;
/** A case that takes longer than this is a hang. */
const CASE_LIMIT_MS = 15_000;

/** mulberry32: small, fast and reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const root = mkdtempSync(path.join(tmpdir(), 'story-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Values of every wrong type, and coordinates no map can hold. */
const GARBAGE: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  '',
  'NaN',
  '\u0000',
  [],
  {},
  [[[[[]]]]],
  { type: 'Feature' },
  { type: 'FeatureCollection', features: 'none' },
  'x'.repeat(5000),
  { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
];

/** Walks to a random node of a JSON value and returns its parent and key. */
function randomSlot(
  json: unknown,
  r: Rng,
): { parent: Record<string, unknown>; key: string } | null {
  let parent: Record<string, unknown> | null = null;
  let key = '';
  let node = json;
  for (let depth = 0; depth < 8 && node && typeof node === 'object'; depth++) {
    const keys = Object.keys(node);
    if (!keys.length || (parent && r.next() < 0.25)) break;
    parent = node as Record<string, unknown>;
    key = r.pick(keys);
    node = parent[key];
  }
  return parent ? { parent, key } : null;
}

function deepGarbage(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

/** One corruption each; every one changes a fresh copy of the fixture. */
const CORRUPTIONS: Record<string, (dir: string, r: Rng) => string> = {
  'truncated JSON': (dir, r) => {
    const file = r.pick(filesOf(dir).filter((f) => f.endsWith('.json') || f.endsWith('.geojson')));
    const text = readFileSync(path.join(dir, file), 'utf8');
    const at = r.int(text.length);
    writeFileSync(path.join(dir, file), text.slice(0, at));
    return `${file} cut at ${at}`;
  },
  'wrong type': (dir, r) => {
    const file = r.pick(filesOf(dir).filter((f) => /json$/.test(f)));
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
    const slot = randomSlot(json, r);
    const value = r.pick(GARBAGE);
    if (slot) slot.parent[slot.key] = value;
    writeFileSync(path.join(dir, file), JSON.stringify(slot ? json : value));
    return `${file} ${slot?.key ?? '(root)'} = ${JSON.stringify(value)?.slice(0, 40)}`;
  },
  'nested garbage': (dir, r) => {
    const file = r.pick(filesOf(dir).filter((f) => /json$/.test(f)));
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
    const slot = randomSlot(json, r);
    const depth = r.pick([10, 500, 3000]);
    if (slot) slot.parent[slot.key] = deepGarbage(depth);
    writeFileSync(path.join(dir, file), JSON.stringify(json));
    return `${file} ${slot?.key} nested ${depth} deep`;
  },
  'bad coordinates': (dir, r) => {
    const file = r.pick(['ports.geojson', 'road.geojson']);
    const text = readFileSync(path.join(dir, file), 'utf8');
    const numbers = [...text.matchAll(/-?\d+\.\d+/g)];
    const target = r.pick(numbers);
    const value = r.pick([
      'NaN',
      'Infinity',
      '-Infinity',
      '1e400',
      '-1e999',
      '1e308',
      '9'.repeat(400),
    ]);
    writeFileSync(
      path.join(dir, file),
      text.slice(0, target.index) + value + text.slice(target.index! + target[0].length),
    );
    return `${file} ${target[0]} → ${value.slice(0, 12)}`;
  },
  'link to huge coordinates': (dir, r) => {
    const file = path.join(dir, 'ties.geojson');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const lon = r.pick([1e308, -1e308, 181, 180, -180, 0]);
    const lat = r.pick([1e308, 90, -90, 91, 0]);
    json.features[0].properties[r.pick(['from', 'to'])] = { place: 'Far', lon, lat };
    writeFileSync(file, JSON.stringify(json));
    return `link end at ${lon}, ${lat}`;
  },
  'NUL bytes': (dir, r) => {
    const file = r.pick(filesOf(dir));
    const text = readFileSync(path.join(dir, file), 'utf8');
    const at = r.int(text.length);
    writeFileSync(path.join(dir, file), `${text.slice(0, at)}\u0000\u0000${text.slice(at)}`);
    return `${file} NUL at ${at}`;
  },
  BOM: (dir, r) => {
    const file = r.pick(filesOf(dir));
    writeFileSync(path.join(dir, file), `\uFEFF${readFileSync(path.join(dir, file), 'utf8')}`);
    return `${file} starts with a BOM`;
  },
  'CRLF line ends': (dir) => {
    for (const file of filesOf(dir)) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      writeFileSync(path.join(dir, file), text.replace(/\r?\n/g, '\r\n'));
    }
    return 'every file';
  },
  'a deleted file': (dir, r) => {
    const file = r.pick(filesOf(dir));
    unlinkSync(path.join(dir, file));
    return file;
  },
  'random bytes': (dir, r) => {
    const file = r.pick(filesOf(dir));
    const bytes = readFileSync(path.join(dir, file));
    for (let i = 0; i < 1 + r.int(6); i++) bytes[r.int(bytes.length)] = r.int(256);
    writeFileSync(path.join(dir, file), bytes);
    return file;
  },
};

/** Cases that must always be tried, whatever the seed draws. */
const FIXED: [string, (dir: string) => string][] = [
  [
    'a 10 MB narrative',
    (dir) => {
      const file = path.join(dir, 'narratives/karachi-port.md');
      const para = 'A long narrative sentence with *emphasis* and [a link](#gwadar-port). ';
      writeFileSync(
        file,
        readFileSync(file, 'utf8') + `\n${para.repeat(10_000_000 / para.length)}`,
      );
      return 'karachi-port.md';
    },
  ],
  [
    'a BOM on story.json',
    (dir) => CORRUPTIONS.BOM!(dir, { ...rng(1), pick: () => 'story.json' } as Rng),
  ],
  ['CRLF everywhere', (dir) => CORRUPTIONS['CRLF line ends']!(dir, rng(1))],
];

interface Case {
  name: string;
  dir: string;
}

function makeCases(): Case[] {
  const r = rng(SEED);
  const cases: Case[] = [];
  const copy = (i: number) => {
    const dir = path.join(root, `case-${i}`, 'two-ports');
    cpSync(FIXTURE, dir, { recursive: true });
    return dir;
  };
  for (const [name, corrupt] of FIXED) {
    const dir = copy(cases.length);
    cases.push({ name: `${name}: ${corrupt(dir)}`, dir });
  }
  const kinds = Object.keys(CORRUPTIONS);
  for (let i = 0; i < RANDOM_CASES; i++) {
    const dir = copy(cases.length);
    const kind = kinds[i % kinds.length]!;
    cases.push({ name: `${kind}: ${CORRUPTIONS[kind]!(dir, r)}`, dir });
  }
  return cases;
}

type Answer = {
  dir: string;
  accepted?: boolean;
  problems?: number;
  crash?: string;
  malformed?: string[];
};

/** Feeds the cases to one worker process; a case that outlives its limit is a hang. */
async function runAll(cases: Case[]): Promise<Map<string, Answer | 'hang'>> {
  const results = new Map<string, Answer | 'hang'>();
  let worker: ChildProcessWithoutNullStreams | null = null;
  let pending: ((line: string | null) => void) | null = null;
  let buffer = '';
  const start = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fuzz/validate-worker.ts']);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        pending?.(line);
      }
    });
    child.on('exit', () => pending?.(null));
    return child;
  };
  for (const c of cases) {
    worker ??= start();
    const answer = await new Promise<string | null | 'hang'>((resolve) => {
      // The first case also pays for starting Node and loading the basemap.
      const limit = setTimeout(() => resolve('hang'), CASE_LIMIT_MS + (results.size ? 0 : 20_000));
      pending = (line) => {
        clearTimeout(limit);
        resolve(line);
      };
      worker!.stdin.write(`${c.dir}\n`);
    });
    pending = null;
    if (answer === 'hang' || answer === null) {
      results.set(c.name, answer === 'hang' ? 'hang' : { dir: c.dir, crash: 'worker exited' });
      worker.kill('SIGKILL');
      worker = null;
      buffer = '';
      continue;
    }
    results.set(c.name, JSON.parse(answer) as Answer);
  }
  worker?.stdin.end();
  return results;
}

describe('validator fuzz', () => {
  it(`survives ${RANDOM_CASES + FIXED.length} corruptions of the fixture story (seed ${SEED})`, async () => {
    const cases = makeCases();
    const started = Date.now();
    const results = await runAll(cases);
    const crashes = [...results].filter(([, a]) => a !== 'hang' && a.crash);
    const hangs = [...results].filter(([, a]) => a === 'hang');
    const malformed = [...results].filter(([, a]) => a !== 'hang' && a.malformed?.length);
    const accepted = [...results].filter(([, a]) => a !== 'hang' && a.accepted).length;
    console.log(
      `validator fuzz, seed ${SEED}: ${cases.length} cases, ${crashes.length} crashes, ${hangs.length} hangs, ` +
        `${accepted} accepted, ${cases.length - accepted - crashes.length - hangs.length} reported problems, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const show = (list: [string, Answer | 'hang'][]) =>
      list
        .map(([name, a]) => `${name}: ${a === 'hang' ? 'hang' : (a.crash ?? a.malformed)}`)
        .join('\n');
    expect(crashes, show(crashes)).toEqual([]);
    expect(hangs, show(hangs)).toEqual([]);
    expect(malformed, show(malformed)).toEqual([]);
    // The corruptions must bite: most cases are refused, with messages.
    expect(accepted).toBeLessThan(cases.length / 2);
  }, 120_000);

  it('the command line exits non-zero with messages on a corrupted story, and 0 on the fixture', () => {
    const dir = path.join(root, 'cli', 'two-ports');
    cpSync(FIXTURE, dir, { recursive: true });
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(ok.status).toBe(0);
    CORRUPTIONS['truncated JSON']!(dir, { ...rng(SEED), pick: () => 'ports.geojson' } as Rng);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/ports\.geojson: -: not valid JSON .* — fix the syntax/);
  }, 60_000);
});
