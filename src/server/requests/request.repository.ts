import type { Selectable, Updateable } from 'kysely';
import type { Urgency } from '../../domain/requests/categories.ts';
import type { CloseReason, RequestStatus } from '../../domain/requests/request-status.ts';
import { newId } from '../../shared/ids.ts';
import type { Db } from '../db/database.ts';
import type { RequestTable } from '../db/schema.ts';
import type { Channel, RequestSummary, SealedPrivate, StatusChange } from './request.types.ts';

/** What lists, feeds and maps may read of a request: nothing personal, nothing sealed. */
export const SUMMARY_COLUMNS = [
  'requests.id',
  'requests.network_id',
  'requests.code',
  'requests.status',
  'requests.close_reason',
  'requests.channel',
  'requests.category',
  'requests.urgency',
  'requests.household_size',
  'requests.area_id',
  'requests.approx_lat',
  'requests.approx_lng',
  'requests.slots',
  'requests.language',
  'requests.language_required',
  'requests.needs_car',
  'requests.duplicate_of',
  'requests.duplicate_flag',
  'requests.many_from_address',
  'requests.volunteer_id',
  'requests.hours',
  'requests.created_at',
  'requests.closed_at',
  'requests.redacted_at',
] as const;

type SummaryColumn = (typeof SUMMARY_COLUMNS)[number] extends `requests.${infer C}` ? C : never;
type Row = Pick<Selectable<RequestTable>, SummaryColumn> & { area_name?: string | null };

export function summaryFromRow(r: Row): RequestSummary {
  return {
    id: r.id,
    networkId: r.network_id,
    code: r.code,
    status: r.status as RequestStatus,
    closeReason: r.close_reason as CloseReason | null,
    channel: r.channel as Channel,
    category: r.category,
    urgency: r.urgency as Urgency,
    householdSize: Number(r.household_size),
    areaId: r.area_id,
    areaName: r.area_name ?? null,
    approx:
      r.approx_lat == null || r.approx_lng == null
        ? null
        : { lat: Number(r.approx_lat), lng: Number(r.approx_lng) },
    slots: Number(r.slots),
    language: r.language,
    languageRequired: Number(r.language_required) === 1,
    needsCar: Number(r.needs_car) === 1,
    duplicateOf: r.duplicate_of,
    duplicateFlag: Number(r.duplicate_flag) === 1,
    manyFromAddress: Number(r.many_from_address) === 1,
    volunteerId: r.volunteer_id,
    hours: r.hours == null ? null : Number(r.hours),
    createdAt: r.created_at,
    closedAt: r.closed_at,
    redacted: r.redacted_at != null,
  };
}

export function sealedFromRow(r: Selectable<RequestTable>): SealedPrivate {
  return {
    name: r.name_enc,
    phone: r.phone_enc,
    email: r.email_enc,
    address: r.address_enc,
    details: r.details_enc,
    accessibility: r.accessibility_enc,
  };
}

function withArea(db: Db) {
  return db
    .selectFrom('requests')
    .leftJoin('areas', 'areas.id', 'requests.area_id')
    .selectAll('requests')
    .select('areas.name as area_name');
}

/** The summary columns and the area's name: a list reads no ciphertext it would not open. */
function summaries(db: Db) {
  return db
    .selectFrom('requests')
    .leftJoin('areas', 'areas.id', 'requests.area_id')
    .select(SUMMARY_COLUMNS)
    .select('areas.name as area_name');
}

export async function findRequest(
  db: Db,
  networkId: string,
  id: string,
): Promise<{ summary: RequestSummary; sealed: SealedPrivate; statusTokenHash: string } | null> {
  const row = await withArea(db)
    .where('requests.network_id', '=', networkId)
    .where('requests.id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        summary: summaryFromRow(row),
        sealed: sealedFromRow(row),
        statusTokenHash: row.status_token_hash,
      }
    : null;
}

export async function findRequestByCode(
  db: Db,
  networkId: string,
  code: string,
): Promise<{ summary: RequestSummary; statusTokenHash: string } | null> {
  const row = await withArea(db)
    .where('requests.network_id', '=', networkId)
    .where('requests.code', '=', code)
    .executeTakeFirst();
  return row ? { summary: summaryFromRow(row), statusTokenHash: row.status_token_hash } : null;
}

