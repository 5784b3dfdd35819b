import type { Identifier } from '../../domain/people/contact.ts';
import { personFromRow } from '../core/person.repository.ts';
import type { Person } from '../core/person.ts';
import type { Db } from '../db/database.ts';

export interface NewPerson {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  passwordHash: string | null;
  preferredLanguage: string | null;
  isOperator: boolean;
  createdBy: string | null;
  now: string;
}

export async function insertPerson(db: Db, p: NewPerson): Promise<void> {
  await db
    .insertInto('people')
    .values({
      id: p.id,
      display_name: p.displayName,
      email: p.email,
      phone: p.phone,
      password_hash: p.passwordHash,
      preferred_language: p.preferredLanguage,
      is_operator: p.isOperator ? 1 : 0,
      created_by: p.createdBy,
      created_at: p.now,
      updated_at: p.now,
      disabled_at: null,
    })
    .execute();
}

/** An account (a person with a password) by email or phone, with its password hash. */
export async function findAccount(
  db: Db,
  identifier: Identifier,
): Promise<{ person: Person; passwordHash: string } | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where(identifier.kind, '=', identifier.value)
    .where('password_hash', 'is not', null)
    .executeTakeFirst();
  return row?.password_hash
    ? { person: personFromRow(row), passwordHash: row.password_hash }
    : null;
}

export async function accountExists(db: Db, identifier: Identifier): Promise<boolean> {
  return (await findAccount(db, identifier)) !== null;
}

export async function setPassword(
  db: Db,
  personId: string,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', personId)
    .execute();
}

export async function updateProfile(
  db: Db,
  personId: string,
  patch: { displayName: string; preferredLanguage: string | null },
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({
      display_name: patch.displayName,
      preferred_language: patch.preferredLanguage,
      updated_at: now,
    })
    .where('id', '=', personId)
    .execute();
}

export async function setPreferredLanguage(
  db: Db,
  personId: string,
  lang: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ preferred_language: lang, updated_at: now })
    .where('id', '=', personId)
    .execute();
}

export async function countOperators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_operator', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function makeOperator(db: Db, personId: string, now: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ is_operator: 1, updated_at: now })
    .where('id', '=', personId)
    .execute();
}

/** People whose phone (normalised, E.164) is `phone`: how a text is tied to an account. */
export async function findPeopleByPhone(db: Db, phone: string): Promise<Person[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('phone', '=', phone)
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map(personFromRow);
}
