/**
 * Local improvement after the weekly-hours repair. Pure.
 *
 * Dropping tasks to fit a volunteer's hours can leave value on the table (the problem with
 * hours is a generalised assignment problem, which no matching solves exactly). For each open
 * request that has eligible volunteers, the best of these moves is applied while it gains:
 * - insert: a volunteer with room and hours takes it;
 * - replace: a volunteer drops one of their new tasks so that it fits, and the dropped request
 *   is inserted elsewhere if it can be (or stays open, if that still gains).
 */
import type { EdgeGraph } from './edges.ts';
import type { Objective } from './types.ts';

export function improve(
  g: EdgeGraph,
  edgeOf: Int32Array,
  objective: Objective,
  candidates: Iterable<number>,
  maxMoves = 100_000,
): void {
  const m = g.volunteers.length;
  const held: number[][] = Array.from({ length: m }, () => []);
  const hours = new Float64Array(m);
  for (let i = 0; i < edgeOf.length; i++) {
    const e = edgeOf[i]!;
    if (e < 0) continue;
    held[g.vol[e]!]!.push(i);
    hours[g.vol[e]!]! += g.requests[i]!.hours;
  }
  const lp = objective.loadPenalty;
  const vol = (v: number) => g.volunteers[v]!;
  const freeHours = (v: number) => vol(v).weeklyHourCap - vol(v).hoursThisWeek - hours[v]!;
  const room = (v: number) => vol(v).capacity - vol(v).openTasks - held[v]!.length;
  const heldValue = (i: number) => g.value[edgeOf[i]!]!;

  /** Best insertion of request i (not into `skip`): [gain, edge], gain 0 if none. */
  const bestInsert = (i: number, skip: number): [number, number] => {
    let gain = 0;
    let edge = -1;
    const h = g.requests[i]!.hours;
    for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
      const v = g.vol[e]!;
      if (v === skip || room(v) <= 0 || h > freeHours(v)) continue;
      const w = g.value[e]! - lp * (vol(v).openTasks + held[v]!.length);
      if (w > gain) {
        gain = w;
        edge = e;
      }
    }
    return [gain, edge];
  };
  const assign = (i: number, e: number) => {
    const v = g.vol[e]!;
    edgeOf[i] = e;
    held[v]!.push(i);
    hours[v]! += g.requests[i]!.hours;
  };
  const unassign = (i: number) => {
    const v = g.vol[edgeOf[i]!]!;
    held[v]!.splice(held[v]!.indexOf(i), 1);
    hours[v]! -= g.requests[i]!.hours;
    edgeOf[i] = -1;
  };

  const queue = [...candidates];
  let moves = 0;
  while (queue.length > 0 && moves < maxMoves) {
    const i = queue.pop()!;
    if (edgeOf[i]! >= 0) continue;
    let [gain, edge] = bestInsert(i, -1);
    let out = -1;
    let outEdge = -1;
    const h = g.requests[i]!.hours;
    for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
      const v = g.vol[e]!;
      for (const t of held[v]!) {
        if (h > freeHours(v) + g.requests[t]!.hours) continue;
        const swap = g.value[e]! - heldValue(t);
        if (swap <= gain) continue; // even re-placed for free, t could not beat the best so far
        // Try t elsewhere with i in its place (hours of v do not matter: t leaves v).
        const [again, againEdge] = bestInsert(t, v);
        if (swap + again > gain + 1e-9) {
          gain = swap + again;
          edge = e;
          out = t;
          outEdge = againEdge;
        }
      }
    }
    if (edge < 0 || gain <= 1e-9) continue;
    if (out >= 0) {
      unassign(out);
      if (outEdge >= 0) assign(out, outEdge);
      else queue.push(out);
    }
    assign(i, edge);
    moves++;
  }
}
