import type { Db } from '../db/database.ts';

/**
 * Counters live in the database, not in one process's memory, so the limits hold when
 * several app servers share one PostgreSQL. One atomic upsert per hit: a counter whose
 * window has passed starts again at 1.
 */
export async function hit(db: Db, key: string, now: string, windowStart: string): Promise<number> {
  return (await hitWindow(db, key, now, windowStart)).hits;
}

/** As hit, also returning when the counter's window began (for "try again in N minutes"). */
export async function hitWindow(
  db: Db,
  key: string,
  now: string,
  windowStart: string,
): Promise<{ hits: number; since: string }> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        hits: eb
          .case()
          .when('rate_limits.window_start', '<', windowStart)
          .then(1)
          .else(eb('rate_limits.hits', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('rate_limits.window_start', '<', windowStart)
          .then(now)
          .else(eb.ref('rate_limits.window_start'))
          .end(),
      })),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), since: row.window_start };
}

export async function peek(
  db: Db,
  key: string,
  windowStart: string,
): Promise<{ hits: number; since: string } | null> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['hits', 'window_start'])
    .where('key', '=', key)
    .where('window_start', '>=', windowStart)
    .executeTakeFirst();
  return row ? { hits: Number(row.hits), since: row.window_start } : null;
}

export async function clear(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
