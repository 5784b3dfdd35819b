import type { Kysely } from 'kysely';

/**
 * Issue 15, the partner directory (ADR 0023). Every HSDS 3.0 record Mutua keeps (organization,
 * service, location, phone, schedule, ... the sixteen tables of domain/partners/hsds-fields.ts)
 * is one row of `hsds_records`, keyed by network, HSDS table and HSDS id, its fields as the
 * domain's field table names them, stored as one JSON text. Two networks on one deployment may
 * import the same 211 file. Published directory records, not personal data: not sealed.
 *
 * `service_verifications` is who checked a service and when (HSDS's `assured_date`), and the
 * "do not list" mark with its reason; `partner_settings` the network's staleness period.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hsds_records')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id'))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hsds_records_pk', ['network_id', 'table_name', 'id'])
    .execute();
  await db.schema
    .createTable('service_verifications')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'text')
    .addColumn('checked_by', 'text', (c) => c.references('people.id'))
    .addColumn('method', 'text')
    .addColumn('do_not_list_reason', 'text')
    .addColumn('do_not_list_note', 'text')
    .addColumn('do_not_list_by', 'text', (c) => c.references('people.id'))
    .addColumn('do_not_list_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_verifications_pk', ['network_id', 'service_id'])
    .execute();
  await db.schema
    .createTable('partner_settings')
    .addColumn('network_id', 'text', (c) => c.primaryKey().references('networks.id'))
    .addColumn('stale_after_months', 'integer', (c) => c.notNull().defaultTo(6))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partner_settings').execute();
  await db.schema.dropTable('service_verifications').execute();
  await db.schema.dropTable('hsds_records').execute();
}
