import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  mkdirSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashOf } from './story-files';
import { createEditorServer } from './server';

const TOKEN = 'test-token-0123456789abcdef';
let root: string;
let outside: string;
let server: http.Server;
let port: number;

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** One raw request: fetch() would not let a test set Host, or leave Origin out. */
function send(
  method: string,
  url: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** What the editor's own page sends. */
const own = () => ({ origin: `http://127.0.0.1:${port}`, 'x-editor-token': TOKEN });

/** Every file under a folder with its content: a refused request must leave all of them alone. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file)] = readFileSync(file, 'utf8');
    }
  }
  return files;
}

const STORY = 'pakistan-russia';
const file = (name: string) => path.join(root, STORY, name);
const read = (name: string) => readFileSync(file(name), 'utf8');

beforeEach(async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'editor-'));
  root = path.join(base, 'geo');
  outside = path.join(base, 'outside');
  mkdirSync(outside);
  cpSync(path.join('geo', STORY), path.join(root, STORY), { recursive: true });
  server = createEditorServer({ root, token: TOKEN });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return () => {
    server.close();
    rmSync(base, { recursive: true, force: true });
  };
});

async function putEvents(
  content: unknown,
  headers: Record<string, string>,
  url = 'files/events.geojson',
) {
  return send('PUT', `/api/stories/${STORY}/${url}`, {
    headers,
    body: { content, base: hashOf(read('events.geojson')) },
  });
}

describe('the editor server refuses', () => {
  it('a write without the token, and one with a wrong token', async () => {
    const before = snapshot(root);
    const events = JSON.parse(read('events.geojson'));
    events.features[0].properties.title = 'Changed';
    const noToken: Record<string, string> = own();
    delete noToken['x-editor-token'];
    expect((await putEvents(events, noToken)).status).toBe(401);
    expect((await putEvents(events, { ...own(), 'x-editor-token': 'guess' })).status).toBe(401);
    expect((await send('GET', `/api/stories/${STORY}`)).status).toBe(401);
    expect(snapshot(root)).toEqual(before);
  });

  it('a write from another origin, and one with no Origin', async () => {
    const before = snapshot(root);
    const events = JSON.parse(read('events.geojson'));
    events.features[0].properties.title = 'Changed';
    const other = await putEvents(events, { ...own(), origin: 'https://news.example' });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatch(/news\.example/);
    const noOrigin: Record<string, string> = own();
    delete noOrigin.origin;
    expect((await putEvents(events, noOrigin)).status).toBe(403);
    expect(snapshot(root)).toEqual(before);
  });

  it('a request naming another Host (DNS rebinding), even with the token', async () => {
    const before = snapshot(root);
    const events = JSON.parse(read('events.geojson'));
    events.features[0].properties.title = 'Changed';
    const rebound = await putEvents(events, { ...own(), host: `attacker.example:${port}` });
    expect(rebound.status).toBe(421);
    const read_ = await send('GET', `/api/stories/${STORY}`, {
      headers: { host: `attacker.example:${port}`, 'x-editor-token': TOKEN },
    });
    expect(read_.status).toBe(421);
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['a parent segment', 'files/../story.json'],
    ['an encoded separator', 'files/..%2Fstory.json'],
    ['an encoded parent', 'files/%2e%2e/outside.md'],
    ['a double-encoded separator', 'files/narratives%252F..%252Fx.md'],
    ['an absolute path', 'files//etc/passwd'],
    ['a backslash', 'files/narratives\\..\\x.md'],
    ['a file that is not a story file', 'files/run.js'],
  ])('a path outside the story folder: %s', async (_, url) => {
    const before = snapshot(path.dirname(root));
    const reply = await send('PUT', `/api/stories/${STORY}/${url}`, {
      headers: own(),
      body: { content: '---\nfeature: x\nsummary: x\n---\n\nx\n', base: null },
    });
    expect(reply.status).toBe(403);
    expect(snapshot(path.dirname(root))).toEqual(before);
  });

  it('a slug that leaves the stories folder', async () => {
    const before = snapshot(path.dirname(root));
    for (const slug of ['..', '%2e%2e', 'Pakistan']) {
      const reply = await send('PUT', `/api/stories/${slug}/files/story.json`, {
        headers: own(),
        body: { content: {}, base: null },
      });
      expect(reply.status, slug).toBe(403);
    }
    expect(snapshot(path.dirname(root))).toEqual(before);
  });

  it('a path through a symbolic link out of the folder', async () => {
    rmSync(file('narratives'), { recursive: true });
    symlinkSync(outside, file('narratives'));
    const reply = await send('PUT', `/api/stories/${STORY}/files/narratives/planted.md`, {
      headers: own(),
      body: { content: '---\nfeature: planted\nsummary: x\n---\n\nx\n', base: null },
    });
    expect(reply.status).toBe(403);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a narrative the sanitizer would have to clean', async () => {
    const name = 'narratives/uri-attack-2016.md';
    const before = read(name);
    const reply = await send('PUT', `/api/stories/${STORY}/files/${name}`, {
      headers: own(),
      body: { content: `${before}\n<script>alert(1)</script>\n`, base: hashOf(before) },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatch(/script/);
    expect(read(name)).toBe(before);
  });

  it('a write over a file that changed on disk since it was read, giving what is there now', async () => {
    const seen = read('events.geojson');
    const events = JSON.parse(seen);
    const pulled = JSON.parse(seen);
    pulled.features[1].properties.title = 'Changed by a git pull';
    const onDisk = `${JSON.stringify(pulled, null, 2)}`;
    await import('node:fs').then((fs) => fs.writeFileSync(file('events.geojson'), onDisk));
    events.features[0].properties.title = 'Changed in the editor';
    const reply = await send('PUT', `/api/stories/${STORY}/files/events.geojson`, {
      headers: own(),
      body: { content: events, base: hashOf(seen) },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatch(/changed on disk/);
    expect((reply.body.disk as { text: string }).text).toBe(onDisk);
    expect(read('events.geojson')).toBe(onDisk);
  });
});

describe('the editor server writes', () => {
  it('files as the project formats them: reading and writing back changes no byte', async () => {
    const { body } = await send('GET', `/api/stories/${STORY}`, { headers: own() });
    const files = body.files as Record<string, { text: string; hash: string }>;
    const names = [
      'story.json',
      'events.geojson',
      'narratives/uri-attack-2016.md',
      'chapters/05-the-route.md',
    ];
    for (const name of names) {
      const { text, hash } = files[name]!;
      const content = name.endsWith('.md') ? text : JSON.parse(text);
      const reply = await send('PUT', `/api/stories/${STORY}/files/${name}`, {
        headers: own(),
        body: { content, base: hash },
      });
      expect(reply.status, name).toBe(200);
      expect(read(name), name).toBe(text);
    }
  });

  it('a moved pin as a change to that pin’s two coordinate lines only', async () => {
    const before = read('events.geojson');
    const events = JSON.parse(before);
    const moved = events.features[3];
    moved.geometry.coordinates = [
      moved.geometry.coordinates[0] + 0.25,
      moved.geometry.coordinates[1] - 0.1,
    ];
    const reply = await putEvents(events, own());
    expect(reply.status).toBe(200);
    const [a, b] = [before.split('\n'), read('events.geojson').split('\n')];
    expect(b.length).toBe(a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
    expect(changed).toHaveLength(2);
    const id = a.slice(0, changed[0]).findLast((l) => l.includes('"id"'));
    expect(id).toContain(moved.id);
  });

  it('the validator’s verdict after each write, with file names inside the story', async () => {
    const events = JSON.parse(read('events.geojson'));
    const uri = events.features.find((f: { id: string }) => f.id === 'uri-attack-2016');
    uri.geometry.coordinates = [...uri.geometry.coordinates].reverse();
    const reply = await putEvents(events, own());
    const problems = (
      reply.body.check as { problems: { file: string; feature: string; message: string }[] }
    ).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'events.geojson',
        feature: 'uri-attack-2016',
        message: expect.stringMatching(/swapped/),
      }),
    );
  });

  it('a new order of chapters as renames, each file keeping its text', async () => {
    const { body } = await send('GET', `/api/stories/${STORY}`, { headers: own() });
    const files = body.files as Record<string, { text: string; hash: string }>;
    const chapters = Object.keys(files).filter((f) => f.startsWith('chapters/'));
    const order = [chapters[1]!, chapters[0]!, ...chapters.slice(2)];
    const reply = await send('POST', `/api/stories/${STORY}/chapters/order`, {
      headers: own(),
      body: { from: order, bases: Object.fromEntries(chapters.map((c) => [c, files[c]!.hash])) },
    });
    expect(reply.status).toBe(200);
    expect((reply.body.names as string[]).slice(0, 2)).toEqual([
      'chapters/01-the-pipeline-agreement.md',
      'chapters/02-a-steel-mill.md',
    ]);
    expect(read('chapters/01-the-pipeline-agreement.md')).toBe(files[chapters[1]!]!.text);
    expect(read('chapters/02-a-steel-mill.md')).toBe(files[chapters[0]!]!.text);
  });

  it('a reorder Git records as two renames, so each chapter keeps its history', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'story');
    const { body } = await send('GET', `/api/stories/${STORY}`, { headers: own() });
    const files = body.files as Record<string, { hash: string }>;
    const chapters = Object.keys(files).filter((f) => f.startsWith('chapters/'));
    const order = [chapters[1]!, chapters[0]!, ...chapters.slice(2)];
    const bases = Object.fromEntries(chapters.map((c) => [c, files[c]!.hash]));
    await send('POST', `/api/stories/${STORY}/chapters/order`, {
      headers: own(),
      body: { from: order, bases },
    });
    git('add', '-A');
    expect(git('diff', '--cached', '-M', '--name-status').split('\n').sort()).toEqual([
      `R100\t${STORY}/chapters/01-a-steel-mill.md\t${STORY}/chapters/02-a-steel-mill.md`,
      `R100\t${STORY}/chapters/02-the-pipeline-agreement.md\t${STORY}/chapters/01-the-pipeline-agreement.md`,
    ]);
  });

  it('a new story that the validator can then guide', async () => {
    const reply = await send('POST', '/api/stories', {
      headers: own(),
      body: {
        slug: 'new-story',
        title: 'A new story',
        summary: '',
        region: 'Asia',
        bounds: [60, 20, 80, 40],
      },
    });
    expect(reply.status).toBe(200);
    const check = await send('GET', '/api/stories/new-story/check', { headers: own() });
    const messages = (check.body.problems as { message: string }[])
      .map((p) => p.message)
      .join('\n');
    expect(messages).toMatch(/summary/);
    const again = await send('POST', '/api/stories', {
      headers: own(),
      body: { slug: 'new-story', title: 'x', summary: '', region: '', bounds: [0, 0, 1, 1] },
    });
    expect(again.status).toBe(409);
  });
});
