/**
 * Who may talk to the editor's server. It writes files, so a request must come from this machine
 * (the server listens on 127.0.0.1 only), be addressed to it by name (`Host`: a DNS-rebinding page
 * names its own host), come from its own page (`Origin`: another site's page cannot send one
 * that matches) and carry the token printed in the terminal, as Jupyter does.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_HEADER = 'x-editor-token';
export const TOKEN_COOKIE = 'story-editor-token';

export interface Refusal {
  status: number;
  message: string;
}

/** The host names the editor answers to, with its port. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Why a request is refused, or null when it may go on. `write` requests (anything but GET and
 * HEAD) need the token in a header, which a form or an image on another site cannot set, and an
 * `Origin` of the editor itself; reads may use the cookie the terminal link sets.
 */
export function refusal(
  method: string,
  headers: IncomingHttpHeaders,
  { port, token, tokenInUrl }: { port: number; token: string; tokenInUrl?: string | null },
): Refusal | null {
  const hosts = allowedHosts(port);
  if (!hosts.includes(headers.host ?? '')) {
    return {
      status: 421,
      message: `wrong Host "${headers.host ?? ''}": open the editor at http://127.0.0.1:${port}/`,
    };
  }
  const origin = headers.origin;
  const write = method !== 'GET' && method !== 'HEAD';
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
    return {
      status: 403,
      message: `requests from ${origin} are refused: only the editor's page may call it`,
    };
  }
  if (write && origin === undefined) {
    return { status: 403, message: 'a change must come from the editor page (no Origin header)' };
  }
  const header = headers[TOKEN_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  if (write) {
    return sameToken(given, token)
      ? null
      : {
          status: 401,
          message: 'missing or wrong editor token: open the link printed in the terminal',
        };
  }
  const known =
    sameToken(given, token) ||
    sameToken(tokenInUrl ?? undefined, token) ||
    sameToken(cookie(headers, TOKEN_COOKIE), token);
  return known
    ? null
    : {
        status: 401,
        message: 'missing or wrong editor token: open the link printed in the terminal',
      };
}
