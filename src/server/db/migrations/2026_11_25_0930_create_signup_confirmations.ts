import type { Kysely } from 'kysely';

/**
 * Open sign-ups wait here until the link sent to the email (or phone) is opened, so the join
 * form answers the same whether or not the address already has an account (ADR 0004). What
 * was typed is sealed in one column; the row is deleted when the link is used, and rows past
 * their day are deleted by the next sign-up.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signup_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('payload_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signup_confirmations_expires')
    .on('signup_confirmations')
    .column('expires_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signup_confirmations').execute();
}
