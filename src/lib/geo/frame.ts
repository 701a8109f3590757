/**
 * Framing: the camera that shows a chapter's or a selection's features inside the part of the map
 * that overlays leave clear, on any screen. A feature is kept as points that must lie in that
 * area with room around each (a marker's label runs to its right). A camera given as bounds fits
 * them and the points; a camera given as a centre and zoom is kept when its points fit, and widens
 * (zooms out around the points and its centre) where, on a small screen, they do not.
 */
import type { Bounds } from './camera';
import { project, unproject } from './mercator';

/** Pixels on each side of a rectangle. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A position that must be in view, with the room (pixels) it needs on each side. */
export interface KeepPoint {
  at: [number, number];
  room: Insets;
}

export interface Frame {
  /** The map's size in pixels. */
  width: number;
  height: number;
  /** What overlays cover on each side: the rest is the clear area. */
  insets: Insets;
  /** The closest the camera may go. */
  maxZoom: number;
  minZoom?: number;
}

export type CameraTarget =
  | { type: 'bounds'; bounds: Bounds }
  | { type: 'view'; center: [number, number]; zoom: number; padded?: boolean };

export interface Camera {
  center: [number, number];
  zoom: number;
}

const NONE: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The camera for a target that keeps every point inside the clear area.
 *
 * @example
 * frameCamera({ type: 'bounds', bounds: [60, 20, 80, 40] }, [],
 *   { width: 800, height: 600, insets: { top: 0, right: 0, bottom: 0, left: 400 }, maxZoom: 9 })
 * // the bounds fill the right half of the map, the clear area: its centre lies west of theirs
 */
export function frameCamera(target: CameraTarget, keep: KeepPoint[], frame: Frame): Camera {
  if (target.type === 'view') {
    const zoom = Math.min(target.zoom, frame.maxZoom);
    const at =
      target.padded === false
        ? { center: target.center, zoom }
        : placeAt(target.center, zoom, frame);
    if (keep.every((k) => inClearArea(k, at, frame))) return at;
    return fit([...keep, { at: target.center, room: NONE }], { ...frame, maxZoom: zoom });
  }
  const [w, s, e, n] = target.bounds;
  const corners: KeepPoint[] = [
    { at: [w, s], room: NONE },
    { at: [e, n], room: NONE },
  ];
  return fit([...corners, ...keep], frame);
}

/** Whether a point, with its room, lies inside the clear area of a camera. */
export function inClearArea(point: KeepPoint, camera: Camera, frame: Frame): boolean {
  const [x, y] = toScreen(point.at, camera, frame);
  const { insets: c, width, height } = frame;
  const eps = 0.5;
  return (
    x - point.room.left >= c.left - eps &&
    x + point.room.right <= width - c.right + eps &&
    y - point.room.top >= c.top - eps &&
    y + point.room.bottom <= height - c.bottom + eps
  );
}

/** A position in screen pixels, for a camera centred on the map's middle. */
export function toScreen(at: [number, number], camera: Camera, frame: Frame): [number, number] {
  const [cx, cy] = project(camera.center, camera.zoom);
  const [x, y] = project(at, camera.zoom);
  return [x - cx + frame.width / 2, y - cy + frame.height / 2];
}

/** The camera whose clear area's middle shows `center` at `zoom`. */
function placeAt(center: [number, number], zoom: number, frame: Frame): Camera {
  const [x, y] = project(center, zoom);
  const { dx, dy } = clearOffset(frame);
  return { center: unproject([x - dx, y - dy], zoom), zoom };
}

/** How far the clear area's middle lies from the map's middle. */
function clearOffset({ insets: c }: Frame): { dx: number; dy: number } {
  return { dx: (c.left - c.right) / 2, dy: (c.top - c.bottom) / 2 };
}

/** The extent of the points at a zoom, each with its room, in world pixels. */
function extent(points: KeepPoint[], zoom: number) {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const [x, y] = project(p.at, zoom);
    left = Math.min(left, x - p.room.left);
    right = Math.max(right, x + p.room.right);
    top = Math.min(top, y - p.room.top);
    bottom = Math.max(bottom, y + p.room.bottom);
  }
  return { left, top, right, bottom };
}

/**
 * The closest camera at which every point, with its room, fits the clear area, centred in it.
 * Where the rooms cannot fit at any zoom (a long label on a narrow phone), the points alone are
 * fitted: a label cut at the edge is better than a view of the whole world.
 */
function fit(points: KeepPoint[], frame: Frame): Camera {
  const camera = fitWithRoom(points, frame);
  if (camera) return camera;
  const marker = { top: 12, right: 12, bottom: 12, left: 12 };
  return (
    fitWithRoom(
      points.map((p) => ({ ...p, room: marker })),
      frame,
    ) ?? fitAnyway(points, frame)
  );
}

function fitAnyway(points: KeepPoint[], frame: Frame): Camera {
  return fitWithRoom(
    points.map((p) => ({ ...p, room: NONE })),
    frame,
    true,
  )!;
}

function fitWithRoom(points: KeepPoint[], frame: Frame, anyway = false): Camera | null {
  const clearW = Math.max(1, frame.width - frame.insets.left - frame.insets.right);
  const clearH = Math.max(1, frame.height - frame.insets.top - frame.insets.bottom);
  const fits = (z: number) => {
    const e = extent(points, z);
    return e.right - e.left <= clearW && e.bottom - e.top <= clearH;
  };
  let [lo, hi] = [frame.minZoom ?? 0, frame.maxZoom];
  if (!anyway && !fits(lo + 1)) return null;
  if (fits(hi)) lo = hi;
  else {
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
  }
  const zoom = lo;
  const e = extent(points, zoom);
  const middle: [number, number] = [(e.left + e.right) / 2, (e.top + e.bottom) / 2];
  const { dx, dy } = clearOffset(frame);
  return { center: unproject([middle[0] - dx, middle[1] - dy], zoom), zoom };
}
