/**
 * Parses the coordinates of a GeoJSON Polygon ([[[lng, lat], ...]]) as typed or pasted by an
 * admin; returns null unless it is a closed ring of at least 4 valid positions.
 * (Rings of more than 5,000 points are refused: a neighbourhood never needs that many.)
 */
export function parsePolygon(text: string): [number, number][][] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    (value as { type?: unknown }).type === 'Polygon'
  ) {
    value = (value as { coordinates?: unknown }).coordinates;
  }
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings: [number, number][][] = [];
  for (const ring of value) {
    if (!Array.isArray(ring) || ring.length < 4 || ring.length > 5000) return null;
    const points: [number, number][] = [];
    for (const p of ring) {
      if (!Array.isArray(p) || p.length < 2) return null;
      const [lng, lat] = p as unknown[];
      if (typeof lng !== 'number' || typeof lat !== 'number') return null;
      if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return null;
      points.push([lng, lat]);
    }
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) return null;
    rings.push(points);
  }
  return rings;
}
