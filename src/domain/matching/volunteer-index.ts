/**
 * Volunteers held by home in grids, for "who can reach this request". Each volunteer travels
 * their own radius, so a grid is queried with the largest radius present in it and every
 * candidate is then kept only if the request is within their own radius. Pure.
 *
 * Besides one grid of everyone (for explanations), there is one grid per category of the
 * volunteers who help with it; its cheap facts (times, car, hours, break, room, radius) sit in
 * typed arrays in the grid's own order, so a query reads memory in sequence and touches a
 * volunteer's object only once every cheap test and the distance have passed.
 */
import { distanceKm } from '../geo/geo.ts';
import { cosLat, GridIndex } from '../geo/grid-index.ts';
import { eligibleBesidesDistance, hasTaskRoom } from './eligibility.ts';
import type { MatchRequest, MatchVolunteer } from './types.ts';

const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

/** The volunteers of one category, by grid position (`grid.order`). */
export interface VolunteerGrid {
  grid: GridIndex<number>;
  maxRadiusKm: number;
  /** By grid position: the volunteer's number in the list, and their cheap facts. */
  who: Int32Array;
  slots: Int32Array;
  car: Uint8Array;
  /** Not on a break and fewer open tasks than their capacity. */
  ready: Uint8Array;
  used: Float64Array;
  cap: Float64Array;
  radius: Float64Array;
  open: Int32Array;
  /** Languages spoken, one bit each (`VolunteerIndex.languageBit`)… */
  langs: Int32Array;
  /** …and 1 if they also speak one that got no bit (past 31 languages): ask their object. */
  moreLangs: Uint8Array;
}

export interface VolunteerIndex {
  readonly volunteers: readonly MatchVolunteer[];
  readonly grid: GridIndex<MatchVolunteer>;
  readonly maxRadiusKm: number;
  readonly byCategory: ReadonlyMap<string, VolunteerGrid>;
  /** A bit for each of the first 31 languages met. */
  readonly languageBit: ReadonlyMap<string, number>;
}

export type VolunteerSource = readonly MatchVolunteer[] | VolunteerIndex;

export function indexVolunteers(volunteers: readonly MatchVolunteer[], cellKm = 2): VolunteerIndex {
  const lists = new Map<string, number[]>();
  const languageBit = new Map<string, number>();
  let maxRadiusKm = 0;
  volunteers.forEach((v, j) => {
    maxRadiusKm = Math.max(maxRadiusKm, v.radiusKm);
    for (const l of v.languages) {
      if (!languageBit.has(l) && languageBit.size < 31) languageBit.set(l, 1 << languageBit.size);
    }
    for (const c of new Set(v.categories)) {
      const list = lists.get(c);
      if (list) list.push(j);
      else lists.set(c, [j]);
    }
  });
  const byCategory = new Map<string, VolunteerGrid>();
  for (const [c, list] of lists) {
    byCategory.set(c, volunteerGrid(volunteers, list, cellKm, languageBit));
  }
  const grid = new GridIndex(volunteers, (v) => v.home, cellKm);
  return { volunteers, grid, maxRadiusKm, byCategory, languageBit };
}

function volunteerGrid(
  volunteers: readonly MatchVolunteer[],
  list: number[],
  cellKm: number,
  languageBit: ReadonlyMap<string, number>,
): VolunteerGrid {
  const grid = new GridIndex(list, (j) => volunteers[j]!.home, cellKm);
  const n = list.length;
  const vg: VolunteerGrid = {
    grid,
    maxRadiusKm: 0,
    who: new Int32Array(n),
    slots: new Int32Array(n),
    car: new Uint8Array(n),
    ready: new Uint8Array(n),
    used: new Float64Array(n),
    cap: new Float64Array(n),
    radius: new Float64Array(n),
    open: new Int32Array(n),
    langs: new Int32Array(n),
    moreLangs: new Uint8Array(n),
  };
  for (let p = 0; p < n; p++) {
    const j = list[grid.order[p]!]!;
    const v = volunteers[j]!;
    vg.who[p] = j;
    vg.slots[p] = v.slots;
    vg.car[p] = v.hasCar ? 1 : 0;
    vg.ready[p] = !v.onBreak && hasTaskRoom(v) ? 1 : 0;
    vg.used[p] = v.hoursThisWeek;
    vg.cap[p] = v.weeklyHourCap;
    vg.radius[p] = v.radiusKm;
    vg.open[p] = v.openTasks;
    for (const l of v.languages) {
      const bit = languageBit.get(l);
      if (bit === undefined) vg.moreLangs[p] = 1;
      else vg.langs[p]! |= bit;
    }
    vg.maxRadiusKm = Math.max(vg.maxRadiusKm, v.radiusKm);
  }
  return vg;
}

