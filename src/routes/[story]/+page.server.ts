import { loadWithChapters } from '$lib/server/story-page';

export const trailingSlash = 'always';

export { entries } from '$lib/server/story-page';

/** The explore view links to the story mode; it shows no chapter's text. */
export const load = loadWithChapters({ text: false });
