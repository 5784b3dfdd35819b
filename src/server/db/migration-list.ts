import type { Migration } from 'kysely';
import * as createFoundation from './migrations/2026_11_23_0900_create_foundation.ts';

/**
 * Every migration, by name, in order. Listed here rather than read from the folder so that
 * the same code runs under tsx, a bundle or a test without file-system discovery.
 * Migrations are never edited once landed: add a new file and a line here.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0900_create_foundation': createFoundation,
};
