import type { Kysely } from 'kysely';

/**
 * Communication: the outbox every message goes through, SMS opt-outs and conversations,
 * notification preferences and the in-app list, announcements; a network's own SMS number
 * and time zone (for quiet hours and the digest).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('networks').addColumn('sms_number', 'text').execute();
  await db.schema
    .alterTable('networks')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute();

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // The address, subject and text are personal: sealed like a request's contact details.
    .addColumn('to_enc', 'text', (c) => c.notNull())
    .addColumn('to_index', 'text')
    .addColumn('subject_enc', 'text')
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('html_enc', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_due')
    .on('outbox_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_network')
    .on('outbox_messages')
    .columns(['network_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('outbox_to_index')
    .on('outbox_messages')
    .columns(['to_index', 'status'])
    .execute();

  await db.schema
    .createTable('sms_opt_outs')
    .addColumn('phone_index', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sms_conversations')
    .addColumn('phone_index', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('person_id', 'text', (c) =>
      c.primaryKey().references('people.id').onDelete('cascade'),
    )
    .addColumn('email', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(1))
    // Minutes after midnight in the network's time zone; both null: no quiet hours.
    .addColumn('quiet_from', 'integer')
    .addColumn('quiet_to', 'integer')
    .addColumn('digest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // Names the moment ('task.reminder:<task>:<time>'): the same event never lists twice.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_person')
    .on('notifications')
    .columns(['person_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('audience_role', 'text')
    .addColumn('audience_area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    .addColumn('audience_language', 'text')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcements_network')
    .on('announcements')
    .columns(['network_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'announcements',
    'notifications',
    'notification_prefs',
    'sms_conversations',
    'sms_opt_outs',
    'outbox_messages',
  ])
    await db.schema.dropTable(t).execute();
  await db.schema.alterTable('networks').dropColumn('time_zone').execute();
  await db.schema.alterTable('networks').dropColumn('sms_number').execute();
}
