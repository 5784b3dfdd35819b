/**
 * The geometry half of the GeoJSON import (maps/geojson.ts): positions, rings and polygons
 * read from parsed JSON, checked and cleaned, every problem a code with where it is. Pure.
 */
import {
  type Position,
  pointInRing,
  type Ring,
  ringArea2,
  ringSelfIntersection,
} from '../geo/rings.ts';

/** Enough to fix a file in one go; past this the rest are the same mistake again. */
const MAX_PROBLEMS = 50;

export type GeoJsonCode =
  | 'TOO_LARGE'
  | 'NOT_JSON'
  | 'NOT_GEOJSON'
  | 'CRS_UNSUPPORTED'
  | 'NO_FEATURES'
  | 'TOO_MANY_FEATURES'
  | 'GEOMETRY_MISSING'
  | 'GEOMETRY_UNSUPPORTED'
  | 'COORDINATES_INVALID'
  | 'COORDINATES_PROJECTED'
  | 'POSITION_INVALID'
  | 'POSITION_OUT_OF_RANGE'
  | 'TOO_MANY_PARTS'
  | 'RING_TOO_SHORT'
  | 'RING_NOT_CLOSED'
  | 'RING_DEGENERATE'
  | 'RING_SELF_INTERSECTS'
  | 'HOLE_OUTSIDE'
  | 'CROSSES_ANTIMERIDIAN'
  | 'TOO_MANY_VERTICES'
  | 'TOTAL_VERTICES'
  | 'NAME_MISSING'
  | 'NAME_TOO_LONG'
  | 'NAME_DUPLICATE'
  | 'NAME_TAKEN';

export interface GeoJsonProblem {
  code: GeoJsonCode;
  /** Index of the feature in the file (0 for a lone Feature or geometry), null for the file. */
  feature: number | null;
  /** Which polygon of a MultiPolygon and which ring of it (0 = outline), when it is about one. */
  part?: number;
  ring?: number;
  params?: Record<string, string | number>;
}

export type Json = unknown;
export const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export class Problems {
  readonly list: GeoJsonProblem[] = [];
  add(p: GeoJsonProblem): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
  }
}

export function readPosition(v: Json): Position | 'invalid' | 'range' | 'projected' {
  if (!Array.isArray(v) || v.length < 2 || v.length > 4) return 'invalid';
  if (!v.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'invalid';
  const [lng, lat] = v as number[];
  if (lng! < -180 || lng! > 180 || lat! < -90 || lat! > 90)
    return Math.abs(lng!) > 1000 || Math.abs(lat!) > 1000 ? 'projected' : 'range';
  return [lng!, lat!];
}

export interface Ctx {
  feature: number;
  part: number;
  problems: Problems;
  /** Set once a feature's projected coordinates were reported: one message is enough. */
  projected: boolean;
}

/** One ring checked and cleaned, or null (its problems added). */
export function readRing(v: Json, ring: number, ctx: Ctx): Ring | null {
  const at = { feature: ctx.feature, part: ctx.part, ring };
  if (!Array.isArray(v)) {
    ctx.problems.add({ code: 'COORDINATES_INVALID', ...at });
    return null;
  }
  if (v.length < 4) {
    ctx.problems.add({ code: 'RING_TOO_SHORT', ...at, params: { count: v.length } });
    return null;
  }
  const out: Ring = [];
  let bad = false;
  for (let i = 0; i < v.length; i++) {
    const p = readPosition(v[i]);
    if (Array.isArray(p)) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      continue;
    }
    bad = true;
    if (p === 'projected') {
      if (!ctx.projected) ctx.problems.add({ code: 'COORDINATES_PROJECTED', feature: ctx.feature });
      ctx.projected = true;
      return null;
    }
    ctx.problems.add({
      code: p === 'range' ? 'POSITION_OUT_OF_RANGE' : 'POSITION_INVALID',
      ...at,
      params: { position: i },
    });
    break;
  }
  if (bad) return null;
  const first = v[0] as number[];
  const last = v[v.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    ctx.problems.add({ code: 'RING_NOT_CLOSED', ...at });
    return null;
  }
  if (out.length < 4 || ringArea2(out) === 0) {
    ctx.problems.add({ code: 'RING_DEGENERATE', ...at });
    return null;
  }
  for (let i = 0; i + 1 < out.length; i++)
    if (Math.abs(out[i + 1]![0] - out[i]![0]) > 180) {
      ctx.problems.add({ code: 'CROSSES_ANTIMERIDIAN', ...at });
      return null;
    }
  const crossing = ringSelfIntersection(out);
  if (crossing) {
    ctx.problems.add({
      code: 'RING_SELF_INTERSECTS',
      ...at,
      params: { edge: crossing[0], other: crossing[1] },
    });
    return null;
  }
  return out;
}

/** A polygon's rings, outline anticlockwise and holes clockwise, or null. */
export function readPolygon(v: Json, ctx: Ctx): Ring[] | null {
  if (!Array.isArray(v) || v.length === 0) {
    ctx.problems.add({ code: 'COORDINATES_INVALID', feature: ctx.feature, part: ctx.part });
    return null;
  }
  const rings: Ring[] = [];
  let ok = true;
  for (let r = 0; r < v.length; r++) {
    const ring = readRing(v[r], r, ctx);
    if (!ring) {
      ok = false;
      if (ctx.projected) return null;
      continue;
    }
    const anticlockwise = ringArea2(ring) > 0;
    rings.push(anticlockwise === (r === 0) ? ring : [...ring].reverse());
  }
  if (!ok) return null;
  const outline = rings[0]!;
  for (let r = 1; r < rings.length; r++) {
    const [lng, lat] = rings[r]![0]!;
    if (!pointInRing(lng, lat, outline))
      ctx.problems.add({ code: 'HOLE_OUTSIDE', feature: ctx.feature, part: ctx.part, ring: r });
  }
  return rings;
}
