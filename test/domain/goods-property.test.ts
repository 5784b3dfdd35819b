import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AllocationRequest,
  allocate,
  fairness,
  householdWeight,
} from '../../src/domain/goods/allocation.ts';
import { checkLimits, remainingUnderLimit } from '../../src/domain/goods/limits.ts';
import {
  MOVEMENT_KINDS,
  type Movement,
  postingsFor,
  stockRule,
} from '../../src/domain/goods/stock.ts';
import { MemoryLedger } from '../../src/domain/ledger/ledger.ts';

/** A small seeded generator (mulberry32): the same seed, the same cases, no dependency. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]! };
}

const RUNS = 400;

function randomRequests(r: ReturnType<typeof rng>): AllocationRequest[] {
  const n = r.int(0, 40);
  return Array.from({ length: n }, (_, i) => {
    const size = r.int(1, 9);
    return {
      householdId: `h${i}-${r.int(0, 1e6)}`,
      requested: r.int(0, 12),
      limitLeft: r.next() < 0.3 ? r.int(0, 6) : Number.POSITIVE_INFINITY,
      size,
      under14: r.int(0, size),
      shortLastTime: r.next() < 0.25,
    };
  });
}

describe('allocation properties (seeded random cases)', () => {
  it('never more than the stock, never more than asked or the limit allows, whole units', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const requests = randomRequests(r);
      const stock = r.int(0, 120);
      const res = allocate({ stock, requests, seed: `round-${s}` });
      const total = res.shares.reduce((a, x) => a + x.allocated, 0);
      assert.ok(total <= stock, `seed ${s}: ${total} > ${stock}`);
      const demand = res.shares.reduce((a, x) => a + x.cap, 0);
      assert.equal(
        total,
        Math.min(stock, demand),
        `seed ${s}: nothing is left on the shelf that someone asked for`,
      );
      res.shares.forEach((x, i) => {
        const q = requests[i]!;
        assert.ok(Number.isInteger(x.allocated) && x.allocated >= 0);
        assert.ok(x.allocated <= q.requested, `seed ${s}: more than asked`);
        assert.ok(x.allocated <= q.limitLeft, `seed ${s}: past the limit`);
        assert.ok(x.reasons.length > 0, 'every share is explained');
      });
    }
  });

  it('the same input gives the same result, whatever the order of the requests', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const requests = randomRequests(r);
      const stock = r.int(0, 80);
      const a = allocate({ stock, requests, seed: 'same' });
      const b = allocate({ stock, requests: [...requests].reverse(), seed: 'same' });
      const byId = (res: typeof a) => new Map(res.shares.map((x) => [x.householdId, x.allocated]));
      assert.deepEqual(byId(a), byId(b), `seed ${s}`);
      assert.deepEqual(allocate({ stock, requests, seed: 'same' }), a);
    }
  });

  it('nobody with a valid request gets nothing while another gets twice their fair share', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const requests = randomRequests(r);
      const res = allocate({ stock: r.int(0, 100), requests, seed: `p${s}` });
      const leftOut = res.shares.some((x) => x.cap > 0 && x.allocated === 0);
      if (!leftOut) continue;
      for (const x of res.shares) {
        // Goods are whole: one unit is the least anybody can get, even when the exact fair
        // share is a fraction of it.
        assert.ok(
          x.allocated <= Math.max(1, 2 * x.fairShare + 1e-9),
          `seed ${s}: ${x.householdId} has ${x.allocated}, fair share ${x.fairShare}, while someone got nothing`,
        );
      }
    }
  });

  it('everyone gets at least their fair share in whole units, and weights follow size', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const res = allocate({ stock: r.int(0, 200), requests: randomRequests(r), seed: `w${s}` });
      for (const x of res.shares) assert.ok(x.allocated >= Math.floor(x.fairShare + 1e-9));
      assert.ok(fairness(res).minWholeShareRatio >= 0.9);
    }
    assert.equal(householdWeight(1, 0), 1);
    assert.equal(householdWeight(4, 2), 1 + 0.5 + 0.6);
    const res = allocate({
      stock: 10,
      seed: 'x',
      requests: [
        {
          householdId: 'big',
          requested: 10,
          limitLeft: Infinity,
          size: 5,
          under14: 0,
          shortLastTime: false,
        },
        {
          householdId: 'one',
          requested: 10,
          limitLeft: Infinity,
          size: 1,
          under14: 0,
          shortLastTime: false,
        },
      ],
    });
    assert.deepEqual(
      res.shares.map((x) => x.allocated),
      [7, 3],
    );
  });
});

describe('ledger properties (seeded random movements)', () => {
  it('every movement sums to zero and no site ever goes below zero', () => {
    for (let s = 1; s <= 200; s++) {
      const r = rng(s);
      const ledger = new MemoryLedger(stockRule);
      const sites = ['a', 'b', 'c'];
      let accepted = 0;
      for (let k = 0; k < 60; k++) {
        const kind = r.pick(MOVEMENT_KINDS);
        const from = r.pick(sites);
        let to = r.pick(sites);
        if (kind === 'transfer' && to === from) to = sites[(sites.indexOf(from) + 1) % 3]!;
        const m: Movement = {
          kind,
          quantity: kind === 'adjustment' ? r.int(-8, 8) || 1 : r.int(1, 8),
          fromSiteId: from,
          toSiteId: to,
        };
        const postings = postingsFor(m);
        assert.equal(
          postings.reduce((a, p) => a + p.amount, 0),
          0,
        );
        if (ledger.apply(postings).ok) accepted += 1;
        for (const [account, balance] of ledger.entries())
          if (account.startsWith('site:'))
            assert.ok(balance >= 0, `seed ${s}: ${account} = ${balance}`);
      }
      const total = ledger.entries().reduce((a, [, b]) => a + b, 0);
      assert.equal(total, 0, 'the whole ledger sums to zero');
      assert.ok(accepted > 0);
    }
  });

  it('limits: a warning or a hard stop past the amount in the window, not before', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const limits = new Map([['d', { itemId: 'd', quantity: 2, days: 7, hard: true }]]);
    const history = [
      { itemId: 'd', quantity: 1, at: '2026-11-20T10:00:00Z' },
      { itemId: 'd', quantity: 5, at: '2026-11-10T10:00:00Z' },
    ];
    assert.deepEqual(checkLimits(limits, history, [{ itemId: 'd', quantity: 1 }], now), []);
    const [b] = checkLimits(limits, history, [{ itemId: 'd', quantity: 2 }], now);
    assert.equal(b?.already, 1);
    assert.equal(b?.hard, true);
    assert.equal(remainingUnderLimit(limits.get('d'), history, now), 1);
  });
});
