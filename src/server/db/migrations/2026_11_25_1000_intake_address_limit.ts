import type { Kysely } from 'kysely';

/**
 * Many people behind one internet address (a library, a family centre, a mobile carrier)
 * must not be refused help. Each network says how many requests per address and hour are
 * ordinary (default 20); past that, requests are still taken but marked for a coordinator to
 * check, and only ten times as many (at least 200 an hour) are refused. The network's own
 * phone line is what a refused person is offered, with its SMS number.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('networks')
    .addColumn('hourly_requests_per_address', 'integer', (c) => c.notNull().defaultTo(20))
    .execute();
  await db.schema.alterTable('networks').addColumn('phone_number', 'text').execute();
  await db.schema
    .alterTable('requests')
    .addColumn('many_from_address', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('requests').dropColumn('many_from_address').execute();
  await db.schema.alterTable('networks').dropColumn('phone_number').execute();
  await db.schema.alterTable('networks').dropColumn('hourly_requests_per_address').execute();
}
