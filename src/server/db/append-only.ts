import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * Makes a ledger table append-only in the database itself: an UPDATE of any of `facts`, or
 * any DELETE, is refused with `message`. Columns not named in `facts` (sealed names that a key
 * rotation re-encrypts, links cleared when a person goes) may still change. Migrations call
 * this, so what it emits is frozen: a different trigger needs a new function, not an edit.
 */
export async function createAppendOnly(
  db: Kysely<unknown>,
  table: string,
  facts: string,
  message: string,
) {
  const text = sql.lit(message);
  if (isPostgres(db)) {
    await sql`create function ${sql.raw(`${table}_append_only`)}() returns trigger
      language plpgsql as $$ begin raise exception ${text}; end $$`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_change`)}
      before update of ${sql.raw(facts)} or delete on ${sql.table(table)}
      for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
  } else {
    await sql`create trigger ${sql.raw(`${table}_no_update`)}
      before update of ${sql.raw(facts)} on ${sql.table(table)}
      begin select raise(abort, ${text}); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
      begin select raise(abort, ${text}); end`.execute(db);
  }
}

/** Undoes `createAppendOnly` (for a migration's down). */
export async function dropAppendOnly(db: Kysely<unknown>, table: string) {
  if (isPostgres(db)) {
    await sql`drop trigger if exists ${sql.raw(`${table}_no_change`)} on ${sql.table(table)}`.execute(
      db,
    );
    await sql`drop function if exists ${sql.raw(`${table}_append_only`)}()`.execute(db);
  } else {
    await sql`drop trigger if exists ${sql.raw(`${table}_no_update`)}`.execute(db);
    await sql`drop trigger if exists ${sql.raw(`${table}_no_delete`)}`.execute(db);
  }
}
