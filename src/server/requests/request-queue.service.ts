import { atLeast } from '../../domain/access/roles.ts';
import { URGENCIES, type Urgency } from '../../domain/requests/categories.ts';
import {
  canMove,
  OPEN_STATUSES,
  type RequestStatus,
} from '../../domain/requests/request-status.ts';
import { excerpt } from '../../domain/text/excerpt.ts';
import { matchLanguages } from '../../domain/text/language-names.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, isoNow } from '../../shared/clock.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { findRole } from '../core/membership.repository.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { revealNeedExcerpts } from '../privacy/privacy-gate.ts';
import {
  deleteView,
  listViews,
  MAX_VIEWS,
  type QueueView,
  saveView,
} from './queue-view.repository.ts';
import { findRequest } from './request.repository.ts';
import type { RequestSummary } from './request.types.ts';
import { insertEvent } from './request-event.repository.ts';
import { event } from './request-intake.service.ts';
import {
  listCoordinators,
  listQueue,
  type QueueItem,
  type QueueSort,
  queueLanguages,
  sealedNeedsOf,
  setOwner,
  updateTriageFields,
} from './request-queue.repository.ts';
import { hashSearch } from './request-search.ts';
import { changeStatus } from './request-triage.service.ts';

export type { QueueItem };

export const QUEUE_PAGE_SIZE = 50;
/** An export holds at most this many rows (the view's filters narrow it). */
export const EXPORT_MAX_ROWS = 5000;
/** A bulk action changes at most this many ticked rows at once (a page). */
export const BULK_MAX = 100;

export interface QueueQuery {
  status?: RequestStatus | 'open' | undefined;
  category?: string | undefined;
  urgency?: Urgency | undefined;
  areaId?: string | undefined;
  /** A language's name or code as typed ("arabe", "ar"). */
  language?: string | undefined;
  olderThanDays?: number | undefined;
  followUp?: boolean | undefined;
  /** A coordinator's id, `me` or `none`. */
  owner?: string | undefined;
  /** A code, phone number, email or name. */
  q?: string | undefined;
  sort: QueueSort;
  descending: boolean;
  page: number;
}

async function filterOf(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  scope: NetworkScope,
  query: QueueQuery,
  lang: string,
) {
  const statuses = !query.status || query.status === 'open' ? OPEN_STATUSES : [query.status];
  const languages = query.language
    ? matchLanguages(query.language, lang, await queueLanguages(deps.db, scope.network.id))
    : undefined;
  const search = query.q ? hashSearch(deps.config.keys, query.q) : null;
  return {
    statuses,
    category: query.category,
    urgency: query.urgency,
    areaId: query.areaId,
    languages,
    olderThan: query.olderThanDays
      ? new Date(deps.clock.now().getTime() - query.olderThanDays * DAY).toISOString()
      : undefined,
    followUpOnly: query.followUp,
    ownerId: query.owner === 'me' ? (scope.personId ?? undefined) : query.owner,
    search: search ?? undefined,
    /** Typed text that can be nothing searchable ("j."): the page says so, and lists nothing. */
    unsearchable: Boolean(query.q?.trim()) && !search,
    sort: query.sort,
    descending: query.descending,
  };
}

/**
 * The coordinator's queue as a working table: filters, a search in the blind indexes (code,
 * phone read out on a call, email, name tokens; nothing is decrypted to search), any sort.
 */
export async function queueTable(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    query,
    lang,
    excerpts = true,
  }: {
    actor: Actor;
    scope: NetworkScope;
    query: QueueQuery;
    lang: string;
    /** False for a count (the overview): nothing is opened. */
    excerpts?: boolean;
  },
): Promise<{ items: QueueItem[]; total: number; unsearchable: boolean }> {
  authorize(scope, 'requests.triage');
  const f = await filterOf(deps, scope, query, lang);
  if (f.unsearchable) return { items: [], total: 0, unsearchable: true };
  const { items, total } = await listQueue(deps.db, scope.network.id, {
    ...f,
    limit: QUEUE_PAGE_SIZE,
    offset: (Math.max(1, query.page) - 1) * QUEUE_PAGE_SIZE,
  });
  return {
    items: excerpts ? await withExcerpts(deps, actor, scope, items) : items,
    total,
    unsearchable: false,
  };
}

