import type { AreaShape } from '../../domain/maps/areas.ts';

/**
 * A named part of a network's territory: a centre with a radius, or a shape in GeoJSON
 * coordinates: a Polygon's rings, or a MultiPolygon's polygons of rings (an uploaded
 * neighbourhood of several pieces; `polygonParts` tells them apart by depth).
 */
export interface Area {
  id: string;
  networkId: string;
  name: string;
  centre: { lat: number; lng: number };
  radiusM: number | null;
  polygon: AreaShape | null;
}

/** An area as a list shows it, by id and name (a volunteer's areas, an event's area). */
export interface AreaRef {
  id: string;
  name: string;
}
