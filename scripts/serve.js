/**
 * Serves the built static site (`build/`) on 127.0.0.1, as any static host would.
 * `node scripts/serve.js [port] [dir] [prefix]`; also used by the browser tests. With a prefix
 * (e.g. `/graphics`, for a site built with `BASE_PATH=/graphics`) the site answers only under it,
 * as a newsroom's server or GitHub Pages would.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');

/**
 * Starts a static server for `dir` and resolves with its origin and a `close` function.
 * @param {{ dir?: string, port?: number, host?: string, prefix?: string }} [options]
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export function serve({ dir = BUILD, port = 0, host = '127.0.0.1', prefix = '' } = {}) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}: run "npm run build" first.`);
  }
  const files = sirv(dir, { etag: true, gzip: false, brotli: false, extensions: ['html'] });
  const base = prefix.replace(/\/+$/, '');
  const notFound = (/** @type {import('node:http').ServerResponse} */ res) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (base) {
      if (url !== base && !url.startsWith(`${base}/`) && !url.startsWith(`${base}?`)) {
        return notFound(res);
      }
      req.url = url.slice(base.length) || '/';
    }
    files(req, res, () => notFound(res));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        origin: `http://${host}:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
  const dir = process.argv[3] ? path.resolve(process.argv[3]) : BUILD;
  const prefix = process.argv[4] ?? '';
  const { origin } = await serve({ port, dir, prefix });
  console.log(`Story maps served at ${origin}${prefix}/ (Ctrl+C to stop)`);
}
