import { sql } from 'kysely';
import type { Urgency } from '../../domain/requests/categories.ts';
import type { Db } from '../db/database.ts';
import { SUMMARY_COLUMNS, summaryFromRow } from './request.repository.ts';
import type { RequestSummary } from './request.types.ts';
import type { HashedSearch } from './request-search.ts';

/** The queue's columns a coordinator can sort by; `priority` is the documented order. */
export const QUEUE_SORTS = [
  'priority',
  'code',
  'category',
  'urgency',
  'area',
  'status',
  'waited',
  'language',
  'assignee',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueListFilter {
  statuses: readonly string[];
  category?: string | undefined;
  urgency?: Urgency | undefined;
  areaId?: string | undefined;
  /** Any of these languages (the filter's text may name several). */
  languages?: readonly string[] | undefined;
  olderThan?: string | undefined;
  followUpOnly?: boolean | undefined;
  /** Only requests this coordinator has; `none`: those nobody has. */
  ownerId?: string | undefined;
  search?: HashedSearch | undefined;
  sort: QueueSort;
  descending: boolean;
  limit: number;
  offset: number;
}

/** A queue row: the summary and who has it (names: the queue is for coordinators only). */
export interface QueueItem extends RequestSummary {
  ownerId: string | null;
  ownerName: string | null;
  volunteerName: string | null;
  /** A short excerpt of the need, for coordinators only (filled by the service). */
  needExcerpt?: string | undefined;
}

function filtered(db: Db, networkId: string, f: QueueListFilter) {
  let q = db
    .selectFrom('requests')
    .leftJoin('request_owners', 'request_owners.request_id', 'requests.id')
    .where('requests.network_id', '=', networkId)
    .where('requests.status', 'in', [...f.statuses]);
  if (f.category) q = q.where('requests.category', '=', f.category);
  if (f.urgency) q = q.where('requests.urgency', '=', f.urgency);
  if (f.areaId) q = q.where('requests.area_id', '=', f.areaId);
  if (f.languages) {
    // A language no request has: nothing, not everything.
    q = q.where('requests.language', 'in', f.languages.length ? [...f.languages] : ['-']);
  }
  if (f.olderThan) q = q.where('requests.created_at', '<', f.olderThan);
  if (f.ownerId === 'none') q = q.where('request_owners.coordinator_id', 'is', null);
  else if (f.ownerId) q = q.where('request_owners.coordinator_id', '=', f.ownerId);
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
  const s = f.search;
  if (s) {
    q = q.where((eb) => {
      const ors = [];
      if (s.code) ors.push(eb('requests.code', '=', s.code));
      if (s.emailIndex) ors.push(eb('requests.email_index', '=', s.emailIndex));
      if (s.phoneToken)
        ors.push(
          eb(
            'requests.id',
            'in',
            eb
              .selectFrom('request_search')
              .select('request_search.request_id')
              .where('request_search.network_id', '=', networkId)
              .where('request_search.kind', '=', 'phone')
              .where('request_search.token', '=', s.phoneToken),
          ),
        );
      if (s.nameTokens.length > 0)
        ors.push(
          eb(
            'requests.id',
            'in',
            eb
              .selectFrom('request_search')
              .select('request_search.request_id')
              .where('request_search.network_id', '=', networkId)
              .where('request_search.kind', '=', 'name')
              .where('request_search.token', 'in', s.nameTokens)
              .groupBy('request_search.request_id')
              .having(sql`count(*)`, '=', s.nameTokens.length),
          ),
        );
      return eb.or(ors);
    });
  }
  return q;
}

const URGENCY_RANK = sql<number>`case requests.urgency when 'critical' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

/** The queue, filtered, searched in the blind index and sorted; `total` counts every page. */
export async function listQueue(
  db: Db,
  networkId: string,
  f: QueueListFilter,
): Promise<{ items: QueueItem[]; total: number }> {
  const q = filtered(db, networkId, f);
  const dir = f.descending ? 'desc' : 'asc';
  let rows = q
    .leftJoin('areas', 'areas.id', 'requests.area_id')
    .leftJoin('people as owner', 'owner.id', 'request_owners.coordinator_id')
    .leftJoin('people as volunteer', 'volunteer.id', 'requests.volunteer_id')
    .select(SUMMARY_COLUMNS)
    .select([
      'areas.name as area_name',
      'request_owners.coordinator_id as owner_id',
      'owner.display_name as owner_name',
      'volunteer.display_name as volunteer_name',
    ]);
  switch (f.sort) {
    case 'priority':
      rows = rows.orderBy(URGENCY_RANK, dir).orderBy('requests.created_at', dir);
      break;
    case 'urgency':
      rows = rows.orderBy(URGENCY_RANK, dir);
      break;
    case 'waited':
      // Longest waiting first is "descending" waits: the oldest creation.
      rows = rows.orderBy('requests.created_at', f.descending ? 'asc' : 'desc');
      break;
    case 'area':
      rows = rows.orderBy('areas.name', dir);
      break;
    case 'assignee':
      rows = rows.orderBy('owner.display_name', dir);
      break;
    default:
      rows = rows.orderBy(`requests.${f.sort}`, dir);
  }
  const [found, count] = await Promise.all([
    rows
      .orderBy('requests.created_at')
      .orderBy('requests.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: found.map((r) => ({
      ...summaryFromRow(r),
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      volunteerName: r.volunteer_name,
    })),
    total: Number(count.n),
  };
}

/** The sealed need of these requests of the network (a page of the queue), by id. */
export async function sealedNeedsOf(
  db: Db,
  networkId: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'details_enc'])
    .where('network_id', '=', networkId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.details_enc]));
}

/** The languages a network's requests are in: what the language filter's text may mean. */
export async function queueLanguages(db: Db, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('requests')
    .select('language')
    .distinct()
    .where('network_id', '=', networkId)
    .execute();
  return rows.map((r) => r.language);
}

/** Who has a request: the coordinator, or nobody (null). */
export async function setOwner(
  db: Db,
  requestId: string,
  coordinatorId: string | null,
  now: string,
): Promise<void> {
  await db.deleteFrom('request_owners').where('request_id', '=', requestId).execute();
  if (coordinatorId)
    await db
      .insertInto('request_owners')
      .values({ request_id: requestId, coordinator_id: coordinatorId, assigned_at: now })
      .execute();
}

export async function findOwner(db: Db, requestId: string): Promise<string | null> {
  const row = await db
    .selectFrom('request_owners')
    .select('coordinator_id')
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row?.coordinator_id ?? null;
}

/** A request's urgency or area, changed by a coordinator. */
export async function updateTriageFields(
  db: Db,
  requestId: string,
  set: { urgency?: Urgency; areaId?: string | null },
  now: string,
): Promise<void> {
  await db
    .updateTable('requests')
    .set({
      ...(set.urgency ? { urgency: set.urgency } : {}),
      ...(set.areaId !== undefined ? { area_id: set.areaId } : {}),
      updated_at: now,
    })
    .where('id', '=', requestId)
    .execute();
}

/** The coordinators of a network by name, to choose who has a request. */
export async function listCoordinators(
  db: Db,
  networkId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['people.id', 'people.display_name'])
    .where('memberships.network_id', '=', networkId)
    .where('memberships.role', 'in', ['coordinator', 'admin'])
    .where('people.disabled_at', 'is', null)
    .orderBy('people.display_name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

export type { RequestSummary };
