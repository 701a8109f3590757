/** The load shared by every page that shows one story (explore, embed): one per story folder. */
import { siteUrl } from './site';
import { getStory, storySlugs } from './stories';
import { storyView } from './story/story-view';
import type { StoryView } from '$lib/story/view';

export const entries = (): { story: string }[] => storySlugs().map((story) => ({ story }));

type StoryPage = StoryView & { siteUrl: string };

export const load = ({ params }: { params: { story: string } }): StoryPage => ({
  ...storyView(getStory(params.story)),
  siteUrl: siteUrl(),
});

/**
 * The load of a page that plays chapters but shows neither their text nor their speaker notes
 * (`text: false`, the explore view: it only links to the story mode) or shows their text but not
 * the notes (the embed). What a page does not show is not sent: every page carries its data in
 * its HTML.
 */
export const loadWithChapters =
  ({ text }: { text: boolean }) =>
  (event: { params: { story: string } }): StoryPage => {
    const page = load(event);
    return {
      ...page,
      chapters: page.chapters.map((c) => ({ ...c, html: text ? c.html : '', notes: null })),
    };
  };
