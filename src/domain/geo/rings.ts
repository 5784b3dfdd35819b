/**
 * Plane geometry of polygon rings as GeoJSON writes them: positions [lng, lat] in degrees,
 * each ring closed (its last position repeats its first), the first ring of a polygon its
 * outline and the others its holes. Pure.
 *
 * The tests here (inside, crossing, winding) are made on the degrees themselves: a local
 * equirectangular map only scales longitude by cos(latitude), an affine change that keeps
 * which points are inside and which edges cross. Areas of a few kilometres need nothing finer.
 */
import type { LatLng } from './geo.ts';

export type Position = [number, number];
export type Ring = Position[];

/** Even-odd ray casting: is (lng, lat) inside the closed ring? Points on an edge may go either way. */
export function pointInRing(lng: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outline and outside every hole (even-odd over the rings, as GeoJSON means). */
export function pointInPolygon(p: LatLng, rings: readonly (readonly Position[])[]): boolean {
  let inside = false;
  for (const ring of rings) if (pointInRing(p.lng, p.lat, ring)) inside = !inside;
  return inside;
}

/** Twice the signed area in square degrees: positive when the ring turns anticlockwise. */
export function ringArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function orient(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Do segments ab and cd share any point (crossing, touching or overlapping)? */
export function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/**
 * The first two edges of a closed ring that meet other than at the vertex two neighbouring
 * edges share, as edge numbers (edge i runs from position i to i + 1), or null for a simple
 * ring. Repeated positions must be removed first. Edges are swept in order of their west end,
 * so only edges whose longitudes overlap are compared: a neighbourhood's 5,000-point outline
 * takes milliseconds, and only a pathological ring approaches n² tests.
 */
export function ringSelfIntersection(ring: readonly Position[]): [number, number] | null {
  const edges = ring.length - 1;
  if (edges < 3) return null;
  const west = new Float64Array(edges);
  const east = new Float64Array(edges);
  const south = new Float64Array(edges);
  const north = new Float64Array(edges);
  for (let i = 0; i < edges; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    west[i] = Math.min(x1, x2);
    east[i] = Math.max(x1, x2);
    south[i] = Math.min(y1, y2);
    north[i] = Math.max(y1, y2);
  }
  const order = Array.from({ length: edges }, (_, i) => i).sort((a, b) => west[a]! - west[b]!);
  let active: number[] = [];
  for (const i of order) {
    const w = west[i]!;
    active = active.filter((j) => east[j]! >= w);
    for (const j of active) {
      // Boxes apart in latitude cannot meet: the cheap test first (a comb of 5,000 teeth
      // whose edges all overlap in longitude takes 0.25 s instead of 1.5 s).
      if (south[i]! > north[j]! || south[j]! > north[i]!) continue;
      const gap = Math.abs(i - j);
      if (gap === 1 || gap === edges - 1) continue; // neighbours share a vertex by design
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!))
        return i < j ? [i, j] : [j, i];
    }
    active.push(i);
  }
  return null;
}

/**
 * A point inside the polygon, for its label and for the place a request in that area stands
 * at: the centroid of the outline when it falls inside (holes counted), else the middle of
 * the widest stretch of a parallel through the polygon (a crescent's centroid is outside it).
 */
export function interiorPoint(rings: readonly (readonly Position[])[]): LatLng {
  const outline = rings[0] ?? [];
  const c = centroid(outline);
  if (c && pointInPolygon(c, rings)) return c;
  let south = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const [, y] of outline) {
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  let best: { lat: number; lng: number; width: number } | null = null;
  const tries = c ? [c.lat] : [];
  for (let k = 1; k < 8; k++) tries.push(south + ((north - south) * k) / 8);
  for (const lat of tries) {
    const xs: number[] = [];
    for (const ring of rings)
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[i + 1]!;
        if (y1 > lat !== y2 > lat) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
      }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1]! - xs[i]!;
      if (!best || width > best.width) best = { lat, lng: (xs[i]! + xs[i + 1]!) / 2, width };
    }
  }
  if (best) return { lat: best.lat, lng: best.lng };
  const first = outline[0] ?? [0, 0];
  return c ?? { lat: first[1], lng: first[0] };
}

/** The area-weighted centroid of a closed ring, or null when it has no area. */
function centroid(ring: readonly Position[]): LatLng | null {
  if (ring.length < 4) return null;
  // Relative to the first vertex, so large coordinates lose no digits.
  const [x0, y0] = ring[0]!;
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x1 = ring[i]![0] - x0;
    const y1 = ring[i]![1] - y0;
    const x2 = ring[i + 1]![0] - x0;
    const y2 = ring[i + 1]![1] - y0;
    const cross = x1 * y2 - x2 * y1;
    a2 += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (a2 === 0) return null;
  return { lng: x0 + cx / (3 * a2), lat: y0 + cy / (3 * a2) };
}
