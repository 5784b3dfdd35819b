import { type Selectable, sql } from 'kysely';
import type {
  LimitOverride,
  TimeAccount,
  TimebankSettings,
} from '../../domain/timebank/accounts.ts';
import { DEFAULT_TIMEBANK_SETTINGS } from '../../domain/timebank/accounts.ts';

import type { Db } from '../db/database.ts';
import type { TimeAccountTable } from '../db/schema.ts';

/** The only SQL of the timebank. Every query is filtered by the network. */

export interface StoredAccount extends TimeAccount {
  balance: number;
}

const override = (mode: string, value: number | null): LimitOverride =>
  mode === 'none' ? 'none' : mode === 'value' && value !== null ? value : 'inherit';

function accountFromRow(r: Selectable<TimeAccountTable>): StoredAccount {
  return {
    id: r.id,
    kind: r.kind,
    personId: r.person_id,
    noDebt: r.no_debt === 1,
    floor: override(r.floor_mode, r.floor_value),
    ceiling: override(r.ceiling_mode, r.ceiling_value),
    closed: r.closed_at !== null,
    balance: Number(r.balance),
  };
}

export async function readSettings(db: Db, networkId: string): Promise<TimebankSettings> {
  const r = await db
    .selectFrom('time_settings')
    .selectAll()
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  if (!r) return DEFAULT_TIMEBANK_SETTINGS;
  return {
    ...DEFAULT_TIMEBANK_SETTINGS,
    floor: r.floor,
    ceiling: r.ceiling,
    autoAcceptDays: r.auto_accept_days,
    creditFromHelp: r.credit_from_help === 1,
  };
}

export async function writeSettings(
  db: Db,
  networkId: string,
  s: Omit<TimebankSettings, 'categories'>,
  now: string,
): Promise<void> {
  const values = {
    floor: s.floor,
    ceiling: s.ceiling,
    auto_accept_days: s.autoAcceptDays,
    credit_from_help: s.creditFromHelp ? 1 : 0,
    updated_at: now,
  };
  await db
    .insertInto('time_settings')
    .values({ network_id: networkId, ...values })
    .onConflict((oc) => oc.column('network_id').doUpdateSet(values))
    .execute();
}

export async function findAccount(
  db: Db,
  networkId: string,
  id: string,
): Promise<StoredAccount | null> {
  const r = await db
    .selectFrom('time_accounts')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? accountFromRow(r) : null;
}

export async function findAccountOf(
  db: Db,
  networkId: string,
  personId: string | null,
): Promise<StoredAccount | null> {
  let q = db.selectFrom('time_accounts').selectAll().where('network_id', '=', networkId);
  q = personId === null ? q.where('kind', '=', 'pool') : q.where('person_id', '=', personId);
  const r = await q.executeTakeFirst();
  return r ? accountFromRow(r) : null;
}

