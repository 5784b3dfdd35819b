/**
 * Areas in as GeoJSON (RFC 7946), the format every mapping tool (QGIS, geojson.io, uMap, a
 * city's open data portal) reads and writes; out in maps/geojson-export.ts, rings checked in
 * maps/geojson-rings.ts. An admin uploads a file of Polygon or
 * MultiPolygon features; every problem found comes back at once as a code with the feature
 * (and ring) it is in, for the page to translate (`areas.geojson.<CODE>`); nothing is half
 * imported. Pure: text in, values out.
 *
 * Limits, and why:
 * - 2 MB of text and 50,000 vertices in all: a city's 100 neighbourhoods drawn at street level
 *   take a tenth of that; more is a file of buildings, not of areas.
 * - 500 features, 5,000 vertices per area (the limit of a typed polygon, geo/polygon.ts), 50
 *   polygons per MultiPolygon.
 * - Positions in WGS 84 degrees only (RFC 7946 §4): a file still in a projected system (UTM
 *   metres, common in official downloads) is named as such instead of "out of range".
 * - Rings closed, of at least 4 positions, with an area, not crossing themselves, holes starting
 *   inside their outline, no edge crossing the antimeridian (§3.1.9 asks such shapes be cut).
 * Rings are turned the way §3.1.6 asks (outlines anticlockwise, holes clockwise), repeated
 * positions dropped, a third coordinate (altitude) ignored.
 */
import type { LatLng } from '../geo/geo.ts';
import { interiorPoint, pointInPolygon, type Ring, ringArea2 } from '../geo/rings.ts';
import { fold } from '../text/fold.ts';
import type { AreaShape } from './areas.ts';
import {
  type Ctx,
  type GeoJsonCode,
  type GeoJsonProblem,
  isObject,
  type Json,
  Problems,
  readPolygon,
  readPosition,
} from './geojson-rings.ts';

export const GEOJSON_MAX_BYTES = 2_000_000;
export const GEOJSON_MAX_FEATURES = 500;
export const GEOJSON_MAX_VERTICES_PER_AREA = 5000;
export const GEOJSON_MAX_VERTICES = 50_000;
export const GEOJSON_MAX_PARTS = 50;
/** The same bounds as an area typed on the form (src/server/networks/network.schema.ts). */
export const AREA_NAME_MAX = 80;
export const AREA_RADIUS_MIN_M = 50;
export const AREA_RADIUS_MAX_M = 100_000;

export interface ImportedArea {
  feature: number;
  name: string;
  centre: LatLng;
  radiusM: number | null;
  polygon: AreaShape | null;
  vertices: number;
}

export type GeoJsonImport =
  | { ok: true; areas: ImportedArea[] }
  | { ok: false; problems: GeoJsonProblem[] };

/** Property names a file may carry an area's name under, first found wins. */
const NAME_KEYS = ['name', 'Name', 'NAME', 'nombre', 'Nombre', 'NOMBRE', 'title', 'label'];
/** Written by `areasToGeoJson` so a circle and a centre survive a round trip. */
export const CENTRE_KEY = 'mutua:centre';
export const RADIUS_KEY = 'mutua:radius_m';

function readName(props: Record<string, Json>): string | null {
  for (const key of NAME_KEYS) {
    const v = props[key];
    const s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
    const name = s.replace(/\s+/g, ' ').trim();
    if (name) return name;
  }
  return null;
}

/** A circle kept in the file's properties by `areasToGeoJson`, when whole and sensible. */
function readCircle(props: Record<string, Json>): { centre: LatLng; radiusM: number } | null {
  const r = props[RADIUS_KEY];
  const c = readPosition(props[CENTRE_KEY]);
  if (typeof r !== 'number' || !Array.isArray(c)) return null;
  if (!(r >= AREA_RADIUS_MIN_M && r <= AREA_RADIUS_MAX_M)) return null;
  return { centre: { lat: c[1], lng: c[0] }, radiusM: r };
}

