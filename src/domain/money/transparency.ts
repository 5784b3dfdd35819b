import { K_ANONYMITY_AID, type PublicTotal, publicTotalAt } from '../announcements/small-counts.ts';
import { INCOME_KINDS, type IncomeKind } from './funds.ts';
import type { SummaryRow } from './transparency-summary.ts';

/**
 * The public transparency page (issue 13, M5.7), from the summary alone: income by kind of
 * source, spending by category per month, fund balances, hours exchanged, and direct aid as
 * counts and totals per category. Never a recipient, never a receipt, donors only if listed.
 *
 * Direct aid reaches one household at a time, so anything that could be subtracted down to
 * fewer than k = 5 payments is not shown (DRAFT-ledgers.md, "what the public can derive"):
 * 1. Direct aid is not shown by month, only per category over the page's period; a category
 *    with fewer than 5 payments shows "fewer than 5", its total hidden with its count.
 * 2. Complementary suppression: the overall aid total minus the shown categories would give
 *    back the hidden ones, so more categories are hidden (the smallest first) until the
 *    hidden ones together hold at least 5 payments, or all are hidden.
 * 3. A fund's balance is shown at a month's end only when the direct aid it paid since the
 *    balance shown before is none or at least 5 payments: two balances a month apart would
 *    otherwise give one household's payment back. The month in progress is never shown.
 * Expenses and reimbursements by month are shown as they are: they pay shops and volunteers
 * (who are not named), not households.
 */
export interface PublicFund {
  id: string;
  name: string;
  kind: 'unrestricted' | 'restricted';
}

export interface TransparencyInput {
  rows: readonly SummaryRow[];
  /** The page's months, ascending ("2026-01".."2026-12"). */
  months: readonly string[];
  /** The last complete month: fund balances are shown up to its end, never later. */
  lastCompleteMonth: string;
  funds: readonly PublicFund[];
  k?: number;
}

export interface Series {
  key: string;
  byMonth: number[];
  total: number;
}

export interface PublicTransparency {
  months: string[];
  income: (Series & { key: IncomeKind })[];
  spending: Series[];
  hours: {
    exchanged: { byMonth: number[]; minutes: number; count: number };
    credited: { byMonth: number[]; minutes: number; count: number };
  };
  aid: { category: string; value: PublicTotal }[];
  aidOverall: PublicTotal;
  funds: (PublicFund & { asOf: string | null; balance: number | null })[];
  donors: { listed: string[]; anonymousDonations: number };
}

