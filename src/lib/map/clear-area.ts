/**
 * The part of the map that nothing covers: what the camera frames features in. Every element that
 * lies over the map says so with `data-map-overlay` (a chapter's text card, the progress box, the
 * draw read-out, "Layers and legend", an open narrative); the map's own buttons, scale bar and
 * attribution count too. Each overlay takes a band along the side of the map where it costs the
 * least area: a box in a top corner takes a band along the top, a text card down the left side a
 * band on the left.
 */
import type { Insets } from '$lib/geo/frame';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between an overlay and what the camera frames. */
export const OVERLAY_GAP = 8;

/**
 * The insets of the largest clear area a set of overlays leaves, starting from `minimum`.
 *
 * @example
 * clearInsets({ x: 0, y: 0, width: 1000, height: 600 }, [{ x: 880, y: 10, width: 110, height: 50 }], NO_INSETS)
 * // { top: 60, right: 0, bottom: 0, left: 0 }: a band along the top costs less than one down the side
 */
export function clearInsets(map: Rect, overlays: Rect[], minimum: Insets): Insets {
  const insets = { ...minimum };
  const { width: W, height: H } = map;
  for (const o of overlays) {
    const x0 = Math.max(0, o.x - map.x);
    const y0 = Math.max(0, o.y - map.y);
    const x1 = Math.min(W, o.x + o.width - map.x);
    const y1 = Math.min(H, o.y + o.height - map.y);
    if (x1 <= x0 || y1 <= y0) continue;
    // Already outside the clear area: nothing more to give up.
    if (
      x1 <= insets.left ||
      x0 >= W - insets.right ||
      y1 <= insets.top ||
      y0 >= H - insets.bottom
    ) {
      continue;
    }
    const bands = {
      top: { inset: y1, area: (y1 - insets.top) * W },
      bottom: { inset: H - y0, area: (H - y0 - insets.bottom) * W },
      left: { inset: x1, area: (x1 - insets.left) * H },
      right: { inset: W - x0, area: (W - x0 - insets.right) * H },
    };
    const side = (Object.keys(bands) as (keyof Insets)[]).reduce((a, b) =>
      bands[b].area < bands[a].area ? b : a,
    );
    insets[side] = Math.max(insets[side], bands[side].inset);
  }
  return insets;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * What lies over a map now: the marked overlays on the page and the map's own controls; with
 * `panels`, only the overlays marked `data-map-overlay="panel"` (a text card, a narrative), which
 * images leave out.
 */
export function overlayRects(container: HTMLElement, { panels = false } = {}): Rect[] {
  const elements = panels
    ? [...document.querySelectorAll<HTMLElement>('[data-map-overlay="panel"]')]
    : [
        ...document.querySelectorAll<HTMLElement>('[data-map-overlay]'),
        ...container.querySelectorAll<HTMLElement>('.maplibregl-ctrl'),
      ];
  return elements.flatMap((element) => {
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || element.closest('[hidden]')) return [];
    const g = OVERLAY_GAP;
    return [{ x: r.x - g, y: r.y - g, width: r.width + 2 * g, height: r.height + 2 * g }];
  });
}

/** The clear area of a map's container now, as insets, at least `minimum` on each side. */
export function measureClearArea(
  container: HTMLElement,
  minimum: Insets = NO_INSETS,
  { panels = false } = {},
): Insets {
  const r = container.getBoundingClientRect();
  return clearInsets(
    { x: r.x, y: r.y, width: r.width, height: r.height },
    overlayRects(container, { panels }),
    minimum,
  );
}
