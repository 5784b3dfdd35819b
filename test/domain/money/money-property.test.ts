import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedMemoryLedger, checkBounded } from '../../../src/domain/ledger/bounds.ts';
import { balancesOf, type Posting } from '../../../src/domain/ledger/ledger.ts';
import { reversalPostings } from '../../../src/domain/ledger/reversal.ts';
import {
  type ApprovalEvent,
  type ApprovalState,
  approvalsNeeded,
  decide,
  type MoneyActor,
} from '../../../src/domain/money/approval.ts';
import { type Fund, fundBalances, moneyBounds } from '../../../src/domain/money/funds.ts';
import { incomePostings } from '../../../src/domain/money/income.ts';
import { checkPayment } from '../../../src/domain/money/payment-checks.ts';
import { defaultMoneySettings } from '../../../src/domain/money/settings.ts';
import { paymentPostings, type SpendingKind } from '../../../src/domain/money/spending.ts';
import {
  publicAid,
  publicFundBalance,
  publicTransparency,
} from '../../../src/domain/money/transparency.ts';
import {
  applyDeltas,
  type LedgerEvent,
  type SummaryRow,
  summarise,
  summaryDeltas,
} from '../../../src/domain/money/transparency-summary.ts';
import { type Rng, rng } from '../seeded.ts';

const RUNS = 150;
const CATS = ['groceries', 'rent', 'cash', 'transport'];
const settings = defaultMoneySettings({ code: 'USD', digits: 2 });
const FUNDS: Fund[] = [
  { id: 'gen', name: 'General', kind: 'unrestricted', categories: [], closed: false },
  { id: 'food', name: 'Food', kind: 'restricted', categories: ['groceries'], closed: false },
  { id: 'aid', name: 'Aid', kind: 'restricted', categories: ['cash', 'rent'], closed: false },
];
const month = (r: Rng) => `2026-${String(r.int(1, 12)).padStart(2, '0')}`;
const day = (r: Rng) => `${month(r)}-${String(r.int(1, 28)).padStart(2, '0')}`;

function randomEvent(r: Rng): { event: LedgerEvent; postings: Posting[] } {
  const on = day(r);
  if (r.chance(0.35)) {
    const kind = r.pick(['donation', 'grant'] as const);
    const amount = r.int(1, 400) * 100;
    const fundId = r.pick(FUNDS).id;
    const input =
      kind === 'donation'
        ? ({
            kind,
            amount,
            fundId,
            receivedOn: on,
            donor: { listed: r.chance(0.5), name: r.pick(['Ana', 'Bo', null]) },
          } as const)
        : ({
            kind,
            amount,
            fundId,
            receivedOn: on,
            funder: 'F',
            periodStart: on,
            periodEnd: on,
            restriction: null,
          } as const);
    const listedDonor =
      kind === 'donation' && input.kind === 'donation' && input.donor.listed
        ? input.donor.name
        : null;
    return {
      event: { type: 'income', kind, on, amount, fundId, listedDonor },
      postings: incomePostings(input),
    };
  }
  if (r.chance(0.1)) {
    const input = {
      kind: 'in-kind',
      receivedOn: on,
      donor: { listed: false, name: null },
      lines: [{ itemId: 'rice', description: 'rice', quantity: r.int(1, 9), unitValue: 250 }],
    } as const;
    const amount = input.lines[0].quantity * 250;
    return {
      event: { type: 'income', kind: 'in-kind', on, amount, fundId: null, listedDonor: null },
      postings: incomePostings(input),
    };
  }
  const kind = r.pick(['expense', 'reimbursement', 'direct-aid'] as SpendingKind[]);
  const category = r.pick(CATS);
  const fundId = r.pick(FUNDS).id;
  const amount = r.int(1, 150) * 100;
  return {
    event: { type: 'payment', kind, category, on, amount, fundId },
    postings: paymentPostings(fundId, category, amount),
  };
}

