import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  distanceKm,
  type LatLng,
  privacyCell,
  roundForPrivacy,
} from '../../../src/domain/geo/geo.ts';
import { areaContains, areasBounds, boundsOf, wrapLng } from '../../../src/domain/maps/areas.ts';
import { parseImageClick, pickPlace } from '../../../src/domain/maps/picker.ts';
import { fitProjection, invert, pixelsFor, project } from '../../../src/domain/maps/projection.ts';
import { mapProjection } from '../../../src/domain/maps/render.ts';
import { rng } from '../seeded-rng.ts';
import { MADRID, madridAreas } from './scene.ts';

const RAD = Math.PI / 180;

/** The cell rounding as it was before privacyCell existed: stored cells must not move. */
function oldRound(p: LatLng): LatLng {
  const latStep = 500 / ((6371.0088 * 1000 * Math.PI) / 180);
  const lat = (Math.floor(p.lat / latStep) + 0.5) * latStep;
  const lngStep =
    500 / (((6371.0088 * 1000 * Math.PI) / 180) * Math.max(0.01, Math.cos(lat * RAD)));
  const lng = (Math.floor(p.lng / lngStep) + 0.5) * lngStep;
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

function randomPoint(r: ReturnType<typeof rng>, maxLat = 70): LatLng {
  return { lat: (r.next() * 2 - 1) * maxLat, lng: r.next() * 360 - 180 };
}

describe('privacy cells', () => {
  it('roundForPrivacy gives the same centres as before, and each cell holds its point', () => {
    const r = rng(1);
    for (let i = 0; i < 20_000; i++) {
      const p = randomPoint(r);
      const cell = privacyCell(p);
      assert.deepEqual(roundForPrivacy(p), oldRound(p));
      assert.deepEqual(cell.centre, roundForPrivacy(p));
      assert.ok(cell.south <= p.lat && p.lat < cell.north, `lat ${p.lat} in its row`);
      assert.ok(cell.west <= p.lng && p.lng < cell.east, `lng ${p.lng} in its column`);
      // ~500 m each way, so a cell drawn from its edges is the 500 m square it stands for.
      const wide = distanceKm(
        { lat: cell.centre.lat, lng: cell.west },
        { lat: cell.centre.lat, lng: cell.east },
      );
      assert.ok(Math.abs(wide - 0.5) < 0.001, `cell ${wide} km wide`);
    }
  });

  it('a stored centre lies in its own cell: drawing a stored cell draws the right square', () => {
    const r = rng(2);
    for (let i = 0; i < 20_000; i++) {
      const centre = roundForPrivacy(randomPoint(r));
      assert.deepEqual(privacyCell(centre).centre, centre);
    }
  });
});

describe('the projection', () => {
  it('inverts exactly, anywhere on the map and across the antimeridian', () => {
    const r = rng(3);
    for (let i = 0; i < 2000; i++) {
      const c = randomPoint(r, 80);
      const pr = fitProjection(
        { south: c.lat - 0.05, north: c.lat + 0.05, west: c.lng - 0.05, east: c.lng + 0.05 },
        { width: r.int(100, 1200), height: r.int(100, 1200) },
      );
      for (let j = 0; j < 20; j++) {
        const p = {
          lat: c.lat + (r.next() - 0.5) * 0.2,
          lng: wrapLng(c.lng + (r.next() - 0.5) * 0.2),
        };
        const back = invert(pr, project(pr, p).x, project(pr, p).y);
        assert.ok(Math.abs(back.lat - p.lat) < 1e-9, `lat ${p.lat} → ${back.lat}`);
        assert.ok(Math.abs(wrapLng(back.lng - p.lng)) < 1e-9, `lng ${p.lng} → ${back.lng}`);
      }
    }
  });

  it('fits the areas inside the padding and keeps the ground square', () => {
    const areas = madridAreas();
    const pr = fitProjection(areasBounds(areas), { width: 288, height: 240, padding: 10 });
    const b = areasBounds(areas)!;
    for (const p of [
      { lat: b.south, lng: b.west },
      { lat: b.north, lng: b.east },
    ]) {
      const px = project(pr, p);
      assert.ok(px.x >= 10 - 1e-9 && px.x <= 278 + 1e-9, `x ${px.x}`);
      assert.ok(px.y >= 10 - 1e-9 && px.y <= 230 + 1e-9, `y ${px.y}`);
    }
    // 1 km east and 1 km north take the same number of pixels.
    const o = project(pr, MADRID);
    const eastKm = project(pr, {
      lat: MADRID.lat,
      lng: MADRID.lng + 1 / (111.195 * Math.cos(MADRID.lat * RAD)),
    });
    const northKm = project(pr, { lat: MADRID.lat + 1 / 111.195, lng: MADRID.lng });
    assert.ok(Math.abs(eastKm.x - o.x - (o.y - northKm.y)) < 0.01);
    assert.ok(Math.abs(pixelsFor(pr, 1000) - (o.y - northKm.y)) < 0.01);
  });

  it('takes the short way round the antimeridian (a Fiji network is not 360° wide)', () => {
    const b = boundsOf([
      { lat: -17.8, lng: 179.9 },
      { lat: -17.7, lng: -179.9 },
    ])!;
    assert.ok(Math.abs(b.east - b.west - 0.2) < 1e-9, `${b.west}..${b.east}`);
    const pr = fitProjection(b, { width: 300, height: 300 });
    const a = project(pr, { lat: -17.75, lng: 179.95 });
    const c = project(pr, { lat: -17.75, lng: -179.95 });
    assert.ok(a.x < c.x && c.x - a.x < 300, `${a.x} < ${c.x}`);
  });

  it('refuses a nonsensical viewport instead of drawing NaN', () => {
    assert.throws(() => fitProjection(null, { width: 0, height: 100 }), RangeError);
    assert.throws(() => fitProjection(null, { width: Number.NaN, height: 100 }), RangeError);
    assert.throws(() => fitProjection(null, { width: 100, height: 100, padding: 60 }), RangeError);
    const pr = fitProjection(null, { width: 100, height: 100 }, MADRID);
    assert.ok(Number.isFinite(pr.scale) && pr.scale > 0);
    const mid = invert(pr, 50, 50);
    assert.ok(Math.abs(mid.lat - MADRID.lat) < 1e-12 && Math.abs(mid.lng - MADRID.lng) < 1e-12);
  });
});

describe('the place picker (an image input)', () => {
  it('reads image-input coordinates and refuses everything else', () => {
    assert.deepEqual(parseImageClick('144', '97'), { ok: true, x: 144, y: 97 });
    assert.deepEqual(parseImageClick(' 5 ', '0'), { ok: true, x: 5, y: 0 });
    assert.deepEqual(parseImageClick(undefined, undefined), { ok: false, reason: 'missing' });
    assert.deepEqual(parseImageClick('', ''), { ok: false, reason: 'missing' });
    // Enter or Space on an image input sends 0, 0: no place was pointed at.
    assert.deepEqual(parseImageClick('0', '0'), { ok: false, reason: 'keyboard' });
    for (const [x, y] of [
      ['-1', '5'],
      ['1.5', '5'],
      ['1e3', '5'],
      ['99999', '5'],
      ['12', undefined],
      ['0x10', '5'],
      [['1'], '2'],
      ['١٢', '5'],
    ] as const)
      assert.deepEqual(parseImageClick(x, y), { ok: false, reason: 'invalid' }, `${x}, ${y}`);
  });

  it('a click on any drawn cell picks that cell back (random maps, browser-rounded pixels)', () => {
    const r = rng(4);
    let checked = 0;
    for (let m = 0; m < 300; m++) {
      const centre = randomPoint(r, 75);
      const spanKm = 2 + r.next() * 40;
      const d = spanKm / 111.195;
      const pr = fitProjection(
        {
          south: centre.lat - d / 2,
          north: centre.lat + d / 2,
          west: centre.lng - d / 2 / Math.cos(centre.lat * RAD),
          east: centre.lng + d / 2 / Math.cos(centre.lat * RAD),
        },
        { width: r.int(200, 800), height: r.int(200, 800), padding: r.int(0, 40) },
      );
      const cellPx = pixelsFor(pr, 500);
      for (let k = 0; k < 50; k++) {
        const cell = roundForPrivacy({
          lat: centre.lat + (r.next() - 0.5) * d,
          lng: centre.lng + ((r.next() - 0.5) * d) / Math.cos(centre.lat * RAD),
        });
        const px = project(pr, cell);
        if (px.x < 1 || px.y < 1 || px.x >= pr.width || px.y >= pr.height) continue;
        // A browser sends whole pixels: the one under the pointer.
        const click = parseImageClick(String(Math.floor(px.x)), String(Math.floor(px.y)));
        if (!click.ok) continue;
        const pick = pickPlace(pr, click, []);
        assert.ok(pick.ok);
        if (cellPx >= 2) {
          assert.deepEqual(pick.cell, cell, `map ${m}: cell ${cellPx.toFixed(1)} px`);
          checked++;
        } else {
          // Cells under 2 px: still a cell within a pixel of the click.
          const back = project(pr, pick.cell);
          assert.ok(Math.hypot(back.x - px.x, back.y - px.y) < 2 + cellPx);
        }
      }
    }
    assert.ok(checked > 5000, `${checked} round trips`);
  });

  it('finds the area clicked, refuses clicks outside the map or (when asked) outside the areas', () => {
    const areas = madridAreas();
    const pr = mapProjection({ areas, viewport: { width: 288, height: 288 } });
    const at = (p: LatLng) => {
      const px = project(pr, p);
      return { ok: true as const, x: Math.floor(px.x), y: Math.floor(px.y) };
    };
    const inCentro = pickPlace(pr, at(MADRID), areas);
    assert.deepEqual(inCentro.ok && inCentro.areaId, 'centro');
    const hole = { lat: MADRID.lat + 0.025, lng: MADRID.lng };
    const inHole = pickPlace(pr, at(hole), areas, { requireArea: true });
    assert.deepEqual(inHole, { ok: false, reason: 'outsideAreas' });
    const sur2 = pickPlace(pr, at({ lat: MADRID.lat - 0.025, lng: MADRID.lng + 0.02 }), areas);
    assert.deepEqual(sur2.ok && sur2.areaId, 'sur');
    assert.deepEqual(pickPlace(pr, { ok: true, x: 289, y: 10 }, areas), {
      ok: false,
      reason: 'outside',
    });
    assert.deepEqual(pickPlace(pr, { ok: false, reason: 'keyboard' }, areas), {
      ok: false,
      reason: 'keyboard',
    });
    // What is picked is a 500 m cell centre, never the clicked point itself.
    assert.ok(inCentro.ok);
    assert.deepEqual(roundForPrivacy(inCentro.cell), inCentro.cell);
  });

  it('a circle area holds exactly the points within its radius (to the local plane)', () => {
    const r = rng(5);
    const area = { id: 'c', name: 'c', centre: MADRID, radiusM: 1000, polygon: null };
    for (let i = 0; i < 5000; i++) {
      const p = {
        lat: MADRID.lat + (r.next() - 0.5) * 0.04,
        lng: MADRID.lng + (r.next() - 0.5) * 0.05,
      };
      const km = distanceKm(MADRID, p);
      if (Math.abs(km - 1) < 0.002) continue; // the plane and the sphere differ by under 2 m here
      assert.equal(areaContains(area, p), km < 1, `${km} km`);
    }
  });
});
