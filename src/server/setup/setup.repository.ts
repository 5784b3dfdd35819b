import type { Db } from '../db/database.ts';

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('deployment_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value ?? null;
}

/**
 * Stores the value only if the key has none yet, and returns the value that is stored: the
 * first of several servers writing at once wins (the key is the primary key), the others
 * read what it wrote.
 */
export async function putSettingIfAbsent(db: Db, key: string, value: string): Promise<string> {
  await db
    .insertInto('deployment_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await getSetting(db, key);
  if (stored === null) throw new Error(`setting ${key} vanished while it was written`);
  return stored;
}

export async function deleteSetting(db: Db, key: string): Promise<boolean> {
  const res = await db.deleteFrom('deployment_settings').where('key', '=', key).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
