import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { FiniteResults } from './finite-results.ts';
import { migrations } from './migration-list.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// PostgreSQL returns bigint (count(*)) as text by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * SQLite: WAL so readers never wait for the writer, foreign keys on (off by default in
 * SQLite), a 5 s busy timeout so a second process (the CLI, a backup) waits instead of
 * failing with SQLITE_BUSY, and `synchronous` said out loud: FULL unless the operator chose
 * NORMAL (SQLITE_SYNCHRONOUS). With WAL, FULL syncs the log before each commit returns, so
 * what the app has acknowledged survives a power cut; NORMAL survives only a process crash.
 */
export function openSqlite(file: string, synchronous: 'full' | 'normal' = 'full'): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  return sqlite;
}

/**
 * Kysely prepares every statement anew; preparing costs about as much as running a simple
 * query on SQLite. Statements are kept by their SQL text (at most 1,000, the oldest dropped),
 * so a busy page reuses them. One connection runs one statement at a time, so sharing is safe.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = sqlite.prepare(source);
      if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get: (target, prop, receiver) =>
      prop === 'prepare' ? prepare : Reflect.get(target, prop, receiver),
  });
}

export function createDb(
  config: Pick<
    Config,
    'dialect' | 'sqliteFile' | 'sqliteSynchronous' | 'databaseUrl' | 'pgPoolMax'
  >,
): Db {
  if (config.dialect === 'sqlite') {
    const sqlite = openSqlite(config.sqliteFile, config.sqliteSynchronous);
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new FiniteResults()],
    });
  }
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.pgPoolMax });
  // An idle connection that the server closes (a restart, a failover, an administrator) is
  // dropped from the pool and replaced on the next query; without a listener, Node would
  // treat the event as an uncaught error and stop the whole process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new FiniteResults()],
  });
}

export function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return result;
}

/**
 * Gives SQLite's planner table statistics (ANALYZE where they are missing or stale): without
 * them it may walk a whole network's rows through the wrong index. Nothing on PostgreSQL.
 */
export async function optimizeSqlite(db: Db, dialect: Config['dialect']): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma optimize=0x10002`.execute(db);
}

/** Throws unless the database answers a query now (for the health check). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