describe('money properties (seeded random books)', () => {
  it('every transaction sums to zero, no fund goes below zero or pays outside its purpose, balances equal postings', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const ledger = new BoundedMemoryLedger(moneyBounds);
      const log: Posting[][] = [];
      let refusedForFund = 0;
      for (let k = 0; k < 120; k++) {
        const { event, postings } = randomEvent(r);
        assert.equal(
          postings.reduce((a, p) => a + p.amount, 0),
          0,
          `seed ${s}: sums to zero`,
        );
        if (event.type === 'payment') {
          const fund = FUNDS.find((f) => f.id === event.fundId)!;
          const check = checkPayment({
            kind: event.kind,
            amount: event.amount,
            currency: 'USD',
            category: event.category,
            receipt: { kind: 'file', receiptId: 'r' },
            fund,
            fundBalance: ledger.get(`fund:${fund.id}`),
            settings,
            aidHistory: [],
            now: new Date(),
            warningsAcknowledged: true,
          });
          if (!check.ok) {
            refusedForFund += 1;
            // The pure check and the ledger's own bound agree on money that is not there.
            const short = check.refusals.some((x) => x.code === 'MONEY_FUND_INSUFFICIENT');
            assert.equal(short, !checkBounded(postings, ledger, moneyBounds).ok, `seed ${s}`);
            if (check.refusals.some((x) => x.code === 'MONEY_FUND_RESTRICTED'))
              assert.ok(fund.kind === 'restricted' && !fund.categories.includes(event.category));
            continue;
          }
          assert.ok(fund.kind === 'unrestricted' || fund.categories.includes(event.category));
          assert.ok(ledger.apply(postings).ok, `seed ${s}: the ledger takes what the check passed`);
        } else assert.ok(ledger.apply(postings).ok);
        log.push(postings);
        if (r.chance(0.05) && log.length) {
          const i = r.int(0, log.length - 1);
          // A reversal of income may not take a fund below zero either; it waits then.
          const rev = reversalPostings(log[i]!);
          if (ledger.apply(rev).ok) log.push(rev);
        }
        for (const [account, b] of ledger.entries())
          if (account.startsWith('fund:')) assert.ok(b >= 0, `seed ${s}: ${account} = ${b}`);
      }
      const fromLog = balancesOf(log.flat());
      for (const [a, b] of ledger.entries()) assert.equal(b, fromLog.get(a) ?? 0);
      const funds = [...fundBalances(log.flat()).values()].reduce((a, b) => a + b, 0);
      const income = -[...fromLog]
        .filter(([a]) => a === 'income:donation' || a === 'income:grant')
        .reduce((a, [, b]) => a + b, 0);
      const spent = [...fromLog]
        .filter(([a]) => a.startsWith('spend:'))
        .reduce((a, [, b]) => a + b, 0);
      assert.equal(
        funds,
        income - spent,
        `seed ${s}: the funds hold income minus spending, in-kind apart`,
      );
      assert.ok(refusedForFund > 0);
    }
  });

  it('the summary kept by deltas equals the summary rebuilt from what stands, reversals included', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(500 + s);
      const kept = new Map<string, SummaryRow>();
      const events: { event: LedgerEvent; reversed: boolean }[] = [];
      for (let k = 0; k < 150; k++) {
        if (events.length && r.chance(0.15)) {
          const e = r.pick(events);
          if (!e.reversed) {
            // A reversal counts on the original's date, so its month nets to what stands.
            applyDeltas(kept, summaryDeltas(e.event, -1));
            e.reversed = true;
          }
          continue;
        }
        const { event } = r.chance(0.1)
          ? {
              event: {
                type: 'time',
                source: r.pick(['exchange', 'credit'] as const),
                on: day(r),
                minutes: r.int(1, 8) * 30,
              } as LedgerEvent,
            }
          : randomEvent(r);
        applyDeltas(kept, summaryDeltas(event));
        events.push({ event, reversed: false });
      }
      const rebuilt = summarise(
        events.filter((e) => !e.reversed).map((e) => ({ event: e.event, sign: 1 as const })),
      );
      const norm = (m: Map<string, SummaryRow>) =>
        [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      assert.deepEqual(norm(kept), norm(rebuilt), `seed ${s}`);
      for (const row of kept.values()) assert.ok(row.count >= 0, 'no count goes negative');
    }
  });

  it('the public page never shows direct aid that adds up to fewer than 5 payments', () => {
    const K = 5;
    for (let s = 1; s <= 400; s++) {
      const r = rng(900 + s);
      const byCategory = new Map<string, { count: number; total: number }>();
      for (const c of r.sample(
        ['cash', 'rent', 'bills', 'phone', 'school', 'medicine'],
        r.int(0, 6),
      ))
        byCategory.set(c, { count: r.int(0, 9), total: r.int(1, 1000) * 100 });
      const { aid, overall } = publicAid(byCategory, K);
      const hidden = aid.filter((a) => a.value.kind === 'few');
      const hiddenCount = hidden.reduce((a, h) => a + byCategory.get(h.category)!.count, 0);
      for (const a of aid)
        if (a.value.kind === 'total') {
          assert.ok(a.value.n >= K, `seed ${s}: ${a.category} shown with ${a.value.n}`);
          assert.equal(a.value.total, byCategory.get(a.category)!.total);
        }
      const totalCount = [...byCategory.values()].reduce((a, v) => a + v.count, 0);
      if (overall.kind === 'total') {
        assert.ok(overall.n >= K);
        // What overall minus the shown rows gives back covers 0 or at least K payments.
        assert.ok(hiddenCount === 0 || hiddenCount >= K, `seed ${s}: hidden ${hiddenCount}`);
      } else assert.ok(totalCount < K);
    }
  });

  it('fund balances seen month after month never differ by fewer than 5 aid payments', () => {
    const K = 5;
    for (let s = 1; s <= 300; s++) {
      const r = rng(1300 + s);
      const rows: SummaryRow[] = [];
      const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
      for (const m of months) {
        const aid = r.chance(0.5) ? r.int(0, 7) : 0;
        rows.push({ metric: 'fund', month: m, key: 'f', amount: r.int(-50, 200) * 100, count: 1 });
        if (aid)
          rows.push({ metric: 'fund-aid', month: m, key: 'f', amount: aid * 5000, count: aid });
      }
      // An observer reads the page at the end of every month and keeps what it showed.
      const seen: { asOf: string; balance: number }[] = [];
      for (const m of months) {
        const b = publicFundBalance(rows, 'f', m, K);
        if (b && (seen.length === 0 || seen.at(-1)!.asOf !== b.asOf)) seen.push(b);
      }
      let prev = '0000-00';
      for (const shown of seen) {
        const between = rows
          .filter((x) => x.metric === 'fund-aid' && x.month > prev && x.month <= shown.asOf)
          .reduce((a, x) => a + x.count, 0);
        assert.ok(
          between === 0 || between >= K,
          `seed ${s}: ${between} payments between ${prev} and ${shown.asOf}`,
        );
        const balance = rows
          .filter((x) => x.metric === 'fund' && x.month <= shown.asOf)
          .reduce((a, x) => a + x.amount, 0);
        assert.equal(shown.balance, balance);
        prev = shown.asOf;
      }
      const page = publicTransparency({
        rows,
        months,
        lastCompleteMonth: '2026-11',
        funds: [{ id: 'f', name: 'F', kind: 'restricted' }],
      });
      assert.ok(
        page.funds[0]!.asOf === null || page.funds[0]!.asOf <= '2026-11',
        'never the month in progress',
      );
    }
  });

  it('whatever happens, a paid item was approved by enough people, none of whom submitted or is paid', () => {
    const people: MoneyActor[] = ['a', 'b', 'c', 'd'].map((id, i) => ({
      personId: id,
      mayApprove: i > 0,
      mayPay: i > 1,
    }));
    let paid = 0;
    for (let s = 1; s <= 400; s++) {
      const r = rng(2000 + s);
      const submitter = r.pick(people).personId;
      let st: ApprovalState = {
        status: 'draft',
        amount: r.int(1, 1000) * 100,
        submittedBy: submitter,
        interestedPerson: r.chance(0.5) ? submitter : r.pick(people).personId,
        approvals: [],
        returnReason: null,
        rejectReason: null,
      };
      const events: ApprovalEvent[] = [
        { kind: 'submit' },
        { kind: 'approve' },
        { kind: 'approve' },
        { kind: 'return', reason: 'why' },
        { kind: 'reject', reason: 'no' },
        { kind: 'pay' },
        { kind: 'edit' },
      ];
      for (let k = 0; k < 60; k++) {
        const actor = r.pick(people);
        const res = decide(
          st,
          r.pick(events),
          actor,
          50000,
          `2026-12-01T00:00:${String(k).padStart(2, '0')}Z`,
        );
        if (!res.ok) continue;
        const before = st;
        st = res.state;
        if (st.status === 'paid' && before.status !== 'paid') {
          paid += 1;
          const by = st.approvals.map((x) => x.by);
          assert.equal(new Set(by).size, by.length, 'approvers are different people');
          assert.ok(by.length >= approvalsNeeded(st.amount, 50000));
          assert.ok(!by.includes(st.submittedBy) && !by.includes(st.interestedPerson ?? ''));
          assert.ok(actor.personId !== st.submittedBy && actor.personId !== st.interestedPerson);
        }
      }
    }
    assert.ok(paid > 20, `payments happened (${paid})`);
  });
});
