import { getStory, storySlugs } from '$lib/server/stories';
import { featureCountSummary } from '$lib/story/counts';
import type { PageServerLoad } from './$types';

export const trailingSlash = 'always';

export const load: PageServerLoad = () => ({
  stories: storySlugs().map((slug) => {
    const { meta, layers } = getStory(slug);
    return {
      slug,
      title: meta.title,
      summary: meta.summary,
      region: meta.region,
      // The same words and numbers as the story page: "27 events, 1 route, 4 connections".
      counts: featureCountSummary(
        layers.map((l) => ({ kind: l.meta.kind, count: l.data.features.length })),
      ),
    };
  }),
});
