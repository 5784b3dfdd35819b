import { type Kysely, sql } from 'kysely';
import { createAppendOnly, dropAppendOnly } from '../append-only.ts';

/**
 * The timebank (issue 13, M4; docs/adr/0020): a time account per member and network and one
 * community pool, balances in whole minutes kept beside the postings (changed only by one
 * conditional UPDATE per account, so two transfers at once cannot both pass a limit), the
 * transactions and postings append-only like the stock ledger (triggers refuse edits of the
 * facts and deletions: a correction is a reversal), the live credit of each task or shift
 * (its key makes crediting idempotent), and requests waiting for their payer.
 */
const TX_FACTS = 'network_id, kind, shape, category, reverses, source_key, recorded_by, created_at';
const POSTING_FACTS = 'network_id, transaction_id, account_id, minutes, balance_after, created_at';
const APPEND_ONLY = [
  ['time_transactions', TX_FACTS],
  ['time_postings', POSTING_FACTS],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the column builder of an untyped schema
  const network = (c: any) => c.notNull().references('networks.id').onDelete('cascade');
  await db.schema
    .createTable('time_settings')
    .addColumn('network_id', 'text', (c) =>
      c.primaryKey().references('networks.id').onDelete('cascade'),
    )
    .addColumn('floor', 'integer')
    .addColumn('ceiling', 'integer')
    .addColumn('auto_accept_days', 'integer')
    .addColumn('credit_from_help', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('time_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('no_debt', 'integer', (c) => c.notNull().defaultTo(0))
    // inherit | none | value; the value in minutes when 'value'.
    .addColumn('floor_mode', 'text', (c) => c.notNull().defaultTo('inherit'))
    .addColumn('floor_value', 'integer')
    .addColumn('ceiling_mode', 'text', (c) => c.notNull().defaultTo('inherit'))
    .addColumn('ceiling_value', 'integer')
    .addColumn('balance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('time_accounts_network_person', ['network_id', 'person_id'])
    .addCheckConstraint('time_accounts_no_debt', sql`no_debt = 0 or balance >= 0`)
    .addCheckConstraint('time_accounts_kind', sql`kind in ('member', 'pool')`)
    .execute();
  await sql`create unique index time_accounts_one_pool on time_accounts (network_id)
    where kind = 'pool'`.execute(db);

  await db.schema
    .createTable('time_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('shape', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // Sealed: "maths with Ana's son" is personal.
    .addColumn('note_enc', 'text')
    .addColumn('reverses', 'text', (c) => c.unique().references('time_transactions.id'))
    .addColumn('source_key', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('paper', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('time_transactions_network_created')
    .on('time_transactions')
    .columns(['network_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('time_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('transaction_id', 'text', (c) =>
      c.notNull().references('time_transactions.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('time_accounts.id').onDelete('cascade'),
    )
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('time_postings_account')
    .on('time_postings')
    .columns(['account_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('time_postings_transaction')
    .on('time_postings')
    .column('transaction_id')
    .execute();

  await db.schema
    .createTable('time_credits')
    .addColumn('network_id', 'text', network)
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('time_accounts.id').onDelete('cascade'))
    .addColumn('transaction_id', 'text', (c) => c.references('time_transactions.id'))
    .addColumn('minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('time_credits_pk', ['network_id', 'source_key'])
    .execute();

  await db.schema
    .createTable('time_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('payer_account', 'text', (c) =>
      c.notNull().references('time_accounts.id').onDelete('cascade'),
    )
    .addColumn('payee_account', 'text', (c) =>
      c.notNull().references('time_accounts.id').onDelete('cascade'),
    )
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('auto_accept_at', 'text')
    .addColumn('auto_accept_blocked_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('transaction_id', 'text', (c) => c.references('time_transactions.id'))
    .addColumn('requested_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('time_requests_due')
    .on('time_requests')
    .columns(['status', 'auto_accept_at'])
    .execute();

  for (const [table, facts] of APPEND_ONLY) {
    await createAppendOnly(db, table, facts, `${table} is append-only: post a reversal instead`);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of APPEND_ONLY) {
    await dropAppendOnly(db, table);
  }
  for (const t of [
    'time_requests',
    'time_credits',
    'time_postings',
    'time_transactions',
    'time_accounts',
    'time_settings',
  ])
    await db.schema.dropTable(t).execute();
}
