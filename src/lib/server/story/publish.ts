/**
 * Step 5 of a compile: the layers as the site publishes them. Every feature gets its id (for
 * MapLibre's `promoteId`) and the days it covers; routes their measured length, checked against
 * the stated one; links their great-circle arc, generated from their two ends (never drawn by
 * hand), and the events they join.
 */
import type { Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import { greatCircleArc } from '$lib/geo/arcs';
import { routeLengthKm } from '$lib/geo/route-length';
import { endOf, startOf } from '$lib/story/dates';
import type {
  EventProperties,
  LinkEnd,
  LinkProperties,
  PublishedCommon,
  RouteProperties,
  StoryMeta,
} from '$lib/story/schema';
import type { ParsedFeature } from './parse-features';
import type { RawFeature } from './read-layers';
import type { Reporter } from './reporter';
import type { CompiledLayer } from './types';

export function publishLayers(
  meta: StoryMeta,
  parsed: ReadonlyMap<string, ParsedFeature>,
  raws: readonly RawFeature[],
  report: Reporter,
): CompiledLayer[] {
  const layers: CompiledLayer[] = meta.layers.map((layer) => ({
    meta: layer,
    data: { type: 'FeatureCollection', features: [] },
  }));
  const resolveEnd = linkEnds(parsed, raws);
  for (const { raw, props } of parsed.values()) {
    const out = layers.find((l) => l.meta.id === raw.layer.id)!.data.features;
    const fail = report.about(raw.file, raw.id);
    const geometry = raw.feature.geometry as Geometry;
    if (raw.layer.kind === 'events') {
      const properties = { ...(props as EventProperties), ...period(raw.id, props) };
      out.push({ type: 'Feature', id: raw.id, properties, geometry: geometry as Point });
    } else if (raw.layer.kind === 'routes') {
      const route = publishRoute(raw.id, props as RouteProperties, geometry as LineString, fail);
      out.push({ type: 'Feature', id: raw.id, ...route, geometry: geometry as LineString });
    } else {
      const link = publishLink(raw.id, props as LinkProperties, resolveEnd, fail);
      if (link) out.push({ type: 'Feature', id: raw.id, ...link });
    }
  }
  return layers;
}

/** A feature's id and the days it covers: a route lasts until its last timeline entry. */
function period(
  id: string,
  props: { date: string; date_end?: string; timeline?: { date: string }[] },
): PublishedCommon {
  const last = [props.date_end ?? props.date, ...(props.timeline ?? []).map((t) => t.date)]
    .map(endOf)
    .sort()
    .at(-1)!;
  return { id, period_start: startOf(props.date), period_end: last };
}

function publishRoute(
  id: string,
  route: RouteProperties,
  line: LineString,
  fail: (message: string) => void,
) {
  const computed = routeLengthKm(line);
  if (computed < route.stated_length_km * 0.5 || computed > route.stated_length_km * 1.5) {
    fail(
      `the line is ${computed} km long but stated_length_km is ${route.stated_length_km} — check the waypoints' order and lon/lat`,
    );
  }
  const positions = line.coordinates.length;
  if (route.waypoints && route.waypoints.length !== positions) {
    fail(
      `waypoints names ${route.waypoints.length} places but the line has ${positions} positions — give one name per position`,
    );
  }
  return { properties: { ...route, ...period(id, route), computed_length_km: computed } };
}

/** Where a link's end lies, and the event it is, if it is one. */
type ResolvedEnd = { at: Position; place: string; event?: string };

/**
 * How a link's end resolves: a place, or a problem to report; null when the end names an event
 * that has problems of its own, already reported.
 */
function linkEnds(parsed: ReadonlyMap<string, ParsedFeature>, raws: readonly RawFeature[]) {
  return (end: LinkEnd): ResolvedEnd | string | null => {
    if (typeof end !== 'string') {
      if (Math.abs(end.lon) > 180 || Math.abs(end.lat) > 90) {
        return `the place "${end.place}" has coordinates out of range (lon ${end.lon}, lat ${end.lat}) — longitude runs from −180 to 180, latitude from −90 to 90`;
      }
      return { at: [end.lon, end.lat], place: end.place };
    }
    const target = parsed.get(end);
    if (!target && raws.some((r) => r.id === end && r.layer.kind === 'events')) return null;
    if (!target || target.raw.layer.kind !== 'events') {
      return `"${end}" is not the id of an event in this story — use an event id or { "place", "lon", "lat" }`;
    }
    const props = target.props as EventProperties;
    const at = (target.raw.feature.geometry as Point).coordinates;
    return { at, place: props.place_label, event: end };
  };
}

function publishLink(
  id: string,
  props: LinkProperties,
  resolve: (end: LinkEnd) => ResolvedEnd | string | null,
  fail: (message: string) => void,
) {
  const { from, to, ...rest } = props;
  const a = resolve(from);
  const b = resolve(to);
  if (typeof a === 'string') fail(`properties.from: ${a}`);
  if (typeof b === 'string') fail(`properties.to: ${b}`);
  if (typeof a === 'string' || typeof b === 'string' || !a || !b) return null;
  if (a.at[0] === b.at[0] && a.at[1] === b.at[1]) {
    fail('both ends of the link are the same point — link two different places');
    return null;
  }
  let geometry: LineString | MultiLineString;
  try {
    geometry = greatCircleArc(a.at, b.at);
  } catch (error) {
    fail(`${(error as Error).message} — link two places that are not opposite`);
    return null;
  }
  const properties = {
    ...rest,
    ...period(id, rest),
    from_place: a.place,
    to_place: b.place,
    ...(a.event ? { from_event: a.event } : {}),
    ...(b.event ? { to_event: b.event } : {}),
  };
  return { properties, geometry };
}