/**
 * The need of the rows on this page only, opened through the privacy gate (coordinators and
 * admins; one audit entry per page) and cut to an excerpt; other roles get none.
 */
async function withExcerpts(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  scope: NetworkScope,
  items: QueueItem[],
): Promise<QueueItem[]> {
  if (!atLeast(scope.role, 'coordinator') || items.length === 0) return items;
  const sealed = await sealedNeedsOf(
    deps.db,
    scope.network.id,
    items.filter((r) => !r.redacted).map((r) => r.id),
  );
  const opened = await revealNeedExcerpts(deps, {
    actor,
    scope,
    rows: items
      .filter((r) => sealed.has(r.id))
      .map((r) => ({ request: r, sealedDetails: sealed.get(r.id) ?? null })),
  });
  return items.map((r) => {
    const need = opened.get(r.id);
    return need ? { ...r, needExcerpt: excerpt(need) } : r;
  });
}

/** Every row of the current view (up to EXPORT_MAX_ROWS), for CSV; the export is audited. */
export async function exportQueue(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    query,
    lang,
  }: { actor: Actor; scope: NetworkScope; query: QueueQuery; lang: string },
): Promise<QueueItem[]> {
  authorize(scope, 'requests.triage');
  const f = await filterOf(deps, scope, query, lang);
  const { items } = f.unsearchable
    ? { items: [] }
    : await listQueue(deps.db, scope.network.id, { ...f, limit: EXPORT_MAX_ROWS, offset: 0 });
  await audit(deps.db, deps.clock, {
    actor,
    action: 'request.queue_exported',
    networkId: scope.network.id,
    subject: { type: 'network', id: scope.network.id },
    // The search text is not kept: it may be a phone number or a name.
    details: {
      rows: items.length,
      status: query.status ?? 'open',
      searched: Boolean(query.q),
      sort: query.sort,
    },
  });
  return items;
}

export type BulkAction =
  | { kind: 'area'; areaId: string | null }
  | { kind: 'urgency'; urgency: Urgency }
  | { kind: 'owner'; coordinatorId: string | null }
  | { kind: 'close'; reason: 'duplicate' | 'withdrawn' };

/** What a bulk action did to each ticked request. */
export interface BulkOutcome {
  changed: string[];
  /** Codes left as they were (closed already, moved on): the page names them. */
  skipped: string[];
}

/**
 * One action on ticked rows, each request changed, audited and put in its timeline on its own
 * (closing goes through the triage service's changeStatus, so the status machine holds).
 */
export async function bulkAct(
  deps: Pick<Deps, 'db' | 'clock' | 'openTasks'>,
  {
    actor,
    scope,
    requestIds,
    action,
  }: { actor: Actor; scope: NetworkScope; requestIds: string[]; action: BulkAction },
): Promise<BulkOutcome> {
  authorize(scope, 'requests.triage');
  const ids = [...new Set(requestIds)].slice(0, BULK_MAX);
  if (ids.length === 0)
    throw new AppError('VALIDATION_FAILED', {}, { ids: { key: 'queue.bulk.noneTicked' } });
  if (action.kind === 'area' && action.areaId) {
    const areas = await listAreas(deps.db, scope.network.id);
    if (!areas.some((a) => a.id === action.areaId))
      throw new AppError('VALIDATION_FAILED', {}, { areaId: { key: 'field.choose' } });
  }
  if (action.kind === 'urgency' && !URGENCIES.includes(action.urgency))
    throw new AppError('VALIDATION_FAILED', {}, { urgency: { key: 'field.choose' } });
  if (
    action.kind === 'owner' &&
    action.coordinatorId &&
    !atLeast(await findRole(deps.db, scope.network.id, action.coordinatorId), 'coordinator')
  )
    throw new AppError('VALIDATION_FAILED', {}, { coordinatorId: { key: 'field.choose' } });

  const out: BulkOutcome = { changed: [], skipped: [] };
  for (const id of ids) {
    const found = await findRequest(deps.db, scope.network.id, id);
    if (!found) continue;
    const r = found.summary;
    if (action.kind === 'close') {
      if (!canMove(r.status, 'closed')) {
        out.skipped.push(r.code);
        continue;
      }
      try {
        await changeStatus(deps, {
          actor,
          scope,
          requestId: id,
          to: 'closed',
          reason: action.reason,
        });
        out.changed.push(r.code);
      } catch (e) {
        if (e instanceof AppError && e.code === 'REQUEST_STATUS_CONFLICT') out.skipped.push(r.code);
        else throw e;
      }
      continue;
    }
    await changeField(deps, { actor, scope, request: r, action });
    out.changed.push(r.code);
  }
  return out;
}

