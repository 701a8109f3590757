import { labelFont } from '$lib/server/label-font';
import type { RequestHandler } from './$types';

export const prerender = true;

/** The map's label font, with the characters of the site's labels only (see label-font.ts). */
export const GET: RequestHandler = async () =>
  new Response((await labelFont()) as BodyInit, { headers: { 'content-type': 'font/woff2' } });
