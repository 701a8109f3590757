/**
 * A static locator map of a story as SVG, drawn at build time with d3-geo from the same basemap,
 * story data and symbology table as the live map: the map readers see without JavaScript or
 * WebGL, the social-preview image, and (with a chapter's camera, window and focus) each chapter's
 * map. It shows what the live map would: the same "is shown" rule, hollow markers for
 * approximate places, dashes only on indicative routes, connections only with their events.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, LineString, Point } from 'geojson';
import { DE_FACTO, disputedAreasIn } from '$lib/basemap/disputed';
import { STATIC_MAP_CREDIT } from '$lib/credits';
import type { Bounds } from '$lib/geo/camera';
import { metresPerPixel, zoomOfScale } from '$lib/geo/mercator';
import { scaleBar } from '$lib/map/map-image';
import { isShown, type Filterable, type Filters } from '$lib/story/filters';
import type { PublishedLink } from '$lib/story/schema';
import {
  legendRows,
  swatchShapes,
  swatchSvg,
  SWATCH,
  type LegendContent,
} from '$lib/symbology/legend';
import {
  dashPx,
  HIGHLIGHT,
  isHollow,
  MAP_PALETTE,
  PAGE_PALETTE,
  routeDash,
  SYMBOL,
  type Theme,
} from '$lib/symbology/symbology';
import type { Basemap } from '$lib/server/basemap/natural-earth';
import type { CompiledChapter, CompiledStory, PublishedFeature } from '$lib/server/story/types';
import { placeAreaLabels, placeLabels, type LabelCandidate } from './labels';

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
  /** The switchable layers drawn (story layer ids and `de-facto`); default all. */
  layers?: readonly string[] | null;
  /** The event categories drawn; default all. */
  categories?: readonly string[] | null;
  /** Named points along a route (a chapter that draws one): small rings, labelled. */
  waypoints?: readonly { name: string; coordinates: [number, number] }[];
  /** A band under the map with a legend of what is drawn, a scale bar and the credit. */
  legend?: boolean;
  theme?: Theme;
}

/** Height of the title band at the top: nothing is drawn or labelled under it. */
const BAND = 44;
const MARGIN = 24;
/** Place labels' size: the chapter maps are shown a little smaller than they are drawn. */
const LABEL_PX = 16;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

type Frame = {
  width: number;
  height: number;
  project: (p: [number, number]) => [number, number] | null;
  d: (o: GeoPermissibleObjects) => string;
  scale: number;
  centre: [number, number];
};

function frameOf(width: number, height: number, [w, s, e, n]: Bounds): Frame {
  const frame: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [
      [w, s],
      [e, n],
    ],
  };
  const projection = geoMercator()
    .fitExtent(
      [
        [MARGIN, BAND + MARGIN],
        [width - MARGIN, height - MARGIN],
      ],
      frame,
    )
    .clipExtent([
      [0, BAND],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    width,
    height,
    project: (p) => {
      const xy = projection(p);
      return xy ? [round(xy[0]), round(xy[1])] : null;
    },
    d: (o) => path(o) ?? '',
    scale: projection.scale(),
    centre: projection.invert!([width / 2, (BAND + height) / 2]) as [number, number],
  };
}

/** The published features the map shows, by the live map's own rule. */
function shownFeatures(story: CompiledStory, o: Required<LocatorOptions>) {
  const all = story.layers.flatMap((l) =>
    l.data.features.map((f) => ({ f: f as PublishedFeature, kind: l.meta.kind, layer: l.meta.id })),
  );
  const byId = new Map(all.map((x) => [x.f.properties.id, x]));
  const filterable = (x: (typeof all)[number]): Filterable => {
    const p = x.f.properties;
    const ends = [(p as PublishedLink).from_event, (p as PublishedLink).to_event];
    const joins = ends.flatMap((id) => (id && byId.get(id) ? [filterable(byId.get(id)!)] : []));
    return { layer: x.layer, category: p.category, period: [p.period_start, p.period_end], joins };
  };
  const toggles = story.layers.filter((l) => l.meta.kind !== 'events').map((l) => l.meta.id);
  const filters: Filters = {
    window: o.window ? [o.window[0], o.window[1]] : ['0000-01-01', '9999-12-31'],
    hiddenLayers: o.layers ? toggles.filter((t) => !o.layers!.includes(t)) : [],
    hiddenCategories: o.categories
      ? story.categories.map((c) => c.id).filter((c) => !o.categories!.includes(c))
      : [],
  };
  return all.filter((x) => isShown(filterable(x), filters));
}

