/**
 * The legend, once: which rows a map needs for what it draws (`legendRows`), and each row's swatch
 * as plain shapes (`swatchShapes`) that the legend panel (Svelte), the static maps (SVG text) and
 * the downloaded image (canvas) each draw the same way.
 */
import {
  HIGHLIGHT,
  MAP_PALETTE,
  SYMBOL,
  dashPx,
  routeDash,
  type MapPalette,
  type Theme,
} from './symbology';

export type LegendSymbol =
  | { type: 'point'; color: string; hollow: boolean }
  | { type: 'line'; color: string; width: number; dash: readonly number[] | null }
  | { type: 'arc'; color: string; width: number }
  | { type: 'halo' }
  | { type: 'waypoint' }
  | { type: 'place' }
  | { type: 'boundary'; dash: readonly number[] | null; width: number };

export interface LegendRow {
  /** One row per key: several features of one kind share it. */
  key: string;
  label: string;
  symbol: LegendSymbol;
}

/** What a map draws, as far as its legend is concerned. */
export interface LegendContent {
  /** The categories of the events drawn, with the story's labels and colours. */
  categories?: readonly { id: string; label: string; color: string }[];
  /** Whether some event drawn is approximate or symbolic (a hollow marker). */
  hollow?: boolean;
  /** The routes drawn: their layer's title, category and whether they are indicative. */
  routes?: readonly {
    layer: string;
    title: string;
    label: string;
    color: string;
    indicative: boolean;
  }[];
  /** The link layers drawn, by title. */
  links?: readonly string[];
  /** Whether a link ends at a named place that is not an event. */
  linkPlaces?: boolean;
  /** Whether a route's waypoints are drawn. */
  waypoints?: boolean;
  /** Whether international boundaries are drawn (the live map always draws them). */
  boundaries?: boolean;
  /** The legend line of the de facto lines drawn, if any. */
  deFacto?: string | null;
  /** The highlight's meaning here: the reader's selection, or a chapter's focus. */
  highlight?: 'selected' | 'focus' | null;
}

/**
 * The legend's rows for what a map draws, in a fixed order: the highlight, the event categories,
 * hollow markers, routes (dashed only where indicative, and saying so), connections, named places,
 * waypoints, boundaries. Labels are the story's own (category labels, layer titles), never ids.
 *
 * @example
 * legendRows({ routes: [{ layer: 'rail', title: 'Railway', label: 'Economy', color: '#238b70', indicative: false }] })
 * // [{ key: 'route rail', label: 'Railway (solid: a surveyed line)', symbol: { type: 'line', … } }]
 */
export function legendRows(content: LegendContent, theme: Theme = 'light'): LegendRow[] {
  const palette = MAP_PALETTE[theme];
  const rows: LegendRow[] = [];
  if (content.highlight) {
    const label = content.highlight === 'focus' ? 'In focus in this chapter' : 'Selected feature';
    rows.push({ key: 'highlight', label, symbol: { type: 'halo' } });
  }
  for (const c of content.categories ?? []) {
    rows.push({ key: `category ${c.id}`, label: c.label, symbol: point(c.color, false) });
  }
  if (content.hollow) {
    rows.push({
      key: 'hollow',
      label: 'Approximate or symbolic location',
      symbol: point(palette.text, true),
    });
  }
  rows.push(...routeRows(content.routes ?? []));
  for (const title of new Set(content.links ?? [])) {
    rows.push({
      key: `links ${title}`,
      label: `${title}: a great-circle arc between two places`,
      symbol: { type: 'arc', color: palette.link, width: SYMBOL.link.width.rest },
    });
  }
  if (content.linkPlaces) {
    rows.push({ key: 'place', label: 'Place a connection starts from', symbol: { type: 'place' } });
  }
  if (content.waypoints) {
    rows.push({ key: 'waypoint', label: 'Point on the route', symbol: { type: 'waypoint' } });
  }
  if (content.boundaries) {
    rows.push({
      key: 'boundary',
      label: 'International boundary',
      symbol: { type: 'boundary', dash: null, width: SYMBOL.border.width },
    });
  }
  if (content.deFacto) {
    rows.push({
      key: 'de-facto',
      label: content.deFacto,
      symbol: { type: 'boundary', dash: SYMBOL.deFacto.dash, width: SYMBOL.deFacto.width },
    });
  }
  return rows;
}

const point = (color: string, hollow: boolean): LegendSymbol => ({ type: 'point', color, hollow });

