/**
 * Batch dispatch: every open request against every volunteer at once. Pure.
 */
import { auction } from './auction.ts';
import { buildEdges, type EdgeGraph, newTaskRoom } from './edges.ts';
import { greedyPairs } from './greedy.ts';
import { improve } from './improve.ts';
import { dispatchResult, totalWeight } from './result.ts';
import type { DispatchResult, MatchRequest, MatchVolunteer, Objective } from './types.ts';

/**
 * Gives open requests to volunteers so as to maximise
 *
 *     Σ over chosen pairs (request r, volunteer v) of
 *       urgencyWeight × URGENCY_WEIGHT[r.urgency] − distanceWeight × km(v, r)
 *       + languageBonus × [v speaks r's language] − loadPenalty × k,
 *
 * where k counts the tasks v already holds plus those given to v earlier in this batch (so the
 * second new task costs loadPenalty more than the first, the third more again), subject to:
 * every pair eligible; each request given at most once; each volunteer given at most
 * capacity − openTasks new tasks, whose hours fit within weeklyHourCap − hoursThisWeek.
 * A request left open scores 0, so no pair weighing 0 or less is ever chosen.
 *
 * How: eligible pairs are found through a grid index of volunteers' homes; each volunteer
 * becomes as many "slots" as new tasks they may take (slot j carries the penalty of k =
 * openTasks + j); the auction algorithm (`auction.ts`) matches requests to slots. The weekly
 * hours are then checked: a volunteer whose tasks overrun them keeps the best subset that fits
 * and the others are offered again to whoever still has room, until nothing changes; then a
 * local search (`improve.ts`) inserts open requests or swaps them for a volunteer's task where
 * that gains. Finally the result is compared with first-come (`firstComeGreedy`) and the better
 * one is returned, so a dispatch is never worse than the baseline. Requests left open get a
 * reason each.
 *
 * Cost: the grid makes finding the E eligible pairs about linear in them; the auction is a few
 * passes over the E pairs per ε-phase (≈ 7 phases); the repair and the local search touch only
 * the volunteers whose hours overran; first-come is a sort and one pass. At 50,000 requests ×
 * 10,000 volunteers (1.2M pairs) the whole takes 1–2 s on one core.
 */
export function batchDispatch(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  objective: Objective,
): DispatchResult {
  const g = buildEdges(requests, volunteers, objective);
  const { edgeOf, bound } = solve(g, objective);
  const greedy = greedyPairs(g, objective);
  const better = totalWeight(g, greedy, objective) > totalWeight(g, edgeOf, objective);
  return dispatchResult(g, better ? greedy : edgeOf, objective, bound);
}

/** The auction rounds with the hours repair; exported for tests that look at it alone. */
export function solve(g: EdgeGraph, objective: Objective): { edgeOf: Int32Array; bound: number } {
  const n = g.requests.length;
  const m = g.volunteers.length;
  const room = newTaskRoom(g);
  const given = new Int32Array(m);
  const hoursGiven = new Float64Array(m);
  const edgeOf = new Int32Array(n).fill(-1);
  let bound = Number.POSITIVE_INFINITY;
  const dropped = new Set<number>();
  const repaired = new Set<number>();
  const hoursLeft = (v: number) => {
    const vol = g.volunteers[v]!;
    return vol.weeklyHourCap - vol.hoursThisWeek - hoursGiven[v]!;
  };

  for (let round = 0; round < 20; round++) {
    // The requests still open, with their pairs to volunteers who still have room for them
    // (in the first round: all of them, as they are).
    const { persons, start, vol, value, edge } =
      round === 0 ? everything(g) : stillOpen(g, edgeOf, given, room, hoursLeft);
    if (persons.length === 0) break;
    const slotStart = new Int32Array(m + 1);
    for (let v = 0; v < m; v++) slotStart[v + 1] = slotStart[v]! + room[v]! - given[v]!;
    const penalty = new Float64Array(slotStart[m]!);
    for (let v = 0; v < m; v++) {
      const k0 = g.volunteers[v]!.openTasks + given[v]!;
      for (let s = slotStart[v]!; s < slotStart[v + 1]!; s++) {
        penalty[s] = objective.loadPenalty * (k0 + s - slotStart[v]!);
      }
    }
    const { slotOf, bound: b } = auction({
      n: persons.length,
      start,
      vol,
      value,
      slotStart,
      penalty,
    });
    if (round === 0) bound = b;

    // Which pair each person won, grouped by volunteer.
    const won = new Map<number, number[]>();
    for (let p = 0; p < persons.length; p++) {
      if (slotOf[p]! < 0) continue;
      for (let k = start[p]!; k < start[p + 1]!; k++) {
        if (slotOf[p]! >= slotStart[vol[k]!]! && slotOf[p]! < slotStart[vol[k]! + 1]!) {
          edgeOf[persons[p]!] = edge[k]!;
          const list = won.get(vol[k]!);
          if (list) list.push(persons[p]!);
          else won.set(vol[k]!, [persons[p]!]);
          break;
        }
      }
    }
    let drops = 0;
    for (const [v, list] of won) {
      const keep = bestFit(g, v, list, edgeOf, hoursLeft(v), objective, given[v]!);
      for (const i of list) {
        if (keep.includes(i)) {
          given[v]!++;
          hoursGiven[v]! += g.requests[i]!.hours;
        } else {
          edgeOf[i] = -1;
          dropped.add(i);
          repaired.add(v);
          drops++;
        }
      }
    }
    if (drops === 0) break;
  }
  if (dropped.size > 0) improve(g, edgeOf, objective, openNear(g, edgeOf, dropped, repaired));
  return { edgeOf, bound };
}

