/**
 * The explore view's state in the URL:
 * `?event=<id>&date=<from>/<to>&layers=<a,b>&categories=<a,b>&map=<zoom>/<lat>/<lon>`.
 * Only what differs from the default view is written. Anything malformed is ignored, part by part,
 * so a bad link opens the default view instead of an error.
 */
import { dateProblem, endOf, startOf } from './dates';
import { PARTIAL_DATE } from './patterns';
import type { Category } from './schema';

/** A date window as the first and last day, `YYYY-MM-DD`. */
export type DateWindow = [from: string, to: string];

export interface ViewState {
  event: string | null;
  window: DateWindow;
  /** Toggleable layers that are switched off. */
  hiddenLayers: string[];
  /** Event categories that are switched off. */
  hiddenCategories: Category[];
  /** The camera the reader chose, when they moved the map (`map=<zoom>/<lat>/<lon>`). */
  map?: MapView | null;
}

/** A camera as OpenStreetMap writes it in its URLs. */
export interface MapView {
  zoom: number;
  /** [longitude, latitude] */
  center: [number, number];
}

/**
 * Reads `<zoom>/<lat>/<lon>` (OpenStreetMap's `map=` form), or null when it is not one.
 *
 * @example
 * parseMapView('5.5/33.6844/73.0479') // { zoom: 5.5, center: [73.0479, 33.6844] }
 */
export function parseMapView(text: string | null | undefined): MapView | null {
  const match = /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(
    text ?? '',
  );
  if (!match) return null;
  const [zoom, lat, lon] = match.slice(1).map(Number) as [number, number, number];
  if (zoom > 24 || Math.abs(lat) > 85.06 || Math.abs(lon) > 180) return null;
  return { zoom, center: [lon, lat] };
}

/**
 * Writes a camera as `<zoom>/<lat>/<lon>`, with as many decimals as the zoom can show (as
 * OpenStreetMap does: a degree's thousandth is invisible at zoom 3).
 */
export function formatMapView({ zoom, center: [lon, lat] }: MapView): string {
  const digits = Math.min(5, Math.max(1, Math.ceil((zoom * Math.LN2) / Math.LN10)));
  const fixed = (n: number, d: number) => String(Number(n.toFixed(d)));
  return `${fixed(zoom, 2)}/${fixed(lat, digits)}/${fixed(lon, digits)}`;
}

export interface ViewContext {
  ids: ReadonlySet<string>;
  /** The toggleable layer ids, in display order. */
  toggles: readonly string[];
  categories: readonly Category[];
  /** The full extent of the story's dates: the default window. */
  extent: DateWindow;
}

export function defaultView(ctx: ViewContext): ViewState {
  return { event: null, window: [...ctx.extent], hiddenLayers: [], hiddenCategories: [] };
}

/**
 * Parses a date window written `from/to`, each a partial date (`2015`, `2015-10`, `2015-10-16`).
 *
 * @example
 * parseWindow('2015/2021') // ['2015-01-01', '2021-12-31']
 */
export function parseWindow(text: string | null | undefined): DateWindow | null {
  if (!text) return null;
  const parts = text.split('/');
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  for (const d of [a, b]) {
    if (!PARTIAL_DATE.test(d) || dateProblem(d)) return null;
  }
  const window: DateWindow = [startOf(a), endOf(b)];
  return window[0] <= window[1] ? window : null;
}

/** Writes a window as compactly as it can: whole years as `2015/2021`. */
export function formatWindow([from, to]: DateWindow): string {
  const wholeYears = from.endsWith('-01-01') && to.endsWith('-12-31');
  return wholeYears ? `${from.slice(0, 4)}/${to.slice(0, 4)}` : `${from}/${to}`;
}

function parseList<T extends string>(
  text: string | null,
  allowed: readonly T[],
): { visible: T[] } | null {
  if (text === null) return null;
  const names = text.split(',').filter(Boolean);
  if (!names.every((n) => (allowed as readonly string[]).includes(n))) return null;
  return { visible: names as T[] };
}

/** Reads a query string; never throws. */
export function parseViewState(search: string, ctx: ViewContext): ViewState {
  const state = defaultView(ctx);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return state;
  }
  const event = params.get('event');
  if (event && ctx.ids.has(event)) state.event = event;
  const window = parseWindow(params.get('date'));
  if (window) state.window = window;
  const layers = parseList(params.get('layers'), ctx.toggles);
  if (layers) state.hiddenLayers = ctx.toggles.filter((t) => !layers.visible.includes(t));
  const categories = parseList(params.get('categories'), ctx.categories);
  if (categories) {
    state.hiddenCategories = ctx.categories.filter((c) => !categories.visible.includes(c));
  }
  const map = parseMapView(params.get('map'));
  if (map) state.map = map;
  return state;
}

/** Writes the state as a query string (with `?`), or `''` for the default view. */
export function serializeViewState(state: ViewState, ctx: ViewContext): string {
  const params = new URLSearchParams();
  if (state.event) params.set('event', state.event);
  if (state.window[0] !== ctx.extent[0] || state.window[1] !== ctx.extent[1]) {
    params.set('date', formatWindow(state.window));
  }
  if (state.hiddenLayers.length) {
    params.set('layers', ctx.toggles.filter((t) => !state.hiddenLayers.includes(t)).join(','));
  }
  if (state.hiddenCategories.length) {
    const visible = ctx.categories.filter((c) => !state.hiddenCategories.includes(c));
    params.set('categories', visible.join(','));
  }
  if (state.map) params.set('map', formatMapView(state.map));
  const text = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}
