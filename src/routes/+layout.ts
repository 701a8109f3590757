// The whole site is prerendered to static files.
export const prerender = true;