/**
 * The requests worth another try after a repair: those it dropped that are still open, and the
 * open requests that could go to a volunteer it repaired (who now has hours or room to spare).
 */
function openNear(
  g: EdgeGraph,
  edgeOf: Int32Array,
  dropped: Set<number>,
  repaired: Set<number>,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < g.requests.length; i++) {
    if (edgeOf[i]! >= 0) continue;
    if (dropped.has(i)) {
      out.push(i);
      continue;
    }
    for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
      if (repaired.has(g.vol[e]!)) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

interface Round {
  persons: Int32Array;
  start: Int32Array;
  vol: Int32Array;
  value: Float64Array;
  /** Each pair's number in the whole graph. */
  edge: Int32Array;
}

function everything(g: EdgeGraph): Round {
  const n = g.requests.length;
  const persons = new Int32Array(n);
  for (let i = 0; i < n; i++) persons[i] = i;
  const edge = new Int32Array(g.vol.length);
  for (let e = 0; e < edge.length; e++) edge[e] = e;
  return { persons, start: g.start, vol: g.vol, value: g.value, edge };
}

function stillOpen(
  g: EdgeGraph,
  edgeOf: Int32Array,
  given: Int32Array,
  room: Int32Array,
  hoursLeft: (v: number) => number,
): Round {
  const persons: number[] = [];
  const start = [0];
  const vol: number[] = [];
  const value: number[] = [];
  const edge: number[] = [];
  for (let i = 0; i < g.requests.length; i++) {
    if (edgeOf[i]! >= 0) continue;
    const h = g.requests[i]!.hours;
    for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
      const v = g.vol[e]!;
      if (given[v]! >= room[v]! || h > hoursLeft(v)) continue;
      vol.push(v);
      value.push(g.value[e]!);
      edge.push(e);
    }
    if (vol.length > start[start.length - 1]!) {
      persons.push(i);
      start.push(vol.length);
    }
  }
  return {
    persons: Int32Array.from(persons),
    start: Int32Array.from(start),
    vol: Int32Array.from(vol),
    value: Float64Array.from(value),
    edge: Int32Array.from(edge),
  };
}

/**
 * The most valuable subset of the requests `list` won by volunteer `v` whose hours fit in
 * `hours` (all of them when they fit). Every subset is tried (a volunteer wins a handful);
 * past 12, best value first while they fit.
 */
function bestFit(
  g: EdgeGraph,
  v: number,
  list: number[],
  edgeOf: Int32Array,
  hours: number,
  objective: Objective,
  given: number,
): number[] {
  const h = list.map((i) => g.requests[i]!.hours);
  const a = list.map((i) => g.value[edgeOf[i]!]!);
  if (h.reduce((x, y) => x + y, 0) <= hours) return list;
  const k0 = g.volunteers[v]!.openTasks + given;
  if (list.length > 12) {
    const order = list.map((_, j) => j).sort((x, y) => a[y]! - a[x]!);
    const keep: number[] = [];
    let used = 0;
    for (const j of order) {
      if (used + h[j]! > hours) continue;
      used += h[j]!;
      keep.push(list[j]!);
    }
    return keep;
  }
  let bestMask = 0;
  let bestValue = 0;
  for (let mask = 1; mask < 1 << list.length; mask++) {
    let used = 0;
    let val = 0;
    let count = 0;
    for (let j = 0; j < list.length; j++) {
      if (!(mask & (1 << j))) continue;
      used += h[j]!;
      val += a[j]! - objective.loadPenalty * (k0 + count++);
    }
    if (used <= hours && val > bestValue) {
      bestValue = val;
      bestMask = mask;
    }
  }
  return list.filter((_, j) => bestMask & (1 << j));
}
