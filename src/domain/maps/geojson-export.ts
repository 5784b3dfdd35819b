/**
 * Areas out as GeoJSON (RFC 7946), for QGIS, geojson.io or another network; what
 * `importAreas` (maps/geojson.ts) reads back as the same areas. Pure.
 */
import type { Position, Ring } from '../geo/rings.ts';
import { ringArea2 } from '../geo/rings.ts';
import { circleRing, type MapArea, polygonParts } from './areas.ts';
import { AREA_RADIUS_MIN_M, CENTRE_KEY, RADIUS_KEY } from './geojson.ts';

export interface AreaFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    properties: Record<string, string | number | number[]>;
    geometry:
      | { type: 'Polygon'; coordinates: Ring[] }
      | { type: 'MultiPolygon'; coordinates: Ring[][] };
  }[];
}

/** Rings turned as RFC 7946 asks: outline anticlockwise, holes clockwise. */
function rewind(rings: readonly Ring[]): Ring[] {
  return rings.map((ring, r) => {
    const copy = ring.map(([lng, lat]) => [lng, lat] as Position);
    return ringArea2(copy) > 0 === (r === 0) ? copy : copy.reverse();
  });
}

/**
 * A network's areas as a GeoJSON FeatureCollection (the caller serialises it). GeoJSON has no
 * circle, so a circle goes out as a 64-sided polygon with its centre and radius in
 * `mutua:centre` and `mutua:radius_m`, which `importAreas` reads back as the same circle.
 */
export function areasToGeoJson(areas: readonly MapArea[]): AreaFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => {
      const parts = polygonParts(a.polygon).map(rewind);
      const properties: Record<string, string | number | number[]> = {
        name: a.name,
        [CENTRE_KEY]: [a.centre.lng, a.centre.lat],
      };
      let geometry: AreaFeatureCollection['features'][number]['geometry'];
      if (parts.length > 1) geometry = { type: 'MultiPolygon', coordinates: parts };
      else if (parts.length === 1) geometry = { type: 'Polygon', coordinates: parts[0]! };
      else {
        properties[RADIUS_KEY] = a.radiusM ?? AREA_RADIUS_MIN_M;
        geometry = {
          type: 'Polygon',
          coordinates: [circleRing(a.centre, a.radiusM ?? AREA_RADIUS_MIN_M)],
        };
      }
      return { type: 'Feature', id: a.id, properties, geometry };
    }),
  };
}