interface Drawing {
  parts: string[];
  dots: { x: number; y: number; r: number }[];
  places: Map<string, LabelCandidate>;
  /** What the legend lists: only what is drawn. */
  content: LegendContent & {
    categories: { id: string; label: string; color: string }[];
    routes: NonNullable<LegendContent['routes']>[number][];
    links: string[];
  };
}

/** The basemap's land, coast and boundaries; the de facto lines where they are switched on. */
function drawBasemap(basemap: Basemap, frame: Frame, o: Required<LocatorOptions>, out: Drawing) {
  const p = MAP_PALETTE[o.theme];
  out.parts.push(`<rect width="${frame.width}" height="${frame.height}" fill="${p.sea}"/>`);
  for (const land of basemap.land.features) {
    out.parts.push(
      `<path d="${frame.d(land)}" fill="${p.land}" stroke="${p.coast}" stroke-width="${SYMBOL.coast.width}"/>`,
    );
  }
  const deFactoShown = !o.layers || o.layers.includes(DE_FACTO);
  for (const boundary of basemap.boundaries.features) {
    const deFacto = boundary.properties.kind === DE_FACTO;
    if (deFacto && !deFactoShown) continue;
    const line = frame.d(boundary);
    if (!line) continue;
    const { width, dash } = deFacto
      ? { width: SYMBOL.deFacto.width, dash: SYMBOL.deFacto.dash }
      : { width: SYMBOL.border.width, dash: null };
    const dashed = dash ? ` stroke-dasharray="${dashPx(dash, width).join(' ')}"` : '';
    out.parts.push(
      `<path d="${line}" fill="none" stroke="${p.border}" stroke-width="${width}"${dashed}/>`,
    );
    if (deFacto)
      out.content.deFacto =
        disputedAreasIn([o.bounds])
          .map((a) => a.legend)
          .join('; ') || null;
  }
}

/** Routes (dashed only where indicative) and connections, with the focus's highlight. */
function drawLines(
  shown: ReturnType<typeof shownFeatures>,
  story: CompiledStory,
  frame: Frame,
  o: Required<LocatorOptions>,
  out: Drawing,
) {
  const p = MAP_PALETTE[o.theme];
  const focused = new Set(o.focus);
  const colours = new Map(story.categories.map((c) => [c.id, c]));
  for (const { f, kind, layer } of shown) {
    if (kind === 'events') continue;
    const line = frame.d(f as Feature<LineString>);
    if (!line) continue;
    const id = f.properties.id;
    const category = colours.get(f.properties.category)!;
    const route = kind === 'routes' && 'indicative' in f.properties ? f.properties : null;
    const colour = route ? category.color : p.link;
    const width = route ? SYMBOL.route.width.rest : SYMBOL.link.width.rest;
    const dash = route ? routeDash(route.indicative) : null;
    if (route) {
      const title = story.layers.find((l) => l.meta.id === layer)!.meta.title;
      out.content.routes.push({
        layer,
        title,
        label: category.label,
        color: colour,
        indicative: route.indicative,
      });
    } else out.content.links.push(story.layers.find((l) => l.meta.id === layer)!.meta.title);
    if (focused.has(id)) {
      const halo = route ? SYMBOL.route.halo.width : SYMBOL.link.halo.width;
      out.parts.push(
        `<path d="${line}" fill="none" stroke="${HIGHLIGHT}" stroke-width="${halo}" stroke-linecap="round" opacity="0.7"/>`,
      );
    }
    const opacity = focused.size && !focused.has(id) ? ' opacity="0.5"' : '';
    const dashed = dash ? ` stroke-dasharray="${dashPx(dash, width).join(' ')}"` : '';
    out.parts.push(
      `<path d="${line}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="${dash ? 'butt' : 'round'}"${dashed}${opacity}><title>${escapeXml(f.properties.title)}</title></path>`,
    );
    if (kind === 'links') drawLinkPlaces(f, frame, o, out);
  }
}

