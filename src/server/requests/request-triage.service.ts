import { atLeast } from '../../domain/access/roles.ts';
import type { Urgency } from '../../domain/requests/categories.ts';
import {
  ACTIVE_TASK_STATUSES,
  type CloseReason,
  canMove,
  OPEN_STATUSES,
  type RequestStatus,
  STATUSES,
  UNASSIGNED_STATUSES,
} from '../../domain/requests/request-status.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findRole } from '../core/membership.repository.ts';
import { findPerson, namesOf } from '../core/person.repository.ts';
import { reachable } from '../core/person.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { messages } from '../notifications/messages.ts';
import { notifyPerson } from '../notifications/notification.service.ts';
import type { EnqueueResult } from '../outbox/outbox.service.ts';
import { openFeedbackComment, openNote, revealRequest, sealNote } from '../privacy/privacy-gate.ts';
import { findRequest, listRequests, moveStatus } from './request.repository.ts';
import type { COMM_CHANNELS, COMM_OUTCOMES } from './request.schema.ts';
import type { RequestEvent, RequestPrivate, RequestSummary } from './request.types.ts';
import { type FieldChange, readChanges } from './request-edit.service.ts';
import { findFeedback, insertEvent, listEvents } from './request-event.repository.ts';
import { event } from './request-intake.service.ts';
import { findOwner } from './request-queue.repository.ts';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueQuery {
  status?: RequestStatus | 'open' | undefined;
  category?: string | undefined;
  urgency?: Urgency | undefined;
  areaId?: string | undefined;
  language?: string | undefined;
  olderThanDays?: number | undefined;
  followUp?: boolean | undefined;
  page: number;
}

/** The coordinator's queue, in the documented priority order (see listRequests). */
export async function triageQueue(
  deps: Pick<Deps, 'db' | 'clock'>,
  { scope, query }: { scope: NetworkScope; query: QueueQuery },
): Promise<{ items: RequestSummary[]; total: number }> {
  authorize(scope, 'requests.triage');
  const statuses = !query.status || query.status === 'open' ? OPEN_STATUSES : [query.status];
  return listRequests(deps.db, scope.network.id, {
    statuses,
    category: query.category,
    urgency: query.urgency,
    areaId: query.areaId,
    language: query.language,
    olderThan: query.olderThanDays
      ? new Date(deps.clock.now().getTime() - query.olderThanDays * DAY).toISOString()
      : undefined,
    followUpOnly: query.followUp,
    limit: QUEUE_PAGE_SIZE,
    offset: (Math.max(1, query.page) - 1) * QUEUE_PAGE_SIZE,
  });
}

export interface RequestView {
  summary: RequestSummary;
  private: RequestPrivate;
  /** Each entry with its note opened; an edit's change record as its fields' old and new values. */
  events: (RequestEvent & { note: string | null; changes: FieldChange[] | null })[];
  /** What the person who asked said afterwards; its comment for coordinators' eyes only. */
  feedback: {
    outcome: string;
    rating: number | null;
    comment: string | null;
    createdAt: string;
  } | null;
  /** Who has it: the coordinator who owns it and the volunteer doing it, by name. */
  owner: { id: string; name: string } | null;
  volunteer: { id: string; name: string } | null;
}

/** A request with its details and timeline, for a coordinator: the view is audited. */
export async function viewRequest(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, requestId }: { actor: Actor; scope: NetworkScope; requestId: string },
): Promise<RequestView> {
  authorize(scope, 'requests.triage');
  const found = await findRequest(deps.db, scope.network.id, requestId);
  if (!found) throw new AppError('NOT_FOUND');
  const opened = found.summary.redacted
    ? { name: null, phone: null, email: null, address: null, details: null, accessibility: null }
    : await revealRequest(deps, {
        actor,
        scope,
        request: found.summary,
        sealed: found.sealed,
        purpose: 'triage',
      });
  const events = (await listEvents(deps.db, requestId)).map((e) => {
    const note =
      e.bodySealed && !found.summary.redacted
        ? openNote(deps.config.keys, e.id, e.bodySealed)
        : null;
    return e.kind === 'fields_edited'
      ? { ...e, note: null, changes: readChanges(note) }
      : { ...e, note, changes: null };
  });
  const stored = await findFeedback(deps.db, requestId);
  const feedback = stored && {
    outcome: stored.outcome,
    rating: stored.rating,
    comment:
      stored.commentSealed && !found.summary.redacted
        ? openFeedbackComment(deps.config.keys, stored.id, stored.commentSealed)
        : null,
    createdAt: stored.createdAt,
  };
  const ownerId = await findOwner(deps.db, requestId);
  const volunteerId = found.summary.volunteerId;
  const names = await namesOf(
    deps.db,
    [ownerId, volunteerId].filter((x): x is string => !!x),
  );
  const named = (id: string | null) => (id ? { id, name: names.get(id) ?? '—' } : null);
  return {
    summary: found.summary,
    private: opened,
    events,
    feedback,
    owner: named(ownerId),
    volunteer: named(volunteerId),
  };
}

