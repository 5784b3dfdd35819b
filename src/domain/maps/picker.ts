/**
 * A place picker without JavaScript: the map is the image of an `<input type="image"
 * name="place">`, and a click sends `place.x` and `place.y`, whole CSS pixels from the image's
 * top left corner. The handler recomputes the map's projection (`mapProjection`, same input)
 * and turns the pixel back into a 500 m cell: nobody types a latitude, and the precise click
 * is never kept, only its cell.
 *
 * Two facts of browsers shape this (checked in Chromium): the pixels are those of the image
 * as displayed, so the picker must be shown at the width it was drawn for (no CSS scaling;
 * 288 px fits a 320 px phone); and an image input pressed with Enter or Space sends 0, 0,
 * which here means "no place chosen" (the page then offers the list of areas). Pure.
 */
import { type LatLng, roundForPrivacy } from '../geo/geo.ts';
import { areaAt, type MapArea } from './areas.ts';
import { invert, type Projection } from './projection.ts';

export type Click =
  | { ok: true; x: number; y: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'keyboard' };

export type Pick =
  | { ok: true; cell: LatLng; areaId: string | null }
  | { ok: false; reason: 'missing' | 'invalid' | 'keyboard' | 'outside' | 'outsideAreas' };

/** Pixels are whole numbers of at most 4 digits (the widest map is 4096 px). */
const PIXEL = /^\d{1,4}$/;

/** The two posted values of an image input (`place.x`, `place.y`) as a click, or why not. */
export function parseImageClick(x: unknown, y: unknown): Click {
  if ((x === undefined || x === '') && (y === undefined || y === ''))
    return { ok: false, reason: 'missing' };
  if (typeof x !== 'string' || typeof y !== 'string') return { ok: false, reason: 'invalid' };
  const sx = x.trim();
  const sy = y.trim();
  if (!PIXEL.test(sx) || !PIXEL.test(sy)) return { ok: false, reason: 'invalid' };
  const px = Number(sx);
  const py = Number(sy);
  if (px === 0 && py === 0) return { ok: false, reason: 'keyboard' };
  return { ok: true, x: px, y: py };
}

/**
 * The cell under a click, and the area it falls in. With `requireArea`, a click outside every
 * area is refused (`outsideAreas`): a network helps where it works.
 */
export function pickPlace(
  pr: Projection,
  click: Click,
  areas: readonly MapArea[],
  { requireArea = false }: { requireArea?: boolean } = {},
): Pick {
  if (!click.ok) return click;
  if (click.x > pr.width || click.y > pr.height) return { ok: false, reason: 'outside' };
  // The middle of the pixel clicked: pixel (x, y) covers x to x + 1.
  const point = invert(pr, Math.min(click.x + 0.5, pr.width), Math.min(click.y + 0.5, pr.height));
  const cell = roundForPrivacy(point);
  const area = areaAt(areas, point) ?? areaAt(areas, cell);
  if (requireArea && !area) return { ok: false, reason: 'outsideAreas' };
  return { ok: true, cell, areaId: area?.id ?? null };
}
