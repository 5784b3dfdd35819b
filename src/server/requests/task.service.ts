import { distanceKm, type LatLng, METRES_PER_DEGREE } from '../../domain/geo/geo.ts';
import { URGENCY_WEIGHT } from '../../domain/requests/categories.ts';
import { ACTIVE_TASK_STATUSES, UNASSIGNED_STATUSES } from '../../domain/requests/request-status.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { authorize, type NetworkScope } from '../networks/scope.ts';
import { revealRequest } from '../privacy/privacy-gate.ts';
import {
  claimRequest,
  findRequest,
  findSummaries,
  insertEvent,
  listCandidates,
  listTasksOf,
  moveStatus,
} from './request.repository.ts';
import type { RequestPrivate, RequestSummary } from './request.types.ts';
import { event } from './request-intake.service.ts';

export interface FeedItem {
  request: RequestSummary;
  /** From the volunteer's home to the request's 500 m cell: never more precise than that. */
  km: number | null;
}

/** How far the feed looks when the volunteer has not said: 10 km. */
export const DEFAULT_FEED_RADIUS_KM = 10;
export const FEED_SIZE = 50;

/**
 * Open tasks near a volunteer: unassigned requests within their travel radius of home (when
 * they have given one), the most urgent first, then the nearest, then the longest waiting.
 * Shows only what lists may show (category, urgency, area, a 500 m cell, household size).
 */
export async function taskFeed(
  deps: Pick<Deps, 'db'>,
  {
    scope,
    home,
    radiusKm,
  }: { scope: NetworkScope; home: LatLng | null; radiusKm?: number | undefined },
): Promise<FeedItem[]> {
  authorize(scope, 'tasks.feed');
  const radius = radiusKm ?? DEFAULT_FEED_RADIUS_KM;
  // A bounding box in degrees around home, with 1 km to spare for the 500 m rounding.
  const box = home
    ? {
        latMin: home.lat - ((radius + 1) * 1000) / METRES_PER_DEGREE,
        latMax: home.lat + ((radius + 1) * 1000) / METRES_PER_DEGREE,
        lngMin:
          home.lng -
          ((radius + 1) * 1000) / (METRES_PER_DEGREE * Math.cos((home.lat * Math.PI) / 180)),
        lngMax:
          home.lng +
          ((radius + 1) * 1000) / (METRES_PER_DEGREE * Math.cos((home.lat * Math.PI) / 180)),
      }
    : null;
  // Up to 5,000 candidates in the box: a disaster-sized city; ranking them is about 1 ms.
  const candidates = await listCandidates(
    deps.db,
    scope.network.id,
    UNASSIGNED_STATUSES,
    box,
    5000,
  );
  const ranked = candidates
    .map((c) => ({
      c,
      km:
        home && c.lat !== null && c.lng !== null
          ? distanceKm(home, { lat: c.lat, lng: c.lng })
          : null,
    }))
    .filter((i) => i.km === null || i.km <= radius + 0.5);
  ranked.sort(
    (a, b) =>
      URGENCY_WEIGHT[b.c.urgency] - URGENCY_WEIGHT[a.c.urgency] ||
      (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
      a.c.createdAt.localeCompare(b.c.createdAt),
  );
  const top = ranked.slice(0, FEED_SIZE);
  const km = new Map(top.map((i) => [i.c.id, i.km]));
  const summaries = await findSummaries(
    deps.db,
    scope.network.id,
    top.map((i) => i.c.id),
  );
  return summaries.map((request) => ({ request, km: km.get(request.id) ?? null }));
}

/** The volunteer's own assigned and in-progress tasks. */
export async function myTasks(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<RequestSummary[]> {
  authorize(scope, 'tasks.feed');
  return listTasksOf(deps.db, scope.network.id, scope.personId!, ACTIVE_TASK_STATUSES);
}

async function load(deps: Pick<Deps, 'db'>, scope: NetworkScope, requestId: string) {
  const found = await findRequest(deps.db, scope.network.id, requestId);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/**
 * A task as its volunteer sees it: the summary always; the name, address, phone and details
 * only while it is theirs and open (the privacy gate decides, and audits the view).
 */
export async function viewTask(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, requestId }: { actor: Actor; scope: NetworkScope; requestId: string },
): Promise<{ summary: RequestSummary; private: RequestPrivate | null; mine: boolean }> {
  authorize(scope, 'tasks.feed');
  const found = await load(deps, scope, requestId);
  const mine = found.summary.volunteerId === scope.personId;
  if (!mine && !UNASSIGNED_STATUSES.includes(found.summary.status)) throw new AppError('NOT_FOUND');
  const open =
    mine && ACTIVE_TASK_STATUSES.includes(found.summary.status) && !found.summary.redacted;
  const opened = open
    ? await revealRequest(deps, {
        actor,
        scope,
        request: found.summary,
        sealed: found.sealed,
        purpose: 'task',
      })
    : null;
  return { summary: found.summary, private: opened, mine };
}

/** Claims a task. Two volunteers at the same moment: exactly one wins (see claimRequest). */
export async function claimTask(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, requestId }: { actor: Actor; scope: NetworkScope; requestId: string },
): Promise<void> {
  authorize(scope, 'tasks.claim');
  const found = await load(deps, scope, requestId);
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimRequest(trx, requestId, scope.personId!, now, UNASSIGNED_STATUSES))) {
      throw new AppError('REQUEST_ALREADY_CLAIMED', { code: found.summary.code });
    }
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'status', {
        from_status: found.summary.status,
        to_status: 'assigned',
        outcome: 'claimed',
        created_at: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.claimed',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
    });
  });
}

