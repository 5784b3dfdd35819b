/**
 * Turns "which pair each request got" into a `DispatchResult`: weights, total, and a reason for
 * every request left open. Shared by the dispatch and the first-come baseline. Pure.
 */
import type { EdgeGraph } from './edges.ts';
import { explainUnmatched } from './explain.ts';
import type { Assignment, DispatchResult, Objective, UnmatchedReason } from './types.ts';

/**
 * The total weight of a choice of pairs (`edgeOf[i]`: request i's pair, or −1). A volunteer
 * given t new tasks pays the load penalty of k = openTasks … openTasks + t − 1, whatever the
 * order: the sum does not depend on which task is called the first.
 */
export function totalWeight(g: EdgeGraph, edgeOf: Int32Array, objective: Objective): number {
  const count = new Int32Array(g.volunteers.length);
  let total = 0;
  for (let i = 0; i < edgeOf.length; i++) {
    const e = edgeOf[i]!;
    if (e < 0) continue;
    const v = g.vol[e]!;
    total += g.value[e]! - objective.loadPenalty * (g.volunteers[v]!.openTasks + count[v]!);
    count[v]!++;
  }
  return total;
}

export function dispatchResult(
  g: EdgeGraph,
  edgeOf: Int32Array,
  objective: Objective,
  upperBound = Number.POSITIVE_INFINITY,
): DispatchResult {
  const byVolunteer = new Map<number, number[]>();
  for (let i = 0; i < edgeOf.length; i++) {
    const e = edgeOf[i]!;
    if (e < 0) continue;
    const list = byVolunteer.get(g.vol[e]!);
    if (list) list.push(i);
    else byVolunteer.set(g.vol[e]!, [i]);
  }
  const assignments: Assignment[] = [];
  let objectiveValue = 0;
  for (const [v, list] of byVolunteer) {
    const vol = g.volunteers[v]!;
    // The more valuable task counts as the earlier one, so it carries the smaller penalty.
    list.sort((a, b) => g.value[edgeOf[b]!]! - g.value[edgeOf[a]!]!);
    list.forEach((i, rank) => {
      const weight = g.value[edgeOf[i]!]! - objective.loadPenalty * (vol.openTasks + rank);
      objectiveValue += weight;
      assignments.push({ requestId: g.requests[i]!.id, volunteerId: vol.id, weight });
    });
  }
  const unmatched: { requestId: string; reason: UnmatchedReason }[] = [];
  for (let i = 0; i < edgeOf.length; i++) {
    if (edgeOf[i]! >= 0) continue;
    const r = g.requests[i]!;
    unmatched.push({ requestId: r.id, reason: reasonInBatch(g, i, objective) });
  }
  return { assignments, objectiveValue, unmatched, upperBound };
}

/** Had eligible volunteers: outbid (or not worth sending); had none: the rule that removed them. */
function reasonInBatch(g: EdgeGraph, i: number, objective: Objective): UnmatchedReason {
  const from = g.start[i]!;
  const to = g.start[i + 1]!;
  if (to === from) return explainUnmatched(g.requests[i]!, g.volunteers, g.index, objective);
  let worth = false;
  for (let e = from; e < to; e++) {
    const open = g.volunteers[g.vol[e]!]!.openTasks;
    if (g.value[e]! - objective.loadPenalty * open > 0) worth = true;
  }
  return { kind: worth ? 'outbid' : 'not-worth', candidates: to - from };
}
