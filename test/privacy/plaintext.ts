import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.ts';

/**
 * Where any of `needles` appears in the database: every row of every table (the migrator's
 * own tables aside), all its columns read as text. Returns "table: needle" for each find.
 */
export async function plaintextIn(db: Db, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'));
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db,
    );
    const all = JSON.stringify(rows).toLowerCase();
    for (const n of needles) if (all.includes(n.toLowerCase())) found.push(`${table}: ${n}`);
  }
  return found;
}
