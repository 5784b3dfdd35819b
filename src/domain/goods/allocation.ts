/**
 * Fair allocation of a scarce item (docs/adr/0009-goods-ledger-and-allocation.md).
 *
 * The rule, in words: each household has a weight from its size on the usual equivalence
 * scale (the first person 1, each other person aged 14 or over 0.5, each child under 14 0.3),
 * times 1.25 when it received less than it asked for last time. Stock is shared by weighted
 * max-min fairness ("water-filling"): every unit of weight gets the same amount, except that
 * nobody gets more than they asked for or than their household limit leaves; what those
 * households do not take is shared among the rest the same way. Goods come in whole units,
 * so each household gets its fair share rounded down, and the units left over go one each to
 * the households furthest below their share (those with nothing first), then to those with
 * the largest fraction, then to those who got less last time, then in an order drawn from
 * the round's seed, so the same input always gives the same result.
 */

export interface AllocationRequest {
  householdId: string;
  /** Whole units asked for. */
  requested: number;
  /** What the household limit still allows (Infinity when the item has none). */
  limitLeft: number;
  /** People in the household, and how many of them are under 14. */
  size: number;
  under14: number;
  /** Received less than asked for in the last round of this item. */
  shortLastTime: boolean;
}

export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

export interface Share {
  householdId: string;
  requested: number;
  cap: number;
  weight: number;
  /** The exact (fractional) fair share; whole units are handed out. */
  fairShare: number;
  allocated: number;
  reasons: Reason[];
}

export interface AllocationResult {
  stock: number;
  /** Units per unit of weight for the households not held by their cap. */
  level: number;
  enough: boolean;
  allocated: number;
  shares: Share[];
}

export const CATCH_UP_FACTOR = 1.25;
const EPS = 1e-9;

