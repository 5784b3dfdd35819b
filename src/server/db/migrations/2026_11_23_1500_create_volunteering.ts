import type { Kysely } from 'kysely';

/**
 * Volunteering (M3): events and recurring series, shifts with slots per role, sign-ups with
 * a waitlist and attendance, trainings and who holds them, per-person calendar settings, and
 * private check-ins. Text ids, ISO text timestamps, 0/1 booleans (ADR 0003); local dates and
 * wall-clock times of series as YYYY-MM-DD and HH:MM text in the series' zone (ADR 0010).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the column builder of any table
  const network = (c: any) => c.notNull().references('networks.id').onDelete('cascade');
  await db.schema
    .createTable('vol_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('name', 'text', (c) => c.notNull())
    // Null: the training does not expire.
    .addColumn('valid_days', 'integer')
    // JSON text arrays: the request categories and shift roles that need it.
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vol_training_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('training_id', 'text', (c) =>
      c.notNull().references('vol_trainings.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vol_training_records_person')
    .on('vol_training_records')
    .columns(['network_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('vol_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('until_date', 'text')
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    // JSON: the shifts each occurrence gets, [{ role, slots, offsetMin, durationMin }].
    .addColumn('shift_template', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vol_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('series_id', 'text', (c) => c.references('vol_series.id').onDelete('cascade'))
    // For an occurrence: its date by the rule, and the start the rule gave (RECURRENCE-ID).
    .addColumn('occurrence_date', 'text')
    .addColumn('original_start', 'text')
    // 1 when this occurrence was changed on its own (an override in the feeds).
    .addColumn('detached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('training_id', 'text', (c) => c.references('vol_trainings.id').onDelete('set null'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vol_events_network_start')
    .on('vol_events')
    .columns(['network_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('vol_events_series_date')
    .on('vol_events')
    .columns(['series_id', 'occurrence_date'])
    .unique()
    .execute();

  await db.schema
    .createTable('vol_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('event_id', 'text', (c) =>
      c.notNull().references('vol_events.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('slots', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Touched by every sign-up and drop: the row lock that serialises the last slot.
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vol_shifts_event').on('vol_shifts').column('event_id').execute();

  await db.schema
    .createTable('vol_signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('shift_id', 'text', (c) =>
      c.notNull().references('vol_shifts.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('late_drop', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_show', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_in_at', 'text')
    .addColumn('hours', 'double precision')
    .addColumn('reminded_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminded_soon', 'integer', (c) => c.notNull().defaultTo(0))
    // Waitlist order: when the person (last) asked for the shift.
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vol_signups_shift_person', ['shift_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('vol_signups_person')
    .on('vol_signups')
    .columns(['network_id', 'person_id', 'status'])
    .execute();

  await db.schema
    .createTable('vol_person_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // Bumped to reset the private calendar link (the link is an HMAC of this: nothing secret stored).
    .addColumn('feed_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('celebrate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vol_person_settings_unique', ['network_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('vol_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('feeling', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vol_checkins_network_created')
    .on('vol_checkins')
    .columns(['network_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'vol_checkins',
    'vol_person_settings',
    'vol_signups',
    'vol_shifts',
    'vol_events',
    'vol_series',
    'vol_training_records',
    'vol_trainings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
