/**
 * The changes that touch more than one field: adding a feature (with its narrative, and its layer
 * when the story has none of that kind yet), renaming one (its narrative file follows) and
 * deleting one. Each is made of draft changes, so each can be undone.
 */
import type { LayerMeta } from '$lib/story/schema';
import type { PlaceAt, PlaceMatch } from './api';
import type { StoryDraft } from './draft.svelte';
import { editFeature } from './feature-edit';
import {
  allFeatures,
  categoriesOf,
  isSlug,
  layersOf,
  narrativeFile,
  newId,
  setFront,
  type DraftFeature,
} from './model';

const LAYER_DEFAULTS: Record<LayerMeta['kind'], { id: string; title: string }> = {
  events: { id: 'events', title: 'Events' },
  routes: { id: 'routes', title: 'Routes' },
  links: { id: 'links', title: 'Connections' },
};

/** The file of the story's first layer of a kind, added to `story.json` when there is none. */
export function layerFile(draft: StoryDraft, kind: LayerMeta['kind']): string {
  const found = layersOf(draft, kind)[0];
  if (found) return found.file;
  const { id, title } = LAYER_DEFAULTS[kind];
  const file = `${id}.geojson`;
  draft.change('story.json', (meta) => {
    const m = meta as { layers?: LayerMeta[] };
    (m.layers ??= []).push({ id, kind, title, file });
  });
  if (draft.files[file] === undefined) {
    draft.change(file, () => ({ type: 'FeatureCollection', features: [] }));
  }
  return file;
}

/** The properties every kind starts with: empty, so the validator names each one to fill in. */
function common(draft: StoryDraft): Record<string, unknown> {
  return {
    title: '',
    category: categoriesOf(draft)[0]?.id ?? 'diplomacy',
    date: '',
    date_precision: 'day',
  };
}

function addFeature(draft: StoryDraft, kind: LayerMeta['kind'], feature: DraftFeature): string {
  const file = layerFile(draft, kind);
  draft.change(file, (fc) => void (fc as { features: unknown[] }).features.push(feature));
  draft.change(narrativeFile(feature.id), () =>
    setFront('\n', { feature: feature.id, summary: '' }),
  );
  return feature.id;
}

const takenIds = (draft: StoryDraft) => new Set(allFeatures(draft).map((f) => f.feature.id));

/** A new event at a point, named after the gazetteer's place when it came from there. */
export function addEvent(
  draft: StoryDraft,
  at: [number, number],
  where: PlaceAt,
  place?: PlaceMatch,
): string {
  const properties: Record<string, unknown> = {
    ...common(draft),
    place: place?.name ?? '',
    place_label: place?.name.slice(0, 40) ?? '',
  };
  if (where.land) {
    properties.country = place?.countryName ?? where.admin;
    properties.admin = where.admin;
  } else {
    properties.waters = '';
    if (where.zone) properties.zone = where.zone;
  }
  properties.location_precision = 'city';
  properties.sources = [];
  return addFeature(draft, 'events', {
    type: 'Feature',
    id: newId(place?.name ?? 'event', takenIds(draft)),
    geometry: { type: 'Point', coordinates: at },
    properties,
  });
}

export function addRoute(draft: StoryDraft, coordinates: [number, number][]): string {
  return addFeature(draft, 'routes', {
    type: 'Feature',
    id: newId('route', takenIds(draft)),
    geometry: { type: 'LineString', coordinates },
    properties: {
      ...common(draft),
      sources: [],
      indicative: true,
      stated_length_km: 0,
      status: '',
      from_place: '',
      to_place: '',
      timeline: [],
    },
  });
}

/** A new link; its ends are picked in its form. Links have no geometry of their own. */
export function addLink(draft: StoryDraft): string {
  return addFeature(draft, 'links', {
    type: 'Feature',
    id: newId('link', takenIds(draft)),
    geometry: null as unknown as DraftFeature['geometry'],
    properties: { ...common(draft), sources: [] },
  });
}

export function fileOf(draft: StoryDraft, id: string): string | undefined {
  return allFeatures(draft).find((f) => f.feature.id === id)?.file;
}

/**
 * Renames a feature; its narrative moves to the new name. Gives why not, for an id that is not a
 * slug or is taken (mentions of the old id are left for the validator to name).
 */
export function renameFeature(draft: StoryDraft, from: string, to: string): string | null {
  const file = fileOf(draft, from);
  if (!file) return `no feature "${from}"`;
  if (!isSlug(to)) {
    return `"${to}" is not an id: use lower-case words joined by hyphens, e.g. "uri-attack-2016"`;
  }
  if (takenIds(draft).has(to)) return `another feature already has the id "${to}"`;
  editFeature(draft, file, from, 'id', (f) => (f.id = to));
  const text = draft.files[narrativeFile(from)] as string | undefined;
  if (text !== undefined) {
    draft.change(narrativeFile(to), () => setFront(text, { feature: to }));
    draft.change(narrativeFile(from), () => null);
  }
  return null;
}

export function deleteFeature(draft: StoryDraft, id: string): void {
  const file = fileOf(draft, id);
  if (!file) return;
  draft.change(file, (fc) => {
    const list = (fc as { features: DraftFeature[] }).features;
    list.splice(
      list.findIndex((f) => f.id === id),
      1,
    );
  });
  if (draft.files[narrativeFile(id)] !== undefined) draft.change(narrativeFile(id), () => null);
}

export function setGeometry(draft: StoryDraft, id: string, coordinates: unknown): void {
  const file = fileOf(draft, id);
  if (file) {
    editFeature(draft, file, id, 'coordinates', (f) => {
      (f.geometry as { coordinates: unknown }).coordinates = coordinates;
    });
  }
}
