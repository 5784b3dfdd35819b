import { OPEN_STATUSES } from '../../domain/requests/request-status.ts';
import type { Db } from '../db/database.ts';

/**
 * Open needs of a network counted by one column: counts only, never a row. Duplicates are
 * left out, so one household asking twice counts once.
 */
export async function countOpenNeeds(
  db: Db,
  networkId: string,
  by: 'category' | 'area_id',
): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('requests')
    .select([`requests.${by} as key`, (eb) => eb.fn.countAll<number>().as('n')])
    .where('requests.network_id', '=', networkId)
    .where('requests.status', 'in', [...OPEN_STATUSES])
    .where('requests.duplicate_of', 'is', null)
    .groupBy(`requests.${by}`)
    .execute();
  return new Map(rows.map((r) => [r.key as string | null, Number(r.n)]));
}
