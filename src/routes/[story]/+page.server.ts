import { getStory, storySlugs } from '$lib/server/stories';
import { storyView } from '$lib/story/view';
import { base } from '$app/paths';
import type { EntryGenerator, PageServerLoad } from './$types';

export const trailingSlash = 'always';

export const entries: EntryGenerator = () => storySlugs().map((story) => ({ story }));

export const load: PageServerLoad = ({ params }) => storyView(getStory(params.story), base);
