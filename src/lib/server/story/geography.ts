/**
 * The geography check of an event: on land, the point lies in (or near) the Natural Earth country
 * named in `admin`; at sea (`waters`), it is not on land and, with a `zone`, within 200 nautical
 * miles of that country's coast. Swapped longitude and latitude are recognised and said so.
 */
import type { Point, Position } from 'geojson';
import { bbox, pointToPolygonDistance } from '@turf/turf';
import { countryPolygons, type CountryFeature } from '$lib/server/basemap/natural-earth';
import { distanceOutsideKm } from '$lib/geo/distance-outside';
import type { Bounds } from '$lib/geo/camera';
import type { EventProperties } from '$lib/story/schema';

/** How far outside its named country an event may lie: coasts and borders are generalised. */
export const GEOGRAPHY_TOLERANCE_KM = 25;

/**
 * How far inside the basemap's land an event "at sea" may lie: the 1:50m coastline is generalised,
 * so a harbour or a strait can fall a little inside it.
 */
export const SHORE_TOLERANCE_KM = 5;

/** 200 nautical miles: the outer limit of an exclusive economic zone, measured from the coast. */
export const EXCLUSIVE_ECONOMIC_ZONE_KM = 370.4;

let countriesCache: Map<string, { country: CountryFeature; bounds: Bounds }> | null = null;
function countries() {
  countriesCache ??= new Map(
    countryPolygons().map((c) => [c.properties.name, { country: c, bounds: bbox(c) as Bounds }]),
  );
  return countriesCache;
}

/** Reports what is wrong with where an event lies; nothing when it is where it says. */
export function checkGeography(
  point: Point,
  props: EventProperties,
  fail: (message: string) => void,
): void {
  if (props.admin !== undefined && props.waters !== undefined) {
    fail(
      'properties has both "admin" (on land) and "waters" (at sea) — keep "admin" for an event on land, "waters" for one at sea',
    );
    return;
  }
  if (props.admin !== undefined) {
    if (props.country === undefined) {
      fail('properties.country is missing — name the country or territory in neutral wording');
    }
    if (props.zone !== undefined) {
      fail('properties.zone is for events at sea — remove it, or replace "admin" with "waters"');
    }
    checkOnLand(point, props.admin, fail);
  } else if (props.waters !== undefined) {
    checkAtSea(point, props.zone, fail);
  } else {
    fail(
      'properties needs "admin" (the country an event on land lies in) or "waters" (for an event at sea) — see "Story format" in the README',
    );
  }
}

/** A Natural Earth country by name, or a problem naming similar ones. */
function namedCountry(
  field: string,
  name: string,
  fail: (message: string) => void,
): CountryFeature | null {
  const found = countries().get(name);
  if (found) return found.country;
  const names = [...countries().keys()];
  const hint = names.filter((n) => n.toLowerCase().includes(name.toLowerCase().slice(0, 4)));
  const examples = (hint.length ? hint : ['India', 'Pakistan', 'Russia']).slice(0, 3);
  fail(
    `${field} "${name}" is not a Natural Earth country name — use one such as ${examples
      .map((n) => `"${n}"`)
      .join(', ')}`,
  );
  return null;
}

function checkOnLand(point: Point, admin: string, fail: (message: string) => void): void {
  const country = namedCountry('admin', admin, fail);
  if (!country) return;
  const km = distanceOutsideKm(point.coordinates, country);
  if (km <= GEOGRAPHY_TOLERANCE_KM) return;
  const [lon, lat] = point.coordinates as [number, number];
  const swapped = distanceOutsideKm([lat, lon], country) <= GEOGRAPHY_TOLERANCE_KM;
  fail(
    `the point [${lon}, ${lat}] is ${Math.round(km)} km outside ${admin} — ${swapped ? 'longitude and latitude look swapped; GeoJSON is [lon, lat]' : 'check the coordinates ([lon, lat]) and "admin"'}`,
  );
}

function checkAtSea(point: Point, zone: string | undefined, fail: (message: string) => void): void {
  const [lon, lat] = point.coordinates as [number, number];
  const land = landUnder([lon, lat]);
  const country = zone === undefined ? undefined : namedCountry('zone', zone, fail);
  const fits = (p: Position) =>
    landUnder(p) === null &&
    (!country || distanceOutsideKm(p, country) <= EXCLUSIVE_ECONOMIC_ZONE_KM);
  const swapped = Math.abs(lat) <= 90 && fits([lat, lon]);
  const fix = swapped ? 'longitude and latitude look swapped; GeoJSON is [lon, lat]' : undefined;
  if (land) {
    fail(
      `the point [${lon}, ${lat}] is on land, ${Math.round(land.km)} km inside ${land.name}, but the event has "waters" — ${fix ?? 'check the coordinates ([lon, lat]), or use "admin" and "country" for an event on land'}`,
    );
    return;
  }
  if (!country) return;
  const km = distanceOutsideKm(point.coordinates, country);
  if (km > EXCLUSIVE_ECONOMIC_ZONE_KM) {
    fail(
      `the point [${lon}, ${lat}] is ${Math.round(km)} km from ${zone}, beyond the 200 nautical miles of an exclusive economic zone — ${fix ?? 'check the coordinates ([lon, lat]) and "zone"'}`,
    );
  }
}

/** The country a point lies on, more than the coastal tolerance inland; null at sea. */
function landUnder(point: Position): { name: string; km: number } | null {
  for (const [name, { country, bounds }] of countries()) {
    const [w, s, e, n] = bounds;
    if (point[0]! < w || point[0]! > e || point[1]! < s || point[1]! > n) continue;
    const inside = -pointToPolygonDistance(point, country, { units: 'kilometers' });
    if (inside > SHORE_TOLERANCE_KM) return { name, km: inside };
  }
  return null;
}
