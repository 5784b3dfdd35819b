import type { Db } from '../db/database.ts';

/**
 * Takes the lease of a scheduled job when it is free (never taken, or expired): one atomic
 * statement, so of several app servers ticking at once exactly one runs the job.
 */
export async function takeLease(
  db: Db,
  name: string,
  holder: string,
  now: string,
  until: string,
): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({
      name,
      holder: '',
      until: '1970-01-01T00:00:00.000Z',
      last_run_at: null,
      last_result: null,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const res = await db
    .updateTable('job_leases')
    .set({ holder, until })
    .where('name', '=', name)
    .where('until', '<=', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function finishLease(
  db: Db,
  name: string,
  holder: string,
  now: string,
  nextAt: string,
  result: string,
): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ until: nextAt, last_run_at: now, last_result: result })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
