/**
 * The one way the browser tests read the map: `probe(page).camera()` calls the test build's map
 * probe (`src/lib/map/probe.ts`) inside the page or frame and returns plain data. No test reaches
 * into MapLibre itself.
 */
import type { Frame, Page } from 'playwright-core';
import type { MapProbe } from '../../src/lib/map/probe';

/** The probe's methods, each called across the page boundary (so each returns a promise). */
export type RemoteProbe = {
  [K in keyof MapProbe]: MapProbe[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

export function probe(target: Page | Frame): RemoteProbe {
  return new Proxy({} as RemoteProbe, {
    get: (_, name: string) =>
      // Not a promise itself: `await probe(page)` must not call a method named `then`.
      name === 'then'
        ? undefined
        : async (...args: unknown[]) => {
            await target.waitForFunction(() => window.__mapProbe !== undefined);
            return target.evaluate(
              ({ name, args }) =>
                (window.__mapProbe as unknown as Record<string, (...a: unknown[]) => unknown>)[
                  name
                ]!(...args),
              { name, args },
            );
          },
  });
}
