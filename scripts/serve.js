/**
 * Serves the built static site (`build/`) on 127.0.0.1, as any static host would.
 * `node scripts/serve.js [port]`; also used by the browser tests.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');

/**
 * Starts a static server for `dir` and resolves with its origin and a `close` function.
 * @param {{ dir?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export function serve({ dir = BUILD, port = 0, host = '127.0.0.1' } = {}) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}: run "npm run build" first.`);
  }
  const files = sirv(dir, { etag: true, gzip: false, brotli: false, extensions: ['html'] });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
    }),
  );
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
  const { origin } = await serve({ port });
  console.log(`Story maps served at ${origin}/ (Ctrl+C to stop)`);
}