async function loadForChange(
  deps: Pick<Deps, 'db'>,
  scope: NetworkScope,
  requestId: string,
): Promise<RequestSummary> {
  const found = await findRequest(deps.db, scope.network.id, requestId);
  if (!found) throw new AppError('NOT_FOUND');
  return found.summary;
}

/**
 * Moves a request through the status machine (domain/requests/request-status.ts). Closing
 * needs a reason; moving back to triaged frees the volunteer. Audited, with a timeline entry.
 */
export async function changeStatus(
  deps: Pick<Deps, 'db' | 'clock' | 'openTasks'>,
  {
    actor,
    scope,
    requestId,
    to,
    reason,
  }: {
    actor: Actor;
    scope: NetworkScope;
    requestId: string;
    to: RequestStatus;
    reason?: CloseReason | undefined;
  },
): Promise<void> {
  authorize(scope, 'requests.triage');
  if (!STATUSES.includes(to))
    throw new AppError('VALIDATION_FAILED', {}, { to: { key: 'field.choose' } });
  const request = await loadForChange(deps, scope, requestId);
  if (!canMove(request.status, to))
    throw new AppError('REQUEST_STATUS_CONFLICT', { from: request.status, to });
  if (to === 'closed' && !reason)
    throw new AppError('VALIDATION_FAILED', {}, { reason: { key: 'field.closeReason' } });
  if (to === 'assigned' && !request.volunteerId)
    throw new AppError('REQUEST_STATUS_CONFLICT', { from: request.status, to });
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const moved = await moveStatus(trx, requestId, [request.status], {
      status: to,
      closeReason: to === 'closed' ? (reason ?? null) : null,
      closedAt: to === 'closed' || to === 'fulfilled' ? now : null,
      ...(to === 'triaged' ? { volunteerId: null } : {}),
      updatedAt: now,
    });
    if (!moved) throw new AppError('REQUEST_STATUS_CONFLICT', { from: request.status, to });
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'status', {
        fromStatus: request.status,
        toStatus: to,
        outcome: reason ?? null,
        createdAt: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.status_changed',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: { from: request.status, to, reason: reason ?? null },
    });
  });
  deps.openTasks.touch(scope.network.id, requestId);
}

/**
 * Why a task cannot be given to anyone now, read from where it stands: held by a volunteer
 * (named, so the coordinator knows whom to ask), or moved on (done, closed).
 */
async function notAssignable(db: Deps['db'], request: RequestSummary): Promise<AppError> {
  if (request.volunteerId && ACTIVE_TASK_STATUSES.includes(request.status)) {
    const holder = await findPerson(db, request.volunteerId);
    return new AppError('REQUEST_HELD_BY_OTHER', {
      code: request.code,
      name: holder?.displayName ?? '—',
    });
  }
  return new AppError('REQUEST_STATUS_CONFLICT', { from: request.status, to: 'assigned' });
}

/** As notAssignable, except that the volunteer who holds it already is no conflict (null). */
async function assignConflict(
  db: Deps['db'],
  request: RequestSummary,
  volunteerId: string,
): Promise<AppError | null> {
  if (request.volunteerId === volunteerId && ACTIVE_TASK_STATUSES.includes(request.status))
    return null;
  return notAssignable(db, request);
}

/**
 * A coordinator gives the task to a volunteer (from the suggestions or a batch dispatch).
 * Giving it to the volunteer who already holds it (a stale page, a second click, the same
 * dispatch sent twice) succeeds and changes nothing; held by someone else, it is refused with
 * their name, and the request is left as it is.
 */
