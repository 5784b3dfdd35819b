/**
 * The sparse graph of eligible pairs for a batch, on typed arrays, and its expansion into
 * volunteer "slots" (slot j = a volunteer's j-th new task, carrying that task's load penalty).
 * Pure.
 */
import { URGENCY_WEIGHT } from '../requests/categories.ts';
import type { MatchRequest, MatchVolunteer, Objective } from './types.ts';
import { forEachEligibleIn, indexVolunteers, type VolunteerIndex } from './volunteer-index.ts';

/** Eligible pairs by request: request i's pairs are start[i] .. start[i + 1]. */
export interface EdgeGraph {
  requests: readonly MatchRequest[];
  volunteers: readonly MatchVolunteer[];
  index: VolunteerIndex;
  start: Int32Array;
  /** The volunteer (position in `volunteers`) of each pair. */
  vol: Int32Array;
  /** The pair's weight before the load term (urgency − distance + language). */
  value: Float64Array;
}

export function buildEdges(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  objective: Objective,
  index?: VolunteerIndex,
): EdgeGraph {
  // The index's grid of the request's category, cheap tests on typed arrays first, the
  // distance last (`forEachEligibleIn`).
  const idx = index ?? indexVolunteers(volunteers);
  const ranges: number[] = [];
  const start = new Int32Array(requests.length + 1);
  let vol = new Int32Array(Math.max(16, requests.length * 8));
  let value = new Float64Array(vol.length);
  let e = 0;
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i]!;
    const u = objective.urgencyWeight * URGENCY_WEIGHT[r.urgency];
    const vg = forEachEligibleIn(
      r,
      idx,
      (p, km, speaks) => {
        if (e === vol.length) {
          vol = grow(vol, new Int32Array(vol.length * 2));
          value = grow(value, new Float64Array(value.length * 2));
        }
        vol[e] = p;
        // baseWeight(), on the grid's arrays.
        value[e++] = u - objective.distanceWeight * km + (speaks ? objective.languageBonus : 0);
      },
      ranges,
    );
    // Positions in the category's grid → volunteer numbers.
    for (let k = start[i]!; k < e; k++) vol[k] = vg!.who[vol[k]!]!;
    start[i + 1] = e;
  }
  return {
    requests,
    volunteers,
    index: idx,
    start,
    vol: vol.slice(0, e),
    value: value.slice(0, e),
  };
}

function grow<A extends Int32Array | Float64Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/**
 * How many new tasks each volunteer may take in this batch: capacity − open tasks, and no more
 * than their free weekly hours allow even with the shortest task they could be given.
 */
export function newTaskRoom(g: EdgeGraph): Int32Array {
  const m = g.volunteers.length;
  const shortest = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < g.requests.length; i++) {
    const h = g.requests[i]!.hours;
    for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
      const v = g.vol[e]!;
      if (h < shortest[v]!) shortest[v] = h;
    }
  }
  const room = new Int32Array(m);
  for (let v = 0; v < m; v++) {
    if (shortest[v] === Number.POSITIVE_INFINITY) continue;
    const vol = g.volunteers[v]!;
    const free = vol.weeklyHourCap - vol.hoursThisWeek;
    const byHours = shortest[v]! > 0 ? Math.floor(free / shortest[v]! + 1e-9) : Infinity;
    room[v] = Math.max(0, Math.min(vol.capacity - vol.openTasks, byHours));
  }
  return room;
}

/**
 * The slot-expanded graph: slot j of volunteer v weighs value − loadPenalty × (openTasks + j)
 * for each of v's pairs. Only slots weighing more than 0 are listed (leaving a request open
 * scores 0, so no optimum uses the others). This is the assignment problem an exact solver
 * gets; it relaxes only the coupling of one volunteer's tasks through their weekly hours.
 */
export function slotExpanded(g: EdgeGraph, objective: Objective) {
  const room = newTaskRoom(g);
  const slotStart = new Int32Array(room.length + 1);
  for (let v = 0; v < room.length; v++) slotStart[v + 1] = slotStart[v]! + room[v]!;
  const rows: number[] = [];
  const cols: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < g.requests.length; i++) {
    for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
      const v = g.vol[e]!;
      const open = g.volunteers[v]!.openTasks;
      for (let j = 0; j < room[v]!; j++) {
        const w = g.value[e]! - objective.loadPenalty * (open + j);
        if (w <= 0) continue;
        rows.push(i);
        cols.push(slotStart[v]! + j);
        weights.push(w);
      }
    }
  }
  return { requests: g.requests.length, slots: slotStart[room.length]!, rows, cols, weights };
}
