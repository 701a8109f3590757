/**
 * A story made by the importer builds into a site on its own: no chapters, no other story beside
 * it (a site whose stories have no chapters once failed to prerender the story-mode routes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'import-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('imports a KML file into a new story, which validates and builds', () => {
  const stories = path.join(work, 'stories');
  const imported = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/import.ts',
      'tests/fixtures/import/placemarks.kml',
      '--story',
      'traced',
      '--root',
      stories,
    ],
    { encoding: 'utf8' },
  );
  // One placemark is a line, not a point: named, skipped, and the exit code says so.
  expect(imported.stdout).toContain('2 imported, 1 skipped, 0 warnings');
  expect(imported.stdout).toContain('traced validates.');
  expect(imported.status).toBe(1);
  const out = path.join(work, 'site');
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, STORIES_DIR: stories, BUILD_DIR: out },
  });
  expect(build.status, build.stderr.slice(-2000)).toBe(0);
  const page = readFileSync(path.join(out, 'traced', 'index.html'), 'utf8');
  expect(page).toContain('Port agreement in Colombo');
  expect(existsSync(path.join(out, 'traced', 'story'))).toBe(false);
}, 180_000);