/** A connection's ends that are named places, not events: a small dark dot and the name. */
function drawLinkPlaces(
  f: PublishedFeature,
  frame: Frame,
  o: Required<LocatorOptions>,
  out: Drawing,
) {
  const p = MAP_PALETTE[o.theme];
  const props = f.properties as PublishedLink;
  const coords = (f.geometry as LineString).coordinates;
  const ends = [
    { event: props.from_event, place: props.from_place, at: coords[0] },
    { event: props.to_event, place: props.to_place, at: coords.at(-1) },
  ];
  for (const end of ends) {
    if (end.event || !end.at) continue;
    const xy = frame.project(end.at as [number, number]);
    if (!xy || xy[1] < BAND + 6) continue;
    const { radius, ringWidth } = SYMBOL.linkPlace;
    out.parts.push(
      `<circle cx="${xy[0]}" cy="${xy[1]}" r="${radius + ringWidth / 2}" fill="${p.text}" stroke="${p.halo}" stroke-width="${ringWidth}"/>`,
    );
    out.dots.push({ x: xy[0], y: xy[1], r: radius + 2 });
    out.content.linkPlaces = true;
    const focus = o.focus.includes(props.id);
    if (!out.places.has(end.place)) {
      out.places.set(end.place, { text: end.place, x: xy[0], y: xy[1], weight: 1, focus });
    }
  }
}

/** One marker per event (hollow where approximate), one label per place, the focus's halo. */
function drawPoints(
  shown: ReturnType<typeof shownFeatures>,
  story: CompiledStory,
  frame: Frame,
  o: Required<LocatorOptions>,
  out: Drawing,
) {
  const e = SYMBOL.event;
  const focused = new Set(o.focus);
  const colours = new Map(story.categories.map((c) => [c.id, c]));
  for (const { f, kind } of shown) {
    if (kind !== 'events' || !('place_label' in f.properties)) continue;
    const xy = frame.project((f as Feature<Point>).geometry.coordinates as [number, number]);
    if (!xy || xy[0] < 0 || xy[0] > frame.width || xy[1] < BAND + 6 || xy[1] > frame.height)
      continue;
    const [x, y] = xy;
    const props = f.properties;
    const isFocus = focused.has(props.id);
    const category = colours.get(props.category)!;
    if (isFocus) {
      out.parts.push(
        `<circle cx="${x}" cy="${y}" r="${e.halo.radius * 0.8}" fill="${HIGHLIGHT}" opacity="${e.halo.opacity.selected}"/>`,
      );
    }
    const hollow = isHollow(props.location_precision);
    const [fill, stroke, width] = hollow
      ? [e.ring, category.color, e.hollowWidth]
      : [category.color, e.ring, e.ringWidth];
    const opacity = focused.size && !isFocus ? ' opacity="0.6"' : '';
    out.parts.push(
      `<circle cx="${x}" cy="${y}" r="${e.radius.rest + width / 2}" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${opacity}><title>${escapeXml(props.title)}</title></circle>`,
    );
    out.dots.push({ x, y, r: isFocus ? 10 : e.radius.rest + width });
    if (!out.content.categories.some((c) => c.id === category.id))
      out.content.categories.push(category);
    out.content.hollow ||= hollow;
    const place = out.places.get(props.place_label);
    if (place) {
      place.weight += 1;
      place.focus ||= isFocus;
    } else
      out.places.set(props.place_label, {
        text: props.place_label,
        x,
        y,
        weight: 1,
        focus: isFocus,
      });
  }
}

