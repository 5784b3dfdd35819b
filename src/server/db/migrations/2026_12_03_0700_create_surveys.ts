import type { Kysely } from 'kysely';

/**
 * Surveys (issue 14): the survey as one JSON definition (the pure `Survey` model, checked as
 * a whole), answers in progress (resumable on the web by person and by text by phone index),
 * and submitted responses. Answers and states are sealed (AES-GCM bound to their row id):
 * a free-text answer can name a person.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) =>
      c.notNull().references('networks.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    // draft | open | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    // What the XLSForm import could not represent, by row (JSON), kept to show again.
    .addColumn('import_issues', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_network').on('surveys').columns(['network_id']).execute();

  await db.schema
    .createTable('survey_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('phone_index', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state_enc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_sessions_person')
    .on('survey_sessions')
    .columns(['survey_id', 'person_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('survey_sessions_phone')
    .on('survey_sessions')
    .columns(['phone_index'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('phone_index', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('area_key', 'text')
    .addColumn('answers_enc', 'text', (c) => c.notNull())
    // The day only: the minute of an answer could match it to someone seen answering.
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .execute();
  // One response per person (web) and per phone (text) for a survey.
  await db.schema
    .createIndex('survey_responses_person')
    .on('survey_responses')
    .columns(['survey_id', 'person_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('survey_responses_phone')
    .on('survey_responses')
    .columns(['survey_id', 'phone_index'])
    .unique()
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_responses').execute();
  await db.schema.dropTable('survey_sessions').execute();
  await db.schema.dropTable('surveys').execute();
}
