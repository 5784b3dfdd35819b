import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedMemoryLedger, withinBounds } from '../../../src/domain/ledger/bounds.ts';
import { balancesOf, type Posting } from '../../../src/domain/ledger/ledger.ts';
import { reversalPostings } from '../../../src/domain/ledger/reversal.ts';
import { netFor } from '../../../src/domain/ledger/statement.ts';
import {
  boundsOfAccount,
  DEFAULT_TIMEBANK_SETTINGS,
  type TimeAccount,
} from '../../../src/domain/timebank/accounts.ts';
import {
  type CreditHistoryEntry,
  currentCredit,
  desiredCredit,
  planCredit,
} from '../../../src/domain/timebank/credits.ts';
import {
  statementPage,
  statementPeriod,
  type TimeLine,
} from '../../../src/domain/timebank/statement.ts';
import {
  checkTransferLimits,
  type Leg,
  planTransfer,
} from '../../../src/domain/timebank/transfer.ts';
import { type Rng, rng } from '../seeded.ts';

const RUNS = 150;
const POOL = 'pool';
const CATS = DEFAULT_TIMEBANK_SETTINGS.categories;

function randomAccounts(r: Rng): TimeAccount[] {
  const n = r.int(2, 8);
  const members = Array.from({ length: n }, (_, i): TimeAccount => {
    const over = (side: 'floor' | 'ceiling') =>
      r.chance(0.6)
        ? 'inherit'
        : r.chance(0.3)
          ? 'none'
          : side === 'floor'
            ? -r.int(0, 900)
            : r.int(0, 900);
    return {
      id: `m${i}`,
      kind: 'member',
      personId: `p${i}`,
      noDebt: r.chance(0.25),
      floor: over('floor'),
      ceiling: over('ceiling'),
      closed: false,
    };
  });
  const pool: TimeAccount = {
    id: POOL,
    kind: 'pool',
    personId: null,
    noDebt: false,
    floor: 'inherit',
    ceiling: 'inherit',
    closed: false,
  };
  return [...members, pool];
}

function randomLegs(r: Rng, ids: readonly string[]): Leg[] {
  const members = ids.filter((id) => id !== POOL);
  const shape = r.int(0, 2);
  const minutes = () => r.pick([15, 30, 45, 60, 90, 120, 240, 600]);
  if (shape === 0) {
    const [a, b] = r.sample(members, 2);
    return [{ from: a!, to: b!, minutes: minutes() }];
  }
  const k = r.int(2, Math.max(2, members.length - 1));
  const [single, ...many] = r.sample(members, Math.min(members.length, k + 1));
  return shape === 1
    ? many.map((to) => ({ from: single!, to, minutes: minutes() }))
    : many.map((from) => ({ from, to: single!, minutes: minutes() }));
}

function world(seed: number) {
  const r = rng(seed);
  const accounts = randomAccounts(r);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const settings = {
    floor: r.chance(0.8) ? -r.int(0, 20) * 60 : null,
    ceiling: r.chance(0.6) ? r.int(1, 30) * 60 : null,
  };
  const boundsOf = (id: string) => boundsOfAccount(byId.get(id)!, settings);
  const accountOf = (id: string) => ({ ...byId.get(id)!, bounds: boundsOf(id) });
  return { r, accounts, ids: accounts.map((a) => a.id), boundsOf, accountOf };
}

