import type { LatLng } from '../../domain/geo/geo.ts';
import { batchDispatch } from '../../domain/matching/dispatch.ts';
import { BALANCED_LOAD, NEAREST_FIRST, URGENCY_FIRST } from '../../domain/matching/score.ts';
import { suggest } from '../../domain/matching/suggest.ts';
import type {
  MatchRequest,
  MatchVolunteer,
  Reason,
  UnmatchedReason,
} from '../../domain/matching/types.ts';
import { indexVolunteers } from '../../domain/matching/volunteer-index.ts';
import { DEFAULT_TASK_CAPACITY, estimatedHours } from '../../domain/requests/categories.ts';
import { UNASSIGNED_STATUSES } from '../../domain/requests/request-status.ts';
import { DAY } from '../../shared/clock.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { namesOf } from '../core/person.repository.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { matchableVolunteers, volunteerProfileOf } from '../offers/volunteer-profile.service.ts';
import {
  requiredTrainings,
  volunteeringLoad,
  withTrainings,
} from '../volunteering/matching-hooks.ts';
import { findSummaries, listOpenNear, volunteerLoads } from './request.repository.ts';
import type { RequestSummary } from './request.types.ts';
import { assignVolunteer } from './request-triage.service.ts';

/** The three ways a coordinator can weigh a batch (see domain/matching/score.ts). */
export const OBJECTIVES = {
  urgency: URGENCY_FIRST,
  nearest: NEAREST_FIRST,
  balanced: BALANCED_LOAD,
} as const;
export type ObjectiveName = keyof typeof OBJECTIVES;

export interface Suggestion {
  volunteerId: string;
  name: string;
  km: number;
  reasons: Reason[];
}

/** Monday 00:00 UTC of the current week: weekly hours count from there. */
function weekStart(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY).toISOString();
}

/** The network's volunteers as matching sees them, with today's load. */
async function matchVolunteers(
  deps: Pick<Deps, 'db' | 'clock'>,
  networkId: string,
): Promise<MatchVolunteer[]> {
  const now = deps.clock.now();
  const [people, loads, volunteering] = await Promise.all([
    matchableVolunteers(deps.db, networkId, now),
    volunteerLoads(deps.db, networkId, weekStart(now)),
    volunteeringLoad(deps.db, networkId, now),
  ]);
  const out: MatchVolunteer[] = [];
  for (const p of people) {
    if (!p.home) continue; // nobody can say how far they are: they still see the feed
    const load = loads.get(p.personId);
    const openHours = (load?.openCategories ?? []).reduce((h, c) => h + estimatedHours(c), 0);
    out.push({
      id: p.personId,
      home: p.home,
      radiusKm: p.radiusKm,
      categories: p.categories,
      languages: p.languages,
      hasCar: p.hasCar,
      slots: p.availabilityMask,
      capacity: DEFAULT_TASK_CAPACITY,
      openTasks: load?.openTasks ?? 0,
      weeklyHourCap: p.weeklyHourCap,
      hoursThisWeek: (load?.hoursDone ?? 0) + openHours + volunteering.shiftHours(p.personId),
      onBreak: p.onBreak,
      trainings: volunteering.trainings(p.personId),
    });
  }
  return out;
}

export function matchRequestOf(r: RequestSummary): MatchRequest | null {
  if (!r.approx) return null;
  return {
    id: r.id,
    location: r.approx,
    category: r.category,
    urgency: r.urgency,
    language: r.language,
    languageRequired: r.languageRequired,
    slots: r.slots,
    hours: estimatedHours(r.category),
    needsCar: r.needsCar,
    createdAt: Date.parse(r.createdAt),
  };
}

/** Ranked volunteers for one request, each with its reasons (for the coordinator). */
export async function suggestionsFor(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    scope,
    request,
    objective = 'urgency',
  }: { scope: NetworkScope; request: RequestSummary; objective?: ObjectiveName },
): Promise<Suggestion[]> {
  authorize(scope, 'requests.triage');
  const m = await withTrainings(
    deps.db,
    scope.network.id,
    deps.clock.now(),
    matchRequestOf(request),
  );
  if (!m) return [];
  const volunteers = await matchVolunteers(deps, scope.network.id);
  const ranked = suggest(m, indexVolunteers(volunteers), OBJECTIVES[objective], 10);
  const names = await namesOf(
    deps.db,
    ranked.map((s) => s.volunteerId),
  );
  return ranked.map((s) => ({
    volunteerId: s.volunteerId,
    name: names.get(s.volunteerId) ?? '—',
    km: s.km,
    reasons: s.reasons,
  }));
}

