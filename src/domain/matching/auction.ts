/**
 * Maximum-weight bipartite matching by Bertsekas' auction, on typed arrays. Pure.
 *
 * Persons are requests; objects are volunteer slots (slot j of volunteer v = its j-th new task;
 * request i values it at value(i, v) − penalty(slot)); every request also has a private
 * "stay open" object worth 0 whose price never moves, so leaving a request open is always
 * possible and the problem always has a solution.
 *
 * - Forward auction, Gauss–Seidel: an unassigned request finds its best and second-best net
 *   value (value − price) over its volunteers' slots and its stay-open object, and raises the
 *   best slot's price by (best − second + ε), evicting its holder. A volunteer keeps the two
 *   cheapest (penalty + price) of its slots, so a bid costs one pass over the request's
 *   volunteers, not over every slot of each.
 * - ε-scaling: ε from max value / 4 down by ×1/8 to max value × 1e-6; each phase keeps the
 *   assignments that still satisfy ε-complementary slackness and re-auctions the rest. After
 *   each phase the duality gap is measured, and the scaling stops early once it is within
 *   1e-6 of the matching's value.
 * - Cleanup after each phase (reverse auction, λ = 0): a slot left unassigned with a positive
 *   price (its holder re-bid elsewhere) would make the result suboptimal, as there are more
 *   objects than persons, so each such slot offers itself to its best request at the
 *   second-best margin, or drops its price to 0.
 *
 * On exit every request is ε-happy and every unassigned slot costs 0, so the matching is within
 * n·ε of the optimum (ε = max value × 1e-6); `bound` (Σ prices + Σ best profits) is a
 * certificate: no matching scores more.
 *
 * Time: O(E) per phase for the slackness check and the gap, plus the bids (each one pass over a
 * request's pairs) and the reverse offers (each one pass over a volunteer's pairs); a phase
 * re-auctions only the requests whose slackness broke, so in practice the whole is a few passes
 * over the E pairs per phase, × about 7 phases. Worst case is pseudo-polynomial, as for any
 * auction: O(n · E · max value / ε).
 */

export interface AuctionProblem {
  /** Requests. */
  n: number;
  /** Request i's pairs: start[i] .. start[i + 1], to volunteer vol[e] worth value[e]. */
  start: Int32Array;
  vol: Int32Array;
  value: Float64Array;
  /** Volunteer v's slots: slotStart[v] .. slotStart[v + 1]; each slot's load penalty. */
  slotStart: Int32Array;
  penalty: Float64Array;
}

export interface AuctionResult {
  /** The slot each request holds, or −1 if it stays open. */
  slotOf: Int32Array;
  bound: number;
}

const OPEN = -1;
const UNASSIGNED = -2;

