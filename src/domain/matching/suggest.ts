/**
 * Ranked suggestions for one request, each with its reasons. Pure.
 */
import { URGENCY_WEIGHT } from '../requests/categories.ts';
import { pairWeight, speaks } from './score.ts';
import type { MatchRequest, MatchVolunteer, Objective, Reason, Suggestion } from './types.ts';
import {
  forEachEligible,
  forEachEligibleIn,
  type VolunteerIndex,
  type VolunteerSource,
} from './volunteer-index.ts';

/**
 * The eligible volunteers for `request`, best first by weight (ties: nearer first, then id),
 * at most `limit`. Give it an index (`indexVolunteers`) to look only at nearby cells of the
 * request's category; a plain list is scanned whole.
 */
export function suggest(
  request: MatchRequest,
  volunteers: VolunteerSource,
  objective: Objective,
  limit = 10,
): Suggestion[] {
  const top: { v: MatchVolunteer; km: number; weight: number }[] = [];
  const size = Math.max(0, Math.floor(limit));
  // Keeps the best `size` seen so far, best first; `v` is only fetched for those that enter.
  const offer = (weight: number, km: number, get: () => MatchVolunteer) => {
    if (size === 0) return;
    if (top.length === size) {
      const last = top[size - 1]!;
      if (weight < last.weight || (weight === last.weight && km > last.km)) return;
    }
    const entry = { v: get(), km, weight };
    let k = top.length;
    while (k > 0 && better(entry, top[k - 1]!)) k--;
    if (k < size) top.splice(k, 0, entry);
    if (top.length > size) top.pop();
  };
  if (Array.isArray(volunteers)) {
    forEachEligible(request, volunteers, (v, km) =>
      offer(pairWeight(request, v, objective, v.openTasks, km), km, () => v),
    );
  } else {
    const index = volunteers as VolunteerIndex;
    const u = objective.urgencyWeight * URGENCY_WEIGHT[request.urgency];
    const vg = index.byCategory.get(request.category);
    forEachEligibleIn(request, index, (p, km, speaks) => {
      // pairWeight(), on the grid's arrays.
      const w =
        u -
        objective.distanceWeight * km +
        (speaks ? objective.languageBonus : 0) -
        objective.loadPenalty * vg!.open[p]!;
      offer(w, km, () => index.volunteers[vg!.who[p]!]!);
    });
  }
  return top.map(({ v, km, weight }) => ({
    volunteerId: v.id,
    weight,
    km,
    reasons: reasonsFor(request, v, km),
  }));
}

type Ranked = { v: MatchVolunteer; km: number; weight: number };
function better(a: Ranked, b: Ranked): boolean {
  if (a.weight !== b.weight) return a.weight > b.weight;
  if (a.km !== b.km) return a.km < b.km;
  return a.v.id < b.v.id;
}

/** Distance; the language if they speak it; a car if they have one; hours; open tasks if any. */
export function reasonsFor(r: MatchRequest, v: MatchVolunteer, km: number): Reason[] {
  const reasons: Reason[] = [{ kind: 'distance', km: Math.round(km * 10) / 10 }];
  if (r.language !== null && speaks(v, r.language)) {
    reasons.push({ kind: 'speaks', language: r.language });
  }
  if (v.hasCar) reasons.push({ kind: 'car' });
  reasons.push({ kind: 'hours', used: v.hoursThisWeek, cap: v.weeklyHourCap });
  if (v.openTasks > 0) reasons.push({ kind: 'load', open: v.openTasks, capacity: v.capacity });
  return reasons;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** English name of a language code ("ti" → "Tigrinya"); the code itself if unknown. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * English words for reasons, for tests and benchmarks ("2.1 km away, speaks Spanish, has a
 * car, 3 of 6 weekly hours used"); pages translate the structured form through the catalogue.
 */
export function reasonsInWords(reasons: readonly Reason[]): string {
  return reasons.map(reasonInWords).join(', ');
}

function reasonInWords(r: Reason): string {
  switch (r.kind) {
    case 'distance':
      return `${r.km.toFixed(1)} km away`;
    case 'speaks':
      return `speaks ${languageName(r.language)}`;
    case 'car':
      return 'has a car';
    case 'hours':
      return `${r.used} of ${r.cap} weekly hours used`;
    case 'load':
      return `${r.open} of ${r.capacity} tasks open`;
  }
}
