import { getBasemap } from '$lib/server/stories';
import { error } from '@sveltejs/kit';
import type { EntryGenerator, RequestHandler } from './$types';

const LAYERS = ['land', 'boundaries', 'labels'] as const;

export const prerender = true;

export const entries: EntryGenerator = () => LAYERS.map((layer) => ({ layer }));

/** The offline basemap, built from Natural Earth at build time. */
export const GET: RequestHandler = ({ params }) => {
  const layer = LAYERS.find((l) => l === params.layer);
  if (!layer) error(404, `No basemap layer ${params.layer}`);
  return new Response(JSON.stringify(getBasemap()[layer]), {
    headers: { 'content-type': 'application/geo+json' },
  });
};
