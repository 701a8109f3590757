/**
 * `npm run edit [-- --port 5180] [--root geo]`: the story editor, on http://127.0.0.1:<port>/.
 * It prints a link with a token made for this run; only a browser that opened that link can read
 * or change files through it. The editor's page (`src/editor/`) is built here, into
 * `node_modules/.cache/`, never into the published site.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { previewBuilder } from '../src/lib/server/editor/preview';
import { createEditorServer } from '../src/lib/server/editor/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    root: { type: 'string', default: 'geo' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('npm run edit [-- --port 5180] [--root geo]: the story editor, on 127.0.0.1 only');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: give a port number, such as 5180 (0 picks a free one)`);
  process.exit(2);
}

const cache = path.resolve('node_modules/.cache/story-editor');
const assets = path.join(cache, 'page');
console.log('Building the editor…');
await build({
  configFile: false,
  root: path.resolve('src/editor'),
  base: '/',
  logLevel: 'warn',
  build: { outDir: assets, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  plugins: [svelte({ configFile: false })],
  resolve: { alias: { $lib: path.resolve('src/lib') } },
});

const token = randomBytes(24).toString('base64url');
const server = createEditorServer({
  root: values.root,
  token,
  assets,
  preview: previewBuilder(values.root, cache),
  log: (line) => console.warn(line),
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use: stop the other editor, or pick another port with -- --port 5181`
      : `The editor could not start: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address() as { port: number };
  console.log(`Story editor for ${path.resolve(values.root)}`);
  console.log(`Open http://127.0.0.1:${actual}/?token=${token}`);
  console.log('It listens on this machine only. Press Ctrl+C to stop; saved edits are on disk.');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
