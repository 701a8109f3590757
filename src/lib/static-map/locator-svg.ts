/**
 * A static locator map of a story as SVG, drawn at build time with d3-geo from the same basemap
 * and story data as the live map: the map readers see without JavaScript or WebGL, and the
 * social-preview image.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, LineString, Point } from 'geojson';
import type { Basemap } from '$lib/basemap/natural-earth';
import { PALETTES } from '$lib/map/style';
import type { CompiledStory } from '$lib/story/compile';

export interface LocatorOptions {
  width?: number;
  height?: number;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** The SVG document for a story: basemap, routes, links, event points and place labels. */
export function locatorSvg(
  story: CompiledStory,
  basemap: Basemap,
  { width = 1200, height = 630 }: LocatorOptions = {},
): string {
  const theme = PALETTES.light;
  const colours = new Map(story.categories.map((c) => [c.id, c.color]));
  const colourOf = (category: string) => colours.get(category) ?? theme.text;
  const [w, s, e, n] = story.meta.camera.bounds;
  const frame: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [
      [w, s],
      [e, n],
    ],
  };
  const margin = 24;
  const projection = geoMercator()
    .fitExtent(
      [
        [margin, margin + 40],
        [width - margin, height - margin],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const d = (object: GeoPermissibleObjects) => path(object) ?? '';

  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="${theme.sea}"/>`);
  for (const land of basemap.land.features) {
    parts.push(
      `<path d="${d(land)}" fill="${theme.land}" stroke="${theme.coast}" stroke-width="0.8"/>`,
    );
  }
  for (const boundary of basemap.boundaries.features) {
    const dash = boundary.properties.kind === 'de-facto' ? ' stroke-dasharray="5 4"' : '';
    parts.push(
      `<path d="${d(boundary)}" fill="none" stroke="${theme.border}" stroke-width="1"${dash}/>`,
    );
  }

  const features = story.layers.flatMap((l) =>
    l.data.features.map((f) => ({ f, kind: l.meta.kind })),
  );
  for (const { f, kind } of features) {
    if (kind === 'events') continue;
    const colour = kind === 'links' ? theme.link : colourOf(f.properties.category);
    const dash = kind === 'routes' ? ' stroke-dasharray="8 5"' : '';
    const widthPx = kind === 'routes' ? 4 : 2;
    parts.push(
      `<path d="${d(f as Feature<LineString>)}" fill="none" stroke="${colour}" stroke-width="${widthPx}" stroke-linecap="round"${dash}><title>${escapeXml(f.properties.title)}</title></path>`,
    );
  }

  // One dot per event; one label per place (several events can share a city).
  const labelled = new Set<string>();
  const labels: string[] = [];
  for (const { f, kind } of features) {
    if (kind !== 'events') continue;
    const point = f as Feature<Point, { category: string; title: string; place_label?: string }>;
    const xy = projection(point.geometry.coordinates as [number, number]);
    if (!xy || xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height) continue;
    const [x, y] = xy.map((v) => Math.round(v * 10) / 10) as [number, number];
    parts.push(
      `<circle cx="${x}" cy="${y}" r="6" fill="${colourOf(point.properties.category)}" stroke="#fff" stroke-width="1.5"><title>${escapeXml(point.properties.title)}</title></circle>`,
    );
    const label = point.properties.place_label;
    if (label && !labelled.has(label)) {
      labelled.add(label);
      labels.push(`<text x="${x + 9}" y="${y + 4}" class="place">${escapeXml(label)}</text>`);
    }
  }

  const title = escapeXml(story.meta.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="title">
<title id="title">${title}: locator map</title>
<style>
  text { font-family: 'Noto Sans', system-ui, sans-serif; }
  .place { font-size: 14px; fill: ${theme.text}; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
  .heading { font-size: 22px; font-weight: 700; fill: #1d1d1f; }
  .credit { font-size: 12px; fill: #55514a; }
</style>
${parts.join('\n')}
${labels.join('\n')}
<rect x="0" y="0" width="${width}" height="44" fill="#ffffff" opacity="0.9"/>
<text x="${margin}" y="30" class="heading">${title}</text>
<text x="${width - margin}" y="${height - 10}" text-anchor="end" class="credit">Basemap: Natural Earth · Dashed: indicative routes and de facto lines</text>
</svg>
`;
}
