/**
 * A uniform grid over latitude/longitude holding items by position, for "who is within r km
 * of this point" without scanning everyone. Pure: no I/O.
 *
 * Rows are `cellKm` of latitude; columns are `cellKm` of longitude at the highest latitude of
 * the data (so no cell is wider than `cellKm`). The cells form one dense table over the data's
 * bounding box (compressed-row layout: items sorted by cell, one start offset per cell); if a
 * box would need more than 4M cells (data spread over a continent) the cells grow until it
 * does not, which stays correct and only gets less selective.
 *
 * A query visits the cells of the exact spherical bounding box of the circle (Δlat = r/R,
 * Δlng = asin(sin(r/R) / cos lat), all longitudes when a pole is within reach, both sides of
 * the antimeridian when the box crosses it), so `near` misses nobody, and then keeps the items
 * whose `distanceKm(item, point)` is at most r: exactly what a plain scan finds.
 */
import { EARTH_RADIUS_KM, type LatLng, METRES_PER_DEGREE } from './geo.ts';

const RAD = Math.PI / 180;
const KM_PER_DEGREE = METRES_PER_DEGREE / 1000;
const MAX_CELLS = 1 << 22;
/** Slack on the box, in degrees (~0.1 mm), against rounding at its edge. */
const SLACK = 1e-9;

/** `Math.cos(lat · π/180)` exactly as `distanceKm` computes it: the `cosP` of `distanceAt`. */
export function cosLat(lat: number): number {
  return Math.cos(lat * RAD);
}

export class GridIndex<T> {
  readonly items: readonly T[];
  /** Item numbers sorted by cell; cell c holds positions start[c] .. start[c + 1]. */
  readonly order: Int32Array;
  /** Latitude, longitude and cos(latitude) of the item at each position of `order`. */
  readonly latAt: Float64Array;
  readonly lngAt: Float64Array;
  readonly cosAt: Float64Array;
  private readonly start: Int32Array;
  private readonly minLat: number;
  private readonly minLng: number;
  private readonly latStep: number;
  private readonly lngStep: number;
  private readonly rows: number;
  private readonly cols: number;

