/**
 * Every piece of text the live map can draw with its label font: the basemap's place names
 * (country names also in capitals: the style draws them `uppercase`), the stories' labels (place
 * labels, route and layer titles, waypoint names) and the printable ASCII characters, so that a
 * label the build did not foresee still has its letters. The label font ships with these
 * characters only (`/fonts/labels.woff2`).
 */
import type { FeatureCollection } from 'geojson';

/** Properties of story features that the map draws as text. */
const LABEL_PROPERTIES = ['place_label', 'title'] as const;

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) =>
  String.fromCharCode(0x20 + i),
).join('');

export interface LabelSources {
  /** The basemap's place names. */
  places: string[];
  /** Each story's layers: their titles and features. */
  layers: { title: string; data: FeatureCollection }[];
}

/** The distinct characters of everything the map can draw, in code point order. */
export function labelCharacters({ places, layers }: LabelSources): string {
  const texts = [PRINTABLE_ASCII, ...places, ...places.map((p) => p.toUpperCase())];
  for (const layer of layers) {
    texts.push(layer.title);
    for (const feature of layer.data.features) {
      const props = feature.properties ?? {};
      for (const key of LABEL_PROPERTIES)
        if (typeof props[key] === 'string') texts.push(props[key]);
      if (Array.isArray(props.waypoints)) {
        for (const w of props.waypoints) if (typeof w === 'string') texts.push(w);
      }
    }
  }
  const characters = new Set<string>();
  for (const text of texts) for (const c of text) characters.add(c);
  return [...characters].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
