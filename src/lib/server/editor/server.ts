/**
 * The editor's HTTP server: the API (`api.ts`), the basemap tiles and label font the site serves,
 * and the editor's page, built by `scripts/edit.ts` outside the site's build. It listens on 127.0.0.1 only,
 * and every request passes `refusal` first (Host, Origin, token).
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { basemapTiles, TILE_MAXZOOM } from '$lib/server/basemap/tiles';
import { labelFont } from '$lib/server/label-font';
import { answerApi } from './api';
import { refusal, TOKEN_COOKIE } from './guard';
import { PREVIEW_PATH, type PreviewBuilder } from './preview';

/** The most a request body may hold: a story's largest layer is far smaller. */
const MAX_BODY = 20 * 1024 * 1024;

export interface EditorServerOptions {
  /** The stories folder, `geo` by default. */
  root: string;
  token: string;
  /** The built editor page (`index.html` and `assets/`); absent in API tests. */
  assets?: string;
  /** Builds and serves previews of the site; absent in API tests. */
  preview?: PreviewBuilder;
  /** Where refusals are reported (the terminal); silent when absent. */
  log?: (line: string) => void;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** One file of the built editor, only from its `assets/` folder, or null. */
function asset(dir: string, pathname: string): { body: Buffer; type: string } | null {
  const name = pathname.slice('/assets/'.length);
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) return null;
  const file = path.join(dir, 'assets', name);
  const type = TYPES[path.extname(name)];
  return type && existsSync(file) ? { body: readFileSync(file), type } : null;
}

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(type === 'application/json' ? JSON.stringify(body) : (body as string | Uint8Array));
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('the request is larger than 20 MB');
    chunks.push(chunk as Buffer);
  }
  if (!size) return {};
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function createEditorServer(options: EditorServerOptions): http.Server {
  const { root, token } = options;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, { error: `the editor failed: ${error.message}` });
    });
  });
  return server;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = req.url ?? '/';
    const url = new URL(raw, 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    // The port it listens on (0 asks the system for a free one): the Host a request must name.
    const { port } = server.address() as AddressInfo;
    const tokenInUrl = url.searchParams.get('token');
    const refused = refusal(method, req.headers, { port, token, tokenInUrl });
    if (refused) {
      // Said in the terminal too: a refused request is a mistake to fix, or someone trying.
      options.log?.(`refused ${method} ${url.pathname}: ${refused.message}`);
      return send(res, refused.status, { error: refused.message });
    }

    if (raw.startsWith('/api/')) {
      let body: Record<string, unknown>;
      try {
        body = await readBody(req);
      } catch (error) {
        return send(res, 400, {
          error: `the request body is not JSON: ${(error as Error).message}`,
        });
      }
      // The route as sent, without the query: not decoded, so the path check sees "%2F" as such.
      const route = raw.slice('/api/'.length).split('?')[0]!;
      const answer = await answerApi(root, method, route, url.searchParams, body, options.preview);
      return send(res, answer.status, answer.body);
    }
    if (
      options.preview &&
      (url.pathname === PREVIEW_PATH || url.pathname.startsWith(`${PREVIEW_PATH}/`))
    ) {
      return options.preview.serve(req, res);
    }
    const tile = /^\/basemap\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url.pathname);
    if (tile) {
      const [z, x, y] = tile.slice(1).map(Number) as [number, number, number];
      if (z > TILE_MAXZOOM) return send(res, 404, { error: 'no such tile' });
      return send(res, 200, basemapTiles().tile(z, x, y), 'application/x-protobuf');
    }
    if (url.pathname === '/fonts/labels.woff2')
      return send(res, 200, await labelFont(), 'font/woff2');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (tokenInUrl) {
        // The link from the terminal: remember the token for this browser, and drop it from the URL.
        res.writeHead(303, {
          location: '/',
          'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          'cache-control': 'no-store',
        });
        return void res.end();
      }
      if (!options.assets) return send(res, 404, { error: 'no editor page in this server' });
      // The page holds the token, for its calls to the API: only a browser with the cookie gets it.
      const page = readFileSync(path.join(options.assets, 'index.html'), 'utf8').replace(
        '<head>',
        `<head>\n    <meta name="story-editor-token" content="${token}" />`,
      );
      return send(res, 200, page, 'text/html; charset=utf-8');
    }
    const file =
      options.assets && url.pathname.startsWith('/assets/')
        ? asset(options.assets, url.pathname)
        : null;
    if (file) return send(res, 200, file.body, file.type);
    send(res, 404, { error: `nothing at ${url.pathname}` });
  }
}
