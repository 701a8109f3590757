import { error } from '@sveltejs/kit';
import { basemapTiles, tileAddresses, TILE_MAXZOOM } from '$lib/server/basemap/tiles';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** Every tile, empty ones too: the map then never meets a missing file (a 404 in the console). */
export const entries: EntryGenerator = () =>
  [...tileAddresses()].map(({ z, x, y }) => ({ z: String(z), x: String(x), y: String(y) }));

/** The basemap's vector tiles, cut from Natural Earth at build time. */
export const GET: RequestHandler = ({ params }) => {
  const [z, x, y] = [params.z, params.x, params.y].map(Number) as [number, number, number];
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > TILE_MAXZOOM) {
    error(404, `No basemap tile ${params.z}/${params.x}/${params.y}`);
  }
  return new Response(basemapTiles().tile(z, x, y) as BodyInit, {
    headers: { 'content-type': 'application/x-protobuf' },
  });
};
