/**
 * The basemap as vector tiles, cut at build time from the Natural Earth layers (`natural-earth.ts`)
 * and the context labels (`places.ts`) with geojson-vt and encoded with vt-pbf.
 *
 * Zooms 0–`TILE_MAXZOOM`: geojson-vt simplifies each zoom to its own resolution (Douglas–Peucker,
 * a tenth of a pixel), so the world tiles are light and the last level keeps 1:50m's full detail;
 * past it the map overzooms the last level (`maxzoom` on the source), which has nothing finer to
 * show anyway. Coastlines are their own line layer, drawn from the land's rings, so no tile edge is
 * ever stroked; polygons and lines run `TILE_BUFFER` units past each tile edge, so neighbours
 * overlap and leave no seam.
 */
import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { buildBasemap, type Basemap } from './natural-earth';
import { cityPlaces, seaPlaces, type PlaceFeature } from './places';
import { TILE_LAYER, TILE_MAXZOOM } from '$lib/basemap/tile-format';

export { TILE_LAYER, TILE_MAXZOOM };
export const TILE_EXTENT = 4096;
/** Units (of `TILE_EXTENT`) that features run past each tile edge. */
export const TILE_BUFFER = 64;

type TileLayer = (typeof TILE_LAYER)[keyof typeof TILE_LAYER];

/** The basemap's features, one collection per tile layer. */
export function tileLayers(
  basemap: Basemap = buildBasemap(),
): Record<TileLayer, FeatureCollection> {
  const places: PlaceFeature[] = [
    ...basemap.labels.features.map((f): PlaceFeature => ({
      ...f,
      // The disputed areas' names show from zoom 3.5 (the style's minzoom); countries always.
      properties: { ...f.properties, min_zoom: f.properties.kind === 'territory' ? 3 : 0 },
    })),
    ...seaPlaces(),
    ...cityPlaces(),
  ];
  return {
    land: basemap.land,
    coast: { type: 'FeatureCollection', features: [coastOf(basemap)] },
    boundaries: basemap.boundaries,
    places: { type: 'FeatureCollection', features: places },
  };
}

/** The land's rings as lines, without the closure along the South Pole that only fills Antarctica. */
function coastOf(basemap: Basemap): Feature<MultiLineString> {
  const lines: Position[][] = [];
  for (const f of basemap.land.features) {
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polygons.flat()) {
      let run: Position[] = [];
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i]!;
        const previous = ring[i - 1];
        if (previous && previous[1] === -90 && p[1] === -90) {
          if (run.length > 2) lines.push(run.slice(0, -1));
          run = [];
        }
        run.push(p);
      }
      if (run.length >= 2) lines.push(run);
    }
  }
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiLineString', coordinates: lines },
  };
}

/** Every tile address from zoom 0 to `TILE_MAXZOOM`. */
export function* tileAddresses(): Generator<{ z: number; x: number; y: number }> {
  for (let z = 0; z <= TILE_MAXZOOM; z++) {
    for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) yield { z, x, y };
  }
}

export class BasemapTiles {
  private readonly indexes: [TileLayer, GeoJSONVT][];

  constructor(layers: Record<TileLayer, FeatureCollection> = tileLayers()) {
    this.indexes = Object.entries(layers).map(([name, data]) => [
      name as TileLayer,
      new GeoJSONVT(data, {
        maxZoom: TILE_MAXZOOM,
        indexMaxZoom: TILE_MAXZOOM,
        extent: TILE_EXTENT,
        buffer: TILE_BUFFER,
        tolerance: 3,
      }),
    ]);
  }

  /** The encoded tile (Mapbox Vector Tile 2), empty where there is nothing to draw. */
  tile(z: number, x: number, y: number): Uint8Array {
    const layers: Record<string, GeoJSONVTTile> = {};
    for (const [name, index] of this.indexes) {
      const tile = index.getTile(z, x, y);
      if (!tile) continue;
      // A tile draws zooms z to z + 1; the last level is overzoomed to the map's deepest zoom.
      const all: GeoJSONVTFeature[] = tile.features;
      const features =
        name === TILE_LAYER.places && z < TILE_MAXZOOM
          ? all.filter((f) => Number(f.tags?.min_zoom ?? 0) < z + 1)
          : all;
      // (geojson-vt types a transformed tile's features as an intersection no array satisfies.)
      if (features.length) layers[name] = { ...tile, features } as GeoJSONVTTile;
    }
    if (!Object.keys(layers).length) return new Uint8Array(0);
    return fromGeojsonVt(layers, { version: 2, extent: TILE_EXTENT });
  }
}

let cached: BasemapTiles | undefined;

/** The tiles of the site's basemap, built once per build. */
export function basemapTiles(): BasemapTiles {
  cached ??= new BasemapTiles();
  return cached;
}
