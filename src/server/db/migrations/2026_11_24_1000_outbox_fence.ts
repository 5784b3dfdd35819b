import type { Kysely } from 'kysely';

/**
 * A fencing token for outbox messages: every claim of a message adds one, and a worker may
 * record the outcome of its send only while the token is still the one its claim returned.
 * A worker whose lease ran out (and whose message another server has claimed since) can
 * therefore not mark that message sent or failed over the new holder's head. ADR 0011.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox_messages')
    .addColumn('fence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_messages').dropColumn('fence').execute();
}
