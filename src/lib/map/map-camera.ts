/**
 * The camera's one place: a camera request becomes a MapLibre move here. The target is framed in
 * the map's clear area (what its overlays leave uncovered, measured when the request is applied),
 * and the frame widens until every feature the request keeps is inside it with its label.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FEATURE_MAX_ZOOM, type Bounds, type CameraRequest } from '$lib/geo/camera';
import {
  frameCamera,
  inClearArea,
  type Camera,
  type CameraTarget,
  type Frame,
  type Insets,
  type KeepPoint,
} from '$lib/geo/frame';

export interface CameraContext {
  /** Where the camera goes to show a feature, and the points of it that must stay in view. */
  boundsOf: (id: string) => Bounds | undefined;
  keepOf: (id: string) => KeepPoint[];
  /** What the overlays cover now. */
  insets: () => Insets;
  /** The room around the story's bounds in the opening view (`asOpened` requests). */
  openingMargin: number;
  /** The map's deepest zoom. */
  maxZoom: number;
  reducedMotion: boolean;
}

/** How long a camera flies, unless the reader prefers reduced motion. */
const FLIGHT_MS = 1200;

/** The map's frame now: its size and clear area. */
export function mapFrame(map: MapLibreMap, ctx: CameraContext, maxZoom = ctx.maxZoom): Frame {
  const { width, height } = map.getContainer().getBoundingClientRect();
  return { width, height, insets: ctx.insets(), maxZoom };
}

/** The camera the request asks for, framed for the map as it is now; null when nothing to do. */
export function cameraFor(
  map: MapLibreMap,
  request: Omit<CameraRequest, 'seq'>,
  ctx: CameraContext,
): (Camera & { bearing: number; pitch: number }) | null {
  const { target } = request;
  if (request.asOpened && target.type === 'bounds') {
    const [w, s, e, n] = target.bounds;
    const padding = ctx.openingMargin;
    const camera = map.cameraForBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding },
    );
    if (!camera?.center) return null;
    const c = camera.center as { lng: number; lat: number };
    return { center: [c.lng, c.lat], zoom: camera.zoom ?? map.getZoom(), bearing: 0, pitch: 0 };
  }
  const ids = [...(request.keep ?? []), ...(target.type === 'feature' ? [target.id] : [])];
  const keep = ids.flatMap((id) => ctx.keepOf(id));
  let framed: CameraTarget;
  let maxZoom = ctx.maxZoom;
  if (target.type === 'feature') {
    const bounds = ctx.boundsOf(target.id);
    if (!bounds) return null;
    framed = { type: 'bounds', bounds };
    // The 1:50m basemap has nothing finer: a closer view of a feature would be an empty square.
    maxZoom = FEATURE_MAX_ZOOM;
  } else framed = target;
  const frame = mapFrame(map, ctx, maxZoom);
  if (request.ifNeeded && keep.length) {
    const now = { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    if (keep.every((k) => inClearArea(k, now, frame))) return null;
  }
  const camera = frameCamera(framed, keep, frame);
  const view = target.type === 'view' ? target : null;
  return { ...camera, bearing: view?.bearing ?? 0, pitch: view?.pitch ?? 0 };
}

export function applyCamera(map: MapLibreMap, request: CameraRequest, ctx: CameraContext): void {
  const camera = cameraFor(map, request, ctx);
  if (!camera) return;
  const duration = request.animate && !ctx.reducedMotion ? FLIGHT_MS : 0;
  map.easeTo({ ...camera, duration });
}
