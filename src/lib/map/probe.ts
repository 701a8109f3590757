/**
 * The test probe: what the browser tests read of the live map, as a reader would see it — the
 * camera, which features are drawn and labelled where, their highlight, the layers shown, how far
 * a route is drawn. It exists only in test builds (`VITE_MAP_PROBE=1`): StoryMap loads it behind
 * that flag, so the published site carries neither this module nor a handle on `window`.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '$lib/geo/camera';
import type { Insets } from '$lib/geo/frame';
import { LAYER, MAP_STATE, SOURCE } from './style-ids';

/** A rectangle in page pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A feature as the map drew it: its id, its properties and its geometry's coordinates. */
export interface DrawnFeature {
  id: string;
  properties: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
}

/**
 * Everything the tests read of the map, as plain data: no test reaches into MapLibre itself, so a
 * change of renderer or layer layout changes this module, not the tests.
 */
export interface MapProbe {
  camera(): { center: [number, number]; zoom: number; bearing: number; bounds: Bounds };
  /** Resolves once the map has stopped moving and has drawn every tile and label. */
  settled(): Promise<void>;
  moving(): boolean;
  featureState(id: string): { selected: boolean; hover: boolean };
  /** The story layers (and `de-facto`) drawn now. */
  visibleLayers(): string[];
  /**
   * The ids of the story features drawn inside a box of the page (default: the whole map), in
   * the given style layers (default: every layer a reader can click).
   */
  rendered(options?: { box?: Box; layers?: string[] }): string[];
  /** The features drawn in the given style layers, with their properties and geometry. */
  drawn(layers: string[]): DrawnFeature[];
  /** A story feature's geometry as the map holds it (a connection's arc, say), or null. */
  geometry(id: string): GeoJSON.Geometry | null;
  /** Each story source, and whether its data has loaded. */
  sources(): { id: string; loaded: boolean }[];
  /** Which of the reader's gestures the map answers. */
  gestures(): { dragPan: boolean; scrollZoom: boolean; cooperative: boolean };
  /** The page position of a place on the map. */
  toPage(at: [number, number]): { x: number; y: number };
  /** The map's canvas in page pixels. */
  canvas(): Box;
  /** The box of the label drawn for a feature (or a waypoint's or a place's name), or null. */
  labelBox(idOrName: string): Box | null;
  /** The route being drawn, how far (0–1), and the waypoints the line has reached. */
  drawing(): { route: string; progress: number; reached: string[] };
  /** A style layer's paint or layout value, as the map has it now. */
  property(layer: string, name: string): unknown;
  /** A style layer's filter, as the map has it now. */
  filter(layer: string): unknown;
  /** What overlays covered when the camera last framed features. */
  clearArea(): Insets;
  /** Moves the camera at once, as a reader zooming would, and waits for the map to settle. */
  jumpTo(center: [number, number], zoom: number): Promise<void>;
  /** Pans by page pixels at once, as a reader dragging would, and waits for the map to settle. */
  panBy(offset: [number, number]): Promise<void>;
}

declare global {
  interface Window {
    __mapProbe?: MapProbe;
  }
}

const LABEL_LAYERS = (map: MapLibreMap) =>
  map
    .getStyle()
    .layers.filter(
      (l) =>
        l.id.startsWith(`${LAYER.eventLabels}:`) ||
        l.id.startsWith(`${LAYER.focusLabels}:`) ||
        l.id === LAYER.linkPlaceLabels ||
        l.id === LAYER.drawWaypointLabels,
    )
    .map((l) => l.id);

/** What the probe knows of the story besides the map: which source holds each feature. */
interface ProbeContext {
  featureLayers: Record<string, string>;
  storyLayers: string[];
  hitLayers: string[];
  clearArea: () => Insets;
}

const canvasOf = (map: MapLibreMap): Box => {
  const r = map.getCanvas().getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
};

/** The camera, the canvas, and moving it as a reader would. */
function cameraReads(map: MapLibreMap) {
  const settled = async () => {
    const ready = () => !map.isMoving() && map.loaded() && map.areTilesLoaded();
    while (!ready()) await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  };
  return {
    camera() {
      const b = map.getBounds();
      return {
        center: map.getCenter().toArray() as [number, number],
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as Bounds,
      };
    },
    settled,
    moving: () => map.isMoving(),
    toPage(at: [number, number]) {
      const c = canvasOf(map);
      const p = map.project(at);
      return { x: c.x + p.x, y: c.y + p.y };
    },
    canvas: () => canvasOf(map),
    gestures: () => ({
      dragPan: map.dragPan.isEnabled(),
      scrollZoom: map.scrollZoom.isEnabled(),
      cooperative: map.cooperativeGestures.isEnabled(),
    }),
    async jumpTo(center: [number, number], zoom: number) {
      map.jumpTo({ center, zoom });
      await settled();
    },
    async panBy(offset: [number, number]) {
      map.panBy(offset, { animate: false });
      await settled();
    },
  };
}

