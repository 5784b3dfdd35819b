import type { Kysely } from 'kysely';

/**
 * Offers (capability M1): a member's volunteer profile in a network (time, skills, where and
 * when), and goods a member offers. Text ids, ISO text timestamps, 0/1 booleans and JSON
 * arrays as text: see ADR 0003.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('volunteer_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // JSON text arrays: category keys, and language codes like "en", "ti".
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('has_car', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('home_area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    // The exact home point, for distances only: no list ever shows it, only the area's name.
    .addColumn('home_lat', 'double precision')
    .addColumn('home_lng', 'double precision')
    .addColumn('radius_km', 'double precision', (c) => c.notNull())
    // 21 bits: src/domain/time/weekly-slots.ts.
    .addColumn('availability_mask', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weekly_hour_cap', 'double precision', (c) => c.notNull())
    .addColumn('on_break', 'integer', (c) => c.notNull().defaultTo(0))
    // An ISO date (YYYY-MM-DD), the last day of the break; null means "until I switch it off".
    .addColumn('break_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('volunteer_profiles_network_person_unique', ['network_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('volunteer_profiles_network_break')
    .on('volunteer_profiles')
    .columns(['network_id', 'on_break'])
    .execute();

  await db.schema
    .createTable('goods_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('collect_area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    // Where and when to collect: seen only by coordinators and the person offering.
    .addColumn('collect_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('goods_offers_network_status')
    .on('goods_offers')
    .columns(['network_id', 'status'])
    .execute();
  await db.schema
    .createIndex('goods_offers_network_person')
    .on('goods_offers')
    .columns(['network_id', 'person_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('goods_offers').execute();
  await db.schema.dropTable('volunteer_profiles').execute();
}
