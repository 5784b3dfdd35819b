import { type Kysely, PostgresAdapter } from 'kysely';

/** For the few places where raw SQL must differ between SQLite and PostgreSQL. */
export function isPostgres<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
