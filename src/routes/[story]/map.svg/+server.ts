import { getBasemap, getStory } from '$lib/server/stories';
import { locatorSvg } from '$lib/server/static-map/locator-svg';
import type { RequestHandler } from './$types';

export const prerender = true;

export { entries } from '$lib/server/story-page';

/** The static locator map: shown without JavaScript or WebGL, and the social-preview image. */
export const GET: RequestHandler = ({ params }) =>
  new Response(locatorSvg(getStory(params.story), getBasemap()), {
    headers: { 'content-type': 'image/svg+xml' },
  });
