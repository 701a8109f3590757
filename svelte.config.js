import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ strict: true }),
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
    },
  },
};

export default config;