/** The household's weight on the modified OECD scale: 1, +0.5 per person 14+, +0.3 per child. */
export function householdWeight(size: number, under14: number): number {
  const people = Math.max(1, Math.floor(size));
  const children = Math.min(Math.max(0, Math.floor(under14)), people - 1);
  const others = people - 1 - children;
  return 1 + 0.5 * others + 0.3 * children;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** FNV-1a of seed and id: a fixed, well-spread order for the last ties. */
function tieBreak(seed: string, id: string): number {
  let h = 0x811c9dc5;
  const s = `${seed}:${id}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function allocate(input: {
  stock: number;
  requests: readonly AllocationRequest[];
  seed: string;
}): AllocationResult {
  const stock = Math.max(0, Math.floor(input.stock));
  const n = input.requests.length;
  const cap = new Float64Array(n);
  const weight = new Float64Array(n);
  const fair = new Float64Array(n);
  const alloc = new Int32Array(n);
  let demand = 0;
  input.requests.forEach((r, i) => {
    const left = Number.isFinite(r.limitLeft) ? Math.max(0, Math.floor(r.limitLeft)) : Infinity;
    cap[i] = Math.max(0, Math.min(Math.floor(r.requested), left));
    weight[i] = householdWeight(r.size, r.under14) * (r.shortLastTime ? CATCH_UP_FACTOR : 1);
    demand += cap[i]!;
  });

  const enough = demand <= stock;
  let level = Infinity;
  if (enough) {
    for (let i = 0; i < n; i++) fair[i] = cap[i]!;
  } else {
    // Water-filling: households whose cap is below the level are filled to it; the rest
    // share what remains by weight.
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => cap[a]! / weight[a]! - cap[b]! / weight[b]!,
    );
    let left = stock;
    let w = 0;
    for (let i = 0; i < n; i++) w += weight[i]!;
    let k = 0;
    for (; k < n; k++) {
      const i = order[k]!;
      if ((cap[i]! / weight[i]!) * w > left + EPS) break;
      fair[i] = cap[i]!;
      left -= cap[i]!;
      w -= weight[i]!;
    }
    level = w > 0 ? left / w : 0;
    for (; k < n; k++) {
      const i = order[k]!;
      fair[i] = Math.min(cap[i]!, level * weight[i]!);
    }
  }

  // Whole units: floors first, then one more each for the households furthest below.
  let given = 0;
  for (let i = 0; i < n; i++) {
    alloc[i] = Math.min(cap[i]!, Math.floor(fair[i]! + EPS));
    given += alloc[i]!;
  }
  let spare = Math.min(stock, demand) - given;
  if (spare > 0) {
    const ties = input.requests.map((r) => tieBreak(input.seed, r.householdId));
    const candidates: number[] = [];
    for (let i = 0; i < n; i++)
      if (alloc[i]! < cap[i]! && fair[i]! - alloc[i]! > EPS) candidates.push(i);
    candidates.sort((a, b) => {
      const ra = alloc[a]! / fair[a]!;
      const rb = alloc[b]! / fair[b]!;
      if (Math.abs(ra - rb) > EPS) return ra - rb;
      const fa = fair[a]! - alloc[a]!;
      const fb = fair[b]! - alloc[b]!;
      if (Math.abs(fa - fb) > EPS) return fb - fa;
      const sa = input.requests[a]!.shortLastTime ? 0 : 1;
      const sb = input.requests[b]!.shortLastTime ? 0 : 1;
      if (sa !== sb) return sa - sb;
      return (
        ties[a]! - ties[b]! ||
        (input.requests[a]!.householdId < input.requests[b]!.householdId ? -1 : 1)
      );
    });
    for (const i of candidates) {
      if (spare <= 0) break;
      alloc[i] = alloc[i]! + 1;
      spare -= 1;
    }
  }

  let allocated = 0;
  const shares: Share[] = input.requests.map((r, i) => {
    allocated += alloc[i]!;
    return {
      householdId: r.householdId,
      requested: Math.floor(r.requested),
      cap: cap[i]!,
      weight: round2(weight[i]!),
      fairShare: fair[i]!,
      allocated: alloc[i]!,
      reasons: explain(r, {
        cap: cap[i]!,
        weight: weight[i]!,
        fair: fair[i]!,
        alloc: alloc[i]!,
        level,
        enough,
      }),
    };
  });
  return { stock, level: Number.isFinite(level) ? level : 0, enough, allocated, shares };
}

/** Each household's share in words, as message keys with their numbers. */
function explain(
  r: AllocationRequest,
  s: { cap: number; weight: number; fair: number; alloc: number; level: number; enough: boolean },
): Reason[] {
  const out: Reason[] = [];
  const people = Math.max(1, Math.floor(r.size));
  const children = Math.min(Math.max(0, Math.floor(r.under14)), people - 1);
  if (s.cap === 0) {
    out.push({ key: 'allocation.reason.limitReached', params: { requested: r.requested } });
    return out;
  }
  if (s.enough) {
    out.push({ key: 'allocation.reason.enough', params: { allocated: s.alloc } });
    return out;
  }
  out.push({
    key: 'allocation.reason.weight',
    params: { people, children, weight: round2(householdWeight(r.size, r.under14)) },
  });
  if (r.shortLastTime)
    out.push({ key: 'allocation.reason.catchUp', params: { weight: round2(s.weight) } });
  if (s.cap < r.requested)
    out.push({ key: 'allocation.reason.limit', params: { requested: r.requested, cap: s.cap } });
  if (s.fair >= s.cap - EPS && s.cap <= s.level * s.weight + EPS) {
    out.push({
      key: 'allocation.reason.fullRequest',
      params: { cap: s.cap, fair: round2(s.level * s.weight) },
    });
  } else {
    out.push({
      key: 'allocation.reason.level',
      params: { level: round2(s.level), fair: round2(s.fair) },
    });
  }
  if (s.alloc > Math.floor(s.fair + EPS))
    out.push({ key: 'allocation.reason.roundedUp', params: { allocated: s.alloc } });
  else if (s.alloc < s.fair - EPS)
    out.push({ key: 'allocation.reason.roundedDown', params: { allocated: s.alloc } });
  return out;
}

/** Fairness figures of a result: the lowest share ratio and the Gini of shares per weight. */
export function fairness(result: AllocationResult): {
  minShareRatio: number;
  minWholeShareRatio: number;
  gini: number;
  empty: number;
} {
  let minRatio = Infinity;
  let minWhole = Infinity;
  let empty = 0;
  const perWeight: number[] = [];
  for (const s of result.shares) {
    if (s.cap === 0) continue;
    if (s.allocated === 0) empty += 1;
    if (s.fairShare >= 1) minRatio = Math.min(minRatio, s.allocated / s.fairShare);
    const whole = Math.floor(s.fairShare + EPS);
    if (whole >= 1) minWhole = Math.min(minWhole, s.allocated / whole);
    perWeight.push(s.allocated / s.weight);
  }
  return {
    minShareRatio: Number.isFinite(minRatio) ? minRatio : 1,
    minWholeShareRatio: Number.isFinite(minWhole) ? minWhole : 1,
    gini: gini(perWeight),
    empty,
  };
}

export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    sum += v;
    weighted += (i + 1) * v;
  });
  return sum === 0 ? 0 : (2 * weighted) / (n * sum) - (n + 1) / n;
}
