/**
 * Why a request has no volunteer, as the tightest rule: the one that removed the last
 * candidates when the rules are applied one after another. Pure.
 */
import { distanceKm } from '../geo/geo.ts';
import { isWeekdaysOnly } from '../time/weekly-slots.ts';
import {
  carOk,
  hasHours,
  hasTaskRoom,
  inCategory,
  languageOk,
  timeOk,
  trainedFor,
} from './eligibility.ts';
import { pairWeight } from './score.ts';
import { languageName } from './suggest.ts';
import type { MatchRequest, MatchVolunteer, Objective, UnmatchedReason } from './types.ts';
import { forEachInReach, type VolunteerIndex } from './volunteer-index.ts';

/**
 * The rules in order: reach (each volunteer's own radius), category, language (if required),
 * time, car, break, room (open tasks, weekly hours). If someone passes all of them the request
 * was `outbid` (others in the batch weighed more), or, given the `objective`, `not-worth` when
 * every such pairing weighs 0 or less. Pass `index` to look only at nearby cells.
 */
export function explainUnmatched(
  request: MatchRequest,
  volunteers: readonly MatchVolunteer[],
  index?: VolunteerIndex,
  objective?: Objective,
): UnmatchedReason {
  const reach: { v: MatchVolunteer; km: number }[] = [];
  forEachInReach(request, index ?? volunteers, (v, km) => reach.push({ v, km }));
  if (reach.length === 0)
    return { kind: 'nobody-in-range', nearestKm: nearestKm(request, volunteers, index) };
  const withinKm = Math.round(Math.max(...reach.map((c) => c.v.radiusKm)) * 10) / 10;
  const weekdays = isWeekdaysOnly(request.slots);

  const inCat = reach.filter((c) => inCategory(request, c.v));
  if (inCat.length === 0)
    return { kind: 'nobody-in-category', category: request.category, withinKm };
  const lang = inCat.filter((c) => languageOk(request, c.v));
  const language = request.language ?? '';
  if (lang.length === 0) return { kind: 'nobody-speaks', language, withinKm };
  const free = lang.filter((c) => timeOk(request, c.v));
  if (free.length === 0) {
    return request.languageRequired
      ? { kind: 'nobody-speaks', language, withinKm, weekdays }
      : { kind: 'no-time-overlap', withinKm, weekdays };
  }
  const trained = free.filter((c) => trainedFor(request, c.v));
  if (trained.length === 0) return { kind: 'nobody-trained', withinKm };
  const car = trained.filter((c) => carOk(request, c.v));
  if (car.length === 0) return { kind: 'needs-car', withinKm };
  const working = car.filter((c) => !c.v.onBreak);
  if (working.length === 0) return { kind: 'all-on-break', withinKm, candidates: car.length };
  const room = working.filter((c) => hasTaskRoom(c.v) && hasHours(request, c.v));
  if (room.length === 0) {
    const atCapacity = working.filter((c) => !hasTaskRoom(c.v)).length;
    return {
      kind: 'all-at-capacity',
      withinKm,
      atCapacity,
      outOfHours: working.length - atCapacity,
    };
  }
  if (
    objective &&
    room.every((c) => pairWeight(request, c.v, objective, c.v.openTasks, c.km) <= 0)
  ) {
    return { kind: 'not-worth', candidates: room.length };
  }
  return { kind: 'outbid', candidates: room.length };
}

/** The distance to the closest volunteer's home, whatever their radius; null if none. */
function nearestKm(
  request: MatchRequest,
  volunteers: readonly MatchVolunteer[],
  index?: VolunteerIndex,
): number | null {
  let best = Number.POSITIVE_INFINITY;
  if (!index) {
    for (const v of volunteers) best = Math.min(best, distanceKm(v.home, request.location));
  } else if (index.grid.size > 0) {
    // Widen the search until someone is found; the last round (half the Earth) finds anyone.
    for (let r = Math.max(1, index.maxRadiusKm * 2); ; r *= 2) {
      index.grid.forEachNear(request.location, r, (_, km) => {
        best = Math.min(best, km);
      });
      if (best < Number.POSITIVE_INFINITY || r > 20100) break;
    }
  }
  return best < Number.POSITIVE_INFINITY ? Math.round(best * 10) / 10 : null;
}

/** English words for a reason, for tests and benchmarks; pages translate the structured form. */
export function unmatchedInWords(reason: UnmatchedReason): string {
  const within = 'withinKm' in reason ? `within ${reason.withinKm} km` : '';
  const when = (weekdays: boolean) => (weekdays ? 'on weekdays' : 'at the times asked');
  switch (reason.kind) {
    case 'nobody-in-range':
      return reason.nearestKm === null
        ? 'there are no volunteers yet'
        : `no volunteer travels this far (the nearest lives ${reason.nearestKm} km away)`;
    case 'nobody-in-category':
      return `nobody ${within} helps with ${reason.category}`;
    case 'nobody-speaks':
      return reason.weekdays === undefined
        ? `nobody ${within} speaks ${languageName(reason.language)}`
        : `nobody who speaks ${languageName(reason.language)} ${within} is free ${when(reason.weekdays)}`;
    case 'no-time-overlap':
      return `nobody ${within} who could help is free ${when(reason.weekdays)}`;
    case 'nobody-trained':
      return `nobody ${within} who could help then has the training this work needs`;
    case 'needs-car':
      return `nobody ${within} who could help then has a car`;
    case 'all-on-break':
      return `all ${reason.candidates} volunteers ${within} who could help are on a break`;
    case 'all-at-capacity':
      return `everyone ${within} who could help is full (${reason.atCapacity} hold all the tasks they allow, ${reason.outOfHours} are out of weekly hours)`;
    case 'outbid':
      return `${reason.candidates} volunteers could help, but all went to more urgent or closer requests in this batch`;
    case 'not-worth':
      return `${reason.candidates} volunteers could help, but under this objective sending any of them weighs less than leaving the request open`;
  }
}
