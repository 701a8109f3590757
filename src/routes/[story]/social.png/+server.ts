import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { getBasemap, getStory } from '$lib/server/stories';
import { locatorSvg } from '$lib/server/static-map/locator-svg';
import type { RequestHandler } from './$types';

export const prerender = true;

export { entries } from '$lib/server/story-page';

const require = createRequire(import.meta.url);
/** Noto Sans as TrueType (resvg reads no woff2), bundled from npm: no system fonts needed. */
const FONTS = ['400Regular', '700Bold'].map((w) =>
  require.resolve(`@expo-google-fonts/noto-sans/${w}/NotoSans_${w}.ttf`),
);

/**
 * The social preview: the static locator map as a 1200×630 PNG, rendered at build time. Many
 * platforms refuse an SVG `og:image`.
 */
export const GET: RequestHandler = ({ params }) => {
  const svg = locatorSvg(getStory(params.story), getBasemap(), { width: 1200, height: 630 });
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: 1200 },
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
  })
    .render()
    .asPng();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