export interface QueueFilter {
  statuses: readonly string[];
  category?: string | undefined;
  urgency?: Urgency | undefined;
  areaId?: string | undefined;
  language?: string | undefined;
  olderThan?: string | undefined;
  followUpOnly?: boolean | undefined;
  volunteerId?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * The triage queue's order (the documented priority): the most urgent first; within one
 * urgency, the longest waiting first. Waiting long makes a request rise within its urgency;
 * it never jumps above a more urgent one, so a critical request is always seen first.
 */
export async function listRequests(
  db: Db,
  networkId: string,
  f: QueueFilter,
): Promise<{ items: RequestSummary[]; total: number }> {
  let q = db
    .selectFrom('requests')
    .where('requests.network_id', '=', networkId)
    .where('requests.status', 'in', [...f.statuses]);
  if (f.category) q = q.where('requests.category', '=', f.category);
  if (f.urgency) q = q.where('requests.urgency', '=', f.urgency);
  if (f.areaId) q = q.where('requests.area_id', '=', f.areaId);
  if (f.language) q = q.where('requests.language', '=', f.language);
  if (f.olderThan) q = q.where('requests.created_at', '<', f.olderThan);
  if (f.volunteerId) q = q.where('requests.volunteer_id', '=', f.volunteerId);
  if (f.followUpOnly) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('request_events')
          .select('request_events.id')
          .whereRef('request_events.request_id', '=', 'requests.id')
          .where('request_events.follow_up', '=', 1),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .leftJoin('areas', 'areas.id', 'requests.area_id')
      .select(SUMMARY_COLUMNS)
      .select('areas.name as area_name')
      .orderBy((eb) =>
        eb
          .case()
          .when('requests.urgency', '=', 'critical')
          .then(0)
          .when('requests.urgency', '=', 'high')
          .then(1)
          .when('requests.urgency', '=', 'normal')
          .then(2)
          .else(3)
          .end(),
      )
      .orderBy('requests.created_at')
      .orderBy('requests.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(summaryFromRow), total: Number(count.n) };
}

export async function findSummaries(
  db: Db,
  networkId: string,
  ids: readonly string[],
): Promise<RequestSummary[]> {
  if (ids.length === 0) return [];
  // By primary key only: with the network in the WHERE too, SQLite (without ANALYZE statistics)
  // walked a whole network's index instead (48 ms for 50 rows among 100,000). The network is
  // checked here instead, so another network's ids still come back empty.
  const rows = await summaries(db)
    .where('requests.id', 'in', [...ids])
    .execute();
  const byId = new Map(
    rows.filter((r) => r.network_id === networkId).map((r) => [r.id, summaryFromRow(r)]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Open requests of a network, oldest first, in full (for batch dispatch). */
export async function listOpenNear(
  db: Db,
  networkId: string,
  statuses: readonly RequestStatus[],
  limit: number,
): Promise<RequestSummary[]> {
  const rows = await summaries(db)
    .where('requests.network_id', '=', networkId)
    .where('requests.status', 'in', [...statuses])
    .orderBy('requests.created_at')
    .limit(limit)
    .execute();
  return rows.map(summaryFromRow);
}

/** A volunteer's own open tasks. */
export async function listTasksOf(
  db: Db,
  networkId: string,
  volunteerId: string,
  statuses: readonly RequestStatus[],
): Promise<RequestSummary[]> {
  // By volunteer only, so the planner takes the volunteer's index whatever its statistics say
  // (with the network in the WHERE it once walked all of a network's open requests); their
  // tasks in other networks are dropped here.
  const rows = await summaries(db)
    .where('requests.volunteer_id', '=', volunteerId)
    .where('requests.status', 'in', [...statuses])
    .orderBy('requests.created_at')
    .limit(500)
    .execute();
  return rows
    .filter((r) => r.network_id === networkId)
    .slice(0, 100)
    .map(summaryFromRow);
}

/** Moves a request from one of `from` to `to`; false when someone else moved it first. */
export async function moveStatus(
  db: Db,
  id: string,
  from: readonly RequestStatus[],
  change: StatusChange,
  onlyVolunteer?: string,
): Promise<boolean> {
  const set: Updateable<RequestTable> = { updated_at: change.updatedAt };
  if (change.status !== undefined) set.status = change.status;
  if (change.closeReason !== undefined) set.close_reason = change.closeReason;
  if (change.closedAt !== undefined) set.closed_at = change.closedAt;
  if (change.volunteerId !== undefined) set.volunteer_id = change.volunteerId;
  if (change.hours !== undefined) set.hours = change.hours;
  let q = db
    .updateTable('requests')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', [...from]);
  if (onlyVolunteer) q = q.where('volunteer_id', '=', onlyVolunteer);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * The claim: one UPDATE that only succeeds while nobody holds the task. Two volunteers
 * claiming at the same moment both send it; the database lets exactly one change the row.
 */
export async function claimRequest(
  db: Db,
  id: string,
  volunteerId: string,
  now: string,
  unassigned: readonly RequestStatus[],
): Promise<boolean> {
  const res = await db
    .updateTable('requests')
    .set({ volunteer_id: volunteerId, status: 'assigned', updated_at: now })
    .where('id', '=', id)
    .where('volunteer_id', 'is', null)
    .where('status', 'in', [...unassigned])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Each volunteer's load in a network: open tasks now, and hours this week (logged hours of
 * tasks finished since `weekStart`, plus the estimate of tasks still open).
 */
export async function volunteerLoads(
  db: Db,
  networkId: string,
  weekStart: string,
): Promise<Map<string, { openTasks: number; openCategories: string[]; hoursDone: number }>> {
  const [open, done] = await Promise.all([
    db
      .selectFrom('requests')
      .select(['volunteer_id', 'category'])
      .where('network_id', '=', networkId)
      .where('status', 'in', ['assigned', 'in_progress'])
      .where('volunteer_id', 'is not', null)
      .execute(),
    db
      .selectFrom('requests')
      .select(['volunteer_id', (eb) => eb.fn.sum<number>('hours').as('h')])
      .where('network_id', '=', networkId)
      .where('status', '=', 'fulfilled')
      .where('closed_at', '>=', weekStart)
      .where('volunteer_id', 'is not', null)
      .groupBy('volunteer_id')
      .execute(),
  ]);
  const loads = new Map<
    string,
    { openTasks: number; openCategories: string[]; hoursDone: number }
  >();
  const get = (id: string) => {
    let l = loads.get(id);
    if (!l) {
      l = { openTasks: 0, openCategories: [], hoursDone: 0 };
      loads.set(id, l);
    }
    return l;
  };
  for (const r of open) {
    const l = get(r.volunteer_id!);
    l.openTasks += 1;
    l.openCategories.push(r.category);
  }
  for (const r of done) get(r.volunteer_id!).hoursDone = Number(r.h ?? 0);
  return loads;
}

/** Closed or fulfilled before `before`, not yet redacted: the retention job's work. */
export async function findExpiredForRedaction(
  db: Db,
  networkId: string,
  before: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('requests')
    .select('id')
    .where('network_id', '=', networkId)
    .where('status', 'in', ['closed', 'fulfilled'])
    .where('closed_at', '<', before)
    .where('redacted_at', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes the personal part of these requests, their notes and feedback comments. */
export async function redactRequests(db: Db, ids: readonly string[], now: string): Promise<void> {
  await db
    .updateTable('requests')
    .set({
      details_enc: null,
      address_enc: null,
      name_enc: null,
      phone_enc: null,
      email_enc: null,
      accessibility_enc: null,
      phone_index: null,
      email_index: null,
      requester_id: null,
      redacted_at: now,
      updated_at: now,
    })
    .where('id', 'in', [...ids])
    .execute();
  await db
    .updateTable('request_events')
    .set({ body_enc: null })
    .where('request_id', 'in', [...ids])
    .execute();
  await db
    .updateTable('request_feedback')
    .set({ comment_enc: null })
    .where('request_id', 'in', [...ids])
    .execute();
  await db
    .insertInto('request_events')
    .values(
      ids.map((id) => ({
        id: newId(),
        request_id: id,
        actor_id: null,
        kind: 'redacted',
        from_status: null,
        to_status: null,
        channel: null,
        outcome: null,
        follow_up: 0,
        body_enc: null,
        created_at: now,
      })),
    )
    .execute();
}

/** Tasks taken but not started since before `before`, for reminders (oldest first). */
export async function findWaitingTasks(
  db: Db,
  networkId: string,
  before: string,
  limit: number,
): Promise<
  { id: string; code: string; category: string; volunteerId: string; updatedAt: string }[]
> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'code', 'category', 'volunteer_id', 'updated_at'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'assigned')
    .where('volunteer_id', 'is not', null)
    .where('updated_at', '<=', before)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    category: r.category,
    volunteerId: r.volunteer_id!,
    updatedAt: r.updated_at,
  }));
}
