import { bbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

/** A camera that frames bounds. */
export type BoundsCamera = { type: 'bounds'; bounds: Bounds };

/** A camera at a centre and zoom (with optional bearing and pitch). */
export type ViewCamera = {
  type: 'view';
  center: [number, number];
  zoom: number;
  bearing?: number;
  pitch?: number;
  /**
   * Centre it in the part of the map the overlays leave clear (a chapter's camera); without it,
   * in the map's middle (a camera the reader shared, `map=`).
   */
  padded?: boolean;
};

/** Where a camera request points: a feature (points with their surroundings), a view, bounds. */
export type CameraTarget = { type: 'feature'; id: string } | ViewCamera | BoundsCamera;

/**
 * A request to move the camera. The story state numbers them; the map applies each number once,
 * when it arrives, so that nothing else (layout, theme, a closed panel) ever moves the camera.
 */
export interface CameraRequest {
  /** Increases with every request. */
  seq: number;
  target: CameraTarget;
  /**
   * Features that must end up in the clear area with their labels (a chapter's focus); a feature
   * target keeps itself. The frame widens where the target alone would leave them out.
   */
  keep?: readonly string[];
  /** Fly (unless the reader prefers reduced motion), or jump. */
  animate: boolean;
  /** Move only when the kept features are not already in full view, clear of the overlays. */
  ifNeeded: boolean;
  /** Frame the bounds exactly as the map opened on them (the story's whole view, reset). */
  asOpened?: boolean;
}

/**
 * The least a camera frames around a point, in degrees: about a country and a neighbour or two, so
 * that a reader who selects Moscow sees Russia around it, not one dot on an empty square.
 */
export const POINT_CONTEXT_DEG = 8;

/**
 * The closest the camera goes when it frames a feature: the 1:50m basemap has no detail beyond,
 * so a closer view would be an empty square.
 */
export const FEATURE_MAX_ZOOM = 5.5;

/**
 * Bounds that frame a feature: its bounding box, grown by `minSpanDeg` where it is a point or
 * very small, so that the camera never zooms to street level on a city reference point.
 *
 * @example
 * featureBounds(pointFeature([73.05, 33.68]), 1) // [72.55, 33.18, 73.55, 34.18]
 */
export function featureBounds(feature: Feature<Geometry> | Geometry, minSpanDeg = 1): Bounds {
  const [w, s, e, n] = bbox(feature) as Bounds;
  const growX = Math.max(0, (minSpanDeg - (e - w)) / 2);
  const growY = Math.max(0, (minSpanDeg - (n - s)) / 2);
  return [w - growX, Math.max(-85, s - growY), e + growX, Math.min(85, n + growY)];
}

/**
 * The bounds a `center` + `zoom` camera shows in a `width` × `height` px frame (512 px tiles,
 * Web Mercator): for drawing a static map of the same view.
 *
 * @example
 * viewBounds([70, 30], 4, 800, 600) // ≈ [65.6, 26.5, 74.4, 33.4]
 */
export function viewBounds(
  center: [number, number],
  zoom: number,
  width = 800,
  height = 600,
): Bounds {
  const worldPx = 512 * 2 ** zoom;
  const toY = (lat: number) =>
    (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * worldPx;
  const toLat = (y: number) =>
    (360 / Math.PI) * Math.atan(Math.exp((0.5 - y / worldPx) * 2 * Math.PI)) - 90;
  const halfLon = ((width / 2) * 360) / worldPx;
  const cy = toY(center[1]);
  return [
    Math.max(-180, center[0] - halfLon),
    Math.max(-85, toLat(cy + height / 2)),
    Math.min(180, center[0] + halfLon),
    Math.min(85, toLat(cy - height / 2)),
  ];
}
