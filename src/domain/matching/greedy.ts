/**
 * The baseline a dispatch is measured against: first come, first served. Pure.
 */
import { buildEdges, type EdgeGraph } from './edges.ts';
import { dispatchResult } from './result.ts';
import type { DispatchResult, MatchRequest, MatchVolunteer, Objective } from './types.ts';

/**
 * Requests in `createdAt` order (ties: list order); each takes its best-weighing eligible
 * volunteer who still has room (open tasks and weekly hours, counting tasks given earlier in
 * this pass), if that weight is above 0.
 */
export function firstComeGreedy(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  objective: Objective,
): DispatchResult {
  const g = buildEdges(requests, volunteers, objective);
  return dispatchResult(g, greedyPairs(g, objective), objective);
}

/** The pair (edge) each request takes first-come, or −1. */
export function greedyPairs(g: EdgeGraph, objective: Objective): Int32Array {
  const n = g.requests.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => g.requests[a]!.createdAt - g.requests[b]!.createdAt || a - b);
  const taken = new Int32Array(g.volunteers.length);
  const hours = new Float64Array(g.volunteers.length);
  const edgeOf = new Int32Array(n).fill(-1);
  for (const i of order) {
    const h = g.requests[i]!.hours;
    let best = -1;
    let bestW = 0;
    for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
      const v = g.vol[e]!;
      const vol = g.volunteers[v]!;
      const k = vol.openTasks + taken[v]!;
      if (k >= vol.capacity || vol.hoursThisWeek + hours[v]! + h > vol.weeklyHourCap) continue;
      const w = g.value[e]! - objective.loadPenalty * k;
      if (w > bestW) {
        bestW = w;
        best = e;
      }
    }
    if (best < 0) continue;
    edgeOf[i] = best;
    taken[g.vol[best]!]!++;
    hours[g.vol[best]!]! += h;
  }
  return edgeOf;
}
