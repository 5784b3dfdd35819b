import type { Kysely } from 'kysely';

/**
 * Issue 12, a neighbour's clear path. A network says which country it is in (ISO 3166-1
 * alpha-2; a time zone does not tell) and, if it wants, its own emergency number: the ask form
 * shows it beside "right now: health or safety at risk", else the country's default
 * (domain/networks/emergency-numbers.ts).
 *
 * The ask form carries a one-time token that becomes the request's status token: a second post
 * of the same form (a reload, the back button, a double tap) finds the request by that token's
 * hash and goes to the same confirmation. The unique index makes two racing posts file one
 * request; status tokens were always random, so existing rows satisfy it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('networks').addColumn('country', 'text').execute();
  await db.schema.alterTable('networks').addColumn('emergency_number', 'text').execute();
  await db.schema
    .createIndex('requests_status_token_hash_unique')
    .on('requests')
    .columns(['status_token_hash'])
    .unique()
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_status_token_hash_unique').execute();
  await db.schema.alterTable('networks').dropColumn('emergency_number').execute();
  await db.schema.alterTable('networks').dropColumn('country').execute();
}
