/**
 * A compiled story as the pages show it (`StoryView`): plain data, serialised into each page.
 * Built at build time from what the compiler published; no file access here.
 */
import type { LineString } from 'geojson';
import { disputedAreasIn } from '$lib/basemap/disputed';
import { featureBounds, POINT_CONTEXT_DEG } from '$lib/geo/camera';
import { routeMeasures } from '$lib/geo/route-draw';
import type { CategoryDef } from '$lib/story/categories';
import { featureCountSummary } from '$lib/story/counts';
import { endOf, formatDate, startOf } from '$lib/story/dates';
import type { PublishedLink, Source } from '$lib/story/schema';
import type { ChapterView, LinkEndView, SourceView, StoryItem, StoryView } from '$lib/story/view';
import type { CompiledChapter, CompiledLayer, CompiledStory, PublishedFeature } from './types';

/** One shape for every source: a bare URL shows as its host name. */
export function sourceView(source: Source): SourceView {
  if (typeof source === 'string') {
    return {
      url: source,
      outlet: new URL(source).hostname.replace(/^www\./, ''),
      secondary: false,
    };
  }
  return {
    url: source.url,
    outlet: source.outlet,
    title: source.title,
    date: source.date,
    dateLabel: source.date ? formatDate(source.date) : undefined,
    secondary: source.secondary ?? false,
  };
}

export function storyView(story: CompiledStory): StoryView {
  const categories = new Map(story.categories.map((c) => [c.id, c]));
  const features = story.layers.flatMap((layer) =>
    layer.data.features.map((f) => ({ feature: f as PublishedFeature, layer })),
  );
  const items = features.map(({ feature, layer }) => itemOf(story, feature, layer, categories));
  items.sort((a, b) => a.period[0].localeCompare(b.period[0]) || a.title.localeCompare(b.title));
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of items) {
    const events = (item.ends ?? []).flatMap((e) => (e.event ? [byId.get(e.event)!] : []));
    if (item.ends)
      item.joins = events.map(({ layer, category, period }) => ({ layer, category, period }));
  }
  // The timeline spans the events; routes and links may run on beyond it.
  const events = items.filter((i) => i.kind === 'events');
  const dated = events.length ? events : items;
  const areas = disputedAreasIn([story.meta.camera.bounds, ...items.map((i) => i.bounds)]);
  const starts = dated.map((i) => i.period[0]).sort();
  const ends = dated.map((i) => i.period[1]).sort();
  const layers = story.layers.map((l) => ({
    id: l.meta.id,
    kind: l.meta.kind,
    title: l.meta.title,
    url: `/${story.slug}/data/${l.meta.id}.geojson`,
    mapUrl: `/${story.slug}/map-data/${l.meta.id}.geojson`,
    count: l.data.features.length,
  }));
  return {
    slug: story.slug,
    meta: story.meta,
    layers,
    counts: featureCountSummary(layers),
    deFacto: areas.length
      ? {
          toggle: areas.map((a) => a.toggle).join('; '),
          legend: areas.map((a) => a.legend).join('; '),
          notes: areas.map((a) => a.note),
        }
      : null,
    categories: story.categories.filter((c) => items.some((i) => i.category === c.id)),
    csvUrl: `/${story.slug}/data/events.csv`,
    staticMapUrl: `/${story.slug}/map.svg`,
    darkStaticMapUrl: `/${story.slug}/map-dark.svg`,
    extent: [startOf(starts[0]!.slice(0, 4)), endOf(ends.at(-1)!.slice(0, 4))],
    items,
    chapters: story.chapters.map((c) => chapterView(story, c)),
  };
}

function itemOf(
  story: CompiledStory,
  feature: PublishedFeature,
  layer: CompiledLayer,
  categories: Map<string, CategoryDef>,
): StoryItem {
  const p = feature.properties;
  const narrative = story.narratives[p.id]!;
  // The validator guarantees every category is declared.
  const category = categories.get(p.category)!;
  const common = {
    id: p.id,
    layer: layer.meta.id,
    kind: layer.meta.kind,
    title: p.title,
    category: p.category,
    categoryLabel: category.label,
    color: category.color,
    date: p.date,
    dateLabel: formatDate(p.date, p.date_end),
    period: [p.period_start, p.period_end] as [string, string],
    // Points get a frame wide enough to show their country and its neighbours.
    bounds: featureBounds(feature.geometry, POINT_CONTEXT_DEG),
    extent: featureBounds(feature.geometry, 0),
    sources: p.sources.map(sourceView),
    disagreement: p.disagreement,
    summary: narrative.summary,
    html: narrative.html,
  };
  if ('place_label' in p) {
    return {
      ...common,
      place: p.place,
      placeLabel: p.place_label,
      // At sea, the waters stand where the country would.
      country: p.country ?? p.waters,
      locationPrecision: p.location_precision,
      coordinates: feature.geometry.coordinates as [number, number],
    };
  }
  if ('computed_length_km' in p) {
    return {
      ...common,
      place: `${p.from_place} to ${p.to_place}`,
      route: {
        indicative: p.indicative,
        statedKm: p.stated_length_km,
        computedKm: p.computed_length_km,
        status: p.status,
        timeline: p.timeline.map((t) => ({
          ...t,
          label: formatDate(t.date),
          source: t.source ? sourceView(t.source) : undefined,
        })),
        waypoints: (p.waypoints ?? []).map((name, i) => ({
          name,
          coordinates: (feature.geometry as LineString).coordinates[i] as [number, number],
        })),
      },
    };
  }
  return { ...common, place: `${p.from_place} – ${p.to_place}`, ends: linkEnds(feature) };
}

/** The two places a link joins: its arc's first and last positions, and the events there. */
function linkEnds(feature: PublishedFeature): [LinkEndView, LinkEndView] {
  const p = feature.properties as PublishedLink;
  const g = feature.geometry;
  const line = (g.type === 'MultiLineString' ? g.coordinates.flat() : g.coordinates) as [
    number,
    number,
  ][];
  return [
    { event: p.from_event ?? null, place: p.from_place, coordinates: line[0]! },
    { event: p.to_event ?? null, place: p.to_place, coordinates: line.at(-1)! },
  ];
}

function chapterView(story: CompiledStory, compiled: CompiledChapter): ChapterView {
  // The file's name is for the validator's reports, not for the pages.
  const chapter: Omit<CompiledChapter, 'file'> & { file?: string } = { ...compiled };
  delete chapter.file;
  const mapUrl = `/${story.slug}/story/${chapter.slug}.svg`;
  const darkMapUrl = `/${story.slug}/story/${chapter.slug}-dark.svg`;
  if (!chapter.draw) return { ...chapter, mapUrl, darkMapUrl, draw: null };
  const id = chapter.draw.route;
  const route = story.layers.flatMap((l) => l.data.features).find((f) => f.properties.id === id)!;
  const line = route.geometry as LineString;
  const measures = routeMeasures(line);
  const total = measures.km.at(-1)!;
  const names = 'waypoints' in route.properties ? (route.properties.waypoints ?? []) : [];
  return {
    ...chapter,
    mapUrl,
    darkMapUrl,
    draw: {
      ...chapter.draw,
      totalKm:
        'computed_length_km' in route.properties
          ? route.properties.computed_length_km
          : Math.round(total),
      measures,
      waypoints: names.map((name, i) => ({
        name,
        fraction: measures.km[i]! / total,
        coordinates: line.coordinates[i] as [number, number],
      })),
    },
  };
}
