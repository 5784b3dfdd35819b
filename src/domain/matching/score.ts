/**
 * The weight of a pair and the three named objectives a coordinator picks from. Pure.
 *
 * All three are chosen so that every eligible pair within 10 km weighs more than 0 up to a
 * volunteer's third task (k ≤ 2): leaving a request open scores 0, so a positive weight means
 * "better sent than not", and no reachable request is left open only because it is far.
 */
import { distanceKm } from '../geo/geo.ts';
import { URGENCY_WEIGHT } from '../requests/categories.ts';
import type { MatchRequest, MatchVolunteer, Objective } from './types.ts';

/**
 * Urgency decides: one urgency step (low → normal, 10) is worth more than all the other terms
 * can differ by within a volunteer's reach (10 km × 0.25 + two extra tasks × 0.5 + 0.5 = 4),
 * so a contested volunteer goes to the more urgent request; distance, load and language only
 * break ties between requests of the same urgency. Low at 10 km as a third task: 6.
 */
export const URGENCY_FIRST: Objective = Object.freeze({
  urgencyWeight: 10,
  distanceWeight: 0.25,
  loadPenalty: 0.5,
  languageBonus: 0.5,
});

/**
 * Short trips: a kilometre counts as much as speaking the neighbour's language (0.5), so
 * suggestions are ranked nearly by distance and the dispatch minimises travel among requests of
 * the same urgency; one urgency step (low → normal, 6) is worth 12 km, not 40 as above.
 * Low at 10 km as a third task: 6 − 5 − 0.5 = 0.5 > 0.
 */
export const NEAREST_FIRST: Objective = Object.freeze({
  urgencyWeight: 6,
  distanceWeight: 0.5,
  loadPenalty: 0.25,
  languageBonus: 0.5,
});

/**
 * Spread the work: each task a volunteer already holds costs 2, as much as 8 km of travel, so
 * a free volunteer up to 8 km further away is preferred to a second task for someone near (16 km
 * for a third); when capacity is spare almost nobody is filled up. Urgency (8 per step from low)
 * still outweighs one extra task. Low at 10 km as a third task: 8 − 2.5 − 4 = 1.5 > 0.
 */
export const BALANCED_LOAD: Objective = Object.freeze({
  urgencyWeight: 8,
  distanceWeight: 0.25,
  loadPenalty: 2,
  languageBonus: 0.5,
});

export function speaks(v: MatchVolunteer, language: string | null): boolean {
  return language !== null && v.languages.includes(language);
}

/** The weight before the load term: urgency − distance + language bonus. */
export function baseWeight(
  r: MatchRequest,
  v: MatchVolunteer,
  km: number,
  objective: Objective,
): number {
  return (
    objective.urgencyWeight * URGENCY_WEIGHT[r.urgency] -
    objective.distanceWeight * km +
    (speaks(v, r.language) ? objective.languageBonus : 0)
  );
}

/** The weight of giving `r` to `v` when `v` already holds `k` tasks. */
export function pairWeight(
  r: MatchRequest,
  v: MatchVolunteer,
  objective: Objective,
  k = v.openTasks,
  km = distanceKm(v.home, r.location),
): number {
  return baseWeight(r, v, km, objective) - objective.loadPenalty * k;
}
