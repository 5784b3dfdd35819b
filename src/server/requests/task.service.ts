import { type LatLng, roundForPrivacy } from '../../domain/geo/geo.ts';
import { URGENCY_WEIGHT } from '../../domain/requests/categories.ts';
import { ACTIVE_TASK_STATUSES, UNASSIGNED_STATUSES } from '../../domain/requests/request-status.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow, systemClock } from '../../shared/clock.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import type { OpenTask } from '../core/open-tasks.ts';
import { findPerson } from '../core/person.repository.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { messages } from '../notifications/messages.ts';
import { notifyContact } from '../notifications/notification.service.ts';
import { openPrivate, revealRequest } from '../privacy/privacy-gate.ts';
import { untrainedCategories } from '../volunteering/matching-hooks.ts';
import { assertTrained } from '../volunteering/training.service.ts';
import {
  claimRequest,
  findRequest,
  findSummaries,
  listTasksOf,
  moveStatus,
} from './request.repository.ts';
import type { RequestPrivate, RequestSummary } from './request.types.ts';
import { insertEvent } from './request-event.repository.ts';
import { event } from './request-intake.service.ts';

export interface FeedItem {
  request: RequestSummary;
  /** From the volunteer's home to the request's 500 m cell: never more precise than that. */
  km: number | null;
}

/** How far the feed looks when the volunteer has not said: 10 km. */
export const DEFAULT_FEED_RADIUS_KM = 10;
/** Tasks per page of the feed: a short page loads fast on an old phone; more are a link away. */
export const FEED_SIZE = 20;

export interface Feed {
  items: FeedItem[];
  /** Open tasks within reach, on every page. */
  total: number;
  page: number;
  pages: number;
  /** The map beside the feed: the areas, and every task in reach counted per 500 m cell. */
  map: {
    areas: Area[];
    cells: Array<{ at: LatLng; count: number }>;
    /** The volunteer's home, rounded to its 500 m cell, and their radius; none without a home. */
    reach: { centre: LatLng; radiusKm: number } | null;
  };
}

