import type { Kysely } from 'kysely';
import { createAppendOnly, dropAppendOnly } from '../append-only.ts';

/**
 * The stock ledger's numbers are append-only in the database itself, like the audit log: a
 * correction is a new movement (a count adjustment), never an edit. Movements may still have
 * their sealed donor name re-encrypted (key rotation) and their links to people, days or
 * households cleared when those go; what moved, how much, and between which sites may not
 * change, and neither movements nor postings may be deleted.
 */
const MOVEMENT_FACTS = 'network_id, kind, item_id, quantity, from_site_id, to_site_id, created_at';
const POSTING_FACTS = 'network_id, movement_id, item_id, account, site_id, quantity';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, facts] of [
    ['stock_movements', MOVEMENT_FACTS],
    ['stock_postings', POSTING_FACTS],
  ] as const) {
    await createAppendOnly(
      db,
      table,
      facts,
      `${table} is append-only: record a new movement instead`,
    );
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['stock_movements', 'stock_postings']) {
    await dropAppendOnly(db, table);
  }
}
