import { getStory, storySlugs } from '$lib/server/stories';
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
      features: layers.reduce((n, l) => n + l.data.features.length, 0),
    };
  }),
});
