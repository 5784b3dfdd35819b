import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LatLng } from '../../../src/domain/geo/geo.ts';
import {
  interiorPoint,
  pointInPolygon,
  type Ring,
  ringSelfIntersection,
  segmentsMeet,
} from '../../../src/domain/geo/rings.ts';
import { areaContains, type MapArea } from '../../../src/domain/maps/areas.ts';
import {
  GEOJSON_MAX_BYTES,
  type ImportedArea,
  importAreas,
} from '../../../src/domain/maps/geojson.ts';
import { areasToGeoJson } from '../../../src/domain/maps/geojson-export.ts';
import type { GeoJsonProblem } from '../../../src/domain/maps/geojson-rings.ts';
import { rng } from '../seeded-rng.ts';
import { MADRID, madridAreas, smoothRing, square, starRing } from './scene.ts';

const feature = (name: string | null, geometry: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: name === null ? {} : { name, ...extra },
  geometry,
});
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features });

function problems(text: string, existingNames?: string[]): GeoJsonProblem[] {
  const r = importAreas(text, { existingNames });
  assert.equal(r.ok, false, 'expected problems');
  return r.ok ? [] : r.problems;
}

const sq = square(MADRID, 1000);

describe('GeoJSON import', () => {
  it('reads Polygon and MultiPolygon features, names, holes and winding', () => {
    const clockwise = [...sq].reverse();
    const r = importAreas(
      collection(
        feature('Centro', polygon(clockwise)),
        {
          type: 'Feature',
          properties: { NOMBRE: '  Lavapiés   Sur ' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [square({ lat: 40.4, lng: -3.7 }, 800)],
              [square({ lat: 40.39, lng: -3.7 }, 800)],
            ],
          },
        },
        feature('Con hueco', polygon(square(MADRID, 3000), square(MADRID, 500))),
        // Altitude is allowed and dropped; a repeated vertex is dropped.
        feature(
          'Alto',
          polygon(
            sq
              .map(([x, y], i) => (i === 1 ? [x, y, 650] : [x, y]))
              .flatMap((p, i) => (i === 2 ? [p, p] : [p])),
          ),
        ),
      ),
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const [centro, lavapies, hueco, alto] = r.areas;
    assert.equal(centro!.name, 'Centro');
    // RFC 7946 winding: the outline comes back anticlockwise.
    assert.deepEqual(centro!.polygon, [sq]);
    assert.equal(lavapies!.name, 'Lavapiés Sur');
    assert.equal((lavapies!.polygon as Ring[][]).length, 2);
    const holeRings = hueco!.polygon as Ring[];
    assert.equal(holeRings.length, 2);
    // The centre must be inside the area, not in its hole.
    assert.ok(pointInPolygon(hueco!.centre, holeRings));
    assert.deepEqual(alto!.polygon, [sq]);
    assert.equal(alto!.vertices, 6);
    assert.equal(centro!.radiusM, null);
  });

  it('names every problem with its feature, part and ring, all in one round', () => {
    const open = sq.slice(0, 4);
    const bow: Ring = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 1],
      [0, 0],
    ];
    const found = problems(
      collection(
        feature('Open', polygon(open)),
        feature('Bow', polygon(bow)),
        feature(null, polygon(sq)),
        feature('Point', { type: 'Point', coordinates: [0, 0] }),
        feature('Far', polygon(sq.map(([x, y], i) => (i === 2 ? [x, 95] : [x, y])))),
        feature('NaN', polygon(sq.map(([x, y], i) => (i === 1 ? [x, 'y'] : [x, y])))),
        feature('Short', polygon(sq.slice(0, 3))),
        feature(
          'Flat',
          polygon([
            [0, 0],
            [1, 1],
            [2, 2],
            [0, 0],
          ]),
        ),
        feature('Hole out', polygon(sq, square({ lat: 41, lng: -3 }, 100))),
        feature(
          'Dateline',
          polygon([
            [179.9, 0],
            [-179.9, 0],
            [-179.9, 1],
            [179.9, 0],
          ]),
        ),
        feature('Centro', polygon(sq)),
        feature('centro', polygon(sq)),
        feature('x'.repeat(81), polygon(sq)),
        feature('Nothing', null),
        feature('Multi', { type: 'MultiPolygon', coordinates: [[sq], [open]] }),
      ),
    );
    const seen = found.map((p) => [p.code, p.feature, p.part ?? null, p.ring ?? null]);
    assert.deepEqual(seen, [
      ['RING_NOT_CLOSED', 0, 0, 0],
      ['RING_SELF_INTERSECTS', 1, 0, 0],
      ['NAME_MISSING', 2, null, null],
      ['GEOMETRY_UNSUPPORTED', 3, null, null],
      ['POSITION_OUT_OF_RANGE', 4, 0, 0],
      ['POSITION_INVALID', 5, 0, 0],
      ['RING_TOO_SHORT', 6, 0, 0],
      ['RING_DEGENERATE', 7, 0, 0],
      ['HOLE_OUTSIDE', 8, 0, 1],
      ['CROSSES_ANTIMERIDIAN', 9, 0, 0],
      ['NAME_DUPLICATE', 11, null, null],
      ['NAME_TOO_LONG', 12, null, null],
      ['GEOMETRY_MISSING', 13, null, null],
      ['RING_NOT_CLOSED', 14, 1, 0],
    ]);
    assert.deepEqual(found[3]!.params, { type: 'Point' });
    assert.deepEqual(found[5]!.params, { position: 1 });
    assert.deepEqual(found[10]!.params, { name: 'centro', first: 10 });
  });

  it('refuses what is not an areas file, with one clear reason', () => {
    const code = (text: string) => problems(text).map((p) => p.code);
    assert.deepEqual(code('{"type": "Feature"'), ['NOT_JSON']);
    assert.deepEqual(code('[1,2]'), ['NOT_GEOJSON']);
    assert.deepEqual(code('{"type":"Topology"}'), ['GEOMETRY_UNSUPPORTED']);
    assert.deepEqual(code('{"type":"FeatureCollection","features":[]}'), ['NO_FEATURES']);
    assert.deepEqual(code('{"type":"FeatureCollection","features":{}}'), ['NOT_GEOJSON']);
    assert.deepEqual(
      code(
        JSON.stringify({
          type: 'FeatureCollection',
          features: Array(501).fill(feature('a', polygon(sq))),
        }),
      ),
      ['TOO_MANY_FEATURES'],
    );
    assert.deepEqual(code(' '.repeat(GEOJSON_MAX_BYTES + 1)), ['TOO_LARGE']);
    // Counted in bytes: 700,000 three-byte characters are 2.1 MB.
    assert.deepEqual(code(`"${'€'.repeat(700_000)}"`), ['TOO_LARGE']);
    // A file still in UTM metres (EPSG:25830, Spain's official downloads).
    const utm = collection(
      feature(
        'Sol',
        polygon([
          [440000, 4474000],
          [441000, 4474000],
          [441000, 4475000],
          [440000, 4474000],
        ]),
      ),
    );
    assert.deepEqual(code(utm), ['COORDINATES_PROJECTED']);
    const crs = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25830' } },
      features: [],
    });
    assert.deepEqual(code(crs), ['CRS_UNSUPPORTED']);
    const wgs = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [feature('A', polygon(sq))],
    });
    assert.ok(importAreas(wgs).ok);
    // A byte order mark, as Windows tools write it, is no problem.
    assert.ok(importAreas(`\ufeff${collection(feature('A', polygon(sq)))}`).ok);
  });

  it('refuses more vertices than an area or a file may have', () => {
    const r = rng(1);
    const big = starRing(r, MADRID, 5001, 900, 1000);
    assert.deepEqual(
      problems(collection(feature('Big', polygon(big)))).map((p) => [p.code, p.params]),
      [['TOO_MANY_VERTICES', { count: 5002, max: 5000 }]],
    );
    // Five decimals (1 m) keep 54,000 vertices under the 2 MB a file may have.
    const ok = smoothRing(MADRID, 4900, () => 1000).map(([x, y]) => [
      Number(x.toFixed(5)),
      Number(y.toFixed(5)),
    ]);
    const many = Array.from({ length: 11 }, (_, i) => feature(`A${i}`, polygon(ok)));
    assert.deepEqual(
      problems(collection(...many)).map((p) => p.code),
      ['TOTAL_VERTICES'],
    );
  });

  it('checks names against the areas the network already has, folded', () => {
    assert.deepEqual(
      problems(collection(feature('LAVAPIÉS', polygon(sq))), ['Lavapies']).map((p) => [
        p.code,
        p.params,
      ]),
      [['NAME_TAKEN', { name: 'LAVAPIÉS' }]],
    );
  });

  it('gives back what it exported: circles as circles, polygons as polygons', () => {
    const areas = madridAreas();
    const text = JSON.stringify(areasToGeoJson(areas));
    const back = importAreas(text);
    assert.ok(back.ok, JSON.stringify(!back.ok && back.problems));
    assert.equal(back.areas.length, areas.length);
    for (const [i, a] of areas.entries()) {
      const b: ImportedArea = back.areas[i]!;
      assert.equal(b.name, a.name);
      assert.deepEqual(b.centre, a.centre);
      assert.equal(b.radiusM, a.radiusM);
      assert.deepEqual(b.polygon, a.polygon);
    }
    const fc = areasToGeoJson(areas);
    assert.equal(fc.features[0]!.geometry.type, 'Polygon');
    assert.equal(fc.features[0]!.properties['mutua:radius_m'], 1200);
    assert.equal(fc.features[3]!.geometry.type, 'MultiPolygon');
    assert.equal(fc.features[1]!.id, 'este');
  });

  it('exports RFC 7946 winding even for areas stored clockwise', () => {
    const cw: MapArea = {
      id: 'x',
      name: 'X',
      centre: MADRID,
      radiusM: null,
      polygon: [[...sq].reverse()],
    };
    const fc = areasToGeoJson([cw]);
    assert.deepEqual(fc.features[0]!.geometry.coordinates, [sq]);
  });

  it('random simple areas: export then import keeps each, and their points stay inside', () => {
    const r = rng(3);
    for (let t = 0; t < 100; t++) {
      const areas: MapArea[] = Array.from({ length: r.int(1, 6) }, (_, i) => {
        const c = { lat: MADRID.lat + (r.next() - 0.5), lng: MADRID.lng + (r.next() - 0.5) };
        return r.next() < 0.3
          ? { id: `a${i}`, name: `Área ${i}`, centre: c, radiusM: r.int(50, 5000), polygon: null }
          : {
              id: `a${i}`,
              name: `Área ${i}`,
              centre: c,
              radiusM: null,
              polygon: [starRing(r, c, r.int(3, 200), 200, 2000)],
            };
      });
      const back = importAreas(JSON.stringify(areasToGeoJson(areas)));
      assert.ok(back.ok, JSON.stringify(!back.ok && back.problems));
      for (const [i, b] of back.areas.entries()) {
        const a = areas[i]!;
        assert.equal(b.radiusM, a.radiusM);
        assert.deepEqual(b.polygon, a.polygon);
        // The stored centre (a star's middle) is inside, so it is kept as is.
        assert.deepEqual(b.centre, a.centre);
      }
    }
  });
});

