/**
 * A static locator map of a story as SVG, drawn at build time with d3-geo from the same basemap
 * and story data as the live map: the map readers see without JavaScript or WebGL, the
 * social-preview image, and (with a chapter's camera, window and focus) each chapter's map.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, LineString, Point } from 'geojson';
import type { Basemap } from '$lib/server/basemap/natural-earth';
import type { Bounds } from '$lib/geo/camera';
import { scaleBar } from '$lib/map/map-image';
import { HIGHLIGHT, PALETTES } from '$lib/map/style';
import type { CompiledChapter } from '$lib/server/story/types';
import type { CompiledStory } from '$lib/server/story/compile';
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
  /** A band under the map with a legend of what is drawn, a scale bar and the credit. */
  legend?: boolean;
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
    legend = false,
  }: LocatorOptions = {},
): string {
  const theme = PALETTES.light;
  const colours = new Map(story.categories.map((c) => [c.id, c.color]));
  const colourOf = (category: string) => colours.get(category) ?? theme.text;
  const categoryLabels = new Map(story.categories.map((c) => [c.id, c.label]));
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
  /** What the legend lists: only symbols actually drawn in the frame. */
  const drawn = new Map<string, LegendRow>();
  parts.push(`<rect width="${width}" height="${height}" fill="${theme.sea}"/>`);
  for (const land of basemap.land.features) {
    parts.push(
      `<path d="${d(land)}" fill="${theme.land}" stroke="${theme.coast}" stroke-width="0.8"/>`,
    );
  }
  for (const boundary of basemap.boundaries.features) {
    const dash = boundary.properties.kind === 'de-facto' ? ' stroke-dasharray="5 4"' : '';
    if (dash && d(boundary)) {
      drawn.set('de-facto', { label: 'De facto line', color: theme.border, kind: 'dashed' });
    }
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
    if (!line) continue;
    if (kind === 'links') {
      drawn.set('links', { label: 'Connection', color: colour, kind: 'line' });
    } else {
      const indicative = 'indicative' in f.properties && f.properties.indicative;
      const label = `Route (${f.properties.category})${indicative ? ', indicative' : ''}`;
      drawn.set(`route ${f.properties.category}`, { label, color: colour, kind: 'route' });
    }
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
    const category = point.properties.category;
    drawn.set(category, {
      label: categoryLabels.get(category) ?? category,
      color: colourOf(category),
      kind: 'point',
    });
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
    drawn.set('waypoint', { label: 'Point on the route', color: '#fff', kind: 'waypoint' });
    if (!places.has(waypoint.name)) {
      places.set(waypoint.name, { text: waypoint.name, x, y, weight: 0, focus: false });
    }
  }

  const credit = 'Basemap: Natural Earth · Dashed: indicative routes and de facto lines';
  if (focused.size > 0) {
    drawn.set('focus', { label: 'This chapter', color: HIGHLIGHT, kind: 'focus' });
  }
  const labels = placeLabels([...places.values()], {
    width,
    height,
    fontSize: 14,
    dots,
    // The title band, and the credit line at the bottom right (unless it is in the legend band).
    blocked: [
      { x: 0, y: 0, w: width, h: BAND + 4 },
      ...(legend
        ? []
        : [
            {
              x: width - margin - credit.length * 6.5,
              y: height - 24,
              w: credit.length * 6.5 + margin,
              h: 24,
            },
          ]),
    ],
  }).map(
    (l) =>
      `<text x="${l.x}" y="${l.y}" text-anchor="${l.anchor}" class="place${l.focus ? ' focus' : ''}">${escapeXml(l.text)}</text>`,
  );

  const title = escapeXml(heading);
  // Metres per pixel at the frame's centre (Mercator: R·cos φ / scale), for the scale bar.
  const centre = projection.invert!([width / 2, (BAND + height) / 2])!;
  const metresPerPixel = (6_371_008.8 * Math.cos((centre[1] * Math.PI) / 180)) / projection.scale();
  const band = legend
    ? legendBand([...drawn.values()], {
        width,
        top: height,
        margin,
        metresPerPixel,
        latitude: centre[1],
        credit,
      })
    : { svg: '', height: 0 };
  const total = height + band.height;
  const creditLine = legend
    ? ''
    : `<text x="${width - margin}" y="${height - 10}" text-anchor="end" class="credit">${credit}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" role="img" aria-labelledby="title">
<title id="title">${title}: locator map</title>
<style>
  text { font-family: 'Noto Sans', system-ui, sans-serif; }
  .place { font-size: 14px; fill: ${theme.text}; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
  .place.focus { font-weight: 700; }
  .heading { font-size: 22px; font-weight: 700; fill: #1d1d1f; }
  .credit { font-size: 12px; fill: #55514a; }
  .legend { font-size: 13px; fill: #1d1d1f; }
</style>
${parts.join('\n')}
${labels.join('\n')}
<rect x="0" y="0" width="${width}" height="${BAND}" fill="#ffffff" opacity="0.9"/>
<text x="${margin}" y="30" class="heading">${title}</text>
${creditLine}${band.svg}
</svg>
`;
}

