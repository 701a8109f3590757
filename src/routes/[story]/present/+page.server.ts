import { getStory, storySlugs } from '$lib/server/stories';

export const trailingSlash = 'always';

export { load } from '$lib/server/story-page';

/** Only stories with chapters can be presented. */
export const entries = (): { story: string }[] =>
  storySlugs()
    .filter((story) => getStory(story).chapters.length > 0)
    .map((story) => ({ story }));