function series(
  rows: readonly SummaryRow[],
  metric: SummaryRow['metric'],
  months: readonly string[],
  field: 'amount' | 'count' = 'amount',
): Map<string, number[]> {
  const index = new Map(months.map((m, i) => [m, i]));
  const out = new Map<string, number[]>();
  for (const r of rows) {
    if (r.metric !== metric) continue;
    const i = index.get(r.month);
    if (i === undefined) continue;
    const s = out.get(r.key) ?? months.map(() => 0);
    s[i]! += r[field];
    out.set(r.key, s);
  }
  return out;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Aid per category with primary and complementary suppression (rules 1 and 2). */
export function publicAid(
  byCategory: ReadonlyMap<string, { count: number; total: number }>,
  k: number,
): { aid: { category: string; value: PublicTotal }[]; overall: PublicTotal } {
  const cells = [...byCategory]
    .filter(([, v]) => v.count > 0)
    .map(([category, v]) => ({ category, ...v, hidden: v.count < k }));
  let hiddenCount = sum(cells.filter((c) => c.hidden).map((c) => c.count));
  const visible = cells
    .filter((c) => !c.hidden)
    .sort((a, b) => a.count - b.count || a.total - b.total || (a.category < b.category ? -1 : 1));
  for (const c of visible) {
    if (hiddenCount === 0 || hiddenCount >= k) break;
    c.hidden = true;
    hiddenCount += c.count;
  }
  const aid = cells
    .sort((a, b) => (a.category < b.category ? -1 : 1))
    .map((c) => ({
      category: c.category,
      value: c.hidden ? ({ kind: 'few' } as const) : publicTotalAt(c.count, c.total, k),
    }));
  const overall = publicTotalAt(sum(cells.map((c) => c.count)), sum(cells.map((c) => c.total)), k);
  return { aid, overall };
}

/** The latest month-end balance of a fund that rule 3 lets the public see. */
export function publicFundBalance(
  rows: readonly SummaryRow[],
  fundId: string,
  lastCompleteMonth: string,
  k: number,
): { asOf: string; balance: number } | null {
  const flow = new Map<string, number>();
  const aid = new Map<string, number>();
  for (const r of rows) {
    if (r.key !== fundId || r.month > lastCompleteMonth) continue;
    if (r.metric === 'fund') flow.set(r.month, (flow.get(r.month) ?? 0) + r.amount);
    if (r.metric === 'fund-aid') aid.set(r.month, (aid.get(r.month) ?? 0) + r.count);
  }
  const months = [...new Set([...flow.keys(), ...aid.keys()])].sort();
  let balance = 0;
  let spanAid = 0;
  let shown: { asOf: string; balance: number } | null = null;
  for (const m of months) {
    balance += flow.get(m) ?? 0;
    spanAid += aid.get(m) ?? 0;
    if (spanAid === 0 || spanAid >= k) {
      shown = { asOf: m, balance };
      spanAid = 0;
    }
  }
  return shown;
}

export function publicTransparency(input: TransparencyInput): PublicTransparency {
  const k = input.k ?? K_ANONYMITY_AID;
  const months = [...input.months];
  const inRange = input.rows.filter((r) => months.includes(r.month));
  const income = series(inRange, 'income', months);
  const spending = series(inRange, 'spending', months);
  const hours = series(inRange, 'hours', months);
  const hourCounts = series(inRange, 'hours', months, 'count');
  const aidBy = new Map<string, { count: number; total: number }>();
  for (const r of inRange) {
    if (r.metric !== 'aid') continue;
    const e = aidBy.get(r.key) ?? { count: 0, total: 0 };
    e.count += r.count;
    e.total += r.amount;
    aidBy.set(r.key, e);
  }
  const { aid, overall } = publicAid(aidBy, k);
  const donorCounts = new Map<string, number>();
  for (const r of inRange)
    if (r.metric === 'donor') donorCounts.set(r.key, (donorCounts.get(r.key) ?? 0) + r.count);
  const listed = [...donorCounts].filter(([, n]) => n > 0).map(([name]) => name);
  const donations = sum(
    inRange.filter((r) => r.metric === 'income' && r.key === 'donation').map((r) => r.count),
  );
  const hoursOf = (key: string) => {
    const byMonth = hours.get(key) ?? months.map(() => 0);
    return { byMonth, minutes: sum(byMonth), count: sum(hourCounts.get(key) ?? []) };
  };
  const toSeries = (m: Map<string, number[]>) =>
    [...m]
      .map(([key, byMonth]) => ({ key, byMonth, total: sum(byMonth) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    months,
    income: INCOME_KINDS.filter((kind) => income.has(kind)).map((kind) => {
      const byMonth = income.get(kind)!;
      return { key: kind, byMonth, total: sum(byMonth) };
    }),
    spending: toSeries(spending),
    hours: { exchanged: hoursOf('exchange'), credited: hoursOf('credit') },
    aid,
    aidOverall: overall,
    funds: input.funds.map((f) => {
      const b = publicFundBalance(input.rows, f.id, input.lastCompleteMonth, k);
      return { ...f, asOf: b?.asOf ?? null, balance: b?.balance ?? null };
    }),
    donors: {
      listed: listed.sort((a, b) => a.localeCompare(b)),
      anonymousDonations: Math.max(0, donations - sum([...donorCounts.values()])),
    },
  };
}
