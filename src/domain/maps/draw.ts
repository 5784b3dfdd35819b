/**
 * Drawing an area's outline on the server-drawn map, one press at a time (issue 12: nobody
 * types latitude and longitude). The outline so far travels in one hidden field as
 * "lat,lng;lat,lng;…"; each press adds the point under it, refused when its edge would cross
 * the outline (an area is one simple polygon). The view is fixed while drawing: the network's
 * areas with a margin around them (`drawView`), so a press is read against the same
 * projection that drew the image. Areas name places, never people: a point keeps 5 decimals
 * (about a metre), not the 500 m cell of a person's place. Pure.
 */
import type { LatLng } from '../geo/geo.ts';
import {
  interiorPoint,
  type Position,
  ringArea2,
  ringSelfIntersection,
  segmentsMeet,
} from '../geo/rings.ts';
import { areasBounds, type Bounds, type MapArea } from './areas.ts';
import type { Click } from './picker.ts';
import { invert, type Projection } from './projection.ts';

/** Enough for a neighbourhood's outline pressed by hand; the hidden field stays short. */
export const MAX_DRAW_POINTS = 60;
/** The drawing map's side in CSS pixels: like the picker, it fits a 320 px phone unscaled. */
export const DRAW_SIZE = 288;

const POINT = /^(-?\d{1,2}(?:\.\d{1,7})?),(-?\d{1,3}(?:\.\d{1,7})?)$/;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** The hidden field as points; null when it holds anything but well-formed points. */
export function parsePoints(text: unknown): LatLng[] | null {
  if (text === undefined || text === '') return [];
  if (typeof text !== 'string' || text.length > MAX_DRAW_POINTS * 26) return null;
  const points: LatLng[] = [];
  for (const part of text.split(';')) {
    const m = POINT.exec(part.trim());
    if (!m) return null;
    const lat = Number(m[1]);
    const lng = Number(m[2]);
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    points.push({ lat, lng });
  }
  return points.length > MAX_DRAW_POINTS ? null : points;
}

export function formatPoints(points: readonly LatLng[]): string {
  return points.map((p) => `${p.lat},${p.lng}`).join(';');
}

const pos = (p: LatLng): Position => [p.lng, p.lat];

/** The view the drawing map is fitted to: the areas and as much again around them. */
export function drawView(areas: readonly MapArea[]): Bounds | null {
  const b = areasBounds(areas);
  if (!b) return null;
  const dLat = Math.max((b.north - b.south) / 2, 0.005);
  const dLng = Math.max((b.east - b.west) / 2, 0.005);
  return {
    south: Math.max(-90, b.south - dLat),
    north: Math.min(90, b.north + dLat),
    west: b.west - dLng,
    east: b.east + dLng,
  };
}

export type DrawStep =
  | { ok: true; points: LatLng[] }
  | {
      ok: false;
      reason: 'missing' | 'invalid' | 'keyboard' | 'outside' | 'tooMany' | 'crosses' | 'same';
    };

/** The outline after a press on the map at `click`. */
export function addPoint(pr: Projection, click: Click, points: readonly LatLng[]): DrawStep {
  if (!click.ok) return click;
  if (click.x > pr.width || click.y > pr.height) return { ok: false, reason: 'outside' };
  if (points.length >= MAX_DRAW_POINTS) return { ok: false, reason: 'tooMany' };
  const at = invert(pr, Math.min(click.x + 0.5, pr.width), Math.min(click.y + 0.5, pr.height));
  const p = { lat: round5(at.lat), lng: round5(at.lng) };
  const last = points[points.length - 1];
  if (points.some((q) => q.lat === p.lat && q.lng === p.lng)) return { ok: false, reason: 'same' };
  if (last) {
    // The new edge may not meet any earlier edge except the one it continues from.
    for (let i = 0; i + 2 < points.length; i++)
      if (segmentsMeet(pos(points[i]!), pos(points[i + 1]!), pos(last), pos(p)))
        return { ok: false, reason: 'crosses' };
  }
  return { ok: true, points: [...points, p] };
}

export type Outline =
  | { ok: true; polygon: Position[][]; centre: LatLng }
  | { ok: false; reason: 'tooFew' | 'crosses' | 'flat' };

/** The finished outline as a GeoJSON polygon (closed ring) and a point inside it. */
export function closeOutline(points: readonly LatLng[]): Outline {
  if (points.length < 3) return { ok: false, reason: 'tooFew' };
  const ring: Position[] = [...points.map(pos), pos(points[0]!)];
  if (ringSelfIntersection(ring)) return { ok: false, reason: 'crosses' };
  if (Math.abs(ringArea2(ring)) < 1e-12) return { ok: false, reason: 'flat' };
  const c = interiorPoint([ring]);
  return { ok: true, polygon: [ring], centre: { lat: round5(c.lat), lng: round5(c.lng) } };
}