function drawWaypoints(frame: Frame, o: Required<LocatorOptions>, out: Drawing) {
  const p = MAP_PALETTE[o.theme];
  const w = SYMBOL.waypoint;
  for (const waypoint of o.waypoints) {
    const xy = frame.project(waypoint.coordinates);
    if (!xy || xy[1] < BAND + 6) continue;
    out.parts.push(
      `<circle cx="${xy[0]}" cy="${xy[1]}" r="${w.radius + w.ringWidth / 2}" fill="${p.halo}" stroke="${p.text}" stroke-width="${w.ringWidth}"/>`,
    );
    out.dots.push({ x: xy[0], y: xy[1], r: w.radius + 2 });
    out.content.waypoints = true;
    if (!out.places.has(waypoint.name)) {
      out.places.set(waypoint.name, {
        text: waypoint.name,
        x: xy[0],
        y: xy[1],
        weight: 0,
        focus: false,
      });
    }
  }
}

/** The SVG document for a story: basemap, routes, links, event points and place labels. */
export function locatorSvg(
  story: CompiledStory,
  basemap: Basemap,
  options: LocatorOptions = {},
): string {
  const o: Required<LocatorOptions> = {
    width: 1200,
    height: 630,
    bounds: story.meta.camera.bounds,
    heading: story.meta.title,
    focus: [],
    window: null,
    layers: null,
    categories: null,
    waypoints: [],
    legend: false,
    theme: 'light',
    ...options,
  };
  const frame = frameOf(o.width, o.height, o.bounds);
  const out: Drawing = {
    parts: [],
    dots: [],
    places: new Map(),
    content: { categories: [], routes: [], links: [], highlight: o.focus.length ? 'focus' : null },
  };
  const shown = shownFeatures(story, o);
  drawBasemap(basemap, frame, o, out);
  drawLines(shown, story, frame, o, out);
  drawPoints(shown, story, frame, o, out);
  drawWaypoints(frame, o, out);
  const band = o.legend ? legendBand(out.content, frame, o) : { svg: '', height: 0 };
  return documentOf(frame, o, out, labelsOf(basemap, frame, o, out), band);
}

/** Place labels (the focus first, bold), then country names where they fit. */
function labelsOf(basemap: Basemap, frame: Frame, o: Required<LocatorOptions>, out: Drawing) {
  const credit = STATIC_MAP_CREDIT;
  const blocked = [
    { x: 0, y: 0, w: frame.width, h: BAND + 4 },
    ...(o.legend
      ? []
      : [
          {
            x: frame.width - MARGIN - credit.length * 6.5,
            y: frame.height - 24,
            w: credit.length * 6.5 + MARGIN,
            h: 24,
          },
        ]),
  ];
  const places = placeLabels([...out.places.values()], {
    width: frame.width,
    height: frame.height,
    fontSize: LABEL_PX,
    dots: out.dots,
    blocked,
  });
  const countries = placeAreaLabels(
    basemap.labels.features.flatMap((f) => {
      const xy = frame.project(f.geometry.coordinates as [number, number]);
      return xy
        ? [{ text: f.properties.name.toUpperCase(), x: xy[0], y: xy[1], rank: f.properties.rank }]
        : [];
    }),
    {
      width: frame.width,
      height: frame.height,
      fontSize: 12,
      taken: [...blocked, ...places.map((l) => l.box)],
      dots: out.dots,
    },
  );
  return [
    ...countries.map(
      (l) =>
        `<text x="${l.x}" y="${l.y}" text-anchor="middle" class="country">${escapeXml(l.text)}</text>`,
    ),
    ...places.map(
      (l) =>
        `<text x="${l.x}" y="${l.y}" text-anchor="${l.anchor}" class="place${l.focus ? ' focus' : ''}">${escapeXml(l.text)}</text>`,
    ),
  ];
}