  constructor(items: readonly T[], position: (item: T) => LatLng, cellKm = 2) {
    this.items = items;
    const n = items.length;
    const lat = new Float64Array(n);
    const lng = new Float64Array(n);
    let minLat = 90;
    let maxLat = -90;
    let minLng = 180;
    let maxLng = -180;
    for (let i = 0; i < n; i++) {
      const p = position(items[i]!);
      lat[i] = p.lat;
      lng[i] = p.lng;
      minLat = Math.min(minLat, p.lat);
      maxLat = Math.max(maxLat, p.lat);
      minLng = Math.min(minLng, p.lng);
      maxLng = Math.max(maxLng, p.lng);
    }
    if (n === 0) minLat = maxLat = minLng = maxLng = 0;
    const widest = Math.max(0.01, Math.cos(Math.max(Math.abs(minLat), Math.abs(maxLat)) * RAD));
    let latStep = cellKm / KM_PER_DEGREE;
    let lngStep = latStep / widest;
    let rows = Math.floor((maxLat - minLat) / latStep) + 1;
    let cols = Math.floor((maxLng - minLng) / lngStep) + 1;
    if (rows * cols > MAX_CELLS) {
      const grow = Math.sqrt((rows * cols) / MAX_CELLS) * 1.01;
      latStep *= grow;
      lngStep *= grow;
      rows = Math.floor((maxLat - minLat) / latStep) + 1;
      cols = Math.floor((maxLng - minLng) / lngStep) + 1;
    }
    this.minLat = minLat;
    this.minLng = minLng;
    this.latStep = latStep;
    this.lngStep = lngStep;
    this.rows = rows;
    this.cols = cols;

    const cellOf = new Int32Array(n);
    const start = new Int32Array(rows * cols + 1);
    for (let i = 0; i < n; i++) {
      const c = this.row(lat[i]!) * cols + this.col(lng[i]!);
      cellOf[i] = c;
      start[c + 1]!++;
    }
    for (let c = 0; c < rows * cols; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, rows * cols);
    this.order = new Int32Array(n);
    this.latAt = new Float64Array(n);
    this.lngAt = new Float64Array(n);
    this.cosAt = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = fill[cellOf[i]!]!++;
      this.order[p] = i;
      this.latAt[p] = lat[i]!;
      this.lngAt[p] = lng[i]!;
      this.cosAt[p] = cosLat(lat[i]!);
    }
    this.start = start;
  }

  get size(): number {
    return this.items.length;
  }

  /** The items whose position is at most `radiusKm` from `point`. */
  near(point: LatLng, radiusKm: number): T[] {
    const out: T[] = [];
    this.forEachNear(point, radiusKm, (item) => out.push(item));
    return out;
  }

  /** Calls `fn` for every item at most `radiusKm` from `point`, with its distance. */
  forEachNear(point: LatLng, radiusKm: number, fn: (item: T, km: number, i: number) => void): void {
    const cosP = cosLat(point.lat);
    this.forEachCandidate(point, radiusKm, (item, i, p) => {
      const km = this.distanceAt(p, point, cosP);
      if (km <= radiusKm) fn(item, km, i);
    });
  }

  /**
   * Calls `fn` for every item in the cells the circle touches (a superset of those within
   * `radiusKm`) with its number `i` in `items` and its position `p` in `order`, for callers
   * that filter by cheaper tests first and by `distanceAt` last.
   */
  forEachCandidate(
    point: LatLng,
    radiusKm: number,
    fn: (item: T, i: number, p: number) => void,
  ): void {
    const ranges = this.ranges(point, radiusKm);
    for (let k = 0; k < ranges.length; k += 2) {
      for (let p = ranges[k]!; p < ranges[k + 1]!; p++) {
        const i = this.order[p]!;
        fn(this.items[i]!, i, p);
      }
    }
  }

  /**
   * The same candidates without a callback, for hot loops: pairs [from, to) of positions in
   * `order` (and in `latAt`, `lngAt`, `cosAt`).
   */
  ranges(point: LatLng, radiusKm: number, out: number[] = []): number[] {
    out.length = 0;
    if (this.items.length === 0) return out;
    const delta = Math.max(0, radiusKm) / EARTH_RADIUS_KM;
    const latLo = point.lat - delta / RAD - SLACK;
    const latHi = point.lat + delta / RAD + SLACK;
    if (latHi < this.minLat || latLo > this.minLat + this.rows * this.latStep) return out;
    const rowLo = this.row(latLo);
    const rowHi = this.row(latHi);
    const cosP = Math.cos(point.lat * RAD);
    const sinD = Math.sin(delta);
    if (latLo <= -90 || latHi >= 90 || cosP <= sinD) {
      this.addCols(out, rowLo, rowHi, 0, this.cols - 1);
      return out;
    }
    const dLng = Math.asin(sinD / cosP) / RAD + SLACK;
    if (dLng >= 180) {
      this.addCols(out, rowLo, rowHi, 0, this.cols - 1);
      return out;
    }
    const lo = point.lng - dLng;
    const hi = point.lng + dLng;
    this.addRange(out, rowLo, rowHi, Math.max(lo, -180), Math.min(hi, 180));
    if (lo < -180) this.addRange(out, rowLo, rowHi, lo + 360, 180);
    if (hi > 180) this.addRange(out, rowLo, rowHi, -180, hi - 360);
    return out;
  }

  /**
   * Distance from the item at position `p` to `point`: the same arithmetic, in the same order,
   * as `distanceKm(position(item), point)`, so both agree to the last bit; `cosP` is
   * `cosLat(point.lat)`, computed once per query.
   */
  distanceAt(p: number, point: LatLng, cosP: number): number {
    const dLat = (point.lat - this.latAt[p]!) * RAD;
    const dLng = (point.lng - this.lngAt[p]!) * RAD;
    const h = Math.sin(dLat / 2) ** 2 + this.cosAt[p]! * cosP * Math.sin(dLng / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private addRange(out: number[], rowLo: number, rowHi: number, lngLo: number, lngHi: number) {
    if (lngHi < this.minLng || lngLo > this.minLng + this.cols * this.lngStep) return;
    this.addCols(out, rowLo, rowHi, this.col(lngLo), this.col(lngHi));
  }

  private addCols(out: number[], rowLo: number, rowHi: number, colLo: number, colHi: number) {
    for (let r = rowLo; r <= rowHi; r++) {
      const from = this.start[r * this.cols + colLo]!;
      const to = this.start[r * this.cols + colHi + 1]!;
      if (to > from) out.push(from, to);
    }
  }

  private row(lat: number): number {
    const r = Math.floor((lat - this.minLat) / this.latStep);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  private col(lng: number): number {
    const c = Math.floor((lng - this.minLng) / this.lngStep);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }
}
