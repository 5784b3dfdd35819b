import type { Kysely } from 'kysely';

/**
 * Help requests, their timeline (status changes, calls, messages, notes) and feedback.
 * Personal fields end in `_enc` and hold AES-GCM ciphertext (src/shared/crypto.ts);
 * `phone_index` / `email_index` are blind indexes for finding duplicates without decrypting.
 * The place is stored only rounded to a 500 m cell (`approx_lat`/`approx_lng`); the exact
 * address exists only as ciphertext.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('networks')
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(90))
    .execute();
  await db.schema.alterTable('networks').addColumn('categories', 'text').execute();

  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('household_size', 'integer', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    .addColumn('approx_lat', 'double precision')
    .addColumn('approx_lng', 'double precision')
    .addColumn('slots', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('language_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_car', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('details_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('name_enc', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('accessibility_enc', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('email_index', 'text')
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('status_token_hash', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('entered_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('duplicate_of', 'text')
    .addColumn('duplicate_flag', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('volunteer_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('hours', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('redacted_at', 'text')
    .addUniqueConstraint('requests_network_code_unique', ['network_id', 'code'])
    .execute();
  await db.schema
    .createIndex('requests_network_status')
    .on('requests')
    .columns(['network_id', 'status', 'created_at'])
    .execute();
  // The volunteer feed: open requests of a network inside a box around home, covering what
  // ranking needs so the feed reads the index only.
  await db.schema
    .createIndex('requests_open_place')
    .on('requests')
    .columns(['network_id', 'status', 'approx_lat', 'approx_lng', 'urgency', 'created_at'])
    .execute();
  await db.schema
    .createIndex('requests_volunteer')
    .on('requests')
    .columns(['volunteer_id', 'status'])
    .execute();
  await db.schema
    .createIndex('requests_phone_index')
    .on('requests')
    .columns(['network_id', 'phone_index'])
    .execute();
  await db.schema
    .createIndex('requests_email_index')
    .on('requests')
    .columns(['network_id', 'email_index'])
    .execute();
  await db.schema.createIndex('requests_closed').on('requests').columns(['closed_at']).execute();

  await db.schema
    .createTable('request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('requests.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('channel', 'text')
    .addColumn('outcome', 'text')
    .addColumn('follow_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_events_request')
    .on('request_events')
    .columns(['request_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('request_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) =>
      c.notNull().unique().references('requests.id').onDelete('cascade'),
    )
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('comment_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_feedback').execute();
  await db.schema.dropTable('request_events').execute();
  await db.schema.dropTable('requests').execute();
  await db.schema.alterTable('networks').dropColumn('categories').execute();
  await db.schema.alterTable('networks').dropColumn('retention_days').execute();
}
