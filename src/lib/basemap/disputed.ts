/**
 * What the basemap draws specially, and where: its de facto lines (see `natural-earth.ts`) with
 * the words that explain them. A story shows the toggle, legend line and note of an area only
 * when the story reaches that area; a story elsewhere never mentions it.
 */
import type { Bounds } from '$lib/geo/camera';

/**
 * The de facto lines: their `kind` in the basemap's boundaries, and the id of the toggle that
 * shows or hides them beside the story's own layers (in `layers=` and a chapter's `layers:`).
 */
export const DE_FACTO = 'de-facto';

export interface DisputedArea {
  /** [west, south, east, north] around the basemap's de facto lines there. */
  bounds: Bounds;
  /** The layer toggle's label. */
  toggle: string;
  /** The legend line for the dashed lines. */
  legend: string;
  /** A sentence for the map's "About" notes. */
  note: string;
}

export const DISPUTED_AREAS: readonly DisputedArea[] = [
  {
    bounds: [72.5, 30.5, 81, 37.2],
    toggle: 'De facto boundaries (Kashmir)',
    legend: 'De facto line (Line of Control, Line of Actual Control)',
    note: 'Kashmir is shown as neutral news maps show it: the Line of Control and other de facto lines are dashed.',
  },
];

const overlaps = (a: Bounds, b: Bounds) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * The disputed areas a story reaches: any that its default view or one of its features overlaps.
 *
 * @example
 * disputedAreasIn([[28, 12, 82, 57]]).length // 1 (South Asia)
 * disputedAreasIn([[10, 53, 30, 61]]).length // 0 (the Baltic)
 */
export function disputedAreasIn(extents: Bounds[]): DisputedArea[] {
  return DISPUTED_AREAS.filter((area) => extents.some((e) => overlaps(e, area.bounds)));
}
