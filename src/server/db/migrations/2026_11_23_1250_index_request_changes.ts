import type { Kysely } from 'kysely';

/**
 * Requests of a network by when they last changed: the volunteers' feed keeps open tasks in
 * memory and reads what other app servers changed since it last looked (open-task-index.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('requests_network_updated')
    .on('requests')
    .columns(['network_id', 'updated_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_network_updated').execute();
}
