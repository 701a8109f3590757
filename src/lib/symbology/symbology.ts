/**
 * The one table of how the story is drawn: the map's and the page's colours in both themes, and
 * every symbol's size, stroke, dash and highlight. Four renderers read it and nothing else: the
 * MapLibre style (`$lib/map/style`), the legend panel, the static SVG maps (explore, chapters,
 * handout, social preview) and the downloaded PNG. Sizes are CSS pixels at the map's own scale;
 * dashes are in line widths, as MapLibre's `line-dasharray` counts them (`dashPx` turns them into
 * pixels for SVG and canvas).
 */
import type { LocationPrecision } from '$lib/story/schema';

export type Theme = 'light' | 'dark';

/** The map's colours. */
export interface MapPalette {
  sea: string;
  land: string;
  coast: string;
  border: string;
  /** Country names. */
  label: string;
  territory: string;
  /** Sea and ocean names. */
  seaLabel: string;
  /** City names. */
  city: string;
  /** Event and route labels, waypoint rings, named places. */
  text: string;
  /** Casing under routes, halo around labels, fill of hollow markers and waypoints. */
  halo: string;
  link: string;
}

/** The map follows the page's light or dark theme (`prefers-color-scheme`). */
export const MAP_PALETTE: Record<Theme, MapPalette> = {
  light: {
    sea: '#dce8ef',
    land: '#f6f3ec',
    coast: '#9fb6c6',
    border: '#8d8d8d',
    label: '#55514a',
    territory: '#7a5c3a',
    seaLabel: '#5d7f96',
    city: '#6b665e',
    text: '#222222',
    halo: '#ffffff',
    link: '#5b3fb8',
  },
  dark: {
    sea: '#15212b',
    land: '#2a2c30',
    coast: '#4a6374',
    border: '#8f949c',
    label: '#c8c3ba',
    territory: '#dcbc8e',
    seaLabel: '#7f9bb0',
    city: '#a9a49b',
    text: '#f2f2f2',
    halo: '#17181a',
    link: '#a391f2',
  },
};

/**
 * The page's colours, the same as the design tokens in `app.css` (a test checks that they agree):
 * the legend, title and credit boxes of images and static maps use them.
 */
export const PAGE_PALETTE: Record<
  Theme,
  { text: string; muted: string; bg: string; panel: string; rule: string; link: string }
> = {
  light: {
    text: '#1d1d1f',
    muted: '#5a5a60',
    bg: '#ffffff',
    panel: '#f6f6f4',
    rule: '#d9d9d6',
    link: '#0b57a4',
  },
  dark: {
    text: '#ececec',
    muted: '#b4b4ba',
    bg: '#17181a',
    panel: '#212226',
    rule: '#3a3b40',
    link: '#8cc4ff',
  },
};

/** The highlight of the hovered, the selected and the chapter's focused features. */
export const HIGHLIGHT = '#ffc400';

/** Sizes at rest, when hovered, and when selected (or in a chapter's focus). */
export interface Sized {
  rest: number;
  hover: number;
  selected: number;
}

export const SYMBOL = {
  event: {
    radius: { rest: 6.5, hover: 8, selected: 9 } satisfies Sized,
    /** The white ring around an exact marker. */
    ring: '#ffffff',
    ringWidth: 1.5,
    /** A hollow marker: the category's colour as a thick ring around white. */
    hollowWidth: 2.5,
    /** The halo under a highlighted marker. */
    halo: { radius: 16, opacity: { rest: 0, hover: 0.45, selected: 0.75 } satisfies Sized },
  },
  route: {
    width: { rest: 4, hover: 5, selected: 6 } satisfies Sized,
    casing: 7,
    /** Indicative routes only: they join published waypoints, not a surveyed alignment. */
    dash: [2, 1.2] as const,
    halo: { width: 16, opacity: { rest: 0, hover: 0.4, selected: 0.7 } satisfies Sized },
    /** The stretch drawn so far in a chapter that draws the route. */
    drawn: 6,
  },
  link: {
    width: { rest: 2, hover: 3, selected: 4 } satisfies Sized,
    opacity: { rest: 0.75, hover: 0.9, selected: 1 } satisfies Sized,
    halo: { width: 12, opacity: { rest: 0, hover: 0.4, selected: 0.7 } satisfies Sized },
  },
  /** A named place at a link's end that is not an event (a link from "New Delhi"). */
  linkPlace: { radius: 3.5, ringWidth: 1.5 },
  waypoint: { radius: 4, ringWidth: 1.5 },
  coast: { width: 0.8 },
  border: { width: 0.9 },
  deFacto: { width: 1.3, dash: [2.5, 2] as const },
  stack: { radius: 7.5, ringWidth: 1.5, offset: 8, text: 10.5 },
  label: { event: 12.5, route: 12, waypoint: 12, halo: 1.6 },
} as const;

/** How much larger markers, lines and labels are drawn for a room (the slides). */
export const ROOM_SCALE = 1.5;

/** Location precisions drawn as a hollow marker: the pin is not the venue. */
export const HOLLOW_PRECISIONS: readonly LocationPrecision[] = ['approximate', 'placeholder'];

/**
 * Whether an event's marker is hollow.
 *
 * @example
 * isHollow('approximate') // true
 * isHollow('city') // false
 */
export const isHollow = (precision: LocationPrecision | undefined): boolean =>
  precision !== undefined && HOLLOW_PRECISIONS.includes(precision);

/** A route's dash in line widths, or null for a solid line. */
export const routeDash = (indicative: boolean): readonly number[] | null =>
  indicative ? SYMBOL.route.dash : null;

/**
 * A dash pattern in line widths as pixels, for SVG and canvas, which count dashes in pixels.
 *
 * @example
 * dashPx([2, 1.2], 4) // [8, 4.8]
 */
export const dashPx = (dash: readonly number[], width: number): number[] =>
  dash.map((d) => Math.round(d * width * 100) / 100);

/** The widest a map label runs before MapLibre wraps it onto another line (`text-max-width`). */
export const LABEL_MAX_EMS = 10;

/**
 * About how wide and tall a label is drawn, in pixels: no font metrics are at hand where the
 * camera frames features (or at build time), so this errs on the wide side of Noto Sans' average
 * letter, and wraps as MapLibre does past `LABEL_MAX_EMS`.
 *
 * @example
 * labelWidth('Islamabad', 12.5) // 67.5
 * labelWidth('Uri (Indian-administered Kashmir)', 12.5) // 125: it wraps
 */
export const labelWidth = (text: string, size: number): number =>
  Math.round(Math.min(text.length * 0.6, LABEL_MAX_EMS) * size * 10) / 10;

/** How many lines a label takes once wrapped. */
export const labelLines = (text: string): number =>
  Math.max(1, Math.ceil((text.length * 0.6) / LABEL_MAX_EMS));