/** Inserts the account unless the person (or the pool) already has one; returns it. */
export async function ensureAccount(
  db: Db,
  networkId: string,
  personId: string | null,
  id: string,
  now: string,
): Promise<StoredAccount> {
  await db
    .insertInto('time_accounts')
    .values({
      id,
      network_id: networkId,
      kind: personId === null ? 'pool' : 'member',
      person_id: personId,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const a = await findAccountOf(db, networkId, personId);
  if (!a) throw new Error('time account not created');
  return a;
}

export async function listAccounts(db: Db, networkId: string): Promise<StoredAccount[]> {
  const rows = await db
    .selectFrom('time_accounts')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('kind', 'desc')
    .orderBy('created_at')
    .execute();
  return rows.map(accountFromRow);
}

const mode = (o: LimitOverride) => (o === 'inherit' || o === 'none' ? o : 'value');
const value = (o: LimitOverride) => (typeof o === 'number' ? o : null);

export async function writeAccountLimits(
  db: Db,
  networkId: string,
  a: Pick<TimeAccount, 'id' | 'floor' | 'ceiling' | 'noDebt'>,
): Promise<void> {
  await db
    .updateTable('time_accounts')
    .set({
      floor_mode: mode(a.floor),
      floor_value: value(a.floor),
      ceiling_mode: mode(a.ceiling),
      ceiling_value: value(a.ceiling),
      no_debt: a.noDebt ? 1 : 0,
    })
    .where('network_id', '=', networkId)
    .where('id', '=', a.id)
    .execute();
}

/**
 * Moves one account's balance, only if the move stays within the bounds given (the ones the
 * service checked): two transfers at the same moment are serialised on the row, and the
 * second is refused rather than crossing the limit. Null when refused.
 */
export async function moveBalance(
  db: Db,
  networkId: string,
  accountId: string,
  delta: number,
  bounds: { floor: number | null; ceiling: number | null },
): Promise<number | null> {
  let q = db
    .updateTable('time_accounts')
    .set({ balance: sql<number>`balance + ${delta}` })
    .where('network_id', '=', networkId)
    .where('id', '=', accountId);
  if (delta < 0 && bounds.floor !== null)
    q = q.where(sql<boolean>`balance + ${delta} >= ${bounds.floor}`);
  if (delta > 0 && bounds.ceiling !== null)
    q = q.where(sql<boolean>`balance + ${delta} <= ${bounds.ceiling}`);
  const r = await q.returning('balance').executeTakeFirst();
  return r ? Number(r.balance) : null;
}

export interface NewTransaction {
  id: string;
  networkId: string;
  kind: 'transfer' | 'credit' | 'reversal';
  shape: string;
  category: string;
  noteSealed: string | null;
  reverses: string | null;
  sourceKey: string | null;
  recordedBy: string | null;
  paper: boolean;
  createdAt: string;
}

export async function insertTransaction(db: Db, t: NewTransaction): Promise<void> {
  await db
    .insertInto('time_transactions')
    .values({
      id: t.id,
      network_id: t.networkId,
      kind: t.kind,
      shape: t.shape,
      category: t.category,
      note_enc: t.noteSealed,
      reverses: t.reverses,
      source_key: t.sourceKey,
      recorded_by: t.recordedBy,
      paper: t.paper ? 1 : 0,
      created_at: t.createdAt,
    })
    .execute();
}

export interface NewPosting {
  id: string;
  accountId: string;
  minutes: number;
  balanceAfter: number;
}

export async function insertPostings(
  db: Db,
  networkId: string,
  transactionId: string,
  postings: readonly NewPosting[],
  createdAt: string,
): Promise<void> {
  if (postings.length === 0) return;
  await db
    .insertInto('time_postings')
    .values(
      postings.map((p) => ({
        id: p.id,
        network_id: networkId,
        transaction_id: transactionId,
        account_id: p.accountId,
        minutes: p.minutes,
        balance_after: p.balanceAfter,
        created_at: createdAt,
      })),
    )
    .execute();
}

export interface StoredTransaction {
  id: string;
  kind: 'transfer' | 'credit' | 'reversal';
  category: string;
  noteSealed: string | null;
  reverses: string | null;
  reversedBy: string | null;
  postings: { account: string; amount: number }[];
}

export async function findTransaction(
  db: Db,
  networkId: string,
  id: string,
): Promise<StoredTransaction | null> {
  const t = await db
    .selectFrom('time_transactions')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!t) return null;
  const [postings, rev] = await Promise.all([
    db
      .selectFrom('time_postings')
      .select(['account_id', 'minutes'])
      .where('transaction_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('time_transactions')
      .select('id')
      .where('network_id', '=', networkId)
      .where('reverses', '=', id)
      .executeTakeFirst(),
  ]);
  return {
    id: t.id,
    kind: t.kind,
    category: t.category,
    noteSealed: t.note_enc,
    reverses: t.reverses,
    reversedBy: rev?.id ?? null,
    postings: postings.map((p) => ({ account: p.account_id, amount: Number(p.minutes) })),
  };
}

export interface StatementRow {
  transactionId: string;
  at: string;
  kind: 'transfer' | 'credit' | 'reversal';
  category: string;
  noteSealed: string | null;
  reverses: string | null;
  minutes: number;
  balanceAfter: number;
  counterparts: string[];
}

/** The newest postings of one account, newest first, each with its transaction. */
export async function listStatement(
  db: Db,
  networkId: string,
  accountId: string,
  limit: number,
): Promise<StatementRow[]> {
  const rows = await db
    .selectFrom('time_postings as p')
    .innerJoin('time_transactions as t', 't.id', 'p.transaction_id')
    .select([
      'p.transaction_id',
      'p.created_at',
      'p.minutes',
      'p.balance_after',
      'p.id',
      't.kind',
      't.category',
      't.note_enc',
      't.reverses',
    ])
    .where('p.network_id', '=', networkId)
    .where('p.account_id', '=', accountId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
  const txIds = [...new Set(rows.map((r) => r.transaction_id))];
  const others = txIds.length
    ? await db
        .selectFrom('time_postings')
        .select(['transaction_id', 'account_id'])
        .where('transaction_id', 'in', txIds)
        .where('account_id', '!=', accountId)
        .execute()
    : [];
  // Net postings of the same transaction on one account are shown as one line.
  const byTx = new Map<string, StatementRow>();
  for (const r of rows) {
    const seen = byTx.get(r.transaction_id);
    if (seen) {
      seen.minutes += Number(r.minutes);
      seen.balanceAfter = Math.max(seen.balanceAfter, Number(r.balance_after));
      continue;
    }
    byTx.set(r.transaction_id, {
      transactionId: r.transaction_id,
      at: r.created_at,
      kind: r.kind,
      category: r.category,
      noteSealed: r.note_enc,
      reverses: r.reverses,
      minutes: Number(r.minutes),
      balanceAfter: Number(r.balance_after),
      counterparts: [
        ...new Set(
          others.filter((o) => o.transaction_id === r.transaction_id).map((o) => o.account_id),
        ),
      ],
    });
  }
  return [...byTx.values()];
}

/** Every posting of a network (tests, the consistency check). */
export async function listAllPostings(
  db: Db,
  networkId: string,
): Promise<{ transactionId: string; accountId: string; minutes: number }[]> {
  const rows = await db
    .selectFrom('time_postings')
    .select(['transaction_id', 'account_id', 'minutes'])
    .where('network_id', '=', networkId)
    .execute();
  return rows.map((r) => ({
    transactionId: r.transaction_id,
    accountId: r.account_id,
    minutes: Number(r.minutes),
  }));
}

export interface StoredCredit {
  accountId: string | null;
  transactionId: string | null;
  minutes: number;
}

export async function findCredit(
  db: Db,
  networkId: string,
  sourceKey: string,
): Promise<StoredCredit | null> {
  const r = await db
    .selectFrom('time_credits')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  return r
    ? { accountId: r.account_id, transactionId: r.transaction_id, minutes: Number(r.minutes) }
    : null;
}

/**
 * Claims a source for this transaction before anything is posted: on PostgreSQL the row
 * lock (and on SQLite the one writer) makes a concurrent repeat wait and then see the claim.
 */
export async function lockCredit(db: Db, networkId: string, sourceKey: string, now: string) {
  await db
    .insertInto('time_credits')
    .values({ network_id: networkId, source_key: sourceKey, minutes: 0, updated_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .updateTable('time_credits')
    .set({ updated_at: now })
    .where('network_id', '=', networkId)
    .where('source_key', '=', sourceKey)
    .execute();
}

export async function writeCredit(
  db: Db,
  networkId: string,
  sourceKey: string,
  c: StoredCredit,
  now: string,
): Promise<void> {
  await db
    .updateTable('time_credits')
    .set({
      account_id: c.accountId,
      transaction_id: c.transactionId,
      minutes: c.minutes,
      updated_at: now,
    })
    .where('network_id', '=', networkId)
    .where('source_key', '=', sourceKey)
    .execute();
}
