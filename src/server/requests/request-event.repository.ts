/** A request's log (request_events: status moves, calls, notes) and its one feedback. */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { RequestEventTable, RequestFeedbackTable } from '../db/schema.ts';
import type { NewFeedback, NewRequestEvent, RequestEvent } from './request.types.ts';

export async function insertEvent(db: Db, e: NewRequestEvent): Promise<void> {
  const row: Selectable<RequestEventTable> = {
    id: e.id,
    request_id: e.requestId,
    actor_id: e.actorId,
    kind: e.kind,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    channel: e.channel,
    outcome: e.outcome,
    follow_up: e.followUp ? 1 : 0,
    body_enc: e.bodySealed,
    created_at: e.createdAt,
  };
  await db.insertInto('request_events').values(row).execute();
}

export async function listEvents(db: Db, requestId: string): Promise<RequestEvent[]> {
  const rows = await db
    .selectFrom('request_events')
    .leftJoin('people', 'people.id', 'request_events.actor_id')
    .selectAll('request_events')
    .select('people.display_name as actor_name')
    .where('request_events.request_id', '=', requestId)
    .orderBy('request_events.created_at')
    .orderBy('request_events.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    kind: r.kind as RequestEvent['kind'],
    fromStatus: r.from_status,
    toStatus: r.to_status,
    channel: r.channel,
    outcome: r.outcome,
    followUp: Number(r.follow_up) === 1,
    bodySealed: r.body_enc,
    createdAt: r.created_at,
  }));
}

/**
 * Takes the request's feedback; false when it already has some (one per request, the unique
 * key decides a race between two sends).
 */
export async function insertFeedback(db: Db, f: NewFeedback): Promise<boolean> {
  const row: Selectable<RequestFeedbackTable> = {
    id: f.id,
    request_id: f.requestId,
    outcome: f.outcome,
    rating: f.rating,
    comment_enc: f.commentSealed,
    created_at: f.createdAt,
  };
  const done = await db
    .insertInto('request_feedback')
    .values(row)
    .onConflict((oc) => oc.column('request_id').doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface StoredFeedback {
  id: string;
  outcome: string;
  rating: number | null;
  /** Sealed; opened by the privacy gate for coordinators. */
  commentSealed: string | null;
  createdAt: string;
}

export async function findFeedback(db: Db, requestId: string): Promise<StoredFeedback | null> {
  const row = await db
    .selectFrom('request_feedback')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        outcome: row.outcome,
        rating: row.rating === null ? null : Number(row.rating),
        commentSealed: row.comment_enc,
        createdAt: row.created_at,
      }
    : null;
}