/**
 * Calls `fn(p, km, speaks)` for every eligible volunteer of `r` in the grid of its category
 * (`p`: their position there, `vg.who[p]` their number): the same tests, with the same
 * arithmetic, as `isEligible`, cheapest first, the distance last; `speaks`: they speak the
 * request's language. Returns that grid, or undefined if nobody helps with the category.
 */
export function forEachEligibleIn(
  r: MatchRequest,
  index: VolunteerIndex,
  fn: (p: number, km: number, speaks: boolean) => void,
  ranges: number[] = [],
): VolunteerGrid | undefined {
  const vg = index.byCategory.get(r.category);
  if (!vg) return undefined;
  const { grid, slots, car, ready, used, cap, radius, langs, moreLangs } = vg;
  const point = r.location;
  const cosP = cosLat(point.lat);
  const { slots: want, hours: h, needsCar, language } = r;
  const bit = language === null ? 0 : (index.languageBit.get(language) ?? 0);
  const askObject = language !== null && bit === 0;
  const latAt = grid.latAt;
  grid.ranges(point, vg.maxRadiusKm, ranges);
  for (let q = 0; q < ranges.length; q += 2) {
    const to = ranges[q + 1]!;
    for (let p = ranges[q]!; p < to; p++) {
      if (ready[p] === 0 || (slots[p]! & want) === 0 || (needsCar && car[p] === 0)) continue;
      if (used[p]! + h > cap[p]!) continue;
      // The distance is at least the latitude difference: a cheap exact test before the sines.
      if (Math.abs(point.lat - latAt[p]!) * KM_PER_DEGREE > radius[p]! * (1 + 1e-9)) continue;
      const speaks =
        (langs[p]! & bit) !== 0 ||
        (askObject &&
          moreLangs[p] === 1 &&
          index.volunteers[vg.who[p]!]!.languages.includes(language));
      if (r.languageRequired && !speaks) continue;
      const km = grid.distanceAt(p, point, cosP);
      if (km <= radius[p]!) fn(p, km, speaks);
    }
  }
  return vg;
}

/**
 * Calls `fn(v, km)` for every eligible volunteer of `r` (see `isEligible`): a plain list is
 * scanned whole, an index looks only at the nearby cells of the request's category.
 */
export function forEachEligible(
  r: MatchRequest,
  source: VolunteerSource,
  fn: (v: MatchVolunteer, km: number) => void,
): void {
  if (Array.isArray(source)) {
    for (const v of source as readonly MatchVolunteer[]) {
      if (!eligibleBesidesDistance(r, v)) continue;
      const km = distanceKm(v.home, r.location);
      if (km <= v.radiusKm) fn(v, km);
    }
    return;
  }
  const index = source as VolunteerIndex;
  const vg = index.byCategory.get(r.category);
  forEachEligibleIn(r, index, (p, km) => fn(index.volunteers[vg!.who[p]!]!, km));
}

/**
 * Calls `fn(v, km)` for every volunteer whose own radius reaches the request, whatever the
 * other rules: everyone scanned for a list, the nearby cells of everyone for an index.
 */
export function forEachInReach(
  r: MatchRequest,
  source: VolunteerSource,
  fn: (v: MatchVolunteer, km: number) => void,
): void {
  if (Array.isArray(source)) {
    for (const v of source as readonly MatchVolunteer[]) {
      const km = distanceKm(v.home, r.location);
      if (km <= v.radiusKm) fn(v, km);
    }
    return;
  }
  const { grid, maxRadiusKm } = source as VolunteerIndex;
  grid.forEachNear(r.location, maxRadiusKm, (v, km) => {
    if (km <= v.radiusKm) fn(v, km);
  });
}
