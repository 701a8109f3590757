/**
 * What the editor offers for where a point lies: on land, the basemap country that holds it (for
 * `admin`, the name the validator checks); at sea, the nearest country within an exclusive
 * economic zone's 200 nautical miles (for `zone`).
 */
import type { Position } from 'geojson';
import { bbox } from '@turf/turf';
import { distanceOutsideKm } from '$lib/geo/distance-outside';
import { countryAt, countryPolygons } from '$lib/server/basemap/natural-earth';

const EEZ_KM = 370.4;

let indexed: { country: ReturnType<typeof countryPolygons>[number]; box: number[] }[] | undefined;
const countries = () =>
  (indexed ??= countryPolygons().map((country) => ({ country, box: bbox(country) })));

export type PlaceAt = { land: true; admin: string } | { land: false; zone: string | null };

export function placeAt(at: Position): PlaceAt {
  const admin = countryAt(at);
  if (admin) return { land: true, admin };
  let zone: string | null = null;
  let nearest = EEZ_KM;
  // Degrees of latitude (and of longitude, widened towards the poles) the zone can reach.
  const dLat = EEZ_KM / 111;
  const dLon = dLat / Math.max(0.05, Math.cos((at[1]! * Math.PI) / 180));
  for (const { country, box } of countries()) {
    const [w, s, e, n] = box as [number, number, number, number];
    if (at[0]! < w - dLon || at[0]! > e + dLon || at[1]! < s - dLat || at[1]! > n + dLat) continue;
    const km = distanceOutsideKm(at, country);
    if (km < nearest) [zone, nearest] = [country.properties.name, km];
  }
  return { land: false, zone };
}
