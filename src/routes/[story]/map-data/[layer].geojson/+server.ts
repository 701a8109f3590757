import { getStory, storyLayer, storyLayerEntries } from '$lib/server/stories';
import { mapLayerData } from '$lib/server/story/map-data';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = storyLayerEntries;

/** A layer as the map draws it: `/<story>/map-data/<layer>.geojson` (see `map-data.ts`). */
export const GET: RequestHandler = ({ params }) => {
  storyLayer(params.story, params.layer);
  return new Response(JSON.stringify(mapLayerData(getStory(params.story), params.layer)), {
    headers: { 'content-type': 'application/geo+json' },
  });
};
