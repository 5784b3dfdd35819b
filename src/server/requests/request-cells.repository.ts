/** Open requests counted per stored 500 m cell, for the coordinators' map beside the queue. */
import type { LatLng } from '../../domain/geo/geo.ts';
import { OPEN_STATUSES } from '../../domain/requests/request-status.ts';
import type { Db } from '../db/database.ts';

export interface CellCount {
  at: LatLng;
  count: number;
}

export async function openRequestCells(db: Db, networkId: string): Promise<CellCount[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['approx_lat', 'approx_lng', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('network_id', '=', networkId)
    .where('status', 'in', [...OPEN_STATUSES])
    .where('approx_lat', 'is not', null)
    .where('approx_lng', 'is not', null)
    .groupBy(['approx_lat', 'approx_lng'])
    .execute();
  return rows.map((r) => ({
    at: { lat: Number(r.approx_lat), lng: Number(r.approx_lng) },
    count: Number(r.n),
  }));
}
