import SQLite from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../../shared/app-error.ts';

/**
 * The database's own refusals of what it was given, as the app's errors. Services check what
 * they are sent first (a site of this network, a training that exists) and name the field;
 * this is the last guard, in one place, for a check that is missing: a foreign key pointing
 * at nothing, a duplicate of a unique key, a CHECK or NOT NULL constraint, or a value the
 * column cannot hold (PostgreSQL's class 22, "data exception": out of range, a NUL byte).
 * Anything else (a lost connection, a trigger guarding the ledger) stays a failure.
 */
export function appErrorFromDatabase(e: unknown): AppError | null {
  if (e instanceof pg.DatabaseError && typeof e.code === 'string') {
    if (e.code === '23503') return new AppError('REFERENCE_NOT_FOUND');
    if (e.code === '23505') return new AppError('ALREADY_EXISTS');
    if (e.code === '23514' || e.code === '23502' || e.code.startsWith('22'))
      return new AppError('VALIDATION_FAILED');
    return null;
  }
  if (e instanceof SQLite.SqliteError) {
    switch (e.code) {
      case 'SQLITE_CONSTRAINT_FOREIGNKEY':
        return new AppError('REFERENCE_NOT_FOUND');
      case 'SQLITE_CONSTRAINT_UNIQUE':
      case 'SQLITE_CONSTRAINT_PRIMARYKEY':
        return new AppError('ALREADY_EXISTS');
      case 'SQLITE_CONSTRAINT_CHECK':
      case 'SQLITE_CONSTRAINT_NOTNULL':
      case 'SQLITE_MISMATCH':
      case 'SQLITE_TOOBIG':
        return new AppError('VALIDATION_FAILED');
      default:
        return null;
    }
  }
  return null;
}
