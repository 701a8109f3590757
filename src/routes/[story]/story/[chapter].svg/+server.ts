import { error } from '@sveltejs/kit';
import { getBasemap, getStory, storySlugs } from '$lib/server/stories';
import { chapterLocatorSvg } from '$lib/server/static-map/locator-svg';
import type { RequestHandler } from './$types';

export const prerender = true;

/** One static map per chapter: shown without JavaScript, and printed with the handout. */
export const entries = () =>
  storySlugs().flatMap((story) =>
    getStory(story).chapters.map((c) => ({ story, chapter: c.slug })),
  );

export const GET: RequestHandler = ({ params }) => {
  const story = getStory(params.story);
  const chapter = story.chapters.find((c) => c.slug === params.chapter);
  if (!chapter) error(404, `No chapter "${params.chapter}"`);
  return new Response(chapterLocatorSvg(story, getBasemap(), chapter), {
    headers: { 'content-type': 'image/svg+xml' },
  });
};
