import { loadWithChapters } from '$lib/server/story-page';

export const trailingSlash = 'always';

export { entries } from '$lib/server/story-page';

/** The embed shows a chapter's text (`chapter=`), never the speaker notes. */
export const load = loadWithChapters({ text: true });
