import type { TransferStatus } from '../../domain/timebank/transfer-request.ts';
import type { Db } from '../db/database.ts';
import type { TimeRequestTable } from '../db/schema.ts';

/** The SQL of requested transfers (the payee asks, the payer decides). Filtered by network. */

export interface StoredRequest {
  id: string;
  payerAccount: string;
  payeeAccount: string;
  minutes: number;
  category: string;
  noteSealed: string | null;
  status: TransferStatus;
  requestedAt: string;
  autoAcceptAt: string | null;
  autoAcceptBlockedAt: string | null;
  transactionId: string | null;
}

function requestFromRow(r: TimeRequestTable): StoredRequest {
  return {
    id: r.id,
    payerAccount: r.payer_account,
    payeeAccount: r.payee_account,
    minutes: Number(r.minutes),
    category: r.category,
    noteSealed: r.note_enc,
    status: r.status as TransferStatus,
    requestedAt: r.requested_at,
    autoAcceptAt: r.auto_accept_at,
    autoAcceptBlockedAt: r.auto_accept_blocked_at,
    transactionId: r.transaction_id,
  };
}

export async function insertRequest(
  db: Db,
  networkId: string,
  r: StoredRequest,
  requestedBy: string | null,
): Promise<void> {
  await db
    .insertInto('time_requests')
    .values({
      id: r.id,
      network_id: networkId,
      payer_account: r.payerAccount,
      payee_account: r.payeeAccount,
      minutes: r.minutes,
      category: r.category,
      note_enc: r.noteSealed,
      status: r.status,
      requested_at: r.requestedAt,
      auto_accept_at: r.autoAcceptAt,
      auto_accept_blocked_at: null,
      requested_by: requestedBy,
    })
    .execute();
}

export async function findRequest(
  db: Db,
  networkId: string,
  id: string,
): Promise<StoredRequest | null> {
  const r = await db
    .selectFrom('time_requests')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? requestFromRow(r) : null;
}

/** Requests waiting on or made by an account (null: the whole network's), newest first. */
export async function listRequests(
  db: Db,
  networkId: string,
  accountId: string | null,
  limit: number,
): Promise<StoredRequest[]> {
  let q = db.selectFrom('time_requests').selectAll().where('network_id', '=', networkId);
  if (accountId !== null)
    q = q.where((eb) =>
      eb.or([eb('payer_account', '=', accountId), eb('payee_account', '=', accountId)]),
    );
  const rows = await q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(requestFromRow);
}

/** Requests past their deadline, oldest first, in every network (the job). */
export async function listDueRequests(
  db: Db,
  now: string,
  limit: number,
): Promise<{ networkId: string; id: string }[]> {
  const rows = await db
    .selectFrom('time_requests')
    .select(['network_id', 'id'])
    .where('status', '=', 'requested')
    .where('auto_accept_at', '<=', now)
    .where('auto_accept_blocked_at', 'is', null)
    .orderBy('auto_accept_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ networkId: r.network_id, id: r.id }));
}

/** Moves a waiting request on; false when someone else decided it first. */
export async function decideRequestRow(
  db: Db,
  networkId: string,
  id: string,
  d: {
    status: TransferStatus;
    decidedAt: string;
    decidedBy: string | null;
    transactionId: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('time_requests')
    .set({
      status: d.status,
      decided_at: d.decidedAt,
      decided_by: d.decidedBy,
      transaction_id: d.transactionId,
    })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markAutoAcceptBlocked(
  db: Db,
  networkId: string,
  id: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('time_requests')
    .set({ auto_accept_blocked_at: at })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
}