describe('timebank properties (seeded random transfers)', () => {
  it('every transaction sums to zero, and balances equal the sum of the postings', () => {
    for (let s = 1; s <= RUNS; s++) {
      const { r, ids, boundsOf, accountOf } = world(s);
      const ledger = new BoundedMemoryLedger(boundsOf);
      const log: Posting[][] = [];
      for (let k = 0; k < 80; k++) {
        const res = planTransfer(
          { legs: randomLegs(r, ids), category: r.pick(CATS), note: 'n' },
          CATS,
        );
        assert.ok(res.ok, `seed ${s}: a well-formed transfer plans`);
        const { postings, total } = res.plan;
        assert.equal(
          postings.reduce((a, p) => a + p.amount, 0),
          0,
          `seed ${s}: sums to zero`,
        );
        assert.equal(
          postings.filter((p) => p.amount > 0).reduce((a, p) => a + p.amount, 0),
          total,
        );
        if (checkTransferLimits(postings, ledger, accountOf).length === 0) {
          assert.ok(ledger.apply(postings).ok);
          log.push(postings);
        }
        if (log.length && r.chance(0.1)) {
          const rev = reversalPostings(r.pick(log));
          assert.equal(
            rev.reduce((a, p) => a + p.amount, 0),
            0,
          );
          assert.ok(ledger.force(rev).ok);
          log.push(rev);
        }
      }
      const fromLog = balancesOf(log.flat());
      for (const id of ids) assert.equal(ledger.get(id), fromLog.get(id) ?? 0, `seed ${s}: ${id}`);
      assert.equal(
        [...fromLog.values()].reduce((a, b) => a + b, 0),
        0,
        'the whole ledger is zero',
      );

      // A statement's running balance ends at the balance, forward from zero and backward
      // from the balance alike.
      for (const id of ids) {
        const lines: TimeLine[] = log
          .map((p, i) => ({ p, i }))
          .filter(({ p }) => p.some((x) => x.account === id))
          .map(({ p, i }) => ({
            transactionId: `t${i}`,
            at: new Date(1_700_000_000_000 + i * 60_000).toISOString(),
            kind: 'transfer' as const,
            category: 'care',
            note: '',
            counterparts: [],
            reverses: null,
            amount: netFor(id, p),
          }));
        const forward = statementPeriod(0, lines);
        assert.equal(forward.at(-1)?.balance ?? 0, ledger.get(id));
        const backward = statementPage(ledger.get(id), [...lines].reverse());
        assert.deepEqual([...backward].reverse(), forward, `seed ${s}: ${id} both ways agree`);
      }
    }
  });

  it('no transfer accepted by the check leaves an account past its limits', () => {
    let refused = 0;
    for (let s = 1; s <= RUNS; s++) {
      const { r, ids, boundsOf, accountOf } = world(1000 + s);
      const ledger = new BoundedMemoryLedger(boundsOf);
      for (let k = 0; k < 120; k++) {
        const res = planTransfer({ legs: randomLegs(r, ids), category: 'care', note: 'n' }, CATS);
        assert.ok(res.ok);
        const refusals = checkTransferLimits(res.plan.postings, ledger, accountOf);
        if (refusals.length === 0) {
          assert.ok(ledger.apply(res.plan.postings).ok, 'the ledger agrees with the check');
        } else {
          refused += 1;
          for (const f of refusals) {
            const p = f.params;
            const account = String(p.account);
            assert.equal(
              p.balance,
              ledger.get(account),
              'the refusal names the balance it starts from',
            );
            assert.equal(p.after, Number(p.balance) + Number(p.change));
            assert.ok(Number(p.over) > 0);
            const b = boundsOf(account);
            assert.equal(p.bound, p.limit === 'floor' ? b.floor : b.ceiling, 'and the limit');
            if (f.code === 'TIME_NO_DEBT') assert.ok(accountOf(account).noDebt);
          }
        }
        for (const id of ids)
          assert.ok(
            withinBounds(ledger.get(id), boundsOf(id)),
            `seed ${s}: ${id} = ${ledger.get(id)}`,
          );
        for (const a of ids.filter((id) => accountOf(id).noDebt))
          assert.ok(ledger.get(a) >= 0, 'a no-debt account never goes below zero');
      }
    }
    assert.ok(refused > 100, `the limits were exercised (${refused} refusals)`);
  });

  it('a reversal restores every balance', () => {
    for (let s = 1; s <= RUNS; s++) {
      const { r, ids, boundsOf, accountOf } = world(2000 + s);
      const ledger = new BoundedMemoryLedger(boundsOf);
      const log: Posting[][] = [];
      for (let k = 0; k < 40; k++) {
        const res = planTransfer({ legs: randomLegs(r, ids), category: 'care', note: 'n' }, CATS);
        if (res.ok && checkTransferLimits(res.plan.postings, ledger, accountOf).length === 0) {
          const before = new Map(ids.map((id) => [id, ledger.get(id)]));
          ledger.apply(res.plan.postings);
          log.push(res.plan.postings);
          if (r.chance(0.3)) {
            ledger.force(reversalPostings(res.plan.postings));
            log.pop();
            for (const id of ids) assert.equal(ledger.get(id), before.get(id), `seed ${s}: ${id}`);
          }
        }
      }
      // Reversing an older transaction leaves what the ledger would hold without it.
      if (log.length === 0) continue;
      const i = r.int(0, log.length - 1);
      ledger.force(reversalPostings(log[i]!));
      const without = balancesOf(log.filter((_, j) => j !== i).flat());
      for (const id of ids) assert.equal(ledger.get(id), without.get(id) ?? 0, `seed ${s}: ${id}`);
    }
  });

  it('crediting the same source twice changes nothing, and corrections leave exactly the hours', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(3000 + s);
      const ledger = new BoundedMemoryLedger(() => ({ floor: null, ceiling: null }));
      const volunteers = ['v1', 'v2', 'v3'];
      const sources = ['task:a', 'task:b', 'shift:c'];
      const history = new Map<string, CreditHistoryEntry[]>(sources.map((k) => [k, []]));
      const want = new Map<string, { account: string; hours: number | null }>();
      let tx = 0;
      const apply = (key: string, account: string, hours: number | null) => {
        const h = history.get(key)!;
        const action = planCredit(currentCredit(h), desiredCredit(true, account, hours), POOL);
        const post = (postings: Posting[], reverses: string | null) => {
          const id = `t${tx++}`;
          assert.ok(ledger.force(postings).ok);
          const credited = postings.find((p) => p.account !== POOL)!;
          h.push({
            transactionId: id,
            account: credited.account,
            minutes: Math.abs(credited.amount),
            reverses,
            reversedBy: null,
          });
          if (reverses) h.find((e) => e.transactionId === reverses)!.reversedBy = id;
        };
        if (action.kind === 'post') post(action.postings, null);
        if (action.kind === 'reverse') post(action.postings, action.transactionId);
        if (action.kind === 'reverse-and-post') {
          post(action.reversal, action.transactionId);
          post(action.postings, null);
        }
        return action.kind;
      };
      for (let k = 0; k < 40; k++) {
        const key = r.pick(sources);
        const account = r.pick(volunteers);
        const hours = r.chance(0.2) ? null : r.pick([0.25, 0.5, 1, 1.5, 2, 3.75]);
        apply(key, account, hours);
        want.set(key, { account, hours });
        // The same event again, as a retry or a second app server would send it.
        const snapshot = ledger.entries().sort();
        const len = history.get(key)!.length;
        assert.equal(apply(key, account, hours), 'none', `seed ${s}: the repeat is a no-op`);
        assert.deepEqual(ledger.entries().sort(), snapshot);
        assert.equal(history.get(key)!.length, len);
      }
      // What stands is exactly the last hours of each source, paid by the pool.
      const expected = new Map<string, number>();
      for (const [, w] of want)
        if (w.hours)
          expected.set(w.account, (expected.get(w.account) ?? 0) + Math.round(w.hours * 60));
      for (const v of volunteers)
        assert.equal(ledger.get(v), expected.get(v) ?? 0, `seed ${s}: ${v}`);
      const issued = [...expected.values()].reduce((a, b) => a + b, 0);
      assert.equal(ledger.get(POOL), 0 - issued);
      for (const h of history.values()) assert.ok(currentCredit(h) === null || h.length % 2 === 1);
    }
  });
});