/** Tasks counted per 500 m cell: the stored cell, rounded again so nothing finer is ever drawn. */
export function cellsOf(
  tasks: ReadonlyArray<{ c: OpenTask }>,
): Array<{ at: LatLng; count: number }> {
  const cells = new Map<string, { at: LatLng; count: number }>();
  for (const { c } of tasks) {
    if (c.lat === null || c.lng === null) continue;
    const at = roundForPrivacy({ lat: c.lat, lng: c.lng });
    const key = `${at.lat},${at.lng}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { at, count: 1 });
  }
  return [...cells.values()];
}

/**
 * Open tasks near a volunteer: unassigned requests within their travel radius of home (when
 * they have given one), the most urgent first, then the nearest, then the longest waiting.
 * Shows only what lists may show (category, urgency, area, a 500 m cell, household size).
 */
export async function taskFeed(
  deps: Pick<Deps, 'db' | 'openTasks'> & { clock?: Deps['clock'] },
  {
    scope,
    home,
    radiusKm,
    page = 1,
  }: {
    scope: NetworkScope;
    home: LatLng | null;
    radiusKm?: number | undefined;
    page?: number | undefined;
  },
): Promise<Feed> {
  authorize(scope, 'tasks.feed');
  const radius = radiusKm ?? DEFAULT_FEED_RADIUS_KM;
  // Within the radius of home, give or take the 500 m rounding of the request's place.
  const reachable = await deps.openTasks.near(deps.db, scope.network.id, home, radius + 0.5);
  // Work that needs a training the volunteer lacks is not offered to them (nor counted).
  const untrained = await untrainedCategories(
    deps.db,
    scope.network.id,
    scope.personId!,
    (deps.clock ?? systemClock).now(),
    [...new Set(reachable.map((i) => i.c.category))],
  );
  const near = untrained.size ? reachable.filter((i) => !untrained.has(i.c.category)) : reachable;
  const pages = Math.max(1, Math.ceil(near.length / FEED_SIZE));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const top = topByFeedOrder(near, shown * FEED_SIZE).slice((shown - 1) * FEED_SIZE);
  const km = new Map(top.map((i) => [i.c.id, i.km]));
  const summaries = await findSummaries(
    deps.db,
    scope.network.id,
    top.map((i) => i.c.id),
  );
  // The database is the truth: a task claimed since the index last looked is left out.
  const items = summaries
    .filter((request) => UNASSIGNED_STATUSES.includes(request.status))
    .map((request) => ({ request, km: km.get(request.id) ?? null }));
  const areas = await listAreas(deps.db, scope.network.id);
  const reach = home ? { centre: roundForPrivacy(home), radiusKm: radius } : null;
  return {
    items,
    total: near.length,
    page: shown,
    pages,
    map: { areas, cells: cellsOf(near), reach },
  };
}

type Ranked = { c: OpenTask; km: number | null };

/** Most urgent first, then nearest, then waiting longest. */
function feedOrder(a: Ranked, b: Ranked): number {
  return (
    URGENCY_WEIGHT[b.c.urgency] - URGENCY_WEIGHT[a.c.urgency] ||
    (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
    (a.c.createdAt < b.c.createdAt ? -1 : a.c.createdAt > b.c.createdAt ? 1 : 0)
  );
}

/** The first `k` in feed order, without sorting everything (thousands in a busy city). */
function topByFeedOrder(items: readonly Ranked[], k: number): Ranked[] {
  const top: Ranked[] = [];
  for (const item of items) {
    if (top.length === k && feedOrder(item, top[k - 1]!) >= 0) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && feedOrder(item, top[i - 1]!) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
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

/** What a claim did: took the task, or found it already the volunteer's own. */
export type ClaimOutcome = 'claimed' | 'already_yours';

/** The volunteer holds the task, and it is still open work. */
function heldBy(summary: RequestSummary, personId: string): boolean {
  return summary.volunteerId === personId && ACTIVE_TASK_STATUSES.includes(summary.status);
}

/**
 * Claims a task. Two volunteers at the same moment: exactly one wins (see claimRequest).
 * The same volunteer twice (a double click, a retried form, two "YES" texts) is not a
 * conflict: the second claim finds the task theirs and answers so, recording nothing more.
 * Only when someone else holds it is the claim refused.
 */
export async function claimTask(
  deps: Pick<Deps, 'db' | 'clock' | 'openTasks'>,
  { actor, scope, requestId }: { actor: Actor; scope: NetworkScope; requestId: string },
): Promise<ClaimOutcome> {
  authorize(scope, 'tasks.claim');
  const personId = scope.personId!;
  const found = await load(deps, scope, requestId);
  if (heldBy(found.summary, personId)) return 'already_yours';
  await assertTrained(deps, scope.network.id, personId, {
    category: found.summary.category,
  });
  const now = isoNow(deps.clock);
  const outcome = await deps.db.transaction().execute(async (trx): Promise<ClaimOutcome> => {
    if (!(await claimRequest(trx, requestId, personId, now, UNASSIGNED_STATUSES))) {
      // Lost the one-winner update: read who won (after its commit), and if it was this
      // same volunteer in a parallel claim, that claim is theirs already.
      const current = await findRequest(trx, scope.network.id, requestId);
      if (current && heldBy(current.summary, personId)) return 'already_yours';
      throw new AppError('REQUEST_ALREADY_CLAIMED', { code: found.summary.code });
    }
    await insertEvent(
      trx,
      event(requestId, personId, 'status', {
        fromStatus: found.summary.status,
        toStatus: 'assigned',
        outcome: 'claimed',
        createdAt: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.claimed',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
    });
    return 'claimed';
  });
  if (outcome === 'claimed') deps.openTasks.touch(scope.network.id, requestId);
  return outcome;
}

type MoveDeps = Pick<Deps, 'db' | 'clock' | 'openTasks' | 'config' | 'mailer' | 'sms'>;

/** "Ana" of "Ana María López": all a requester is told of their volunteer. */
function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

async function volunteerMove(
  deps: MoveDeps,
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
        ...(to === 'triaged' ? { volunteerId: null } : {}),
        ...(to === 'fulfilled' ? { closedAt: now, hours: extra.hours ?? null } : {}),
        updatedAt: now,
      },
      scope.personId!,
    );
    if (!moved) throw new AppError('REQUEST_STATUS_CONFLICT', { from: found.summary.status, to });
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'status', {
        fromStatus: found.summary.status,
        toStatus: to,
        outcome: to === 'triaged' ? 'unclaimed' : null,
        createdAt: now,
      }),
    );
    if (to === 'in_progress' && !found.summary.redacted) {
      // The requester hears someone is coming, with the volunteer's first name only. The
      // contact is opened here by the system to send it; no person sees it.
      const contact = openPrivate(deps.config.keys, requestId, found.sealed);
      const volunteer = await findPerson(trx, scope.personId!);
      await notifyContact(trx, deps, {
        networkId: scope.network.id,
        kind: 'task.on_the_way',
        key: `task.on_the_way:${requestId}:${scope.personId}`,
        language: found.summary.language,
        email: contact.email,
        phone: contact.phone,
        compose: (t) =>
          messages.onTheWay(t, {
            firstName: firstName(volunteer?.displayName ?? ''),
            code: found.summary.code,
          }),
      });
    }
    await audit(trx, deps.clock, {
      actor,
      action: to === 'triaged' ? 'request.unclaimed' : 'request.status_changed',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: { from: found.summary.status, to, ...(extra.hours ? { hours: extra.hours } : {}) },
    });
  });
  deps.openTasks.touch(scope.network.id, requestId);
}

/** Gives a task back: it returns to the queue for someone else, with no blame. */
export const unclaimTask = (
  deps: MoveDeps,
  a: { actor: Actor; scope: NetworkScope; requestId: string },
) => volunteerMove(deps, a, ['assigned', 'in_progress'], 'triaged');
export const startTask = (
  deps: MoveDeps,
  a: { actor: Actor; scope: NetworkScope; requestId: string },
) => volunteerMove(deps, a, ['assigned'], 'in_progress');
export const finishTask = (
  deps: MoveDeps,
  a: { actor: Actor; scope: NetworkScope; requestId: string; hours: number },
) => volunteerMove(deps, a, ['assigned', 'in_progress'], 'fulfilled', { hours: a.hours });