export async function assignVolunteer(
  deps: Pick<Deps, 'db' | 'clock' | 'openTasks'>,
  {
    actor,
    scope,
    requestId,
    volunteerId,
  }: { actor: Actor; scope: NetworkScope; requestId: string; volunteerId: string },
): Promise<'assigned' | 'already_assigned'> {
  authorize(scope, 'requests.triage');
  if (!atLeast(await findRole(deps.db, scope.network.id, volunteerId), 'volunteer')) {
    throw new AppError('VALIDATION_FAILED', {}, { volunteerId: { key: 'field.choose' } });
  }
  const request = await loadForChange(deps, scope, requestId);
  if (!UNASSIGNED_STATUSES.includes(request.status)) {
    const conflict = await assignConflict(deps.db, request, volunteerId);
    if (conflict) throw conflict;
    return 'already_assigned';
  }
  const now = isoNow(deps.clock);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const moved = await moveStatus(trx, requestId, UNASSIGNED_STATUSES, {
      status: 'assigned',
      volunteerId: volunteerId,
      updatedAt: now,
    });
    if (!moved) {
      // Changed since it was read: by a claim or assignment of this same volunteer (fine),
      // or of someone else.
      const current = await loadForChange({ db: trx }, scope, requestId);
      const conflict = await assignConflict(trx, current, volunteerId);
      if (conflict) throw conflict;
      return 'already_assigned' as const;
    }
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'assigned', {
        fromStatus: request.status,
        toStatus: 'assigned',
        outcome: volunteerId,
        createdAt: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.assigned',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: { volunteer: volunteerId },
    });
    return 'assigned' as const;
  });
  if (outcome === 'assigned') deps.openTasks.touch(scope.network.id, requestId);
  return outcome;
}

/** A call, message, visit or note in the request's communication log. */
export async function logCommunication(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    requestId,
    input,
  }: {
    actor: Actor;
    scope: NetworkScope;
    requestId: string;
    input: {
      channel: (typeof COMM_CHANNELS)[number];
      outcome?: (typeof COMM_OUTCOMES)[number] | undefined;
      note?: string | undefined;
      followUp?: boolean | undefined;
    };
  },
): Promise<void> {
  authorize(scope, 'requests.triage');
  await loadForChange(deps, scope, requestId);
  const now = isoNow(deps.clock);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'communication', {
        id,
        channel: input.channel,
        outcome: input.outcome ?? null,
        followUp: input.followUp === true,
        bodySealed: input.note ? sealNote(deps.config.keys, id, input.note) : null,
        createdAt: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.communication',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: { channel: input.channel, outcome: input.outcome ?? null },
    });
  });
}

/**
 * A coordinator offers a task to one volunteer by text: "Reply YES <code> to take it". The
 * claim itself then goes through the same one-winner rule as the web (sms-inbound.service).
 * Also listed in the volunteer's notifications, and noted in the request's timeline.
 */
export async function offerTaskByText(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer' | 'sms'>,
  {
    actor,
    scope,
    requestId,
    volunteerId,
  }: { actor: Actor; scope: NetworkScope; requestId: string; volunteerId: string },
): Promise<EnqueueResult | 'no_phone'> {
  authorize(scope, 'requests.triage');
  if (!atLeast(await findRole(deps.db, scope.network.id, volunteerId), 'volunteer')) {
    throw new AppError('VALIDATION_FAILED', {}, { volunteerId: { key: 'field.choose' } });
  }
  const request = await loadForChange(deps, scope, requestId);
  if (!UNASSIGNED_STATUSES.includes(request.status)) throw await notAssignable(deps.db, request);
  const volunteer = await findPerson(deps.db, volunteerId);
  if (!volunteer || !reachable(volunteer.contact).phone) return 'no_phone';
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const sent = await notifyPerson(trx, deps, {
      personId: volunteerId,
      networkId: scope.network.id,
      kind: 'task.offered',
      key: `task.offered:${requestId}:${volunteerId}`,
      channels: ['sms'],
      urgent: request.urgency === 'critical',
      compose: (t) =>
        messages.taskOffered(t, {
          code: request.code,
          category: request.category,
          area: request.areaName,
          link: `/n/${scope.network.slug}/tasks/${requestId}`,
        }),
    });
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'offered', { outcome: volunteerId, createdAt: now }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.offered',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: { volunteer: volunteerId },
    });
    return sent.sms ?? ('no_phone' as const);
  });
}