export function auction(p: AuctionProblem, relativeEps = 1e-6, factor = 8): AuctionResult {
  const { n, start, vol, value, slotStart, penalty } = p;
  const m = slotStart.length - 1;
  const slots = slotStart[m]!;
  const slotVol = new Int32Array(slots);
  for (let v = 0; v < m; v++)
    for (let s = slotStart[v]!; s < slotStart[v + 1]!; s++) slotVol[s] = v;
  const price = new Float64Array(slots);
  const owner = new Int32Array(slots).fill(-1);
  const min1 = new Float64Array(m);
  const min2 = new Float64Array(m);
  const arg1 = new Int32Array(m);
  const held = new Int32Array(n).fill(UNASSIGNED);

  const refresh = (v: number) => {
    let a = Number.POSITIVE_INFINITY;
    let b = Number.POSITIVE_INFINITY;
    let k = -1;
    for (let s = slotStart[v]!; s < slotStart[v + 1]!; s++) {
      const c = penalty[s]! + price[s]!;
      if (c < a) {
        b = a;
        a = c;
        k = s;
      } else if (c < b) b = c;
    }
    min1[v] = a;
    min2[v] = b;
    arg1[v] = k;
  };
  for (let v = 0; v < m; v++) refresh(v);

  let maxValue = 0;
  for (let e = 0; e < value.length; e++) if (value[e]! > maxValue) maxValue = value[e]!;
  const slotOf = new Int32Array(n).fill(OPEN);
  if (maxValue <= 0 || slots === 0) return { slotOf, bound: 0 };
  const epsFinal = maxValue * relativeEps;

  /** Best net value over request i's slots (0 = stay open). */
  const bestNet = (i: number) => {
    let best = 0;
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const net = value[e]! - min1[vol[e]!]!;
      if (net > best) best = net;
    }
    return best;
  };
  /** Request i's profit (value − penalty − price of its slot; 0 if open), kept up to date. */
  const prof = new Float64Array(n);
  const profit = (i: number) => (held[i]! >= 0 ? prof[i]! : 0);

  const queue = new Int32Array(n + 1);
  let head = 0;
  let tail = 0;
  let queued = 0;
  const push = (i: number) => {
    queue[tail] = i;
    tail = tail === n ? 0 : tail + 1;
    queued++;
  };
  const pop = () => {
    const i = queue[head]!;
    head = head === n ? 0 : head + 1;
    queued--;
    return i;
  };

  const rStart = new Int32Array(m + 1);
  for (let e = 0; e < vol.length; e++) rStart[vol[e]! + 1]!++;
  for (let v = 0; v < m; v++) rStart[v + 1]! += rStart[v]!;
  const fill = rStart.slice(0, m);
  const rPerson = new Int32Array(vol.length);
  const rValue = new Float64Array(vol.length);
  for (let i = 0; i < n; i++) {
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const k = fill[vol[e]!]!++;
      rPerson[k] = i;
      rValue[k] = value[e]!;
    }
  }
  // A volunteer's requests, most valuable first, so a reverse offer can stop early; sorted
  // the first time the volunteer needs it.
  const sorted = new Uint8Array(m);
  const sortRequestsOf = (v: number) => {
    sorted[v] = 1;
    const from = rStart[v]!;
    const to = rStart[v + 1]!;
    if (to - from < 2) return;
    const ks = Array.from({ length: to - from }, (_, k) => from + k);
    ks.sort((a, b) => rValue[b]! - rValue[a]!);
    const persons = ks.map((k) => rPerson[k]!);
    const values = ks.map((k) => rValue[k]!);
    rPerson.set(persons, from);
    rValue.set(values, from);
  };

  const best = new Float64Array(n);
  let bound = 0;
  for (let eps = maxValue / 4; ; eps = Math.max(epsFinal, eps / factor)) {
    for (let i = 0; i < n; i++) {
      const s = held[i]!;
      // best[i] was measured by the previous phase's gapAndValue(), at today's prices.
      if (s !== UNASSIGNED && profit(i) >= best[i]! - eps) continue;
      if (s >= 0) owner[s] = -1;
      held[i] = UNASSIGNED;
      push(i);
    }
    while (queued > 0) {
      const i = pop();
      let b1 = 0;
      let b2 = Number.NEGATIVE_INFINITY;
      let bv = -1;
      let ba = 0;
      for (let e = start[i]!; e < start[i + 1]!; e++) {
        const v = vol[e]!;
        const a = value[e]!;
        const net = a - min1[v]!;
        if (net > b1) {
          const second = a - min2[v]!;
          b2 = second > b1 ? second : b1;
          b1 = net;
          bv = v;
          ba = a;
        } else if (net > b2) b2 = net;
      }
      if (bv < 0) {
        held[i] = OPEN;
        continue;
      }
      const s = arg1[bv]!;
      price[s]! += b1 - b2 + eps;
      const prev = owner[s]!;
      if (prev >= 0) {
        held[prev] = UNASSIGNED;
        push(prev);
      }
      owner[s] = i;
      held[i] = s;
      prof[i] = ba - penalty[s]! - price[s]!;
      refresh(bv);
    }
    reverseCleanup(eps);
    const [gap, total] = gapAndValue();
    bound = total + gap;
    if (eps <= epsFinal || gap <= relativeEps * total) break;
  }

  /**
   * [dual bound − value, value] of the current matching; the gap is Σ prices of unassigned
   * slots + Σ (best − own) profits, a true bound since no slot's price is below 0.
   */
  function gapAndValue(): [number, number] {
    let gap = 0;
    let total = 0;
    for (let s = 0; s < slots; s++) {
      if (owner[s] === -1) gap += price[s]!;
      else total += price[s]!;
    }
    for (let i = 0; i < n; i++) {
      const own = profit(i);
      best[i] = bestNet(i);
      gap += best[i]! - own;
      total += own;
    }
    return [gap, total];
  }

  function reverseCleanup(eps: number) {
    const stack: number[] = [];
    for (let s = 0; s < slots; s++) if (owner[s] === -1 && price[s]! > 0) stack.push(s);
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (owner[s] !== -1 || price[s] === 0) continue;
      const v = slotVol[s]!;
      let b1 = Number.NEGATIVE_INFINITY;
      let b2 = Number.NEGATIVE_INFINITY;
      let best = -1;
      let bestA = 0;
      const pen = penalty[s]!;
      if (sorted[v] === 0) sortRequestsOf(v);
      for (let k = rStart[v]!; k < rStart[v + 1]!; k++) {
        // Every profit is ≥ −ε (ε-slackness against staying open), so no request further down
        // the list can be worth more than value − penalty + ε: once that cannot beat the
        // second best (nor make a price above 0), the answer is known.
        if (rValue[k]! - pen + eps <= (b2 > eps ? b2 : eps)) break;
        const i = rPerson[k]!;
        const val = rValue[k]! - pen - profit(i);
        if (val > b1) {
          b2 = b1;
          b1 = val;
          best = i;
          bestA = rValue[k]!;
        } else if (val > b2) b2 = val;
      }
      if (best < 0 || b1 - eps <= 0) {
        price[s] = 0;
        refresh(v);
        continue;
      }
      price[s] = Math.max(0, b2 - eps);
      const old = held[best]!;
      if (old >= 0) {
        owner[old] = -1;
        refresh(slotVol[old]!);
        if (price[old]! > 0) stack.push(old);
      }
      owner[s] = best;
      held[best] = s;
      prof[best] = bestA - penalty[s]! - price[s]!;
      refresh(v);
    }
  }

  for (let i = 0; i < n; i++) slotOf[i] = held[i]! >= 0 ? held[i]! : OPEN;
  return { slotOf, bound };
}
