import { type LatLng, METRES_PER_DEGREE } from '../../../src/domain/geo/geo.ts';
import type { Ring } from '../../../src/domain/geo/rings.ts';
import type { MapArea } from '../../../src/domain/maps/areas.ts';
import type { Rng } from '../seeded-rng.ts';

/** A square ring of `sideM` metres around a point, anticlockwise, closed. */
export function square(c: LatLng, sideM: number): Ring {
  const dLat = sideM / 2 / METRES_PER_DEGREE;
  const dLng = dLat / Math.cos((c.lat * Math.PI) / 180);
  return [
    [c.lng - dLng, c.lat - dLat],
    [c.lng + dLng, c.lat - dLat],
    [c.lng + dLng, c.lat + dLat],
    [c.lng - dLng, c.lat + dLat],
    [c.lng - dLng, c.lat - dLat],
  ];
}

/** A star-shaped (so simple) ring of n vertices around a point, radii in metres. */
export function starRing(r: Rng, c: LatLng, n: number, minM: number, maxM: number): Ring {
  const ring: Ring = [];
  const k = Math.cos((c.lat * Math.PI) / 180);
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const m = minM + r.next() * (maxM - minM);
    ring.push([
      c.lng + (m * Math.cos(t)) / (METRES_PER_DEGREE * k),
      c.lat + (m * Math.sin(t)) / METRES_PER_DEGREE,
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

export const MADRID: LatLng = { lat: 40.4168, lng: -3.7038 };

/** Four areas of a Madrid network: a circle, a square, a square with a hole, a two-part area. */
export function madridAreas(): MapArea[] {
  const east = { lat: MADRID.lat, lng: MADRID.lng + 0.03 };
  const north = { lat: MADRID.lat + 0.025, lng: MADRID.lng };
  const south1 = { lat: MADRID.lat - 0.025, lng: MADRID.lng - 0.01 };
  const south2 = { lat: MADRID.lat - 0.025, lng: MADRID.lng + 0.02 };
  return [
    { id: 'centro', name: 'Centro', centre: MADRID, radiusM: 1200, polygon: null },
    { id: 'este', name: 'Este', centre: east, radiusM: null, polygon: [square(east, 2000)] },
    {
      id: 'norte',
      name: 'Norte <&> "Barrio"',
      centre: { lat: north.lat + 0.006, lng: north.lng },
      radiusM: null,
      polygon: [square(north, 2000), square(north, 600).reverse()],
    },
    {
      id: 'sur',
      name: 'Sur',
      centre: south1,
      radiusM: null,
      polygon: [[square(south1, 1500)], [square(south2, 1500)]],
    },
  ];
}

/** A closed ring of n vertices at radius(t) metres from c, t from 0 to 2π: simple when radius > 0. */
export function smoothRing(c: LatLng, n: number, radius: (t: number) => number): Ring {
  const k = Math.cos((c.lat * Math.PI) / 180);
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const m = radius(t);
    ring.push([
      c.lng + (m * Math.cos(t)) / (METRES_PER_DEGREE * k),
      c.lat + (m * Math.sin(t)) / METRES_PER_DEGREE,
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}
