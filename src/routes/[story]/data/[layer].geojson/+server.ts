import { storyLayer, storyLayerEntries } from '$lib/server/stories';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = storyLayerEntries;

/** A validated layer, as published: `/<story>/data/<layer>.geojson`. */
export const GET: RequestHandler = ({ params }) =>
  new Response(JSON.stringify(storyLayer(params.story, params.layer).data), {
    headers: { 'content-type': 'application/geo+json' },
  });