interface LegendRow {
  label: string;
  color: string;
  kind: 'point' | 'line' | 'route' | 'dashed' | 'waypoint' | 'focus';
}

const LEGEND_ORDER: LegendRow['kind'][] = ['focus', 'point', 'route', 'line', 'waypoint', 'dashed'];

/**
 * The band under a printed map: the legend (symbols wrapped into rows), then a scale bar on the
 * left and the credit on the right. Text widths are estimated (no font metrics at build time).
 */
function legendBand(
  rows: LegendRow[],
  {
    width,
    top,
    margin,
    metresPerPixel,
    latitude,
    credit,
  }: {
    width: number;
    top: number;
    margin: number;
    metresPerPixel: number;
    /** Where the scale holds: a Mercator map's scale changes with latitude. */
    latitude: number;
    credit: string;
  },
): { svg: string; height: number } {
  const sorted = rows.toSorted(
    (a, b) => LEGEND_ORDER.indexOf(a.kind) - LEGEND_ORDER.indexOf(b.kind),
  );
  const parts: string[] = [];
  const lineHeight = 22;
  let x = margin;
  let y = top + 20;
  for (const row of sorted) {
    const itemWidth = 30 + row.label.length * 7.2 + 18;
    if (x + itemWidth > width - margin && x > margin) {
      x = margin;
      y += lineHeight;
    }
    parts.push(
      legendSymbol(row, x + 10, y - 4),
      `<text x="${x + 26}" y="${y}" class="legend">${escapeXml(row.label)}</text>`,
    );
    x += itemWidth;
  }
  const scale = scaleBar(metresPerPixel, 160);
  const sy = y + 26;
  const px = Math.round(scale.px * 10) / 10;
  parts.push(
    `<path d="M${margin} ${sy - 6}V${sy}H${margin + px}V${sy - 6}" fill="none" stroke="#1d1d1f" stroke-width="1.5"/>`,
    `<text x="${margin + px + 8}" y="${sy}" class="legend">${scale.label} (at ${Math.round(Math.abs(latitude))}° ${latitude < 0 ? 'S' : 'N'})</text>`,
    `<text x="${width - margin}" y="${sy}" text-anchor="end" class="credit">${credit}</text>`,
  );
  const height = sy - top + 12;
  return {
    svg: `\n<rect x="0" y="${top}" width="${width}" height="${height}" fill="#ffffff"/>\n${parts.join('\n')}`,
    height,
  };
}

function legendSymbol(row: LegendRow, cx: number, cy: number): string {
  switch (row.kind) {
    case 'point':
      return `<circle cx="${cx}" cy="${cy}" r="6" fill="${row.color}" stroke="#fff" stroke-width="1.5"/>`;
    case 'focus':
      return `<circle cx="${cx}" cy="${cy}" r="9" fill="${row.color}" opacity="0.75"/>`;
    case 'waypoint':
      return `<circle cx="${cx}" cy="${cy}" r="3.5" fill="#fff" stroke="#222222" stroke-width="1.5"/>`;
    default: {
      const dash =
        row.kind === 'line' ? '' : ` stroke-dasharray="${row.kind === 'route' ? '8 5' : '5 4'}"`;
      const w = row.kind === 'route' ? 4 : row.kind === 'line' ? 2 : 1;
      return `<path d="M${cx - 10} ${cy}H${cx + 10}" stroke="${row.color}" stroke-width="${w}"${dash}/>`;
    }
  }
}

/**
 * A chapter's map: the chapter's frame with some room around it (as the live map's padding
 * gives), its window, layers and categories, its focus highlighted, and the waypoints of the
 * route it draws; with legend, scale bar and credit under it.
 */
export function chapterLocatorSvg(
  story: CompiledStory,
  basemap: Basemap,
  chapter: CompiledChapter,
): string {
  const index = story.chapters.indexOf(chapter);
  const [w, s, e, n] = chapter.bounds;
  const padX = (e - w) * 0.12;
  const padY = (n - s) * 0.12;
  const route = chapter.draw
    ? story.layers
        .flatMap((l) => l.data.features)
        .find((f) => f.properties.id === chapter.draw!.route)
    : undefined;
  const names = route && 'waypoints' in route.properties ? (route.properties.waypoints ?? []) : [];
  return locatorSvg(story, basemap, {
    width: 1000,
    height: 625,
    bounds: [w - padX, s - padY, e + padX, n + padY],
    heading: `${index + 1}. ${chapter.title}`,
    focus: chapter.focus,
    window: chapter.window,
    layers: chapter.layers,
    categories: chapter.categories,
    waypoints: names.map((name, i) => ({
      name,
      coordinates: route!.geometry.coordinates[i] as [number, number],
    })),
    legend: true,
  });
}
