/**
 * The one projection of Mutua's maps: local equirectangular around the middle of what is
 * shown, x = Δlng · cos(lat₀), y = −Δlat, scaled to pixels. Over a network (a few to a few
 * dozen kilometres) it is true to a fraction of a percent, it needs no tiles and no library,
 * and it inverts exactly, which is what lets an `<input type="image">` click (pixels) come
 * back as a place: the page that draws the map and the handler that reads the click compute
 * the same projection from the same areas and viewport (`fitProjection` is deterministic).
 * Pure.
 */
import type { LatLng } from '../geo/geo.ts';
import { type Bounds, degreesFor, wrapLng } from './areas.ts';

/** The drawing's size in CSS pixels, and the margin kept free around what is fitted. */
export interface Viewport {
  width: number;
  height: number;
  padding?: number;
}

export interface Projection {
  width: number;
  height: number;
  /** The point at the middle of the drawing. */
  lat0: number;
  lng0: number;
  /** cos(lat₀): how much narrower a degree of longitude is than one of latitude there. */
  k: number;
  /** Pixels per degree of latitude. */
  scale: number;
}

export interface Pixel {
  x: number;
  y: number;
}

const RAD = Math.PI / 180;
/** A map no wider than this (3 km) even for one point: a single cell must not fill it. */
export const MIN_SPAN_M = 3000;
/** Sizes a browser or a PDF draws without trouble; beyond is a caller's mistake. */
const MAX_SIDE = 4096;

function checkViewport(v: Viewport): Required<Viewport> {
  const padding = v.padding ?? 8;
  for (const [name, n, lo, hi] of [
    ['width', v.width, 16, MAX_SIDE],
    ['height', v.height, 16, MAX_SIDE],
    ['padding', padding, 0, Math.min(v.width, v.height) / 4],
  ] as const)
    if (!Number.isFinite(n) || n < lo || n > hi)
      throw new RangeError(`map ${name} must be from ${lo} to ${hi}: ${n}`);
  return { width: v.width, height: v.height, padding };
}

/**
 * The projection that fits `bounds` in the viewport, centred, keeping the aspect of the
 * ground (a square kilometre is square). With no bounds (a network with no areas yet) it
 * shows `MIN_SPAN_M` around `fallback`.
 */
export function fitProjection(
  bounds: Bounds | null,
  viewport: Viewport,
  fallback: LatLng = { lat: 0, lng: 0 },
): Projection {
  const { width, height, padding } = checkViewport(viewport);
  const b = bounds ?? {
    south: fallback.lat,
    north: fallback.lat,
    west: fallback.lng,
    east: fallback.lng,
  };
  const lat0 = (b.south + b.north) / 2;
  const lng0 = wrapLng((b.west + b.east) / 2);
  const k = Math.max(0.01, Math.cos(lat0 * RAD));
  const min = degreesFor(MIN_SPAN_M, lat0).dLat;
  const spanY = Math.max(b.north - b.south, min);
  const spanX = Math.max((b.east - b.west) * k, min);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  return { width, height, lat0, lng0, k, scale };
}

/** Where a place is drawn, in pixels from the top left corner. */
export function project(pr: Projection, p: LatLng): Pixel {
  return {
    x: pr.width / 2 + wrapLng(p.lng - pr.lng0) * pr.k * pr.scale,
    y: pr.height / 2 - (p.lat - pr.lat0) * pr.scale,
  };
}

/** The place drawn at a pixel: the exact inverse of `project`. */
export function invert(pr: Projection, x: number, y: number): LatLng {
  const lat = pr.lat0 + (pr.height / 2 - y) / pr.scale;
  const lng = wrapLng(pr.lng0 + (x - pr.width / 2) / (pr.k * pr.scale));
  return { lat: Math.max(-90, Math.min(90, lat)), lng };
}

/** How many pixels `metres` of ground take (north to south) on this map. */
export function pixelsFor(pr: Projection, metres: number): number {
  return degreesFor(metres, pr.lat0).dLat * pr.scale;
}
