import type { Kysely } from 'kysely';

/**
 * Who each announcement was addressed to (so a member's announcements page lists what was
 * sent to them, whatever their role or area is today), and which weekly digests went out
 * (one per person, network and ISO week, however often the job runs).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('announcement_recipients')
    .addColumn('announcement_id', 'text', (c) =>
      c.notNull().references('announcements.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('announcement_recipients_pk', ['announcement_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('announcement_recipients_person')
    .on('announcement_recipients')
    .columns(['person_id', 'announcement_id'])
    .execute();

  await db.schema
    .createTable('digest_sends')
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // ISO week in the network's time zone, such as 2026-W48.
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_sends_pk', ['network_id', 'person_id', 'week'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digest_sends').execute();
  await db.schema.dropTable('announcement_recipients').execute();
}
