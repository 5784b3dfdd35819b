/**
 * Who may take a request, one rule at a time (the explanations walk the same rules). Pure.
 * Distances are always `distanceKm(volunteer.home, request.location)`.
 */
import { distanceKm } from '../geo/geo.ts';
import { overlaps } from '../time/weekly-slots.ts';
import { speaks } from './score.ts';
import type { MatchRequest, MatchVolunteer } from './types.ts';

export const inCategory = (r: MatchRequest, v: MatchVolunteer): boolean =>
  v.categories.includes(r.category);
export const languageOk = (r: MatchRequest, v: MatchVolunteer): boolean =>
  !r.languageRequired || speaks(v, r.language);
export const timeOk = (r: MatchRequest, v: MatchVolunteer): boolean => overlaps(r.slots, v.slots);
export const carOk = (r: MatchRequest, v: MatchVolunteer): boolean => !r.needsCar || v.hasCar;
export const hasTaskRoom = (v: MatchVolunteer): boolean => v.openTasks < v.capacity;
export const hasHours = (r: MatchRequest, v: MatchVolunteer): boolean =>
  v.hoursThisWeek + r.hours <= v.weeklyHourCap;
/** Every training the work needs, current (see src/server/volunteering/training.service.ts). */
export const trainedFor = (r: MatchRequest, v: MatchVolunteer): boolean =>
  !r.requiredTrainings?.length || r.requiredTrainings.every((t) => v.trainings?.includes(t));

/** Every rule but distance: cheap, so callers test these before computing the distance. */
export function eligibleBesidesDistance(r: MatchRequest, v: MatchVolunteer): boolean {
  return (
    !v.onBreak &&
    hasTaskRoom(v) &&
    inCategory(r, v) &&
    timeOk(r, v) &&
    carOk(r, v) &&
    hasHours(r, v) &&
    languageOk(r, v) &&
    trainedFor(r, v)
  );
}

/**
 * An eligible pair: not on break; the request within the volunteer's radius; the category is
 * one they help with; they speak the language if it is required; their times overlap; they
 * hold fewer open tasks than their capacity; the task's hours fit in their weekly cap; and they
 * have a car if one is needed.
 */
export function isEligible(
  r: MatchRequest,
  v: MatchVolunteer,
  km = distanceKm(v.home, r.location),
): boolean {
  return km <= v.radiusKm && eligibleBesidesDistance(r, v);
}
