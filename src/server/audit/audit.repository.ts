import type { Db } from '../db/database.ts';
import type { AuditEvent } from './audit-event.ts';

/** Append only: there is no update or delete here, and a database trigger refuses them. */
export async function insertAuditEvent(
  db: Db,
  e: Omit<AuditEvent, 'actorName' | 'subjectName'>,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: e.id,
      network_id: e.networkId,
      actor_id: e.actorId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      details: JSON.stringify(e.details),
      created_at: e.createdAt,
    })
    .execute();
}

export interface AuditFilter {
  networkId?: string | null;
  actorId?: string;
  subjectId?: string;
  action?: string;
  before?: string;
  limit: number;
}

export async function listAuditEvents(db: Db, f: AuditFilter): Promise<AuditEvent[]> {
  let q = db
    .selectFrom('audit_events')
    .leftJoin('people as actor', 'actor.id', 'audit_events.actor_id')
    .leftJoin('people as subject', (j) =>
      j
        .onRef('subject.id', '=', 'audit_events.subject_id')
        .on('audit_events.subject_type', '=', 'person'),
    )
    .selectAll('audit_events')
    .select(['actor.display_name as actor_name', 'subject.display_name as subject_name']);
  if (f.networkId !== undefined) {
    q =
      f.networkId === null
        ? q.where('audit_events.network_id', 'is', null)
        : q.where('audit_events.network_id', '=', f.networkId);
  }
  if (f.actorId) q = q.where('audit_events.actor_id', '=', f.actorId);
  if (f.subjectId) q = q.where('audit_events.subject_id', '=', f.subjectId);
  if (f.action) q = q.where('audit_events.action', '=', f.action);
  if (f.before) q = q.where('audit_events.created_at', '<', f.before);
  const rows = await q
    .orderBy('audit_events.created_at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    networkId: r.network_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    details: JSON.parse(r.details) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}
