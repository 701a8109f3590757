/**
 * The map's label font, cut at build time to the characters the map can draw
 * (`$lib/map/label-text`), as woff2. The source is the whole of Noto Sans Regular (Latin with its
 * extensions, Greek, Cyrillic: `@expo-google-fonts/noto-sans`): the web font's Latin file has no
 * `ā` or `Ş`, which city names need. The cut file is about 9 KB, against 13 KB for that Latin
 * file alone, and it is on the first map's critical path.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { tileLayers } from '$lib/server/basemap/tiles';
import { labelCharacters } from '$lib/server/label-text';
import { getBasemap, getStory, storySlugs } from './stories';

const require = createRequire(import.meta.url);
const FULL_FONT =
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');

/** Every character of every label of the basemap and of the site's stories. */
export function siteLabelCharacters(): string {
  // The basemap the static maps already built, not a second one.
  const places = tileLayers(getBasemap()).places.features.map((f) =>
    String(f.properties?.name ?? ''),
  );
  const layers = storySlugs().flatMap((slug) =>
    getStory(slug).layers.map((l) => ({ title: l.meta.title, data: l.data })),
  );
  return labelCharacters({ places, layers });
}

/** subset-font's options: its published types predate `noHinting`. */
type SubsetOptions = NonNullable<Parameters<typeof subsetFont>[2]> & { noHinting?: boolean };

let cached: Promise<Buffer> | undefined;

/** The label font with the site's characters only, as woff2. */
export function labelFont(): Promise<Buffer> {
  // MapLibre draws each character on its own (it shapes labels itself), so the font needs no
  // ligatures or alternates (`noLayoutClosure`); glyphs are rasterised at 24 px and scaled, so
  // no hinting either. Together they halve the file.
  const options: SubsetOptions = { targetFormat: 'woff2', noHinting: true, noLayoutClosure: true };
  cached ??= subsetFont(readFileSync(FULL_FONT), siteLabelCharacters(), options);
  return cached;
}
