import type { Db } from '../db/database.ts';

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('deployment_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function putSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('deployment_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<boolean> {
  const res = await db.deleteFrom('deployment_settings').where('key', '=', key).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