function readFeature(
  f: Json,
  feature: number,
  problems: Problems,
  budget: { vertices: number },
): ImportedArea | null {
  const bare = isObject(f) && (f.type === 'Polygon' || f.type === 'MultiPolygon');
  if (!isObject(f) || (f.type !== 'Feature' && !bare)) {
    problems.add({ code: 'NOT_GEOJSON', feature });
    return null;
  }
  const geometry = bare ? f : f.geometry;
  const props = !bare && isObject(f.properties) ? f.properties : {};
  const name = readName(props);
  if (!name) problems.add({ code: 'NAME_MISSING', feature });
  else if ([...name].length > AREA_NAME_MAX)
    problems.add({ code: 'NAME_TOO_LONG', feature, params: { max: AREA_NAME_MAX } });
  if (!isObject(geometry)) {
    problems.add({ code: 'GEOMETRY_MISSING', feature });
    return null;
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    problems.add({
      code: 'GEOMETRY_UNSUPPORTED',
      feature,
      params: { type: typeof geometry.type === 'string' ? geometry.type.slice(0, 40) : '' },
    });
    return null;
  }
  const coords = geometry.coordinates;
  const ctx: Ctx = { feature, part: 0, problems, projected: false };
  const raw = geometry.type === 'Polygon' ? [coords] : coords;
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add({ code: 'COORDINATES_INVALID', feature });
    return null;
  }
  if (raw.length > GEOJSON_MAX_PARTS) {
    problems.add({ code: 'TOO_MANY_PARTS', feature, params: { max: GEOJSON_MAX_PARTS } });
    return null;
  }
  const count = raw
    .flat(1)
    .reduce((n: number, ring) => n + (Array.isArray(ring) ? ring.length : 0), 0);
  if (count > GEOJSON_MAX_VERTICES_PER_AREA) {
    problems.add({
      code: 'TOO_MANY_VERTICES',
      feature,
      params: { count, max: GEOJSON_MAX_VERTICES_PER_AREA },
    });
    return null;
  }
  budget.vertices += count;
  const parts: Ring[][] = [];
  let ok = true;
  for (let p = 0; p < raw.length; p++) {
    ctx.part = p;
    const rings = readPolygon(raw[p], ctx);
    if (rings) parts.push(rings);
    else ok = false;
    if (ctx.projected) break;
  }
  if (!ok || !name) return null;
  const circle = readCircle(props);
  const given = readPosition(props[CENTRE_KEY]);
  const inside = (c: LatLng) => parts.some((rings) => pointInPolygon(c, rings));
  let centre: LatLng;
  if (circle && inside(circle.centre)) centre = circle.centre;
  else if (Array.isArray(given) && inside({ lat: given[1], lng: given[0] }))
    centre = { lat: given[1], lng: given[0] };
  else {
    // The biggest polygon's inner point: the label and the place a request in the area stands at.
    const biggest = parts.reduce((a, b) =>
      Math.abs(ringArea2(b[0]!)) > Math.abs(ringArea2(a[0]!)) ? b : a,
    );
    centre = interiorPoint(biggest);
  }
  return {
    feature,
    name,
    centre,
    radiusM: circle && inside(circle.centre) ? circle.radiusM : null,
    polygon: circle && inside(circle.centre) ? null : parts.length === 1 ? parts[0]! : parts,
    vertices: count,
  };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The areas of an uploaded GeoJSON text, or every problem found. `existingNames` are the
 * network's areas already (a name is unique in a network, compared folded: "Centro" = "centro").
 */
export function importAreas(
  text: string,
  { existingNames = [] }: { existingNames?: readonly string[] } = {},
): GeoJsonImport {
  const problems = new Problems();
  const fail = (code: GeoJsonCode, params?: Record<string, string | number>): GeoJsonImport => ({
    ok: false,
    problems: [{ code, feature: null, ...(params ? { params } : {}) }],
  });
  if (text.length > GEOJSON_MAX_BYTES || utf8Length(text) > GEOJSON_MAX_BYTES)
    return fail('TOO_LARGE', { max: GEOJSON_MAX_BYTES });
  let value: Json;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return fail('NOT_JSON');
  }
  if (!isObject(value)) return fail('NOT_GEOJSON');
  const crs = value.crs;
  if (crs !== undefined && crs !== null) {
    const name = isObject(crs) && isObject(crs.properties) ? String(crs.properties.name ?? '') : '';
    if (!/CRS84$|EPSG:{1,2}4326$/i.test(name))
      return fail('CRS_UNSUPPORTED', { crs: name.slice(0, 80) });
  }
  let features: Json[];
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return fail('NOT_GEOJSON');
    features = value.features;
  } else if (value.type === 'Feature' || value.type === 'Polygon' || value.type === 'MultiPolygon')
    features = [value];
  else if (typeof value.type === 'string' && value.type !== '')
    return {
      ok: false,
      problems: [
        { code: 'GEOMETRY_UNSUPPORTED', feature: 0, params: { type: value.type.slice(0, 40) } },
      ],
    };
  else return fail('NOT_GEOJSON');
  if (features.length === 0) return fail('NO_FEATURES');
  if (features.length > GEOJSON_MAX_FEATURES)
    return fail('TOO_MANY_FEATURES', { count: features.length, max: GEOJSON_MAX_FEATURES });

  const budget = { vertices: 0 };
  const areas: ImportedArea[] = [];
  const names = new Map<string, number>();
  const taken = new Set(existingNames.map((n) => fold(n).trim()));
  for (let i = 0; i < features.length; i++) {
    const area = readFeature(features[i], i, problems, budget);
    if (budget.vertices > GEOJSON_MAX_VERTICES)
      return fail('TOTAL_VERTICES', { max: GEOJSON_MAX_VERTICES });
    if (!area) continue;
    const key = fold(area.name).trim();
    const first = names.get(key);
    if (first !== undefined)
      problems.add({ code: 'NAME_DUPLICATE', feature: i, params: { name: area.name, first } });
    else if (taken.has(key))
      problems.add({ code: 'NAME_TAKEN', feature: i, params: { name: area.name } });
    names.set(key, first ?? i);
    areas.push(area);
  }
  return problems.list.length > 0 ? { ok: false, problems: problems.list } : { ok: true, areas };
}
