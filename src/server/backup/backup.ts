import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../../config.ts';
import { openSqlite } from '../db/database.ts';

/**
 * A consistent copy of a live SQLite database, through SQLite's online backup API: writers
 * keep working while it runs, and the copy is one moment's state (WAL included).
 * PostgreSQL is backed up with its own tools (pg_dump), see README.
 */
export async function backupSqlite(
  config: Config,
  to?: string,
): Promise<{ file: string; pages: number }> {
  if (config.dialect !== 'sqlite')
    throw new Error('backup copies a SQLite database; for PostgreSQL use pg_dump (see README).');
  if (config.sqliteFile === ':memory:')
    throw new Error('an in-memory database cannot be backed up');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = resolve(to ?? resolve(config.dataDir, 'backups', `mutua-${stamp}.sqlite`));
  if (file === resolve(config.sqliteFile))
    throw new Error('the backup must not overwrite the live database');
  mkdirSync(dirname(file), { recursive: true });
  const db = openSqlite(config.sqliteFile, config.sqliteSynchronous);
  try {
    const result = await db.backup(file);
    return { file, pages: result.totalPages };
  } finally {
    db.close();
  }
}
