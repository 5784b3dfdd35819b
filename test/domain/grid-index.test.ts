import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceKm, type LatLng } from '../../src/domain/geo/geo.ts';
import { GridIndex } from '../../src/domain/geo/grid-index.ts';
import { mulberry32 } from '../../src/domain/matching/synthetic.ts';

type Item = { id: number; at: LatLng };

function scan(items: Item[], point: LatLng, radiusKm: number): number[] {
  return items
    .filter((x) => distanceKm(x.at, point) <= radiusKm)
    .map((x) => x.id)
    .sort((a, b) => a - b);
}

function near(index: GridIndex<Item>, point: LatLng, radiusKm: number): number[] {
  return index
    .near(point, radiusKm)
    .map((x) => x.id)
    .sort((a, b) => a - b);
}

function scatter(seed: number, n: number, lat: number, lng: number, spreadDeg: number): Item[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, (_, id) => {
    let x = lng + (rnd() - 0.5) * spreadDeg;
    if (x > 180) x -= 360;
    if (x < -180) x += 360;
    return {
      id,
      at: { lat: Math.max(-90, Math.min(90, lat + (rnd() - 0.5) * spreadDeg)), lng: x },
    };
  });
}

describe('grid index', () => {
  it('near() finds exactly what a plain scan finds, for random points and radii', () => {
    const rnd = mulberry32(99);
    for (let seed = 1; seed <= 20; seed++) {
      const items = scatter(seed, 600, 40.4, -3.7, 1.2);
      const index = new GridIndex(items, (x) => x.at, 1 + (seed % 4));
      for (let q = 0; q < 30; q++) {
        const point = { lat: 40.4 + (rnd() - 0.5) * 1.4, lng: -3.7 + (rnd() - 0.5) * 1.4 };
        const r = rnd() * 15;
        assert.deepEqual(near(index, point, r), scan(items, point, r), `seed ${seed} query ${q}`);
      }
    }
  });

  it('is exact at the edge of the circle (items at exactly the radius are in)', () => {
    const items = scatter(5, 300, 51.5, -0.1, 0.4);
    const index = new GridIndex(items, (x) => x.at, 2);
    const centre = { lat: 51.5, lng: -0.1 };
    for (const x of items.slice(0, 50)) {
      const r = distanceKm(x.at, centre);
      assert.ok(near(index, centre, r).includes(x.id));
      assert.deepEqual(near(index, centre, r), scan(items, centre, r));
    }
  });

  it('works across the antimeridian, near a pole, and with everything far away', () => {
    const dateLine = scatter(7, 400, -17, 179.9, 0.6);
    const a = new GridIndex(dateLine, (x) => x.at, 2);
    for (const lng of [179.95, -179.95, 180, -180]) {
      const p = { lat: -17, lng };
      assert.deepEqual(near(a, p, 30), scan(dateLine, p, 30));
    }
    const polar = scatter(8, 400, 89.5, 0, 40);
    const b = new GridIndex(polar, (x) => x.at, 2);
    for (const p of [
      { lat: 89.9, lng: 10 },
      { lat: 88, lng: -170 },
    ]) {
      assert.deepEqual(near(b, p, 150), scan(polar, p, 150));
    }
    const c = new GridIndex(scatter(9, 100, 10, 10, 0.1), (x) => x.at, 2);
    assert.deepEqual(near(c, { lat: -40, lng: 100 }, 50), []);
    assert.deepEqual(new GridIndex<Item>([], (x) => x.at).near({ lat: 0, lng: 0 }, 10), []);
  });

  it('reports the same distance as distanceKm, to the last bit', () => {
    const items = scatter(11, 200, 40.4, -3.7, 0.3);
    const index = new GridIndex(items, (x) => x.at, 2);
    const p = { lat: 40.41, lng: -3.69 };
    index.forEachNear(p, 20, (x, km) => assert.equal(km, distanceKm(x.at, p)));
  });
});
