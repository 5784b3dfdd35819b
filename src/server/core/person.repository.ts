/** People as every feature reads them: one by id, display names by id. */
import type { Db } from '../db/database.ts';
import type { PersonTable } from '../db/schema.ts';
import { type Person, sealedContactOf } from './person.ts';

export function personFromRow(row: PersonTable): Person {
  return {
    id: row.id,
    displayName: row.display_name,
    contact: sealedContactOf(row),
    hasAccount: row.password_hash != null,
    preferredLanguage: row.preferred_language,
    isOperator: Number(row.is_operator) === 1,
    createdAt: row.created_at,
    disabled: row.disabled_at != null,
  };
}

export async function findPerson(db: Db, id: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? personFromRow(row) : null;
}

/** Display names by id, for lists that show who (suggestions, dispatch plans). */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
