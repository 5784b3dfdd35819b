import { performance } from 'node:perf_hooks';
import {
  type AllocationRequest,
  type AllocationResult,
  allocate,
  fairness,
  householdWeight,
} from '../src/domain/goods/allocation.ts';

/**
 * `npm run bench -- allocation`: 10,000 households asking for 50 scarce items (about ten
 * items each, stock 40 to 80 % of what is asked), one allocation round per item. Prints the
 * time of the whole round and its fairness, beside two baselines measured in the same run:
 * first come, first served, and shares proportional to what was asked.
 */
const HOUSEHOLDS = 10_000;
const ITEMS = 50;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scenario() {
  const r = rng(42);
  const households = Array.from({ length: HOUSEHOLDS }, (_, i) => {
    const size = 1 + Math.floor(r() * r() * 8);
    return { id: `h${i}`, size, under14: Math.floor(r() * size * 0.6), short: r() < 0.2 };
  });
  const items = Array.from({ length: ITEMS }, () => {
    const requests: AllocationRequest[] = [];
    for (const h of households) {
      if (r() > 0.2) continue;
      requests.push({
        householdId: h.id,
        requested: 1 + Math.floor(r() * 2 * Math.ceil(h.size / 2) + r() * 3),
        limitLeft: r() < 0.1 ? Math.floor(r() * 3) : Number.POSITIVE_INFINITY,
        size: h.size,
        under14: h.under14,
        shortLastTime: h.short,
      });
    }
    const demand = requests.reduce((a, q) => a + Math.min(q.requested, q.limitLeft), 0);
    return { requests, stock: Math.floor(demand * (0.4 + r() * 0.4)) };
  });
  return items;
}

/** A baseline as an AllocationResult, with the same fair shares, so the figures compare. */
function baseline(
  fair: AllocationResult,
  requests: AllocationRequest[],
  stock: number,
  kind: 'fcfs' | 'proportional',
): AllocationResult {
  let left = stock;
  const demand = fair.shares.reduce((a, s) => a + s.cap, 0);
  const shares = fair.shares.map((s, i) => {
    const want = s.cap;
    const give =
      kind === 'fcfs'
        ? Math.min(want, left)
        : Math.min(want, Math.floor((want * stock) / Math.max(1, demand)));
    left -= give;
    return {
      ...s,
      weight: householdWeight(requests[i]!.size, requests[i]!.under14),
      allocated: give,
    };
  });
  return { ...fair, shares };
}

export async function run(): Promise<void> {
  const items = scenario();
  const asks = items.reduce((a, x) => a + x.requests.length, 0);
  console.log(`${HOUSEHOLDS} households, ${ITEMS} items, ${asks} asks; stock 40-80 % of demand`);
  const times: number[] = [];
  let results: AllocationResult[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    results = items.map((x, i) =>
      allocate({ stock: x.stock, requests: x.requests, seed: `round-${i}` }),
    );
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const summary = (label: string, rs: AllocationResult[]) => {
    let minRatio = 1;
    let minWhole = 1;
    let gini = 0;
    let empty = 0;
    for (const r of rs) {
      const f = fairness(r);
      minRatio = Math.min(minRatio, f.minShareRatio);
      minWhole = Math.min(minWhole, f.minWholeShareRatio);
      gini += f.gini / rs.length;
      empty += f.empty;
    }
    console.log(
      `${label.padEnd(22)} min share ratio ${minWhole.toFixed(3)} (whole units; exact ${minRatio.toFixed(3)})  mean Gini of shares per weight ${gini.toFixed(3)}  households left with nothing ${empty}`,
    );
  };
  console.log(
    `allocation round (all 50 items): median ${times[2]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms (target < 1000 ms)`,
  );
  summary('fair rule (ours)', results);
  summary(
    'first come, first served',
    results.map((r, i) => baseline(r, items[i]!.requests, items[i]!.stock, 'fcfs')),
  );
  summary(
    'proportional to ask',
    results.map((r, i) => baseline(r, items[i]!.requests, items[i]!.stock, 'proportional')),
  );
  const over = results.some(
    (r, i) => r.shares.reduce((a, s) => a + s.allocated, 0) > items[i]!.stock,
  );
  console.log(`never more than the stock: ${over ? 'NO' : 'yes'}`);
}
