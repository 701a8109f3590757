import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.js';
import { assertChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

/** Serves the built site for the browser tests; fails at once, and clearly, without Chromium. */
export default async function setup(project: TestProject) {
  assertChromium();
  const { origin, close } = await serve();
  project.provide('origin', origin);
  return close;
}
