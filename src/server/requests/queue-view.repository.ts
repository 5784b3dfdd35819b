import { newId } from '../../shared/ids.ts';
import type { Db } from '../db/database.ts';

/** A coordinator's saved view of the queue: a name and the address's query string. */
export interface QueueView {
  id: string;
  name: string;
  query: string;
}

/** At most this many saved views per coordinator and network. */
export const MAX_VIEWS = 30;

export async function listViews(db: Db, networkId: string, personId: string): Promise<QueueView[]> {
  return db
    .selectFrom('queue_views')
    .select(['id', 'name', 'query'])
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .orderBy('name')
    .limit(MAX_VIEWS)
    .execute();
}

/** Saves a view under its name; the same name again replaces it. */
export async function saveView(
  db: Db,
  v: { networkId: string; personId: string; name: string; query: string; now: string },
): Promise<void> {
  await db
    .deleteFrom('queue_views')
    .where('network_id', '=', v.networkId)
    .where('person_id', '=', v.personId)
    .where('name', '=', v.name)
    .execute();
  await db
    .insertInto('queue_views')
    .values({
      id: newId(),
      network_id: v.networkId,
      person_id: v.personId,
      name: v.name,
      query: v.query,
      created_at: v.now,
    })
    .execute();
}

/** Deletes one of this coordinator's views (another's id deletes nothing). */
export async function deleteView(
  db: Db,
  networkId: string,
  personId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('queue_views')
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .execute();
}
