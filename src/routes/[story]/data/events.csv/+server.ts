import { getStory, storySlugs } from '$lib/server/stories';
import { eventsCsv } from '$lib/server/story/csv';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => storySlugs().map((story) => ({ story }));

/** Every event of the story as CSV: date, place, coordinates, sources. */
export const GET: RequestHandler = ({ params }) =>
  new Response(eventsCsv(getStory(params.story)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
