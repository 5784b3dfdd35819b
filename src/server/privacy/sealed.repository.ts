import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export type SealedTable =
  | 'requests'
  | 'request_events'
  | 'request_feedback'
  | 'households'
  | 'stock_movements'
  | 'outbox_messages'
  | 'people'
  | 'goods_offers'
  | 'signup_confirmations';

/** Rows of a table with sealed columns, by id order, after `after` (for key rotation). */
export async function listSealedBatch(
  db: Db,
  table: SealedTable,
  columns: string[],
  after: string,
  limit: number,
): Promise<({ id: string } & Record<string, string | null>)[]> {
  const { rows } = await sql<
    { id: string } & Record<string, string | null>
  >`select id, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} where id > ${after} order by id limit ${limit}`.execute(
    db,
  );
  return rows;
}

export async function updateSealed(
  db: Db,
  table: SealedTable,
  id: string,
  changes: Record<string, string>,
): Promise<void> {
  const sets = Object.entries(changes).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
  await sql`update ${sql.table(table)} set ${sql.join(sets)} where id = ${id}`.execute(db);
}

/** Which blind-index key the people's indexes were computed under (a fingerprint of it). */
export async function readIndexKeyFingerprint(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('deployment_settings')
    .select('value')
    .where('key', '=', 'people_index_key')
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function writeIndexKeyFingerprint(db: Db, value: string): Promise<void> {
  await db
    .insertInto('deployment_settings')
    .values({ key: 'people_index_key', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