async function volunteerMove(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, requestId }: { actor: Actor; scope: NetworkScope; requestId: string },
  from: readonly ('assigned' | 'in_progress')[],
  to: 'triaged' | 'in_progress' | 'fulfilled',
  extra: { hours?: number } = {},
): Promise<void> {
  authorize(scope, 'tasks.claim');
  const found = await load(deps, scope, requestId);
  if (found.summary.volunteerId !== scope.personId) throw new AppError('REQUEST_NOT_YOURS');
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const moved = await moveStatus(
      trx,
      requestId,
      from,
      {
        status: to,
        ...(to === 'triaged' ? { volunteer_id: null } : {}),
        ...(to === 'fulfilled' ? { closed_at: now, hours: extra.hours ?? null } : {}),
        updated_at: now,
      },
      scope.personId!,
    );
    if (!moved) throw new AppError('REQUEST_STATUS_CONFLICT', { from: found.summary.status, to });
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'status', {
        from_status: found.summary.status,
        to_status: to,
        outcome: to === 'triaged' ? 'unclaimed' : null,
        created_at: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: to === 'triaged' ? 'request.unclaimed' : 'request.status_changed',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: { from: found.summary.status, to, ...(extra.hours ? { hours: extra.hours } : {}) },
    });
  });
}

/** Gives a task back: it returns to the queue for someone else, with no blame. */
export const unclaimTask = (
  deps: Pick<Deps, 'db' | 'clock'>,
  a: { actor: Actor; scope: NetworkScope; requestId: string },
) => volunteerMove(deps, a, ['assigned', 'in_progress'], 'triaged');
export const startTask = (
  deps: Pick<Deps, 'db' | 'clock'>,
  a: { actor: Actor; scope: NetworkScope; requestId: string },
) => volunteerMove(deps, a, ['assigned'], 'in_progress');
export const finishTask = (
  deps: Pick<Deps, 'db' | 'clock'>,
  a: { actor: Actor; scope: NetworkScope; requestId: string; hours: number },
) => volunteerMove(deps, a, ['assigned', 'in_progress'], 'fulfilled', { hours: a.hours });
