import type { Urgency } from '../../domain/requests/categories.ts';
import type { RequestStatus } from '../../domain/requests/request-status.ts';
import type { OpenTask } from '../core/open-tasks.ts';
import type { Db } from '../db/database.ts';

const CANDIDATE_COLUMNS = [
  'id',
  'status',
  'category',
  'urgency',
  'approx_lat',
  'approx_lng',
  'created_at',
  'updated_at',
] as const;

function candidateFromRow(r: {
  id: string;
  status: string;
  category: string;
  urgency: string;
  approx_lat: number | null;
  approx_lng: number | null;
  created_at: string;
  updated_at: string;
}): OpenTask {
  return {
    id: r.id,
    status: r.status as RequestStatus,
    category: r.category,
    urgency: r.urgency as Urgency,
    lat: r.approx_lat == null ? null : Number(r.approx_lat),
    lng: r.approx_lng == null ? null : Number(r.approx_lng),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Open requests of a network inside a lat/lng box (or all, without one), as light rows:
 * enough to rank them; a page then loads the few it shows (`findSummaries`).
 */
export async function listCandidates(
  db: Db,
  networkId: string,
  statuses: readonly RequestStatus[],
  box: { latMin: number; latMax: number; lngMin: number; lngMax: number } | null,
  limit: number | null,
): Promise<OpenTask[]> {
  let q = db
    .selectFrom('requests')
    .select(CANDIDATE_COLUMNS)
    .where('network_id', '=', networkId)
    .where('status', 'in', [...statuses]);
  if (box) {
    q = q
      .where('approx_lat', '>=', box.latMin)
      .where('approx_lat', '<=', box.latMax)
      .where('approx_lng', '>=', box.lngMin)
      .where('approx_lng', '<=', box.lngMax);
  }
  const rows = await (limit === null ? q : q.limit(limit)).execute();
  return rows.map(candidateFromRow);
}

/** These requests of a network, in any status, as light rows. */
export async function listCandidatesById(
  db: Db,
  networkId: string,
  ids: readonly string[],
): Promise<OpenTask[]> {
  const rows = await db
    .selectFrom('requests')
    .select([...CANDIDATE_COLUMNS, 'network_id'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.filter((r) => r.network_id === networkId).map(candidateFromRow);
}

/** Requests of a network changed at or after `since`, in any status, as light rows. */
export async function listCandidateChanges(
  db: Db,
  networkId: string,
  since: string,
): Promise<OpenTask[]> {
  const rows = await db
    .selectFrom('requests')
    .select(CANDIDATE_COLUMNS)
    .where('network_id', '=', networkId)
    .where('updated_at', '>=', since)
    .execute();
  return rows.map(candidateFromRow);
}