/** The story's features: their highlight, which are drawn, the layers and sources shown. */
function featureReads(map: MapLibreMap, { featureLayers, storyLayers, hitLayers }: ProbeContext) {
  const local = (box: Box): [[number, number], [number, number]] => {
    const c = canvasOf(map);
    return [
      [box.x - c.x, box.y - c.y],
      [box.x - c.x + box.width, box.y - c.y + box.height],
    ];
  };
  const plain = (f: GeoJSON.Feature): DrawnFeature => ({
    id: String(f.properties?.id),
    properties: { ...f.properties },
    geometry: f.geometry,
  });
  return {
    featureState(id: string) {
      const source = featureLayers[id];
      const state = source ? map.getFeatureState({ source, id }) : {};
      return { selected: state.selected === true, hover: state.hover === true };
    },
    visibleLayers() {
      const style = map.getStyle();
      const visible = (id: string) => map.getLayoutProperty(id, 'visibility') !== 'none';
      const shown = storyLayers.filter((layer) =>
        style.layers.some((l) => l.id.endsWith(`:${layer}`) && visible(l.id)),
      );
      return visible(LAYER.boundaryDeFacto) ? [...shown, 'de-facto'] : shown;
    },
    rendered({ box, layers = hitLayers }: { box?: Box; layers?: string[] } = {}) {
      const features = box
        ? map.queryRenderedFeatures(local(box), { layers })
        : map.queryRenderedFeatures({ layers });
      return [...new Set(features.map((f) => String(f.properties.id)))];
    },
    drawn: (layers: string[]) => map.queryRenderedFeatures({ layers }).map(plain),
    geometry(id: string) {
      const source = featureLayers[id];
      const found = source && map.querySourceFeatures(source).find((f) => f.properties.id === id);
      return found ? found.geometry : null;
    },
    // The story layers are the sources whose features carry ids (promoteId).
    sources: () =>
      Object.entries(map.getStyle().sources)
        .filter(([, source]) => source.type === 'geojson' && source.promoteId === 'id')
        .map(([id]) => ({ id, loaded: map.isSourceLoaded(id) })),
    property(layer: string, name: string) {
      const l = map.getStyle().layers.find((x) => x.id === layer) as
        { paint?: Record<string, unknown>; layout?: Record<string, unknown> } | undefined;
      return l?.paint?.[name] ?? l?.layout?.[name];
    },
    filter: (layer: string) => map.getFilter(layer) as unknown,
  };
}

/** Where labels are drawn, and how far a route's drawing has got. */
function labelReads(map: MapLibreMap) {
  /** The ids (or names) whose labels cover a point of the canvas. */
  const labelsAt = (x: number, y: number) =>
    map
      .queryRenderedFeatures([x, y], { layers: LABEL_LAYERS(map) })
      .map((f) => String(f.properties.id ?? f.properties.name));
  return {
    labelBox: (name: string) => findLabelBox(map, name, labelsAt, canvasOf(map)),
    drawing() {
      const state = map.getGlobalState();
      const progress = Number(state[MAP_STATE.drawProgress] ?? 0);
      const reached = map
        .querySourceFeatures(SOURCE.drawWaypoints)
        .filter((f) => (f.properties.progress as number) <= progress)
        .map((f) => String(f.properties.name));
      return {
        route: String(state[MAP_STATE.drawRoute] ?? ''),
        progress: Math.min(1, Math.round(progress * 1e4) / 1e4),
        reached: [...new Set(reached)],
      };
    },
  };
}

export function installProbe(map: MapLibreMap, context: ProbeContext): void {
  const probe: MapProbe = {
    ...cameraReads(map),
    ...featureReads(map, context),
    ...labelReads(map),
    clearArea: context.clearArea,
  };
  window.__mapProbe = probe;
}

/**
 * The box of a placed label, found from the map's own collision boxes: starting from a point
 * inside the label (to the right of its anchor, where labels are placed), each edge is found by
 * bisection with point queries. Labels anchored to the left (waypoints) are searched leftwards.
 */
function findLabelBox(
  map: MapLibreMap,
  name: string,
  labelsAt: (x: number, y: number) => string[],
  canvas: Box,
): Box | null {
  const anchors = anchorsOf(map, name);
  for (const [ax, ay] of anchors) {
    // Labels sit beside their marker, whose size differs by mode (slides draw them larger).
    const offsets = [14, 20, 26, 34, 44];
    const start = [...offsets.flatMap((d) => [ax + d, ax - d]), ax].find((x) =>
      labelsAt(x, ay).includes(name),
    );
    if (start === undefined) continue;
    const hit = (x: number, y: number) => labelsAt(x, y).includes(name);
    const edge = (from: number, to: number, at: (v: number) => boolean) => {
      // `from` is inside; the first point past `to` is outside (the search stays within 600 px).
      let [inside, outside] = [from, to];
      for (let i = 0; i < 12; i++) {
        const mid = (inside + outside) / 2;
        if (at(mid)) inside = mid;
        else outside = mid;
      }
      return inside;
    };
    const left = edge(start, start - 600, (x) => hit(x, ay));
    const right = edge(start, start + 600, (x) => hit(x, ay));
    const mx = (left + right) / 2;
    const top = edge(ay, ay - 100, (y) => hit(mx, y));
    const bottom = edge(ay, ay + 100, (y) => hit(mx, y));
    return { x: canvas.x + left, y: canvas.y + top, width: right - left, height: bottom - top };
  }
  return null;
}

/** Where the map draws the point a label belongs to (a feature, a waypoint, a place). */
function anchorsOf(map: MapLibreMap, name: string): [number, number][] {
  const sources = [...Object.keys(map.getStyle().sources).filter((s) => s !== SOURCE.basemap)];
  const points = sources.flatMap((source) =>
    map
      .querySourceFeatures(source)
      .filter(
        (f) =>
          f.geometry.type === 'Point' && (f.properties.id === name || f.properties.name === name),
      )
      .map((f) => (f.geometry as GeoJSON.Point).coordinates as [number, number]),
  );
  return points.map((p) => {
    const px = map.project(p);
    return [px.x, px.y];
  });
}