function documentOf(
  frame: Frame,
  o: Required<LocatorOptions>,
  out: Drawing,
  labels: string[],
  band: { svg: string; height: number },
): string {
  const p = MAP_PALETTE[o.theme];
  const page = PAGE_PALETTE[o.theme];
  const title = escapeXml(o.heading);
  const total = frame.height + band.height;
  const creditLine = o.legend
    ? ''
    : `<text x="${frame.width - MARGIN}" y="${frame.height - 10}" text-anchor="end" class="credit">${STATIC_MAP_CREDIT}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${total}" width="${frame.width}" height="${total}" role="img" aria-labelledby="title">
<title id="title">${title}: locator map</title>
<style>
  text { font-family: 'Noto Sans', system-ui, sans-serif; }
  .place { font-size: ${LABEL_PX}px; fill: ${p.text}; paint-order: stroke; stroke: ${p.halo}; stroke-width: 3px; stroke-linejoin: round; }
  .place.focus { font-weight: 700; }
  .country { font-size: 12px; letter-spacing: 0.08em; fill: ${p.label}; paint-order: stroke; stroke: ${p.land}; stroke-width: 3px; stroke-linejoin: round; }
  .heading { font-size: 22px; font-weight: 700; fill: ${page.text}; }
  .credit { font-size: 14px; fill: ${page.muted}; }
  .legend { font-size: 16px; fill: ${page.text}; }
</style>
${out.parts.join('\n')}
${labels.join('\n')}
<rect x="0" y="0" width="${frame.width}" height="${BAND}" fill="${page.bg}" opacity="0.9"/>
<text x="${MARGIN}" y="30" class="heading">${title}</text>
${creditLine}${band.svg}
</svg>
`;
}

/**
 * The band under a printed map: the legend (rows wrapped), then a scale bar on the left and the
 * credit on the right. Text widths are estimated (no font metrics at build time).
 */
function legendBand(
  content: LegendContent,
  frame: Frame,
  o: Required<LocatorOptions>,
): { svg: string; height: number } {
  const page = PAGE_PALETTE[o.theme];
  const rows = legendRows(content, o.theme);
  const parts: string[] = [];
  const lineHeight = 28;
  let [x, y] = [MARGIN, frame.height + 24];
  for (const row of rows) {
    const itemWidth = SWATCH.width + 8 + row.label.length * 8.6 + 22;
    if (x + itemWidth > frame.width - MARGIN && x > MARGIN) [x, y] = [MARGIN, y + lineHeight];
    parts.push(
      swatchSvg(swatchShapes(row.symbol, o.theme), x, y - SWATCH.height / 2 - 5),
      `<text x="${x + SWATCH.width + 8}" y="${y}" class="legend">${escapeXml(row.label)}</text>`,
    );
    x += itemWidth;
  }
  const latitude = frame.centre[1];
  const scale = scaleBar(metresPerPixel(latitude, zoomOfScale(frame.scale)), 160);
  const sy = y + 32;
  const px = Math.round(scale.px * 10) / 10;
  parts.push(
    `<path d="M${MARGIN} ${sy - 6}V${sy}H${MARGIN + px}V${sy - 6}" fill="none" stroke="${page.text}" stroke-width="1.5"/>`,
    `<text x="${MARGIN + px + 8}" y="${sy}" class="legend">${scale.label} (at ${Math.round(Math.abs(latitude))}° ${latitude < 0 ? 'S' : 'N'})</text>`,
    `<text x="${frame.width - MARGIN}" y="${sy}" text-anchor="end" class="credit">${STATIC_MAP_CREDIT}</text>`,
  );
  const height = sy - frame.height + 14;
  return {
    svg: `\n<rect x="0" y="${frame.height}" width="${frame.width}" height="${height}" fill="${page.bg}"/>\n${parts.join('\n')}`,
    height,
  };
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
  theme: Theme = 'light',
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
      coordinates: (route!.geometry as LineString).coordinates[i] as [number, number],
    })),
    legend: true,
    theme,
  });
}
