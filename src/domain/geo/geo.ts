/**
 * Distances and privacy rounding. Pure: no I/O.
 * Coordinates are WGS 84 degrees; distances are kilometres on a sphere of the Earth's mean
 * radius (good to 0.5 %, far better than anyone's travel radius needs).
 */
export interface LatLng {
  lat: number;
  lng: number;
}

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres in one degree of latitude (and of longitude at the equator). */
export const METRES_PER_DEGREE = (EARTH_RADIUS_KM * 1000 * Math.PI) / 180;

/**
 * The privacy rounding of a place: the centre of its cell in a grid of `cellMetres`
 * (at least 500 m, by rule). Every list, feed and map shows this, never the real point, so
 * two requests from the same building land on the same cell and none can be traced to a door.
 * Longitude cells widen with latitude so a cell stays about `cellMetres` wide everywhere.
 */
export function roundForPrivacy(p: LatLng, cellMetres = 500): LatLng {
  return privacyCell(p, cellMetres).centre;
}

/** A cell of the privacy grid: its centre (as `roundForPrivacy` gives it) and its edges. */
export interface PrivacyCell {
  centre: LatLng;
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * The cell of the privacy grid holding `p`, with its edges, so a map can draw the square a
 * stored centre stands for: `privacyCell(storedCentre)` is the stored point's own cell,
 * because a centre lies 250 m inside its edges and the 6-decimal rounding moves it ~0.1 m.
 */
export function privacyCell(p: LatLng, cellMetres = 500): PrivacyCell {
  const metres = Math.max(500, cellMetres);
  const latStep = metres / METRES_PER_DEGREE;
  const row = Math.floor(p.lat / latStep);
  const lat = (row + 0.5) * latStep;
  const lngStep = metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(lat * RAD)));
  const col = Math.floor(p.lng / lngStep);
  const lng = (col + 0.5) * lngStep;
  return {
    centre: { lat: round6(lat), lng: round6(lng) },
    south: row * latStep,
    north: (row + 1) * latStep,
    west: col * lngStep,
    east: (col + 1) * lngStep,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