async function changeField(
  deps: Pick<Deps, 'db' | 'clock' | 'openTasks'>,
  {
    actor,
    scope,
    request,
    action,
  }: {
    actor: Actor;
    scope: NetworkScope;
    request: RequestSummary;
    action: Exclude<BulkAction, { kind: 'close' }>;
  },
): Promise<void> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    let kind: 'urgency_set' | 'area_set' | 'owner_set';
    let outcome: string | null;
    let details: Record<string, string | null>;
    if (action.kind === 'urgency') {
      await updateTriageFields(trx, request.id, { urgency: action.urgency }, now);
      kind = 'urgency_set';
      outcome = action.urgency;
      details = { from: request.urgency, to: action.urgency };
    } else if (action.kind === 'area') {
      await updateTriageFields(trx, request.id, { areaId: action.areaId }, now);
      kind = 'area_set';
      outcome = action.areaId;
      details = { from: request.areaId, to: action.areaId };
    } else {
      await setOwner(trx, request.id, action.coordinatorId, now);
      kind = 'owner_set';
      outcome = action.coordinatorId;
      details = { coordinator: action.coordinatorId };
    }
    await insertEvent(trx, event(request.id, scope.personId, kind, { outcome, createdAt: now }));
    await audit(trx, deps.clock, {
      actor,
      action: `request.${kind}`,
      networkId: scope.network.id,
      subject: { type: 'request', id: request.id },
      details,
    });
  });
  if (action.kind !== 'owner') deps.openTasks.touch(scope.network.id, request.id);
}

/** The coordinators a request can be given to, by name. */
export async function queueCoordinators(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<{ id: string; name: string }[]> {
  authorize(scope, 'requests.triage');
  return listCoordinators(deps.db, scope.network.id);
}

/** This coordinator's saved views of the queue. */
export async function queueViews(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<QueueView[]> {
  authorize(scope, 'requests.triage');
  if (!scope.personId) return [];
  return listViews(deps.db, scope.network.id, scope.personId);
}

export async function saveQueueView(
  deps: Pick<Deps, 'db' | 'clock'>,
  { scope, name, query }: { scope: NetworkScope; name: string; query: string },
): Promise<void> {
  authorize(scope, 'requests.triage');
  if (!scope.personId) throw new AppError('FORBIDDEN', { action: 'queue.views' });
  const existing = await listViews(deps.db, scope.network.id, scope.personId);
  if (existing.length >= MAX_VIEWS && !existing.some((v) => v.name === name.trim()))
    throw new AppError('VALIDATION_FAILED', {}, { name: { key: 'queue.views.tooMany' } });
  await saveView(deps.db, {
    networkId: scope.network.id,
    personId: scope.personId,
    name: name.trim(),
    query,
    now: isoNow(deps.clock),
  });
}

export async function deleteQueueView(
  deps: Pick<Deps, 'db'>,
  { scope, id }: { scope: NetworkScope; id: string },
): Promise<void> {
  authorize(scope, 'requests.triage');
  if (!scope.personId) return;
  await deleteView(deps.db, scope.network.id, scope.personId, id);
}
