import type { Posting } from '../../domain/ledger/ledger.ts';
import type { Approval, SpendingStatus } from '../../domain/money/approval.ts';
import type { Fund, FundKind } from '../../domain/money/funds.ts';
import type { AidMethod, SpendingKind } from '../../domain/money/spending.ts';
import { newId } from '../../shared/ids.ts';
import type { Db } from '../db/database.ts';

/** All SQL of money (issue 13, M5). Amounts are bigint in PostgreSQL: mapped to number here. */

export interface StoredFund extends Fund {
  currency: string;
  balance: number;
}

export interface StoredItem {
  id: string;
  kind: SpendingKind;
  status: SpendingStatus;
  amount: number;
  currency: string;
  category: string;
  description: string;
  incurredOn: string;
  vendor: string | null;
  payeePersonId: string | null;
  requestId: string | null;
  payeeSealed: string | null;
  method: AidMethod | null;
  fundId: string | null;
  submittedBy: string;
  returnReason: string | null;
  rejectReason: string | null;
  lostStatement: string | null;
  paidTransactionId: string | null;
  version: number;
  approvals: Approval[];
}

export interface NewTransaction {
  id: string;
  kind: 'income' | 'payment' | 'reversal';
  currency: string;
  reverses: string | null;
  occurredOn: string;
  createdBy: string | null;
  donorSealed: string | null;
  donorListed: boolean;
  postings: readonly Posting[];
}

export async function insertFund(
  db: Db,
  networkId: string,
  f: { id: string; name: string; kind: FundKind; categories: readonly string[]; currency: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('money_funds')
    .values({
      id: f.id,
      network_id: networkId,
      name: f.name,
      kind: f.kind,
      categories: JSON.stringify(f.categories),
      currency: f.currency,
      balance: 0,
      closed_at: null,
      created_at: now,
    })
    .execute();
}

export async function listFunds(db: Db, networkId: string): Promise<StoredFund[]> {
  const rows = await db
    .selectFrom('money_funds')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as FundKind,
    categories: JSON.parse(r.categories) as string[],
    closed: r.closed_at !== null,
    currency: r.currency,
    balance: Number(r.balance),
  }));
}

export async function fundNameTaken(db: Db, networkId: string, name: string): Promise<boolean> {
  const r = await db
    .selectFrom('money_funds')
    .select('id')
    .where('network_id', '=', networkId)
    .where('name', '=', name)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Moves a fund's balance by `delta` in one conditional UPDATE: a withdrawal only while the
 * balance covers it, so two payments at the same moment cannot overspend. False when refused.
 */
export async function moveFund(
  db: Db,
  networkId: string,
  fundId: string,
  delta: number,
): Promise<boolean> {
  let q = db
    .updateTable('money_funds')
    .set((eb) => ({ balance: eb('balance', '+', delta) }))
    .where('id', '=', fundId)
    .where('network_id', '=', networkId);
  if (delta < 0) q = q.where('balance', '>=', -delta);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTransaction(
  db: Db,
  networkId: string,
  t: NewTransaction,
  now: string,
): Promise<void> {
  await db
    .insertInto('money_transactions')
    .values({
      id: t.id,
      network_id: networkId,
      kind: t.kind,
      currency: t.currency,
      reverses: t.reverses,
      occurred_on: t.occurredOn,
      created_by: t.createdBy,
      created_at: now,
      donor_enc: t.donorSealed,
      donor_listed: t.donorListed ? 1 : 0,
    })
    .execute();
  await db
    .insertInto('money_postings')
    .values(
      t.postings.map((p, i) => ({
        id: newId(),
        network_id: networkId,
        transaction_id: t.id,
        account: p.account,
        amount: p.amount,
        seq: i,
      })),
    )
    .execute();
}

export interface PostingRow {
  transactionId: string;
  account: string;
  amount: number;
}

export async function listPostings(db: Db, networkId: string): Promise<PostingRow[]> {
  const rows = await db
    .selectFrom('money_postings')
    .select(['transaction_id', 'account', 'amount'])
    .where('network_id', '=', networkId)
    .orderBy('transaction_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    transactionId: r.transaction_id,
    account: r.account,
    amount: Number(r.amount),
  }));
}

export interface JournalRow {
  transactionId: string;
  kind: string;
  occurredOn: string;
  currency: string;
  account: string;
  amount: number;
  reverses: string | null;
}

