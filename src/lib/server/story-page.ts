/** The load shared by every page that shows one story (explore, embed): one per story folder. */
import { siteUrl } from './site';
import { getStory, storySlugs } from './stories';
import { storyView, type StoryView } from '$lib/story/view';

export const entries = (): { story: string }[] => storySlugs().map((story) => ({ story }));

export const load = ({
  params,
}: {
  params: { story: string };
}): StoryView & { siteUrl: string } => ({
  ...storyView(getStory(params.story)),
  siteUrl: siteUrl(),
});
