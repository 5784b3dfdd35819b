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
import type { KeyRing } from '../../shared/crypto.ts';
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

/** The SQLite handle under each Kysely instance, for the migration lock (migrateToLatest). */
const sqliteHandles = new WeakMap<Db, SQLite.Database>();

export function createDb(
  config: Pick<
    Config,
    'dialect' | 'sqliteFile' | 'sqliteSynchronous' | 'databaseUrl' | 'pgPoolMax'
  >,
): Db {
  if (config.dialect === 'sqlite') {
    const sqlite = openSqlite(config.sqliteFile, config.sqliteSynchronous);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new FiniteResults()],
    });
    sqliteHandles.set(db, sqlite);
    return db;
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

/**
 * The migrator, with the encryption keys handed to the migrations that seal or open stored
 * values (without keys, those refuse to run on a database that has values to rewrite).
 */
export function migrator(db: Db, keys?: KeyRing): Migrator {
  const withKeys: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(migrations)) {
    const down = m.down;
    withKeys[name] = {
      up: (d) => m.up(d, keys),
      ...(down ? { down: (d: Parameters<typeof down>[0]) => down(d, keys) } : {}),
    };
  }
  return new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => withKeys },
  });
}

/**
 * Brings the schema to the latest version; throws with the failing migration's name.
 *
 * Several app servers may start at once. On PostgreSQL, Kysely's migrator takes an advisory
 * lock inside one transaction. On SQLite it takes none (and runs each migration outside a
 * transaction), so two processes would both find "create_foundation" pending and the second
 * would fail on "table already exists". Here the whole run, from reading which migrations are
 * done to the last one, holds SQLite's write lock (BEGIN IMMEDIATE): the others wait for it,
 * then find nothing left to do. A failed run is rolled back whole.
 */
export async function migrateToLatest(db: Db, keys?: KeyRing): Promise<MigrationResultSet> {
  const sqlite = sqliteHandles.get(db);
  if (sqlite) writeLock(sqlite);
  let result: MigrationResultSet;
  try {
    result = await migrator(db, keys).migrateToLatest();
  } catch (e) {
    if (sqlite?.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
  if (sqlite?.inTransaction) sqlite.exec(result.error ? 'ROLLBACK' : 'COMMIT');
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return result;
}

/** How long a start waits for another process's migrations: 60 s, in busy_timeout steps. */
const MIGRATION_LOCK_TRIES = 12;

/**
 * SQLite's write lock for the migrations. Each try waits the connection's busy timeout (5 s,
 * blocking: nothing else runs during start-up); a long migration of another process is
 * waited for up to a minute before the start gives up with the reason.
 */
function writeLock(sqlite: SQLite.Database): void {
  for (let attempt = 1; ; attempt++) {
    try {
      sqlite.exec('BEGIN IMMEDIATE');
      return;
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || attempt >= MIGRATION_LOCK_TRIES) throw e;
    }
  }
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
