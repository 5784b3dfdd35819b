/**
 * A network's areas as maps see them: a circle (centre and radius, as most areas are typed) or
 * a polygon (GeoJSON coordinates), always with a centre inside it. The server's `Area`
 * (src/server/networks/network.repository.ts) fits this shape as it is. Pure.
 */
import { type LatLng, METRES_PER_DEGREE } from '../geo/geo.ts';
import { pointInPolygon, type Ring } from '../geo/rings.ts';

/** GeoJSON Polygon coordinates (rings), or MultiPolygon coordinates (polygons of rings). */
export type AreaShape = Ring[] | Ring[][];

export interface MapArea {
  id: string;
  name: string;
  centre: LatLng;
  radiusM: number | null;
  polygon: AreaShape | null;
}

/** Degrees south to north and west to east; `east` may pass 180 when a box crosses the antimeridian. */
export interface Bounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

const RAD = Math.PI / 180;

function isMulti(shape: AreaShape): shape is Ring[][] {
  // A Polygon's third level is a number (a position's longitude), a MultiPolygon's a position.
  return Array.isArray(shape[0]?.[0]?.[0]);
}

/** The polygons of a shape, each a list of rings: a Polygon is one, a MultiPolygon several. */
export function polygonParts(shape: AreaShape | null): Ring[][] {
  if (!shape || shape.length === 0) return [];
  return isMulti(shape) ? shape : [shape as Ring[]];
}

/** Degrees of latitude and longitude that `metres` spans at latitude `lat`. */
export function degreesFor(metres: number, lat: number): { dLat: number; dLng: number } {
  const dLat = metres / METRES_PER_DEGREE;
  return { dLat, dLng: dLat / Math.max(0.01, Math.cos(lat * RAD)) };
}

/** Is the point inside the area (its polygon when it has one, else its circle)? */
export function areaContains(area: MapArea, p: LatLng): boolean {
  const parts = polygonParts(area.polygon);
  if (parts.length > 0) return parts.some((rings) => pointInPolygon(p, rings));
  if (area.radiusM === null) return false;
  // The same local plane as the map, so a click inside the drawn circle is inside the area.
  const { dLat, dLng } = degreesFor(area.radiusM, area.centre.lat);
  const x = wrapLng(p.lng - area.centre.lng) / dLng;
  const y = (p.lat - area.centre.lat) / dLat;
  return x * x + y * y <= 1;
}

/** The first area holding the point, in the order given (callers list smaller areas first). */
export function areaAt(areas: readonly MapArea[], p: LatLng): MapArea | null {
  return areas.find((a) => areaContains(a, p)) ?? null;
}

/** A longitude difference brought into [-180, 180). */
export function wrapLng(d: number): number {
  return ((((d + 180) % 360) + 360) % 360) - 180;
}

/** The points that outline an area: its polygons' vertices, or its circle's four extremes. */
function outlinePoints(area: MapArea): LatLng[] {
  const parts = polygonParts(area.polygon);
  if (parts.length > 0)
    return parts.flatMap((rings) => (rings[0] ?? []).map(([lng, lat]) => ({ lat, lng })));
  const { lat, lng } = area.centre;
  if (area.radiusM === null) return [{ lat, lng }];
  const { dLat, dLng } = degreesFor(area.radiusM, lat);
  return [
    { lat: lat - dLat, lng },
    { lat: lat + dLat, lng },
    { lat, lng: lng - dLng },
    { lat, lng: lng + dLng },
  ];
}

/**
 * The smallest box around the points; longitudes take the shorter way round, so a network
 * either side of the antimeridian (Fiji, Chukotka) gets a box of a few degrees, not 360.
 */
export function boundsOf(points: readonly LatLng[]): Bounds | null {
  const ok = points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng));
  if (ok.length === 0) return null;
  let south = 90;
  let north = -90;
  for (const p of ok) {
    south = Math.min(south, Math.max(-90, p.lat));
    north = Math.max(north, Math.min(90, p.lat));
  }
  const lngs = ok.map((p) => wrapLng(p.lng)).sort((a, b) => a - b);
  // The widest gap between neighbouring longitudes is the part of the circle left out.
  let gap = lngs[0]! + 360 - lngs[lngs.length - 1]!;
  let west = lngs[0]!;
  let east = lngs[lngs.length - 1]!;
  for (let i = 0; i + 1 < lngs.length; i++) {
    const g = lngs[i + 1]! - lngs[i]!;
    if (g > gap) {
      gap = g;
      west = lngs[i + 1]!;
      east = lngs[i]! + 360;
    }
  }
  return { south, north, west, east };
}

/** The box around the areas, or null when there are none. */
export function areasBounds(areas: readonly MapArea[]): Bounds | null {
  return boundsOf(areas.flatMap(outlinePoints));
}

/** The box around one area (to zoom the map on it). */
export function areaBounds(area: MapArea): Bounds {
  return boundsOf(outlinePoints(area)) ?? pointBox(area.centre);
}

function pointBox(p: LatLng): Bounds {
  return { south: p.lat, north: p.lat, west: p.lng, east: p.lng };
}

/**
 * A circle as a closed ring of `n` positions (GeoJSON has no circles), drawn in the same local
 * plane as `areaContains`, anticlockwise as RFC 7946 asks of an outline.
 */
export function circleRing(centre: LatLng, radiusM: number, n = 64): Ring {
  const { dLat, dLng } = degreesFor(radiusM, centre.lat);
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    ring.push([round7(centre.lng + dLng * Math.cos(t)), round7(centre.lat + dLat * Math.sin(t))]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

/** Seven decimals of a degree are about a centimetre: GeoJSON files need no more. */
export function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
