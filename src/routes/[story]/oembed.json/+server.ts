import { getStory } from '$lib/server/stories';
import { siteUrl } from '$lib/server/site';
import { embedSnippet } from '$lib/embed/snippet';
import type { RequestHandler } from './$types';

export const prerender = true;

export { entries } from '$lib/server/story-page';

/** oEmbed (https://oembed.com) for the story: a "rich" response whose html is the embed code. */
export const GET: RequestHandler = ({ params }) => {
  const { meta } = getStory(params.story);
  const site = siteUrl();
  const body = {
    version: '1.0',
    type: 'rich',
    title: meta.title,
    provider_name: 'Story maps',
    provider_url: `${site}/`,
    width: 800,
    height: 640,
    html: embedSnippet({ siteUrl: site, story: params.story, title: meta.title }),
    thumbnail_url: `${site}/${params.story}/social.png`,
    thumbnail_width: 1200,
    thumbnail_height: 630,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'content-type': 'application/json+oembed' },
  });
};
