import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.js';
import { assertChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test build: the site with the map probe, and the fixture stories beside geo/. */
    origin: string;
    /** The published build (`npm run build`), as a host would serve it. */
    publishedOrigin: string;
  }
}

/** Serves both builds for the browser tests; fails at once, and clearly, without Chromium. */
export default async function setup(project: TestProject) {
  assertChromium();
  const test = await serve({ dir: path.resolve('.test-build') });
  const published = await serve();
  project.provide('origin', test.origin);
  project.provide('publishedOrigin', published.origin);
  return async () => {
    await test.close();
    await published.close();
  };
}
