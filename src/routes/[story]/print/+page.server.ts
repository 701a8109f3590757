export const trailingSlash = 'always';

export { entries, load } from '$lib/server/story-page';
