/**
 * A preview of a story as it will be published: the site itself, built by `vite build` from a
 * copy of that one story, with `BASE_PATH=/preview`, and served by the editor under `/preview/`.
 * What is previewed is the published build, not an imitation of it; like the build, it refuses
 * a story that has problems.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { storyDir } from './paths';
import { WriteRefused } from './story-files';

export const PREVIEW_PATH = '/preview';

export interface PreviewBuilder {
  /** Builds the preview of one story; resolves when it can be opened. */
  build(slug: string): Promise<void>;
  /** Serves the last preview built (requests under `/preview/`). */
  serve(req: http.IncomingMessage, res: http.ServerResponse): void;
}

export function previewBuilder(root: string, cache: string): PreviewBuilder {
  const stories = path.join(cache, 'preview-stories');
  const site = path.join(cache, 'preview-site');
  let running: Promise<void> = Promise.resolve();
  // dev: read the folder at each request, since every preview build replaces it.
  const files = sirv(site, { dev: true, extensions: ['html'] });

  function buildOnce(slug: string): Promise<void> {
    rmSync(stories, { recursive: true, force: true });
    mkdirSync(stories, { recursive: true });
    cpSync(storyDir(root, slug), path.join(stories, slug), { recursive: true });
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
        env: { ...process.env, STORIES_DIR: stories, BUILD_DIR: site, BASE_PATH: PREVIEW_PATH },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let errors = '';
      child.stderr.on(
        'data',
        (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)),
      );
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new WriteRefused(500, `the preview build failed:\n${errors.trim()}`)),
      );
    });
  }

  return {
    build(slug) {
      // One build at a time: a second request waits for the first, then builds its own.
      running = running.catch(() => undefined).then(() => buildOnce(slug));
      return running;
    },
    serve(req, res) {
      req.url = (req.url ?? '/').slice(PREVIEW_PATH.length) || '/';
      files(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('No preview here yet: build one from the editor.');
      });
    },
  };
}
