/**
 * The map's buttons and read-outs: reset view and zoom (interactive maps only: a still map has no
 * way to pan back after a zoom), download image, scale bar and attribution. They follow the page's
 * theme through StoryMap's styles.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { MAP_ATTRIBUTION } from '$lib/credits';

type MapLibre = typeof import('maplibre-gl');

/** A button in the map's own control group: reset view, download image. */
class ButtonControl implements IControl {
  #container = document.createElement('div');
  constructor(className: string, text: string, label: string, onclick: () => void) {
    this.#container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.title = label;
    button.setAttribute('aria-label', label);
    button.textContent = text;
    button.addEventListener('click', onclick);
    this.#container.append(button);
  }
  onAdd() {
    return this.#container;
  }
  onRemove() {
    this.#container.remove();
  }
}

export function addControls(
  map: MapLibreMap,
  maplibre: MapLibre,
  options: { interactive: boolean; onreset?: () => void; ondownload?: () => void },
): void {
  if (options.interactive) {
    map.addControl(
      new ButtonControl('story-reset-view', '⌂', 'Reset view: show the whole story', () =>
        options.onreset?.(),
      ),
      'bottom-right',
    );
    map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'bottom-right');
  }
  map.addControl(new maplibre.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(
    new maplibre.AttributionControl({ compact: true, customAttribution: MAP_ATTRIBUTION }),
    'bottom-right',
  );
  if (options.ondownload) {
    const download = options.ondownload;
    map.addControl(
      new ButtonControl('story-download-image', '⤓', 'Download image (PNG)', download),
      'bottom-right',
    );
  }
  // Start with the attribution folded behind its (i) button: it would cover the map on phones.
  map
    .getContainer()
    .querySelector('.maplibregl-compact-show')
    ?.classList.remove('maplibregl-compact-show');
}
