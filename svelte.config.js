import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * `BASE_PATH` as SvelteKit wants it: empty, or a leading slash and no trailing one.
 * @param {string | undefined} value
 * @returns {'' | `/${string}`}
 */
function normaliseBase(value) {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // BUILD_DIR: where the site is written (default build/), e.g. for a second build in the tests.
    adapter: adapter({
      pages: process.env.BUILD_DIR ?? 'build',
      assets: process.env.BUILD_DIR ?? 'build',
      strict: true,
    }),
    // Hosted under a path (a newsroom's /graphics/, a GitHub Pages project): BASE_PATH=/graphics.
    paths: { base: normaliseBase(process.env.BASE_PATH) },
    // A Content Security Policy on every page. SvelteKit hashes its own inline scripts and writes
    // the policy into each prerendered page's <meta>. Everything loads from the site itself.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // Svelte writes style attributes (e.g. category colours); nothing else is inline.
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'worker-src': ['self', 'blob:'],
        'child-src': ['self', 'blob:'],
        'frame-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
    prerender: {
      // Every page is static; a broken link or a missing page fails the build.
      handleHttpError: 'fail',
      handleMissingId: 'fail',
      // The story mode and the slides exist only for stories with chapters: a site whose stories
      // have none (a newly imported one, say) prerenders none of them. Any other unseen route
      // still fails the build.
      handleUnseenRoutes: ({ routes, message }) => {
        const chapterRoutes = [
          '/[story]/present',
          '/[story]/story',
          '/[story]/story/[chapter].svg',
        ];
        if (routes.some((id) => !chapterRoutes.includes(id))) throw new Error(message);
      },
    },
  },
};

export default config;
