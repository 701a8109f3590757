import { error } from '@sveltejs/kit';
import { getBasemap, getStory, storySlugs } from '$lib/server/stories';
import { chapterLocatorSvg } from '$lib/server/static-map/locator-svg';
import type { RequestHandler } from './$types';

export const prerender = true;

/** The `-dark` twin of a map, for readers (and presenters) in the dark theme. */
const DARK = /-dark$/;

/** One static map per chapter and theme: shown without JavaScript, printed, and previewed. */
export const entries = () =>
  storySlugs().flatMap((story) =>
    getStory(story).chapters.flatMap((c) => [
      { story, chapter: c.slug },
      { story, chapter: `${c.slug}-dark` },
    ]),
  );

export const GET: RequestHandler = ({ params }) => {
  const story = getStory(params.story);
  const slug = params.chapter.replace(DARK, '');
  const chapter = story.chapters.find((c) => c.slug === slug);
  if (!chapter) error(404, `No chapter "${params.chapter}"`);
  const theme = DARK.test(params.chapter) ? 'dark' : 'light';
  return new Response(chapterLocatorSvg(story, getBasemap(), chapter, theme), {
    headers: { 'content-type': 'image/svg+xml' },
  });
};