/** One row per route layer (and category, where a layer mixes them) and kind of line. */
function routeRows(routes: NonNullable<LegendContent['routes']>): LegendRow[] {
  const rows = new Map<string, LegendRow>();
  for (const r of routes) {
    const mixed = new Set(routes.filter((o) => o.layer === r.layer).map((o) => o.label)).size > 1;
    const name = mixed ? `${r.title}, ${r.label}` : r.title;
    const key = `route ${r.layer}${mixed ? ` ${r.label}` : ''}${r.indicative ? ' indicative' : ''}`;
    const label = r.indicative
      ? `${name} (dashed: an indicative line through published waypoints)`
      : `${name} (solid: a surveyed line)`;
    const symbol: LegendSymbol = {
      type: 'line',
      color: r.color,
      width: SYMBOL.route.width.rest,
      dash: routeDash(r.indicative),
    };
    rows.set(key, { key, label, symbol });
  }
  return [...rows.values()];
}

/** The size of a swatch: one legend row's symbol. */
export const SWATCH = { width: 28, height: 20 } as const;

/** A shape of a swatch, in the swatch's own pixels (`SWATCH` wide and high). */
export type SwatchShape =
  | {
      type: 'circle';
      cx: number;
      cy: number;
      r: number;
      fill: string;
      stroke?: string;
      strokeWidth?: number;
      opacity?: number;
    }
  | {
      type: 'path';
      d: string;
      stroke: string;
      strokeWidth: number;
      /** In pixels. */
      dash?: number[];
    };

/** What a row's swatch is made of, in the theme's colours. */
export function swatchShapes(symbol: LegendSymbol, theme: Theme = 'light'): SwatchShape[] {
  const p: MapPalette = MAP_PALETTE[theme];
  const [cx, cy] = [SWATCH.width / 2, SWATCH.height / 2];
  const e = SYMBOL.event;
  switch (symbol.type) {
    case 'point':
      return symbol.hollow
        ? [ring(cx, cy, e.radius.rest, e.ring, symbol.color, e.hollowWidth)]
        : [ring(cx, cy, e.radius.rest, symbol.color, e.ring, e.ringWidth)];
    case 'halo':
      return [
        { type: 'circle', cx, cy, r: 9.5, fill: HIGHLIGHT, opacity: e.halo.opacity.selected },
        ring(cx, cy, e.radius.rest - 2, p.text, e.ring, e.ringWidth),
      ];
    case 'waypoint':
      return [ring(cx, cy, SYMBOL.waypoint.radius, p.halo, p.text, SYMBOL.waypoint.ringWidth)];
    case 'place':
      return [ring(cx, cy, SYMBOL.linkPlace.radius, p.text, p.halo, SYMBOL.linkPlace.ringWidth)];
    case 'arc':
      return [
        { type: 'path', d: 'M2 13Q14 0 26 13', stroke: symbol.color, strokeWidth: symbol.width },
      ];
    case 'line':
    case 'boundary': {
      const stroke = symbol.type === 'line' ? symbol.color : p.border;
      const dash = symbol.dash ? dashPx(symbol.dash, symbol.width) : undefined;
      return [{ type: 'path', d: `M2 ${cy}H26`, stroke, strokeWidth: symbol.width, dash }];
    }
  }
}

/**
 * A marker as MapLibre draws it: a disc of `radius` with a ring of `strokeWidth` outside it. SVG
 * and canvas centre a stroke on the radius, so the circle they draw is half a ring wider.
 */
export const ring = (
  cx: number,
  cy: number,
  radius: number,
  fill: string,
  stroke: string,
  strokeWidth: number,
): SwatchShape => ({
  type: 'circle',
  cx,
  cy,
  r: radius + strokeWidth / 2,
  fill,
  stroke,
  strokeWidth,
});

/** A swatch's shapes as SVG elements, placed with its top left corner at (x, y). */
export function swatchSvg(shapes: SwatchShape[], x = 0, y = 0): string {
  return shapes
    .map((s) => {
      if (s.type === 'circle') {
        const stroke = s.stroke ? ` stroke="${s.stroke}" stroke-width="${s.strokeWidth}"` : '';
        const opacity = s.opacity !== undefined ? ` opacity="${s.opacity}"` : '';
        return `<circle cx="${x + s.cx}" cy="${y + s.cy}" r="${s.r}" fill="${s.fill}"${stroke}${opacity}/>`;
      }
      const dash = s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
      return `<path transform="translate(${x} ${y})" d="${s.d}" fill="none" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${dash}/>`;
    })
    .join('');
}
