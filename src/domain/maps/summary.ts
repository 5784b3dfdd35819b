/**
 * The facts a map shows, as data, for its `<desc>` and for the list a page puts beside it
 * (which also carries every label the map had no room for): per area, how many cells have
 * something and how much. The page words it and applies its own small-number rule
 * (`publicCountAt` in src/domain/announcements/small-counts.ts) before anything is shown. Pure.
 */
import type { LatLng } from '../geo/geo.ts';
import { roundForPrivacy } from '../geo/geo.ts';
import { areaAt, type MapArea } from './areas.ts';
import type { MapCell } from './render.ts';

export interface AreaSummary {
  /** null for cells outside every area. */
  areaId: string | null;
  name: string | null;
  cells: number;
  count: number;
}

export interface MapSummary {
  areas: AreaSummary[];
  cells: number;
  count: number;
}

/**
 * Cells grouped by the area holding their centre (in the order of `areas`, then those outside),
 * areas with nothing in them included with zeros so the description can say so.
 */
export function summariseMap(areas: readonly MapArea[], cells: readonly MapCell[]): MapSummary {
  const by = new Map<string | null, AreaSummary>();
  for (const a of areas) by.set(a.id, { areaId: a.id, name: a.name, cells: 0, count: 0 });
  const seen = new Set<string>();
  let total = 0;
  for (const c of cells) {
    if ((c.kind ?? 'count') === 'selected') continue;
    const centre: LatLng = roundForPrivacy(c.at);
    const key = `${centre.lat},${centre.lng}`;
    const area = areaAt(areas, centre);
    const id = area?.id ?? null;
    let s = by.get(id);
    if (!s) {
      s = { areaId: null, name: null, cells: 0, count: 0 };
      by.set(null, s);
    }
    if (!seen.has(key)) {
      seen.add(key);
      s.cells++;
    }
    s.count += c.count ?? 0;
    total += c.count ?? 0;
  }
  return { areas: [...by.values()], cells: seen.size, count: total };
}