/** Every pair of non-neighbouring edges, the slow and obvious way. */
function bruteSelfIntersects(ring: Ring): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  return false;
}

describe('ring geometry', () => {
  it('finds a crossing exactly when comparing every pair does, on random rings', () => {
    const r = rng(5);
    let crossing = 0;
    for (let t = 0; t < 3000; t++) {
      const n = r.int(3, 12);
      const ring: Ring = Array.from(
        { length: n },
        () => [r.int(0, 6), r.int(0, 6)] as [number, number],
      );
      // No repeated neighbours (the importer removes them first).
      const clean = ring.filter(
        (p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1],
      );
      if (clean.length < 3) continue;
      if (
        clean[0]![0] === clean[clean.length - 1]![0] &&
        clean[0]![1] === clean[clean.length - 1]![1]
      )
        continue;
      clean.push([clean[0]![0], clean[0]![1]]);
      const brute = bruteSelfIntersects(clean);
      if (brute) crossing++;
      assert.equal(ringSelfIntersection(clean) !== null, brute, JSON.stringify(clean));
    }
    assert.ok(crossing > 500 && crossing < 2900, `${crossing} crossing rings`);
  });

  it('star-shaped rings are simple; point-in-polygon agrees with the star radius', () => {
    const r = rng(6);
    for (let t = 0; t < 200; t++) {
      const radius = (k: number) => 1000 + 400 * Math.sin(3 * k + t);
      const ring = smoothRing(MADRID, r.int(8, 300), radius);
      assert.equal(ringSelfIntersection(ring), null);
      const area: MapArea = { id: 's', name: 's', centre: MADRID, radiusM: null, polygon: [ring] };
      for (let k = 0; k < 50; k++) {
        const angle = r.next() * 2 * Math.PI;
        const m = radius(angle) * (r.next() < 0.5 ? 0.5 : 1.6);
        const p: LatLng = {
          lat: MADRID.lat + (m * Math.sin(angle)) / 111195.08,
          lng:
            MADRID.lng +
            (m * Math.cos(angle)) / (111195.08 * Math.cos((MADRID.lat * Math.PI) / 180)),
        };
        assert.equal(areaContains(area, p), m < radius(angle));
      }
    }
  });

  it('places a crescent`s label inside it, not at its centroid in the empty middle', () => {
    const outer = smoothRing(MADRID, 100, () => 1000);
    const c: Ring = [];
    // A C shape: the outer arc from 30° to 330°, back along an inner arc.
    for (let k = 0; k <= 50; k++) {
      const t = ((30 + (300 * k) / 50) * Math.PI) / 180;
      c.push([
        MADRID.lng + (Math.cos(t) * 1000) / 84700,
        MADRID.lat + (Math.sin(t) * 1000) / 111195,
      ]);
    }
    for (let k = 50; k >= 0; k--) {
      const t = ((30 + (300 * k) / 50) * Math.PI) / 180;
      c.push([MADRID.lng + (Math.cos(t) * 700) / 84700, MADRID.lat + (Math.sin(t) * 700) / 111195]);
    }
    c.push([c[0]![0], c[0]![1]]);
    assert.equal(ringSelfIntersection(c), null);
    const p = interiorPoint([c]);
    assert.ok(pointInPolygon(p, [c]), JSON.stringify(p));
    assert.ok(pointInPolygon(interiorPoint([outer]), [outer]));
  });
});
