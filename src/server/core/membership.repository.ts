/**
 * Memberships, the one repository of the table: an actor's role in a network, the members with
 * a role, and joining, changing role and leaving (every way in to a network — sign-up,
 * invitation, the admin CLI, the demo — writes through here).
 */
import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import type { Member, NetworkOfPerson } from './membership.ts';
import { personFromRow } from './person.repository.ts';

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

export async function insertMembership(
  db: Db,
  m: { id: string; networkId: string; personId: string; role: Role; now: string },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      id: m.id,
      network_id: m.networkId,
      person_id: m.personId,
      role: m.role,
      created_at: m.now,
      updated_at: m.now,
    })
    .execute();
}

export async function updateRole(
  db: Db,
  networkId: string,
  personId: string,
  role: Role,
  now: string,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role, updated_at: now })
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .execute();
}

export async function deleteMembership(db: Db, networkId: string, personId: string): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .execute();
}

export async function countAdmins(db: Db, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('network_id', '=', networkId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Locks the network's admin memberships until the transaction ends (PostgreSQL), so two
 * admins demoting each other at the same moment cannot leave the network without one.
 * SQLite already runs one writing transaction at a time.
 */
export async function lockAdmins(db: Db, networkId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await db
    .selectFrom('memberships')
    .select('id')
    .where('network_id', '=', networkId)
    .where('role', '=', 'admin')
    .forUpdate()
    .execute();
}

export async function listMembers(
  db: Db,
  networkId: string,
  filter: {
    role?: Role | undefined;
    query?: string | undefined;
    /** Blind indexes of the query read as an email or a phone: contacts match exactly. */
    contactIndexes?: { email: string | null; phone: string | null } | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ members: Member[]; total: number }> {
  let q = db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .where('memberships.network_id', '=', networkId);
  if (filter.role) q = q.where('memberships.role', '=', filter.role);
  if (filter.query) {
    const like = `%${filter.query.toLowerCase().replace(/[%_\\]/g, '')}%`; // no wildcards from the user
    const { email = null, phone = null } = filter.contactIndexes ?? {};
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['people.display_name']), 'like', like),
        ...(email ? [eb('people.email_index', '=', email)] : []),
        ...(phone ? [eb('people.phone_index', '=', phone)] : []),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('people')
      .select(['memberships.role', 'memberships.created_at as joined_at'])
      .orderBy('people.display_name')
      .orderBy('people.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    members: rows.map((r) => ({
      person: personFromRow(r),
      networkId,
      role: r.role,
      joinedAt: r.joined_at,
    })),
    total: Number(count.n),
  };
}

export async function findMember(
  db: Db,
  networkId: string,
  personId: string,
): Promise<Member | null> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .selectAll('people')
    .select(['memberships.role', 'memberships.created_at as joined_at'])
    .where('memberships.network_id', '=', networkId)
    .where('memberships.person_id', '=', personId)
    .executeTakeFirst();
  return row
    ? { person: personFromRow(row), networkId, role: row.role, joinedAt: row.joined_at }
    : null;
}

export async function networksOfPerson(db: Db, personId: string): Promise<NetworkOfPerson[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('networks', 'networks.id', 'memberships.network_id')
    .select(['networks.id', 'networks.slug', 'networks.name', 'memberships.role'])
    .where('memberships.person_id', '=', personId)
    .orderBy('networks.name')
    .execute();
  return rows.map((r) => ({ networkId: r.id, slug: r.slug, name: r.name, role: r.role }));
}
