/** GeoJSON files as admins upload them, good and bad, shared by the server and browser tests. */
const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

/** Two islands of one neighbourhood, and a plain square: what a city's open data gives. */
export const GOOD_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Islas del Sur' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[ring(-99.16, 19.4, -99.15, 19.41)], [ring(-99.14, 19.4, -99.13, 19.41)]],
      },
    },
    {
      type: 'Feature',
      properties: { nombre: 'Mercado' },
      geometry: { type: 'Polygon', coordinates: [ring(-99.16, 19.42, -99.13, 19.43)] },
    },
  ],
});

/** Every kind of mistake at once: an open ring, no name, a point, a taken name. */
export const BAD_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Abierta' },
      geometry: { type: 'Polygon', coordinates: [ring(-99.16, 19.4, -99.15, 19.41).slice(0, 4)] },
    },
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [ring(-99.16, 19.42, -99.15, 19.43)] },
    },
    {
      type: 'Feature',
      properties: { name: 'Punto' },
      geometry: { type: 'Point', coordinates: [0, 0] },
    },
    {
      type: 'Feature',
      properties: { name: 'plaza norte' },
      geometry: { type: 'Polygon', coordinates: [ring(-99.12, 19.42, -99.11, 19.43)] },
    },
  ],
});
