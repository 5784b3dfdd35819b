import type { Identifier } from '../../domain/people/contact.ts';
import type { KeyRing } from '../../shared/crypto.ts';
import { personFromRow } from '../core/person.repository.ts';
import type { Person } from '../core/person.ts';
import type { Db } from '../db/database.ts';
import { type ContactColumns, contactIndex } from '../privacy/person-contact.ts';

export interface NewPerson {
  id: string;
  displayName: string;
  /** From `sealContact` (src/server/privacy/person-contact.ts): never plaintext. */
  contact: ContactColumns;
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
      ...p.contact,
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

export async function findPerson(db: Db, id: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? personFromRow(row) : null;
}

/**
 * An account (a person with a password) by email or phone (in its normal form), with its
 * password hash: found by the blind index, since the contact itself is sealed.
 */
export async function findAccount(
  db: Db,
  keys: KeyRing,
  identifier: Identifier,
): Promise<{ person: Person; passwordHash: string } | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where(
      identifier.kind === 'email' ? 'email_index' : 'phone_index',
      '=',
      contactIndex(keys, identifier),
    )
    .where('password_hash', 'is not', null)
    .executeTakeFirst();
  return row?.password_hash
    ? { person: personFromRow(row), passwordHash: row.password_hash }
    : null;
}

export async function accountExists(
  db: Db,
  keys: KeyRing,
  identifier: Identifier,
): Promise<boolean> {
  return (await findAccount(db, keys, identifier)) !== null;
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
export async function findPeopleByPhone(db: Db, keys: KeyRing, phone: string): Promise<Person[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('phone_index', '=', contactIndex(keys, { kind: 'phone', value: phone }))
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map(personFromRow);
}