export async function listJournal(db: Db, networkId: string): Promise<JournalRow[]> {
  const rows = await db
    .selectFrom('money_postings as p')
    .innerJoin('money_transactions as t', 't.id', 'p.transaction_id')
    .select([
      't.id',
      't.kind',
      't.occurred_on',
      't.currency',
      't.reverses',
      'p.account',
      'p.amount',
    ])
    .where('p.network_id', '=', networkId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .orderBy('p.seq')
    .execute();
  return rows.map((r) => ({
    transactionId: r.id,
    kind: r.kind,
    occurredOn: r.occurred_on,
    currency: r.currency,
    account: r.account,
    amount: Number(r.amount),
    reverses: r.reverses,
  }));
}

export async function insertItem(
  db: Db,
  networkId: string,
  i: Omit<
    StoredItem,
    'approvals' | 'version' | 'paidTransactionId' | 'returnReason' | 'rejectReason'
  >,
  now: string,
): Promise<void> {
  await db
    .insertInto('money_items')
    .values({
      id: i.id,
      network_id: networkId,
      kind: i.kind,
      status: i.status,
      amount: i.amount,
      currency: i.currency,
      category: i.category,
      description: i.description,
      incurred_on: i.incurredOn,
      vendor: i.vendor,
      payee_person_id: i.payeePersonId,
      request_id: i.requestId,
      payee_enc: i.payeeSealed,
      method: i.method,
      fund_id: i.fundId,
      submitted_by: i.submittedBy,
      return_reason: null,
      reject_reason: null,
      lost_statement: i.lostStatement,
      paid_transaction_id: null,
      version: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function findItem(
  db: Db,
  networkId: string,
  id: string,
): Promise<StoredItem | undefined> {
  const r = await db
    .selectFrom('money_items')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const approvals = await db
    .selectFrom('money_approvals')
    .select(['person_id', 'at'])
    .where('item_id', '=', id)
    .orderBy('at')
    .execute();
  return {
    id: r.id,
    kind: r.kind as SpendingKind,
    status: r.status as SpendingStatus,
    amount: Number(r.amount),
    currency: r.currency,
    category: r.category,
    description: r.description,
    incurredOn: r.incurred_on,
    vendor: r.vendor,
    payeePersonId: r.payee_person_id,
    requestId: r.request_id,
    payeeSealed: r.payee_enc,
    method: r.method as AidMethod | null,
    fundId: r.fund_id,
    submittedBy: r.submitted_by,
    returnReason: r.return_reason,
    rejectReason: r.reject_reason,
    lostStatement: r.lost_statement,
    paidTransactionId: r.paid_transaction_id,
    version: r.version,
    approvals: approvals.map((a) => ({ by: a.person_id, at: a.at })),
  };
}

/**
 * Moves an item to its next state only if nobody changed it since it was read (its version):
 * false when someone else got there first. Approvals are replaced by the given list.
 */
export async function updateItemState(
  db: Db,
  networkId: string,
  item: Pick<StoredItem, 'id' | 'version'>,
  next: {
    status: SpendingStatus;
    approvals: readonly Approval[];
    returnReason: string | null;
    rejectReason: string | null;
    paidTransactionId?: string | null;
    fundId?: string | null;
  },
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('money_items')
    .set({
      status: next.status,
      return_reason: next.returnReason,
      reject_reason: next.rejectReason,
      version: item.version + 1,
      updated_at: now,
      ...(next.paidTransactionId !== undefined
        ? { paid_transaction_id: next.paidTransactionId }
        : {}),
      ...(next.fundId !== undefined ? { fund_id: next.fundId } : {}),
    })
    .where('network_id', '=', networkId)
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('money_approvals').where('item_id', '=', item.id).execute();
  if (next.approvals.length > 0)
    await db
      .insertInto('money_approvals')
      .values(next.approvals.map((a) => ({ item_id: item.id, person_id: a.by, at: a.at })))
      .execute();
  return true;
}

export interface PublicAggregateRow {
  account: string;
  month: string;
  amount: number;
  count: number;
}

/** Sums per account and month (for the public page: aggregates only, no transaction). */
export async function aggregateByMonth(db: Db, networkId: string): Promise<PublicAggregateRow[]> {
  const rows = await db
    .selectFrom('money_postings as p')
    .innerJoin('money_transactions as t', 't.id', 'p.transaction_id')
    .select((eb) => [
      'p.account',
      eb.fn('substr', ['t.occurred_on', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.sum<number | string>('p.amount').as('amount'),
      eb.fn.countAll<number | string>().as('count'),
    ])
    .where('p.network_id', '=', networkId)
    .groupBy(['p.account', 'month'])
    .execute();
  return rows.map((r) => ({
    account: r.account,
    month: String(r.month),
    amount: Number(r.amount),
    count: Number(r.count),
  }));
}

export async function isReversed(db: Db, transactionId: string): Promise<boolean> {
  const r = await db
    .selectFrom('money_transactions')
    .select('id')
    .where('reverses', '=', transactionId)
    .executeTakeFirst();
  return r !== undefined;
}
