/** A neighbour's own requests: by the ask form's token, and a signed-in person's list. */
import type { RequestStatus } from '../../domain/requests/request-status.ts';
import type { Db } from '../db/database.ts';

/** The code of the request that a form's one-time token (its status token) filed, if any. */
export async function findCodeByStatusTokenHash(
  db: Db,
  networkId: string,
  tokenHash: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('requests')
    .select('code')
    .where('network_id', '=', networkId)
    .where('status_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.code ?? null;
}

export interface OwnRequest {
  code: string;
  status: RequestStatus;
  category: string;
  createdAt: string;
}

/** What a signed-in neighbour asked for in this network, newest first (at most 50). */
export async function listRequestsOfRequester(
  db: Db,
  networkId: string,
  personId: string,
): Promise<OwnRequest[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['code', 'status', 'category', 'created_at'])
    .where('network_id', '=', networkId)
    .where('requester_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    status: r.status as RequestStatus,
    category: r.category,
    createdAt: r.created_at,
  }));
}
