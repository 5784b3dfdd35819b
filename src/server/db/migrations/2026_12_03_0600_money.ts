import { type Kysely, sql } from 'kysely';
import { createAppendOnly, dropAppendOnly } from '../append-only.ts';

/**
 * Issue 13, M5 money (docs/adr/0021-money-ledger.md): funds with a kept balance, money
 * transactions and their postings (append-only like the stock ledger: a correction is a
 * reversal, a new transaction), spending items with their approvals. Amounts are integer minor
 * units of the network's currency (bigint: one amount may be 10^12). A fund's balance never
 * goes below zero (CHECK), and a payment moves it by one conditional UPDATE.
 */
const TX_FACTS = 'network_id, kind, currency, reverses, occurred_on, created_by, created_at';
const POSTING_FACTS = 'network_id, transaction_id, account, amount, seq';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the column builder of an untyped schema
  const network = (c: any) => c.notNull().references('networks.id').onDelete('cascade');
  await db.schema
    .createTable('money_funds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`balance >= 0`))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('money_funds_network_name')
    .on('money_funds')
    .columns(['network_id', 'name'])
    .unique()
    .execute();
  await db.schema
    .createTable('money_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reverses', 'text', (c) => c.references('money_transactions.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Donations: the donor's name is sealed; listed only if they agreed.
    .addColumn('donor_enc', 'text')
    .addColumn('donor_listed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('money_transactions_reverses_unique')
    .on('money_transactions')
    .columns(['reverses'])
    .unique()
    .execute();
  await db.schema
    .createIndex('money_transactions_network_created')
    .on('money_transactions')
    .columns(['network_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('money_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('money_transactions.id'))
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('money_postings_tx')
    .on('money_postings')
    .columns(['transaction_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('money_postings_account')
    .on('money_postings')
    .columns(['network_id', 'account'])
    .execute();
  await db.schema
    .createTable('money_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('incurred_on', 'text', (c) => c.notNull())
    .addColumn('vendor', 'text')
    .addColumn('payee_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
    .addColumn('payee_enc', 'text')
    .addColumn('method', 'text')
    .addColumn('fund_id', 'text', (c) => c.references('money_funds.id'))
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('lost_statement', 'text')
    .addColumn('paid_transaction_id', 'text', (c) => c.references('money_transactions.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('money_items_queue')
    .on('money_items')
    .columns(['network_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createTable('money_approvals')
    .addColumn('item_id', 'text', (c) => c.notNull().references('money_items.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('money_approvals_pk', ['item_id', 'person_id'])
    .execute();
  for (const [table, facts] of [
    ['money_transactions', TX_FACTS],
    ['money_postings', POSTING_FACTS],
  ] as const) {
    await createAppendOnly(db, table, facts, `${table} is append-only: record a reversal instead`);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['money_transactions', 'money_postings']) {
    await dropAppendOnly(db, table);
  }
  for (const t of [
    'money_approvals',
    'money_items',
    'money_postings',
    'money_transactions',
    'money_funds',
  ])
    await db.schema.dropTable(t).execute();
}
