import { getBasemap, getStory } from '$lib/server/stories';
import { locatorSvg } from '$lib/server/static-map/locator-svg';
import type { RequestHandler } from './$types';

export const prerender = true;

export { entries } from '$lib/server/story-page';

/** The static locator map in the dark theme: shown without JavaScript to dark-theme readers. */
export const GET: RequestHandler = ({ params }) =>
  new Response(locatorSvg(getStory(params.story), getBasemap(), { theme: 'dark' }), {
    headers: { 'content-type': 'image/svg+xml' },
  });
