/**
 * The map beside the queue: the network's areas and, per 500 m cell, how many open requests
 * are there. Coordinators only (it is the queue, drawn): a volunteer sees tasks near them on
 * their own page, never where the open requests are.
 */
import { listAreas } from '../core/area.repository.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { type CellCount, openRequestCells } from './request-cells.repository.ts';

export interface QueueMapData {
  areas: Area[];
  cells: CellCount[];
}

export async function queueMap(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<QueueMapData> {
  authorize(scope, 'requests.triage');
  const [areas, cells] = await Promise.all([
    listAreas(deps.db, scope.network.id),
    openRequestCells(deps.db, scope.network.id),
  ]);
  return { areas, cells };
}
