/** Roles as every feature reads them: an actor's role in a network, the members with a role. */
import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/database.ts';

export async function findRole(db: Db, networkId: string, personId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Ids of the members with one of these roles (coordinators to alert, say). */
export async function memberIdsWithRole(
  db: Db,
  networkId: string,
  roles: readonly Role[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('network_id', '=', networkId)
    .where('role', 'in', [...roles])
    .execute();
  return rows.map((r) => r.person_id);
}
