/** A network's areas, for every feature that offers or shows them. */
import type { AreaShape } from '../../domain/maps/areas.ts';
import type { Db } from '../db/database.ts';
import type { AreaTable } from '../db/schema.ts';
import type { Area } from './area.ts';

function areaFromRow(row: AreaTable): Area {
  return {
    id: row.id,
    networkId: row.network_id,
    name: row.name,
    centre: { lat: Number(row.center_lat), lng: Number(row.center_lng) },
    radiusM: row.radius_m == null ? null : Number(row.radius_m),
    polygon: row.polygon ? (JSON.parse(row.polygon) as AreaShape) : null,
  };
}

export async function listAreas(db: Db, networkId: string): Promise<Area[]> {
  const rows = await db
    .selectFrom('areas')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('name')
    .execute();
  return rows.map(areaFromRow);
}
