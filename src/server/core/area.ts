/** A named part of a network's territory: a centre with a radius, or polygons. */
export interface Area {
  id: string;
  networkId: string;
  name: string;
  centre: { lat: number; lng: number };
  radiusM: number | null;
  polygon: [number, number][][] | null;
}
