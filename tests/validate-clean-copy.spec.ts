/**
 * `npm run validate` on a fresh clone: the first thing an author does after `npm ci` is write a
 * story and validate it, before anything has been built. Generated files (`.svelte-kit/`, which
 * holds the `$lib` alias) are absent there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const copy = mkdtempSync(path.join(tmpdir(), 'clean-copy-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('a clean copy of the repository, with its packages installed', () => {
  it('validates its stories with npm run validate', () => {
    // What a clone holds: the tracked files (and new ones not yet committed), nothing generated.
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    for (const file of files) {
      mkdirSync(path.join(copy, path.dirname(file)), { recursive: true });
      cpSync(file, path.join(copy, file));
    }
    symlinkSync(path.resolve('node_modules'), path.join(copy, 'node_modules'), 'dir');
    const run = spawnSync('npm', ['run', '--silent', 'validate'], { cwd: copy, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/Cannot find package|ERR_MODULE_NOT_FOUND/);
    expect(run.stdout).toMatch(/^ok {3}geo\/pakistan-russia: \d+ features/m);
    expect(run.status).toBe(0);
  }, 120_000);
});
