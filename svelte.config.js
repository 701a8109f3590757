import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ strict: true }),
    prerender: {
      // Every page is static; a broken link or a missing page fails the build.
      handleHttpError: 'fail',
      handleMissingId: 'fail',
    },
  },
};

export default config;