export interface DispatchPlan {
  objective: ObjectiveName;
  assignments: {
    request: RequestSummary;
    volunteerId: string;
    volunteerName: string;
    km: number;
    reasons: Reason[];
  }[];
  unmatched: { request: RequestSummary; reason: UnmatchedReason | { kind: 'no-place' } }[];
  objectiveValue: number;
  /** What the last confirmation gave: each request and the volunteer it went to, by name. */
  given: { request: RequestSummary; volunteerName: string }[];
}

/** How many of the last confirmation's pairs the page lists by name (they travel in the address). */
export const GIVEN_SHOWN = 100;

/** How many open requests one batch looks at: the oldest 5,000 (about 50 ms of matching). */
export const DISPATCH_BATCH = 5000;

/**
 * A batch dispatch over the open requests, for the coordinator to review, edit and confirm:
 * nothing is assigned until they do (confirmDispatch).
 */
export async function planDispatch(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    scope,
    objective,
    given = [],
  }: { scope: NetworkScope; objective: ObjectiveName; given?: readonly string[] },
): Promise<DispatchPlan> {
  authorize(scope, 'requests.triage');
  const givenRequests = (
    await findSummaries(deps.db, scope.network.id, given.slice(0, GIVEN_SHOWN))
  ).filter((r) => r.volunteerId);
  const givenNames = await namesOf(deps.db, [...new Set(givenRequests.map((r) => r.volunteerId!))]);
  const [requests, volunteers] = await Promise.all([
    listOpenNear(deps.db, scope.network.id, UNASSIGNED_STATUSES, DISPATCH_BATCH),
    matchVolunteers(deps, scope.network.id),
  ]);
  const needs = await requiredTrainings(deps.db, scope.network.id, deps.clock.now());
  const matchable = requests.map((r) => [r, needs(matchRequestOf(r))] as const);
  const result = batchDispatch(
    matchable.flatMap(([, m]) => (m ? [m] : [])),
    volunteers,
    OBJECTIVES[objective],
  );
  const byId = new Map(requests.map((r) => [r.id, r]));
  const names = await namesOf(deps.db, [...new Set(result.assignments.map((a) => a.volunteerId))]);
  const index = indexVolunteers(volunteers);
  return {
    objective,
    objectiveValue: result.objectiveValue,
    given: givenRequests.map((request) => ({
      request,
      volunteerName: givenNames.get(request.volunteerId!) ?? '—',
    })),
    assignments: result.assignments.map((a) => {
      const request = byId.get(a.requestId)!;
      const m = needs(matchRequestOf(request))!;
      const s = suggest(m, index, OBJECTIVES[objective], 50).find(
        (x) => x.volunteerId === a.volunteerId,
      );
      return {
        request,
        volunteerId: a.volunteerId,
        volunteerName: names.get(a.volunteerId) ?? '—',
        km: s?.km ?? 0,
        reasons: s?.reasons ?? [],
      };
    }),
    unmatched: [
      ...result.unmatched.map((u) => ({ request: byId.get(u.requestId)!, reason: u.reason })),
      ...matchable
        .filter(([, m]) => !m)
        .map(([r]) => ({ request: r, reason: { kind: 'no-place' as const } })),
    ],
  };
}

/**
 * Assigns the pairs the coordinator kept. Each is its own change, so a request someone
 * claimed meanwhile is skipped (and reported), not overwritten.
 */
export async function confirmDispatch(
  deps: Pick<Deps, 'db' | 'clock' | 'openTasks'>,
  {
    actor,
    scope,
    pairs,
  }: { actor: Actor; scope: NetworkScope; pairs: { requestId: string; volunteerId: string }[] },
): Promise<{ assigned: number; skipped: number; given: string[] }> {
  authorize(scope, 'requests.triage');
  let assigned = 0;
  let skipped = 0;
  const given: string[] = [];
  for (const p of pairs) {
    try {
      await assignVolunteer(deps, {
        actor,
        scope,
        requestId: p.requestId,
        volunteerId: p.volunteerId,
      });
      assigned += 1;
      given.push(p.requestId);
    } catch {
      skipped += 1;
    }
  }
  return { assigned, skipped, given };
}

/** Where the feed measures from: the volunteer's home point, else their home area's centre. */
export async function volunteerHome(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<{ point: LatLng | null; radiusKm: number } | null> {
  if (!scope.personId) return null;
  const profile = await volunteerProfileOf(deps.db, scope.network.id, scope.personId);
  if (!profile) return null;
  let point = profile.home;
  if (!point && profile.homeArea) {
    point =
      (await listAreas(deps.db, scope.network.id)).find((a) => a.id === profile.homeArea!.id)
        ?.centre ?? null;
  }
  return { point, radiusKm: profile.radiusKm };
}
