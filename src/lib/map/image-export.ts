/**
 * Renders the map as the reader sees it, off screen at twice the pixels, and downloads it as a
 * figure (`map-image.ts`). The copy takes the live map's style as it is now (its drawn stretch
 * of a route included), its global state (filters, the route being drawn, the labels that must
 * show) and its highlights, so the image is what the screen shows. Where a panel covers part of
 * the map (a slide's text card), the image is the part it leaves.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Insets } from '$lib/geo/frame';
import { metresPerPixel } from '$lib/geo/mercator';
import type { Theme } from '$lib/symbology/symbology';
import { composeImage, withPngText, type ImageDetails } from './map-image';

type MapLibre = typeof import('maplibre-gl');

/** The image's pixel ratio: print and slide decks want twice the screen's pixels. */
const IMAGE_RATIO = 2;

/** A feature the image shows: its id and the style layer that draws it. */
export interface Shown {
  id: string;
  layer: string;
}

export interface ImageRequest {
  filename: string;
  /** The features highlighted on screen (selection and focus) and the hovered one. */
  highlighted: readonly string[];
  hovered: string | null;
  featureLayers: Record<string, string>;
  /** What the image leaves out at each side: what a panel covers. */
  crop: Insets;
  theme: Theme;
  /** The image's words and legend, for what it shows. */
  details: (shown: Shown[]) => Omit<ImageDetails, 'metresPerPixel' | 'theme'>;
  /** The style layers whose features the legend describes. */
  legendLayers: string[];
}

export async function downloadImage(map: MapLibreMap, maplibre: MapLibre, request: ImageRequest) {
  const { width, height } = map.getContainer().getBoundingClientRect();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position: fixed; top: 0; left: ${-width - 50}px; width: ${width}px; height: ${height}px;`;
  document.body.append(host);
  const copy = new maplibre.Map({
    container: host,
    style: map.getStyle(),
    center: map.getCenter(),
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
    pixelRatio: IMAGE_RATIO,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    renderWorldCopies: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  try {
    await copy.once('load');
    for (const [key, value] of Object.entries(map.getGlobalState())) {
      copy.setGlobalStateProperty(key, value);
    }
    const state = (id: string, key: 'selected' | 'hover') => {
      const source = request.featureLayers[id];
      if (source) copy.setFeatureState({ source, id }, { [key]: true });
    };
    request.highlighted.forEach((id) => state(id, 'selected'));
    if (request.hovered) state(request.hovered, 'hover');
    await copy.once('idle');
    const png = await figure(copy, request, { width, height });
    save(png, request.filename);
  } finally {
    copy.remove();
    host.remove();
  }
}

/** The cropped map, laid out with its bands, as PNG bytes with its title and credits written in. */
async function figure(
  copy: MapLibreMap,
  request: ImageRequest,
  { width, height }: { width: number; height: number },
): Promise<Uint8Array> {
  const { top, right, bottom, left } = request.crop;
  const [w, h] = [width - left - right, height - top - bottom];
  const cropped = document.createElement('canvas');
  cropped.width = Math.round(w * IMAGE_RATIO);
  cropped.height = Math.round(h * IMAGE_RATIO);
  cropped
    .getContext('2d')!
    .drawImage(
      copy.getCanvas(),
      left * IMAGE_RATIO,
      top * IMAGE_RATIO,
      cropped.width,
      cropped.height,
      0,
      0,
      cropped.width,
      cropped.height,
    );
  const shown = copy
    .queryRenderedFeatures(
      [
        [left, top],
        [left + w, top + h],
      ],
      { layers: request.legendLayers.filter((l) => copy.getLayer(l)) },
    )
    .map((f) => ({ id: String(f.properties.id ?? f.properties.name ?? ''), layer: f.layer.id }));
  const centre = copy.unproject([left + w / 2, top + h / 2]);
  const details = {
    ...request.details(shown),
    theme: request.theme,
    metresPerPixel: metresPerPixel(centre.lat, copy.getZoom()),
  };
  const canvas = composeImage(cropped, details, IMAGE_RATIO);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the image');
  return withPngText(new Uint8Array(await blob.arrayBuffer()), {
    Title: details.view ? `${details.title}: ${details.view}` : details.title,
    Copyright: details.credits,
  });
}

function save(png: Uint8Array, filename: string): void {
  const url = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
