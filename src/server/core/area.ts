/** A named part of a network's territory: a centre with a radius, or polygons. */
export interface Area {
  id: string;
  networkId: string;
  name: string;
  centre: { lat: number; lng: number };
  radiusM: number | null;
  polygon: [number, number][][] | null;
}

/** An area as a list shows it, by id and name (a volunteer's areas, an event's area). */
export interface AreaRef {
  id: string;
  name: string;
}
