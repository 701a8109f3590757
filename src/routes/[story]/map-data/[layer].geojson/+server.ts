import { getStory, storySlugs } from '$lib/server/stories';
import { mapLayerData } from '$lib/story/map-data';
import { error } from '@sveltejs/kit';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
  storySlugs().flatMap((story) => getStory(story).layers.map((l) => ({ story, layer: l.meta.id })));

/** A layer as the map draws it: `/<story>/map-data/<layer>.geojson` (see `story/map-data.ts`). */
export const GET: RequestHandler = ({ params }) => {
  const layer = getStory(params.story).layers.find((l) => l.meta.id === params.layer);
  if (!layer) error(404, `No layer ${params.layer}`);
  return new Response(JSON.stringify(mapLayerData(layer.data)), {
    headers: { 'content-type': 'application/geo+json' },
  });
};
