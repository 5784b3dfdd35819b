import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/database.ts';

/** Volunteers (and up) of a network who asked for the digest and have not had this week's. */
export async function digestSubscribers(
  db: Db,
  networkId: string,
  week: string,
  roles: readonly Role[],
): Promise<{ personId: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .innerJoin('notification_prefs', 'notification_prefs.person_id', 'people.id')
    .select(['people.id', 'people.display_name'])
    .where('memberships.network_id', '=', networkId)
    .where('memberships.role', 'in', [...roles])
    .where('notification_prefs.digest', '=', 1)
    .where('people.disabled_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('digest_sends')
            .select('digest_sends.person_id')
            .whereRef('digest_sends.person_id', '=', 'people.id')
            .where('digest_sends.network_id', '=', networkId)
            .where('digest_sends.week', '=', week),
        ),
      ),
    )
    .orderBy('people.id')
    .execute();
  return rows.map((r) => ({ personId: r.id, displayName: r.display_name }));
}

/**
 * Marks this week's digest as sent; false when it already was (two app servers, or a run
 * repeated): the primary key decides, so a person never gets two in one week.
 */
export async function markDigestSent(
  db: Db,
  d: { networkId: string; personId: string; week: string; now: string },
): Promise<boolean> {
  const res = await db
    .insertInto('digest_sends')
    .values({ network_id: d.networkId, person_id: d.personId, week: d.week, sent_at: d.now })
    .onConflict((oc) => oc.columns(['network_id', 'person_id', 'week']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}
