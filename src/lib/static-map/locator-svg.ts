/**
 * A static locator map of a story as SVG, drawn at build time with d3-geo from the same basemap
 * and story data as the live map: the map readers see without JavaScript or WebGL, the
 * social-preview image, and (with a chapter's camera, window and focus) each chapter's map.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, LineString, Point } from 'geojson';
import type { Basemap } from '$lib/basemap/natural-earth';
import type { Bounds } from '$lib/geo/camera';
import { HIGHLIGHT, PALETTES } from '$lib/map/style';
import type { CompiledStory } from '$lib/story/compile';
import { placeLabels, type LabelCandidate } from './labels';

export interface LocatorOptions {
  width?: number;
  height?: number;
  /** What to frame: [west, south, east, north]; default the story's camera. */
  bounds?: Bounds;
  /** The heading in the title band; default the story's title. */
  heading?: string;
  /** Features to highlight; the rest are drawn quieter. */
  focus?: readonly string[];
  /** Only features overlapping this window (`YYYY-MM-DD` days) are drawn. */
  window?: readonly [string, string] | null;
  /** The non-event layers drawn (by id); default all. */
  layers?: readonly string[] | null;
  /** The event categories drawn; default all. */
  categories?: readonly string[] | null;
  /** Named points along a route (a chapter that draws one): small dots, labelled. */
  waypoints?: readonly { name: string; coordinates: [number, number] }[];
}

/** Height of the title band at the top: nothing is drawn or labelled under it. */
const BAND = 44;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** The SVG document for a story: basemap, routes, links, event points and place labels. */
export function locatorSvg(
  story: CompiledStory,
  basemap: Basemap,
  {
    width = 1200,
    height = 630,
    bounds = story.meta.camera.bounds,
    heading = story.meta.title,
    focus = [],
    window = null,
    layers = null,
    categories = null,
    waypoints = [],
  }: LocatorOptions = {},
): string {
  const theme = PALETTES.light;
  const colours = new Map(story.categories.map((c) => [c.id, c.color]));
  const colourOf = (category: string) => colours.get(category) ?? theme.text;
  const [w, s, e, n] = bounds;
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
        [margin, BAND + margin],
        [width - margin, height - margin],
      ],
      frame,
    )
    .clipExtent([
      [0, BAND],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const d = (object: GeoPermissibleObjects) => path(object) ?? '';
  const focused = new Set(focus);
  const quiet = focused.size > 0;

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

  const shown = (
    layer: string,
    kind: string,
    p: { category: string; period_start: string; period_end: string },
  ) =>
    (kind === 'events' || !layers || layers.includes(layer)) &&
    (!categories || (categories as readonly string[]).includes(p.category)) &&
    (!window || (p.period_end >= window[0] && p.period_start <= window[1]));
  const features = story.layers
    .flatMap((l) => l.data.features.map((f) => ({ f, kind: l.meta.kind, layer: l.meta.id })))
    .filter(({ f, kind, layer }) => shown(layer, kind, f.properties));

  for (const { f, kind } of features) {
    if (kind === 'events') continue;
    const colour = kind === 'links' ? theme.link : colourOf(f.properties.category);
    const dash = kind === 'routes' ? ' stroke-dasharray="8 5"' : '';
    const widthPx = kind === 'routes' ? 4 : 2;
    const line = d(f as Feature<LineString>);
    if (focused.has(f.properties.id)) {
      parts.push(
        `<path d="${line}" fill="none" stroke="${HIGHLIGHT}" stroke-width="${widthPx + 10}" stroke-linecap="round" opacity="0.7"/>`,
      );
    }
    const opacity = quiet && !focused.has(f.properties.id) ? ' opacity="0.5"' : '';
    parts.push(
      `<path d="${line}" fill="none" stroke="${colour}" stroke-width="${widthPx}" stroke-linecap="round"${dash}${opacity}><title>${escapeXml(f.properties.title)}</title></path>`,
    );
  }

  // One dot per event; one label per place (several events can share a city), placed so that
  // labels overlap neither each other nor the dots, nor the title band.
  const dots: { x: number; y: number; r: number }[] = [];
  const places = new Map<string, LabelCandidate>();
  for (const { f, kind } of features) {
    if (kind !== 'events') continue;
    const point = f as Feature<
      Point,
      { id: string; category: string; title: string; place_label?: string }
    >;
    const xy = projection(point.geometry.coordinates as [number, number]);
    if (!xy || xy[0] < 0 || xy[0] > width || xy[1] < BAND + 6 || xy[1] > height) continue;
    const [x, y] = xy.map((v) => Math.round(v * 10) / 10) as [number, number];
    const isFocus = focused.has(point.properties.id);
    if (isFocus) {
      parts.push(`<circle cx="${x}" cy="${y}" r="13" fill="${HIGHLIGHT}" opacity="0.75"/>`);
    }
    const opacity = quiet && !isFocus ? ' opacity="0.6"' : '';
    parts.push(
      `<circle cx="${x}" cy="${y}" r="6" fill="${colourOf(point.properties.category)}" stroke="#fff" stroke-width="1.5"${opacity}><title>${escapeXml(point.properties.title)}</title></circle>`,
    );
    dots.push({ x, y, r: isFocus ? 9 : 7 });
    const label = point.properties.place_label;
    if (!label) continue;
    const place = places.get(label);
    if (place) {
      place.weight += 1;
      place.focus ||= isFocus;
    } else {
      places.set(label, { text: label, x, y, weight: 1, focus: isFocus });
    }
  }

  for (const waypoint of waypoints) {
    const xy = projection(waypoint.coordinates);
    if (!xy || xy[1] < BAND + 6) continue;
    const [x, y] = xy.map((v) => Math.round(v * 10) / 10) as [number, number];
    parts.push(
      `<circle cx="${x}" cy="${y}" r="3.5" fill="#fff" stroke="${theme.text}" stroke-width="1.5"/>`,
    );
    dots.push({ x, y, r: 5 });
    if (!places.has(waypoint.name)) {
      places.set(waypoint.name, { text: waypoint.name, x, y, weight: 0, focus: false });
    }
  }

  const credit = 'Basemap: Natural Earth · Dashed: indicative routes and de facto lines';
  const labels = placeLabels([...places.values()], {
    width,
    height,
    fontSize: 14,
    dots,
    // The title band, and the credit line at the bottom right.
    blocked: [
      { x: 0, y: 0, w: width, h: BAND + 4 },
      {
        x: width - margin - credit.length * 6.5,
        y: height - 24,
        w: credit.length * 6.5 + margin,
        h: 24,
      },
    ],
  }).map(
    (l) =>
      `<text x="${l.x}" y="${l.y}" text-anchor="${l.anchor}" class="place${l.focus ? ' focus' : ''}">${escapeXml(l.text)}</text>`,
  );

  const title = escapeXml(heading);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="title">
<title id="title">${title}: locator map</title>
<style>
  text { font-family: 'Noto Sans', system-ui, sans-serif; }
  .place { font-size: 14px; fill: ${theme.text}; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
  .place.focus { font-weight: 700; }
  .heading { font-size: 22px; font-weight: 700; fill: #1d1d1f; }
  .credit { font-size: 12px; fill: #55514a; }
</style>
${parts.join('\n')}
${labels.join('\n')}
<rect x="0" y="0" width="${width}" height="${BAND}" fill="#ffffff" opacity="0.9"/>
<text x="${margin}" y="30" class="heading">${title}</text>
<text x="${width - margin}" y="${height - 10}" text-anchor="end" class="credit">${credit}</text>
</svg>
`;
}
