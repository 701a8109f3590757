/**
 * Whether the story's cameras show what they should: the default view every event (but those the
 * story leaves out on purpose, `camera.beyond`), and each chapter's camera its focus.
 */
import type { Point } from 'geojson';
import { frameCamera, type Frame, type KeepPoint } from '$lib/geo/frame';
import type { StoryMeta } from '$lib/story/schema';
import { labelWidth, SYMBOL } from '$lib/symbology/symbology';
import type { Reporter } from './reporter';
import type { CompiledChapter, CompiledLayer, PublishedFeature } from './types';

/** Warns of each event outside the default view; `beyond` must name events. */
export function defaultCameraChecks(
  meta: StoryMeta,
  layers: CompiledLayer[],
  declared: ReadonlyMap<string, string>,
  report: Reporter,
): void {
  const file = report.rel('story.json');
  const beyond = new Set(meta.camera.beyond ?? []);
  const events = layers.filter((l) => l.meta.kind === 'events').flatMap((l) => l.data.features);
  for (const id of beyond) {
    if (!events.some((f) => f.properties.id === id) && !declared.has(id)) {
      report.problem(
        file,
        'camera.beyond',
        `"${id}" is not an event of this story — list event ids only`,
      );
    }
  }
  const [w, s, e, n] = meta.camera.bounds;
  for (const feature of events) {
    const id = feature.properties.id;
    const [lon, lat] = (feature.geometry as Point).coordinates as [number, number];
    if (beyond.has(id) || (lon >= w && lon <= e && lat >= s && lat <= n)) continue;
    report.warn(
      declared.get(id) ?? file,
      id,
      `the event [${lon}, ${lat}] lies outside the default view camera.bounds [${meta.camera.bounds.join(', ')}], so readers of the whole story see it only as an edge arrow — widen camera.bounds, or list it in camera.beyond if that is meant`,
    );
  }
}

/**
 * The story mode's map on a phone, the smallest screen a chapter is read on: 375 px wide, the
 * top 45 % of a 667 px screen, less the progress box above and the buttons at the side.
 */
const PHONE_FRAME: Frame = {
  width: 375,
  height: 300,
  insets: { top: 72, right: 56, bottom: 28, left: 28 },
  maxZoom: 9,
};

/** The points of a published feature that must be in view, with room for their labels. */
function keepPoints(feature: PublishedFeature): KeepPoint[] {
  const room = (text: string) => ({
    top: 16,
    bottom: 16,
    left: 16,
    right: 12 + labelWidth(text, SYMBOL.label.event),
  });
  const p = feature.properties as Record<string, unknown>;
  const g = feature.geometry;
  if (g.type === 'Point')
    return [{ at: g.coordinates as [number, number], room: room(String(p.place_label)) }];
  const line = (g.type === 'MultiLineString' ? g.coordinates.flat() : g.coordinates) as [
    number,
    number,
  ][];
  // A connection: both its ends, each with its name beside it.
  if ('from_place' in p && !('indicative' in p)) {
    return [
      { at: line[0]!, room: room(String(p.from_place)) },
      { at: line.at(-1)!, room: room(String(p.to_place)) },
    ];
  }
  return [line[0]!, line.at(-1)!].map((at) => ({
    at,
    room: { top: 8, right: 8, bottom: 8, left: 8 },
  }));
}

/**
 * Warns of each chapter whose centre-and-zoom camera cannot show its focus on a phone: the map
 * then widens the frame there, and the author may rather frame the focus with `fit`.
 */
export function chapterCameraChecks(
  chapters: CompiledChapter[],
  layers: CompiledLayer[],
  report: Reporter,
): void {
  const features = new Map(
    layers.flatMap((l) => l.data.features.map((f) => [f.properties.id, f as PublishedFeature])),
  );
  for (const chapter of chapters) {
    if (chapter.camera.type !== 'view') continue;
    const keep = chapter.focus.flatMap((id) =>
      features.get(id) ? keepPoints(features.get(id)!) : [],
    );
    const { center, zoom } = chapter.camera;
    const framed = frameCamera({ type: 'view', center, zoom }, keep, PHONE_FRAME);
    if (framed.zoom >= zoom - 1e-6) continue;
    report.warn(
      report.rel('chapters', chapter.file),
      chapter.slug,
      `camera.center and zoom ${zoom} cannot show the chapter's focus on a phone (375 px): the map zooms out to ${framed.zoom.toFixed(1)} there — frame it on every screen with camera.fit: [${chapter.focus.join(', ')}]`,
    );
  }
}
